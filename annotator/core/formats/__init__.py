"""File formats: one module per format, each with read_* and/or write_* functions and nothing else."""
