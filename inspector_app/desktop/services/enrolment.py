"""Enrolling this laptop with a server: only an inspector's enrolment is kept (no Qt here)."""

from __future__ import annotations

from inspector_app.core.domain.errors import UserError, register_messages
from inspector_app.core.protocol import EnrolResponse


class InspectorsOnly:
    """The store as enrolment sees it: only an inspector's enrolment is kept. Supervisors
    and administrators work in the server's web console; nothing is saved for them."""

    def __init__(self, adapter) -> None:
        self.adapter = adapter

    def save_enrolment(self, server_url: str, response: EnrolResponse) -> None:
        if response.user.role != "inspector":
            raise UserError("enrol.not_inspector", console=server_url.strip().rstrip("/"))
        self.adapter.save_enrolment(server_url, response)

    def save_transfer(self, keys, server) -> None:
        """The keys of transfer bundles, after an inspector's enrolment was kept."""
        self.adapter.save_transfer(keys, server)


def enrol_inspector(adapter, server_url: str, username: str, password: str, device_name: str):
    """Ask the server for a device token and keep it, if the user is an inspector."""
    import requests  # loaded when first needed, as the sync modules are

    from inspector_app.desktop.sync.service import enrol

    return enrol(
        InspectorsOnly(adapter),
        requests.Session(),
        server_url.strip(),
        username.strip(),
        password,
        device_name,
    )


def change_password(server_url: str, username: str, password: str, new_password: str) -> None:
    """Change the user's password on the server (required after a reset: the sign-in then
    answers "sync.password_change_required"). Raises UserError."""
    import requests

    from inspector_app.desktop.sync.service import change_password as change

    change(requests.Session(), server_url.strip(), username.strip(), password, new_password)


register_messages(
    {
        "enrol.not_inspector": {
            "kk": "Бұл бағдарлама инспекторларға арналған. Жетекшілер мен әкімшілер сервердің веб-консолінде "
            "жұмыс істейді: {console}. Бұл ноутбук тіркелмеді.",
            "ru": "Эта программа предназначена для инспекторов. Руководители и администраторы работают "
            "в веб-консоли сервера: {console}. Ноутбук не подключён.",
            "en": "This program is for inspectors. Supervisors and administrators work in the server's "
            "web console: {console}. This laptop was not enrolled.",
        },
    }
)
