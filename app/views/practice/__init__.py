"""Practice mode: write your own backward pass, check it against the engine, train with it; the notebook
lesson that walks through the notebook's mistakes; the menu entries that open them (menu.install).

    pane.py          PracticePane(session): composes the controls, the editor and the results; runs checks
    controls.py      PracticeControls: Check, Train with my code, epochs, lr, time-out, Template, Show shapes
    editor.py        CodeEditor: line numbers, monospace, highlighting (highlighter.py), the marked line
    shapes_layer.py  the shape of every sub-expression drawn under each code line after a check
    results.py       ResultsPanel: the error, the verdict table, the hint, the comparison and training tabs
    runner.py        CheckRunner: `python -m engine check … --json` in a QProcess (out of process, cancellable)
    reference.py     the engine's own loss curve for the same epochs, on a worker thread
    verdict_model.py VerdictModel: the checker's table
    compare.py       the learner's tensor beside the expected one
    train_plot.py    the learner's loss curve beside the reference, with the divergence marked
    wording.py       the verdicts' status labels; hints, errors and diagnoses shown from their engine Texts
    lesson.py        the guided lesson (resources/lessons/) in a dock
    menu.py          install(window): File ▸ Export code…, Help ▸ Lesson
"""
