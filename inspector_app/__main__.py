"""`python -m inspector_app`: start the inspector's workstation."""

from inspector_app.desktop.main import main

if __name__ == "__main__":
    raise SystemExit(main())
