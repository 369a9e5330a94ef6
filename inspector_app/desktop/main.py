"""`inspector-app` / `python -m inspector_app`: start the inspector's workstation."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from inspector_app.core.paths import PROJECT_ROOT, Paths, default_paths

if TYPE_CHECKING:  # imported where it starts, only with --with-local-server
    from inspector_app.desktop.local_server import LocalServer

DEMO_PASSPHRASE = "demo-inspector"


def prepare_demo(paths, server_url: str | None) -> str:
    """A demo store unless one exists: enrolled with the server and filled by its first
    sync when a server is given, else with a local register of 2,000 facilities."""
    from inspector_app.core.domain.models import InspectorProfile
    from inspector_app.core.forms.catalogue import FormCatalogue
    from inspector_app.demo.facilities import demo_facilities
    from inspector_app.desktop.storage.store import create_store, store_exists

    if not store_exists(paths.data):
        store = create_store(
            paths.data,
            DEMO_PASSPHRASE,
            InspectorProfile(
                name="Айгүл Сәрсенова",
                position="бас маман",
                position_kk="бас маман",
                position_ru="главный специалист",
                body_kk="Қазақстан Республикасы Оқу-ағарту министрлігінің Бала құқықтарын қорғау комитеті",
                body_ru="Комитет по охране прав детей Министерства просвещения Республики Казахстан",
                region="AST",
                code="K07",
                language="kk",
            ),
        )
        if server_url:
            from inspector_app.desktop.local_server import enrol_demo

            received = paths.data / "forms"
            enrol_demo(store, FormCatalogue.load(paths.forms, received), received, server_url)
        else:
            store.facilities.upsert_many(demo_facilities(2000))
        store.close()
    return f"Demo / Демо: {DEMO_PASSPHRASE}"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="inspector-app")
    parser.add_argument("--data-dir", type=Path, help="folder of the encrypted store")
    parser.add_argument("--lang", choices=("kk", "ru", "en"), default="kk")
    parser.add_argument("--demo", action="store_true", help="use a demo store with demo data")
    parser.add_argument(
        "--with-local-server",
        action="store_true",
        help="start a local central server with demo data and sync with it",
    )
    parser.add_argument(
        "--server-dir",
        type=Path,
        default=PROJECT_ROOT / "var" / "server",
        help="folder of the local server's database and photos",
    )
    parser.add_argument("--server-port", type=int, default=None, help="port of the local server")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation without a window, then exit"
    )
    return parser.parse_args(argv)


@dataclasses.dataclass
class Launch:
    """What `main` starts before Qt's event loop: the paths, the sign-in hint, the local server."""

    paths: Paths
    lang: str
    hint: str = ""
    server: LocalServer | None = None

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


def launch(argv: list[str] | None = None) -> Launch:
    args = parse_arguments(argv)
    paths = default_paths()
    if args.demo and not args.data_dir:
        args.data_dir = PROJECT_ROOT / "var" / "demo"
    if args.data_dir:
        paths = dataclasses.replace(paths, data=args.data_dir)
    launched = Launch(paths, args.lang)
    if args.with_local_server:
        from inspector_app.desktop.local_server import DEMO_PORT, LocalServer

        launched.server = LocalServer(args.server_dir, args.server_port or DEMO_PORT).start()
    try:
        launched.hint = (
            prepare_demo(paths, launched.server.url if launched.server else None) if args.demo else ""
        )
    except BaseException:
        launched.stop()
        raise
    return launched


def main(argv: list[str] | None = None) -> int:
    if parse_arguments(argv).self_test:
        from inspector_app.desktop.ui.shell.self_test import run_self_test

        return run_self_test(default_paths())
    launched = launch(argv)
    try:
        from inspector_app.desktop.ui.shell.app import run

        return run(launched.paths, launched.lang, launched.hint)
    finally:
        launched.stop()


if __name__ == "__main__":
    raise SystemExit(main())
