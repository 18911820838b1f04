"""Backprop Tutor's data files, shipped as the package `resources`: lessons/, i18n/ (ko.ts, ko.qm), icons/.

The folder stays at the top of the source tree and is also an importable package, so one lookup works in
all three ways the code runs: the plain source tree (the repository on sys.path), an editable install and a
wheel (pyproject.toml lists it with the packages and its files as package data). Code finds a file with
importlib.resources, never from its own __file__:

    from importlib.resources import files
    files("resources") / "lessons" / "notebook-xor.en.md"

This module holds no code: the files are the package.
"""
