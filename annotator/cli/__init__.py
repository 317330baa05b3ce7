"""The `annotator` command line: argument parsing and printing only; the work is done by the operations.

``main`` is the entry point (the parser and the one place errors become exit codes); each other module
adds one group of commands to it.
"""
