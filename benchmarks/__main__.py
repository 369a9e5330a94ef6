"""`make bench`: every benchmark module's table, and a non-zero exit if a goal is missed."""
from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from pathlib import Path

from .common import print_table


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    chosen = [a for a in argv if not a.startswith("-")]
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if m.name.startswith("bench_"))
    missed = 0
    for name in names:
        if chosen and name not in chosen:
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        rows = module.run(quick=quick) if "quick" in module.run.__code__.co_varnames else module.run()
        print_table(name, rows)
        missed += sum(1 for r in rows if not r["ok"])
    print(f"\n{missed} goal(s) missed" if missed else "\nall goals met")
    return 1 if missed else 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    # Skip interpreter finalisation: Qt objects torn down in arbitrary order after the
    # QApplication can crash on the way out, after every figure has been printed.
    os._exit(code)
