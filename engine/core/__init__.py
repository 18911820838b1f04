"""One epoch by hand: the network description (spec), the per-operation forward/backward pairs (linear,
activations, losses, update), the network that composes them, and the trace that observes them (trace: the
Recorder; step: Step and its explanation). Imports nothing else of the engine but engine.text (the wording)."""
