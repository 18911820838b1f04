"""Backprop Tutor's engine: exact manual backprop in torch, with every operation recorded.

Never imports Qt, pyqtgraph or app/ (a test enforces it); `python -m engine` is its CLI.
"""
