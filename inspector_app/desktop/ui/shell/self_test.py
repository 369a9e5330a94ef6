"""`inspector-app --self-test`: proof that an installed copy works, with no window and no data.

It creates a store in a temporary folder and opens it again with the passphrase, loads every
shipped checklist, renders a protocol in Kazakh and Russian, starts Qt offscreen with the
shipped fonts and translations, and exits 0. Installers and CI run it on the frozen app."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from inspector_app.core.paths import Paths

PASSPHRASE = "self-test-passphrase"


def run_self_test(paths: Paths) -> int:
    checks: list[tuple[str, Callable[[], str]]] = [
        ("store", lambda: _store_round_trip()),
        ("checklists", lambda: _checklists(paths)),
        ("documents", _protocol_pdf),
        ("window system", lambda: _qt(paths)),
    ]
    failed = 0
    for name, check in checks:
        started = time.perf_counter()
        try:
            detail = check()
        except Exception as error:  # every failure is reported, then the exit code says it
            failed += 1
            print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
        else:
            print(f"ok   {name}: {detail} ({time.perf_counter() - started:.2f} s)", flush=True)
    return 1 if failed else 0


def _store_round_trip() -> str:
    from inspector_app.core.domain.models import InspectorProfile
    from inspector_app.desktop.storage.store import create_store, open_store

    with tempfile.TemporaryDirectory(prefix="inspector-self-test-") as folder:
        profile = InspectorProfile("Self test", "inspector", "Комитет", "Комитет", "AST", "K00")
        create_store(Path(folder), PASSPHRASE, profile, scrypt_n=2**10).close()
        store = open_store(Path(folder), PASSPHRASE)
        try:
            name = store.reference.profile().name
        finally:
            store.close()
    if name != profile.name:
        raise RuntimeError(f"the profile read back is {name!r}")
    return "created, encrypted, reopened"


def _checklists(paths: Paths) -> str:
    from inspector_app.core.forms.catalogue import FormCatalogue

    catalogue = FormCatalogue.load(paths.forms)
    if catalogue.unavailable:
        raise RuntimeError("; ".join(str(u) for u in catalogue.unavailable))
    if not catalogue.forms:
        raise RuntimeError(f"no checklist in {paths.forms}")
    return f"{len(catalogue.forms)} loaded from {paths.forms}"


def _protocol_pdf() -> str:
    from inspector_app.core.documents import DocumentKind, render
    from inspector_app.core.domain.models import MeasureKind
    from inspector_app.demo.documents import sample_context

    ctx = sample_context(n_items=8, n_photos=1)
    protocol = next(m for m in ctx.measures if m.kind is MeasureKind.PROTOCOL)
    sizes = []
    for lang in ("kk", "ru"):
        pdf = render(ctx, DocumentKind.PROTOCOL, lang, protocol.id).pdf
        if not pdf.startswith(b"%PDF"):
            raise RuntimeError(f"the {lang} protocol is not a PDF")
        sizes.append(f"{lang} {len(pdf) // 1024} KiB")
    return "protocol rendered: " + ", ".join(sizes)


def _qt(paths: Paths) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from inspector_app.desktop.ui.shared.i18n import Language
    from inspector_app.desktop.ui.shell.app import load_fonts, make_application

    app = make_application(sys.argv[:1])
    load_fonts(paths.fonts)
    Language(paths.translations, "kk")
    return f"Qt {app.platformName()}, fonts and translations loaded"
