"""`inspector-app` / `python -m inspector_app`: start the inspector's workstation."""
from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from .config import PROJECT_ROOT, default_paths

DEMO_PASSPHRASE = "demo-inspector"


def prepare_demo(data: Path) -> str:
    """A demo store (profile and a register of 2,000 facilities) unless one exists."""
    from .demo import demo_facilities
    from .domain.models import InspectorProfile
    from .storage.store import create_store, store_exists

    if not store_exists(data):
        store = create_store(data, DEMO_PASSPHRASE, InspectorProfile(
            name="Әйгерім Нұрланқызы Сәтбаева", position="бас маман",
            body_kk="Қазақстан Республикасы Оқу-ағарту министрлігінің Бала құқықтарын қорғау комитеті",
            body_ru="Комитет по охране прав детей Министерства просвещения Республики Казахстан",
            region="ALA", code="K07", language="kk"))
        store.facilities.upsert_many(demo_facilities(2000))
        store.close()
    return f"Demo / Демо: {DEMO_PASSPHRASE}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="inspector-app")
    parser.add_argument("--data-dir", type=Path, help="folder of the encrypted store")
    parser.add_argument("--lang", choices=("kk", "ru", "en"), default="kk")
    parser.add_argument("--demo", action="store_true", help="use a demo store with demo data")
    args = parser.parse_args(argv)
    paths = default_paths()
    if args.demo and not args.data_dir:
        args.data_dir = PROJECT_ROOT / "var" / "demo"
    if args.data_dir:
        paths = dataclasses.replace(paths, data=args.data_dir)
    hint = prepare_demo(paths.data) if args.demo else ""
    from .ui.app import run

    return run(paths, args.lang, hint)


if __name__ == "__main__":
    raise SystemExit(main())
