"""State across epochs: the trainer (history, rewind), divergence diagnosis and training health. Uses core/."""
