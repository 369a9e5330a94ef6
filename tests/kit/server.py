"""The server in a subprocess on a free loopback port: the desktop's own launcher."""

from inspector_app.desktop.local_server import ServerProcess, free_port

__all__ = ["ServerProcess", "free_port"]
