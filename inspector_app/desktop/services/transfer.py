"""Records by USB stick on the laptop: export what is not synced, import the server's
acknowledgement (format: `inspector_app.core.transfer`; no Qt here).

Exporting deletes and marks nothing: it closes the revisions it carries, as a push does
(an edit afterwards opens the next one). Only the acknowledgement marks records synced,
through the same store calls as the network sync (`StoreSyncAdapter`), and applies what
the server sent back as a pull would."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.core import protocol, transfer
from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.desktop.sync import messages  # noqa: F401  (the sync.* texts of the notes)

SERVER_KEYS = ("server_id", "server_x25519", "server_ed25519")
DEVICE_KEYS = ("device_x25519", "device_ed25519")


@dataclass(frozen=True)
class Keys:
    server_id: str
    server: transfer.PublicKeys
    device: transfer.KeyPair


def save_keys(store, device: transfer.KeyPair, server: protocol.ServerTransfer) -> None:
    """Kept at enrolment, in the encrypted store like the device token."""
    values = (server.server_id, server.x25519, server.ed25519, device.x25519, device.ed25519)
    for key, value in zip(SERVER_KEYS + DEVICE_KEYS, values, strict=True):
        store.reference.set_setting(f"transfer.{key}", value)


def keys(store) -> Keys:
    values = [store.reference.setting(f"transfer.{key}") for key in SERVER_KEYS + DEVICE_KEYS]
    if not all(values):
        raise UserError("transfer.not_enrolled")
    server_id, sx, se, dx, de = values
    return Keys(server_id, transfer.PublicKeys(sx, se), transfer.KeyPair(dx, de))


@dataclass(frozen=True)
class Exported:
    path: Path
    records: int
    photos: int
    missing_photos: int = 0


def export_bundle(adapter, folder: Path) -> Exported:
    """Write one bundle of every record not yet synced, with its photos, into `folder`."""
    found, enrolment = keys(adapter.store), adapter.enrolment()
    if enrolment is None:
        raise UserError("transfer.not_enrolled")
    ids = adapter.pending_record_ids()
    if not ids:
        raise UserError("transfer.nothing_to_export")
    records = [adapter.outgoing_record(i) for i in ids]
    present, missing = _photos(adapter, sorted({s for r in records for s in r.attachment_shas()}))
    header = transfer.Header.new("export", found.server_id, enrolment.device_id)
    day = dt.date.today().isoformat()
    path = Path(folder) / f"{_safe(enrolment.username)}-{day}-{header.bundle_id[:8]}{transfer.SUFFIX}"
    manifest = {"records": [r.model_dump(mode="json") for r in records], "cursor": adapter.cursor()}
    blobs = [(sha, lambda sha=sha: adapter.attachment_bytes(sha)) for sha in present]
    try:
        transfer.write_bundle(path, header, manifest, blobs, found.server, found.device)
    except OSError as error:
        raise UserError("transfer.cannot_write", folder=str(folder)) from error
    sent = {r.id: [r.revision, r.header.appointment_number] for r in records}
    adapter.store.reference.set_setting(f"transfer.sent.{header.bundle_id}", json.dumps(sent))
    return Exported(path, len(records), len(present), len(missing))


def _photos(adapter, shas: list[str]) -> tuple[list[str], list[str]]:
    """(held here, missing here): a record with a missing photo goes, but stays unsynced."""
    present, missing = [], []
    for sha in shas:
        try:
            adapter.attachment_bytes(sha)
            present.append(sha)
        except KeyError:
            missing.append(sha)
    return present, missing


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)[:40] or "inspector"


@dataclass
class Acknowledged:
    synced: int = 0
    incomplete: int = 0
    conflicts: int = 0
    rejected: int = 0
    changes: int = 0
    notes: list[UserError] = field(default_factory=list)


def import_acknowledgement(adapter, path: Path) -> Acknowledged:
    """Take in the server's answer to one of this laptop's exports: refused whole (nothing
    changed) when made for another laptop or server, already imported, or damaged."""
    found, enrolment = keys(adapter.store), adapter.enrolment()
    if enrolment is None:
        raise UserError("transfer.not_enrolled")
    setting = adapter.store.reference.setting

    def check(header: transfer.Header) -> None:
        if header.kind != "ack":
            raise UserError("transfer.not_an_acknowledgement")
        if header.server_id != found.server_id:
            raise UserError("transfer.other_server")
        if header.device_id != enrolment.device_id:
            raise UserError("transfer.other_laptop")
        if setting(f"transfer.acked.{header.reply_to}"):
            raise UserError("transfer.already_imported")
        if not setting(f"transfer.sent.{header.reply_to}"):
            raise UserError("transfer.unknown_export")

    if not Path(path).is_file():
        raise UserError("transfer.not_a_bundle")
    opened = transfer.open_bundle(Path(path), found.device, found.server, check)
    opened.close()
    reply_to, manifest = opened.header.reply_to, opened.manifest
    try:
        results = [protocol.RecordResult.model_validate(r) for r in manifest["results"]]
        page = protocol.ChangesResponse.model_validate(
            {"cursor": manifest["cursor"], "more": False, "changes": manifest["changes"]}
        )
    except (KeyError, ValueError) as error:
        raise UserError("transfer.damaged") from error
    report = _settle(adapter, json.loads(setting(f"transfer.sent.{reply_to}") or "{}"), results)
    adapter.apply_changes(page.changes, max(page.cursor, adapter.cursor()))
    report.changes = len(page.changes)
    adapter.store.reference.set_setting(f"transfer.acked.{reply_to}", opened.header.bundle_id)
    return report


def _settle(adapter, sent: dict, results: list[protocol.RecordResult]) -> Acknowledged:
    """Each result as the network sync takes a push answer (the same store calls)."""
    report = Acknowledged()
    for result in results:
        if result.id not in sent:
            continue
        revision, number = sent[result.id]
        if result.status in ("created", "updated", "unchanged"):
            if result.complete:
                adapter.mark_synced(result.id, revision)
                report.synced += 1
            else:
                report.incomplete += 1  # a photo did not travel: the record goes again
        elif result.status == "conflict" and result.error is not None:
            adapter.mark_conflict(result.id, revision, result.error, result.server_record)
            report.conflicts += 1
            report.notes.append(UserError("sync.conflict", record=number))
        elif result.error is not None:
            adapter.mark_rejected(result.id, revision, result.error)
            report.rejected += 1
            report.notes.append(UserError("sync.rejected", record=number, reason=result.error.message))
    return report


register_messages(
    {
        "transfer.not_enrolled": {
            "kk": "Бұл ноутбук тасымалдау бумаларына тіркелмеген. Желі болғанда ноутбукты серверге "
            "қайта тіркеңіз, содан кейін USB арқылы жұмыс істеуге болады.",
            "ru": "Этот ноутбук не подключён для пакетов переноса. Когда будет сеть, подключите ноутбук "
            "к серверу заново, после этого можно работать через USB.",
            "en": "This laptop is not enrolled for transfer bundles. When a network is available, enrol "
            "it with the server again; after that it can work by USB stick.",
        },
        "transfer.nothing_to_export": {
            "kk": "Жіберілмеген жазба жоқ: бәрі серверде. Бума жасалмады.",
            "ru": "Неотправленных записей нет: всё уже на сервере. Пакет не создан.",
            "en": "There is nothing unsynced: the server holds everything. No bundle was made.",
        },
        "transfer.cannot_write": {
            "kk": "{folder} қалтасына жазу мүмкін болмады. USB-жинақтағышты тексеріп, басқа қалтаны "
            "таңдаңыз. Ешнәрсе жоғалған жоқ.",
            "ru": "Не удалось записать в папку {folder}. Проверьте USB-накопитель или выберите другую "
            "папку. Ничего не потеряно.",
            "en": "The folder {folder} could not be written. Check the USB stick or choose another "
            "folder. Nothing was lost.",
        },
        "transfer.not_an_acknowledgement": {
            "kk": "Бұл файл сервердің растауы емес (мүмкін, ноутбуктің өз бумасы). Сервер берген "
            "растау файлын таңдаңыз.",
            "ru": "Этот файл не подтверждение сервера (возможно, это пакет самого ноутбука). Выберите "
            "файл подтверждения, выданный сервером.",
            "en": "This file is not the server's acknowledgement (perhaps the laptop's own bundle). "
            "Choose the acknowledgement file the server gave.",
        },
        "transfer.other_server": {
            "kk": "Бұл файл басқа серверден. Ештеңе өзгертілмеді. Осы ноутбук тіркелген сервердің "
            "файлын таңдаңыз.",
            "ru": "Этот файл от другого сервера. Ничего не изменено. Выберите файл сервера, к которому "
            "подключён этот ноутбук.",
            "en": "This file comes from another server. Nothing was changed. Choose a file of the "
            "server this laptop is enrolled with.",
        },
        "transfer.other_laptop": {
            "kk": "Бұл растау басқа ноутбукқа арналған. Ештеңе өзгертілмеді. Оны сол ноутбукта ашыңыз.",
            "ru": "Это подтверждение предназначено для другого ноутбука. Ничего не изменено. Откройте "
            "его на том ноутбуке.",
            "en": "This acknowledgement is for another laptop. Nothing was changed. Open it on that laptop.",
        },
        "transfer.already_imported": {
            "kk": "Бұл растау бұрын қабылданған. Ештеңе екі рет енгізілмеді.",
            "ru": "Это подтверждение уже было принято. Ничего не добавлено дважды.",
            "en": "This acknowledgement was imported before. Nothing was taken in twice.",
        },
        "transfer.unknown_export": {
            "kk": "Бұл растау осы ноутбук жасамаған бумаға жауап береді. Ештеңе өзгертілмеді.",
            "ru": "Это подтверждение отвечает на пакет, который этот ноутбук не создавал. Ничего не "
            "изменено.",
            "en": "This acknowledgement answers a bundle this laptop did not make. Nothing was changed.",
        },
    }
)
