"""The learner's code: run it contained, read its tensors back, judge them in the parent."""
