"""Shared pieces of the benchmarks: timing, medians, percentiles and the printed table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def timings(action: Callable[[], object], repeat: int) -> list[float]:
    """Seconds taken by each of `repeat` calls."""
    result = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        result.append(time.perf_counter() - start)
    return result


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def row(name: str, value: float, unit: str, goal: str, ok: bool, floor: float | None = None) -> dict:
    """A figure with a live goal: `make bench` fails when `ok` is false."""
    ratio = value / floor if floor else None
    return {
        "name": name,
        "value": value,
        "unit": unit,
        "floor": floor,
        "ratio": ratio,
        "goal": goal,
        "ok": ok,
        "live": True,
    }


def reported(name: str, value: float, unit: str, floor: float | None = None, note: str = "reported") -> dict:
    """A figure shown for what it tells, with no goal: it never fails `make bench`.
    `note` says why (a retired goal names the goal it had)."""
    return {**row(name, value, unit, f"({note})", True, floor), "live": False}


def missed(rows: list[dict]) -> int:
    """Live goals missed."""
    return sum(1 for r in rows if r.get("live", True) and not r["ok"])


def print_table(title: str, rows: list[dict]) -> None:
    print(f"\n{title}")
    header = f"{'measure':58} {'value':>12} {'floor':>12} {'ratio':>7}  {'goal':18} ok"
    print(header)
    print("-" * len(header))
    for r in rows:
        floor = f"{r['floor']:.3f}" if r["floor"] is not None else "—"
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else "—"
        print(
            f"{r['name'][:58]:58} {r['value']:>9.3f} {r['unit']:<2} {floor:>12} {ratio:>7}  "
            f"{r['goal']:18} {_verdict(r)}"
        )


def _verdict(r: dict) -> str:
    if not r.get("live", True):
        return "—"  # no goal
    return "yes" if r["ok"] else "NO"
