"""`make bench`: every benchmark module's table, each in a process of its own (so memory
figures are its own), and a non-zero exit if a live goal is missed (rows marked
"reported" have none: they are shown, never failed)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

CHILD = """
import os, sys
from importlib import import_module
from benchmarks.common import missed, print_table
rows = import_module("benchmarks." + sys.argv[1]).run(quick=sys.argv[2] == "quick")
print_table(sys.argv[1], rows)
sys.stdout.flush()
# Skip interpreter finalisation: Qt objects torn down in arbitrary order after the
# QApplication can crash on the way out, after every figure has been printed.
os._exit(missed(rows))
"""


def main(argv: list[str]) -> int:
    quick = "quick" if "--quick" in argv else "full"
    chosen = [a for a in argv if not a.startswith("-")]
    root = Path(__file__).resolve().parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(root)]) if m.name.startswith("bench_"))
    missed = 0
    for name in names:
        if not chosen or name in chosen:
            missed += subprocess.run([sys.executable, "-c", CHILD, name, quick], cwd=root.parent).returncode
    print(f"\n{missed} goal(s) missed" if missed else "\nall goals met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
