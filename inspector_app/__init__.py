"""Field Inspector: the shared core, the desktop app and the demo data."""

__version__ = "0.1.0"  # the one place the version is written (pyproject reads it)
