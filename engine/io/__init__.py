"""Data in and out: datasets, CSV, presets, the session file format and the exported scripts."""
