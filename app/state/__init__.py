"""The state layer: QObjects, no widgets. Session (session.py) is the one owner of state; undo commands
(commands.py) are the only way to edit it; selection.py is the shared selection; run.py + worker.py train
off the GUI thread through task.py, the one idiom for background work; throttle.py rate-limits views.

For view authors
----------------
Signals
    network_changed()        spec or data replaced (a new Trainer): rebuild layer counts, table shapes …
    params_changed()         parameter values changed (edit, step, rewind, reset, end of a run)
    history_changed()        the loss history grew or was cut (read it from `session.losses`)
    trace_changed()          a new epoch trace, or none (`session.trace`)
    position_changed(int)    index of the current operation in the trace, -1 for none
    diverged(Diagnosis)      the loss or a parameter became non-finite (engine.training.diagnose.Diagnosis)
    dirty_changed(bool)      unsaved changes appeared / were saved
    path_changed(str)        the session file's path (after Save As / Open)
    about_to_run()           run mode is about to start: commit pending edits now (they still apply)
    running_changed(bool)    run mode started / stopped
    snapshot(Snapshot)       during run mode, at most 25 per second: epoch, loss, accuracy and a copy of the
                             parameters (`snap.params`); the last one of a run has `done=True`
    run_frame(Snapshot)      the same snapshots, at most 10 a second and always the last: readouts that need
                             not follow every one (status bar, toolbar, run view) take these and so name the
                             same epoch
    run_error(str)           the training task failed unexpectedly (message for the status bar)

Position: `trace`, `position`, `committed` (is the trace's epoch applied?), `shown_epoch` (the one epoch every
view names), `next_starts_epoch()`, `shown_loss`, `shown_accuracy`; `preview()` (the trace the next epoch would
record, computed once per state: what the inspector and the operations list show before the first operation).
Numbers: `params`, `losses`, `accuracies`, `accuracy_now()`, `health_readings()`, `per_sample_loss()`. A view
reads these, never `session.trainer` (tests/app/test_views_session_api.py guards the ones converted so far). `selection` is the shared
app.state.selection.Selection (the parameter cell and the followed sample).

Edits: build a command from app/state/commands.py and call `session.try_push(command)`. It returns None when
the edit was applied (and pushed onto the undo stack), or the engine's message (str) when it was refused; then
nothing changed and the view shows the message in place. Never call `apply_*` from a view directly: those
are what the commands call.

Run mode (app/state/run.py): while `session.running` is True a task off the GUI thread owns the Trainer.
Views must not read `session.trainer` then (its tensors change under them): take what they show from
`snapshot` signals, and re-read the session when `running_changed(False)` arrives (params_changed and
history_changed follow too).
`session.losses` is always safe to read: during a run it is a GUI-side copy fed from the task.

Cost during a run: the GUI thread shares the GIL with the training task, so every millisecond a view spends
on a snapshot is taken from training (benchmarks/bench_app.py measures it). Redraw only what changed, cheaply
(the loss plot: one setData, axes left alone); views that need not follow every snapshot follow `run_frame`
(about 10 a second and the run's last snapshot: the boundary, the run view, the status bar, the toolbar and
the loss readout, all naming the same epoch) or ask an app.state.throttle.Throttle (the weights and the
diagram twice a second); panes with
nothing to show during a run (the inspector, health, gradient check) say so and refresh when it stops.
"""
