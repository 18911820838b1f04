"""The oracles: the autograd reference and the gradient check. Uses core/ and training/."""
