"""One epoch by hand: the network description, activations, initialisation, the per-operation forward/backward
pairs, the network that composes them, and the trace that records them. Imports nothing else of the engine."""
