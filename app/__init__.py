"""Backprop Tutor's desktop app (PySide6 + pyqtgraph) around the engine."""
