"""Entry point of the frozen desktop app (PyInstaller needs a script, not a module)."""

from inspector_app.desktop.main import main

raise SystemExit(main())
