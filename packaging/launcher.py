"""Entry point of the frozen app: the same `annotator` command as the pip-installed one."""

import sys

from annotator.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
