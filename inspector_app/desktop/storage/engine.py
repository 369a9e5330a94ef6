"""The encrypted SQLite database: connections, pragmas, and environment errors.

One `Database` per open store. Writes go through `write()`, which holds a process-wide
lock so that the GUI thread and background jobs never race for SQLite's write lock;
reads use their own pooled connections and see the last committed state (WAL).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
import sqlcipher3
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.desktop.storage.crypto import StoreKeys

PRAGMAS = (
    "PRAGMA cipher_memory_security = OFF",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",  # an acknowledged answer survives a power cut too
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 10000",
)


def open_connection(path: Path, keys: StoreKeys) -> sqlcipher3.Connection:
    """A raw connection, keyed and set up; also used by benchmarks as the floor."""
    connection = sqlcipher3.connect(str(path), check_same_thread=False)
    connection.execute(keys.sqlcipher_pragma())
    for pragma in PRAGMAS:
        connection.execute(pragma)
    return connection


def sqlite_upsert(table: sa.Table, row: dict, keys: list[str]):
    """INSERT ... ON CONFLICT (keys) DO UPDATE the other columns."""
    statement = sqlite_insert(table).values(row)
    return statement.on_conflict_do_update(
        index_elements=keys, set_={k: v for k, v in row.items() if k not in keys}
    )


def classify(error: BaseException | None) -> UserError | None:
    """Environment errors the user can act on; None means a bug (or no driver error)."""
    text = str(error).lower()
    if "disk is full" in text or "disk i/o error" in text:
        return UserError("store.disk_full")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return UserError("store.read_only")
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return UserError("store.corrupt")
    return None


def _driver_autocommit(dbapi_connection, _record) -> None:
    dbapi_connection.isolation_level = None


def _begin(connection: sa.Connection) -> None:
    connection.exec_driver_sql("BEGIN")


class Database:
    def __init__(self, path: Path, keys: StoreKeys) -> None:
        self.path = path
        self._keys = keys
        self._lock = threading.RLock()
        self._writer: sqlcipher3.Connection | None = None
        self.engine = sa.create_engine(
            "sqlite://",
            module=sqlcipher3,
            creator=lambda: open_connection(path, keys),
            poolclass=sa.pool.QueuePool,
            pool_size=4,
            max_overflow=4,
        )
        # Let SQLAlchemy, not the driver, open transactions, so DDL is transactional too.
        sa.event.listen(self.engine, "connect", _driver_autocommit)
        sa.event.listen(self.engine, "begin", _begin)

    @property
    def keys(self) -> StoreKeys:
        """The store's keys: a backup is made and checked under the same key."""
        return self._keys

    @contextmanager
    def write(self) -> Iterator[sa.Connection]:
        """One transaction, committed (and durable) when the block ends without error."""
        with self._lock:
            try:
                with self.engine.begin() as connection:
                    yield connection
            except sa.exc.DBAPIError as error:
                raise (classify(error.orig) or error) from error

    @contextmanager
    def write_raw(self) -> Iterator[sqlcipher3.Connection]:
        """The same as `write` for the hottest path (saving an answer), on a dedicated
        driver connection without SQLAlchemy's per-statement machinery."""
        with self._lock:
            if self._writer is None:
                self._writer = open_connection(self.path, self._keys)
                self._writer.isolation_level = None  # we say BEGIN and COMMIT ourselves
            writer = self._writer
            try:
                writer.execute("BEGIN IMMEDIATE")
                try:
                    yield writer
                    writer.execute("COMMIT")
                finally:
                    if writer.in_transaction:
                        writer.execute("ROLLBACK")
            except sqlcipher3.Error as error:
                raise (classify(error) or error) from error

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.connect() as connection:
                yield connection
        except sa.exc.DBAPIError as error:
            raise (classify(error.orig) or error) from error

    @contextmanager
    def exclusive(self) -> Iterator[sa.Connection]:
        """A connection with no transaction begun, for work that manages its own (migrations)."""
        with self._lock, self.engine.connect() as connection:
            yield connection

    def checkpoint(self) -> None:
        with self._lock, self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        with self._lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
        self.engine.dispose()


register_messages(
    {
        "store.disk_full": {
            "kk": "Дискіде орын жоқ немесе диск қатесі — соңғы жауап сақталмады. Орын босатып, қайталаңыз; бұрын сақталғандар сақталған.",
            "ru": "На диске нет места или ошибка диска — последний ответ не сохранён. Освободите место и повторите; всё сохранённое ранее цело.",
            "en": "The disk is full or failing — the last answer was not saved. Free some space and try again; everything saved before is intact.",
        },
        "store.read_only": {
            "kk": "Деректер қалтасына жазу мүмкін емес — соңғы жауап сақталмады. Қалтаға жазу рұқсатын тексеріңіз; бұрын сақталғандар сақталған.",
            "ru": "Папка данных недоступна для записи — последний ответ не сохранён. Проверьте права на запись; всё сохранённое ранее цело.",
            "en": "The data folder cannot be written to — the last answer was not saved. Check write permission; everything saved before is intact.",
        },
        "store.corrupt": {
            "kk": "Деректер базасы зақымдалған. Соңғы жаңартуға дейін жасалған көшірмені қалпына келтіруге болады.",
            "ru": "База данных повреждена. Можно восстановить копию, сделанную перед последним обновлением.",
            "en": "The database is damaged. You can restore the copy made before the last update.",
        },
        "store.wrong_passphrase": {
            "kk": "Құпия фраза қате. Қайта енгізіңіз (бас және кіші әріптер ескеріледі). Деректерге ешнәрсе болған жоқ.",
            "ru": "Неверная парольная фраза. Введите её снова (регистр букв важен). Данные не затронуты.",
            "en": "Wrong passphrase. Type it again (capitals matter). Your data was not touched.",
        },
        "store.key_file_damaged": {
            "kk": "Кілт файлы ({path}) зақымдалған. Оны резервтік көшірмеден қалпына келтіріңіз.",
            "ru": "Файл ключа ({path}) повреждён. Восстановите его из резервной копии.",
            "en": "The key file ({path}) is damaged. Restore it from a backup.",
        },
        "store.passphrase_too_short": {
            "kk": "Құпия фраза кемінде {minimum} таңбадан тұруы керек.",
            "ru": "Парольная фраза должна содержать не менее {minimum} символов.",
            "en": "The passphrase must have at least {minimum} characters.",
        },
    }
)
