"""`python -m engine`: argument parsing (main) and one module per command."""
