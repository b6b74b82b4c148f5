"""Entry script for the PyInstaller build (packaging/finsamdesk.spec).

The same as the `finsamdesk` console script: the command line when a subcommand is
given (``finsamdesk templates list``), else the window. It imports the installed
package, so build from a venv where ``pip install .`` has been run.
"""
import sys

from finsamdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
