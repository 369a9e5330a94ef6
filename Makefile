# Field Inspector: every target sets up .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# What Qt's window system plugin (xcb) needs from the system, as library:Debian package.
# pip brings Qt itself; these come from the distribution (`make deps` installs them).
SYSTEM_LIBS := libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 \
	libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1 \
	libxcb-randr.so.0:libxcb-randr0 libxcb-render-util.so.0:libxcb-render-util0 \
	libxcb-shape.so.0:libxcb-shape0 libxcb-render.so.0:libxcb-render0 \
	libxcb-shm.so.0:libxcb-shm0 libxcb-sync.so.1:libxcb-sync1 libxcb-util.so.1:libxcb-util1 \
	libxcb-xfixes.so.0:libxcb-xfixes0 libX11-xcb.so.1:libx11-xcb1 \
	libxcb-xkb.so.1:libxcb-xkb1 libxkbcommon-x11.so.0:libxkbcommon-x11-0 \
	libxkbcommon.so.0:libxkbcommon0 libEGL.so.1:libegl1 libGL.so.1:libgl1 \
	libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3
LDCONFIG := $(shell command -v ldconfig 2>/dev/null || echo /sbin/ldconfig)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test check server-only-install bench capacity drills translations console-translations server clean deps check-deps package

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[desktop,server,test,dev]'
	touch $(STAMP)

run: check-deps $(STAMP)
	$(PY) -m inspector_app --demo --with-local-server

# Says which system libraries the window lacks, and how to install them.
check-deps:
	@missing=""; \
	for pair in $(SYSTEM_LIBS); do \
		$(LDCONFIG) -p 2>/dev/null | grep -q "$${pair%%:*} " || missing="$$missing $${pair##*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "The window needs system libraries that are not installed:$$missing"; \
		echo "Install them with:  $(SUDO) apt-get install$$missing   (or: make deps)"; \
		exit 1; \
	fi

deps:
	$(SUDO) apt-get install -y $(foreach pair,$(SYSTEM_LIBS),$(lastword $(subst :, ,$(pair))))

server: $(STAMP)
	$(VENV)/bin/inspector-server serve

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# before every commit: import contracts, lint, formatting, types
check: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# a fresh venv with only the server's extra: no Qt, no SQLCipher, and it serves /health
server-only-install:
	.ci/server-only-install

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

# 200 laptops against the server on PostgreSQL (needs INSPECTOR_TEST_PG_URL; part of bench too)
capacity: $(STAMP)
	@test -n "$$INSPECTOR_TEST_PG_URL" || { echo "set INSPECTOR_TEST_PG_URL to a PostgreSQL cluster"; exit 1; }
	$(PY) -m benchmarks bench_capacity

# SIGKILL a writer at random moments and check every acknowledged write (not part of `test`)
DRILL_TRIALS ?= 1000
drills: $(STAMP)
	$(PY) -m tests.storage.drill --trials $(DRILL_TRIALS)

translations: $(STAMP)
	$(PY) -m inspector_app.desktop.ui.shared.i18n_build

# the web console's catalogues: extract, merge into the .po files, compile the .mo files
console-translations: $(STAMP)
	$(PY) -m sync.server.console.build_translations

# The desktop app frozen (one folder), checked by its self-test, wrapped as a .deb; the Windows
# installer script compiled over the same bundle when makensis is installed (packaging/README.md).
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)".*/\1/p' inspector_app/__init__.py)
BUNDLE := build/dist/field-inspector
package: $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6.5'
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/work \
		packaging/desktop/field-inspector.spec
	@for server_only in fastapi uvicorn psycopg sync; do \
		test ! -e $(BUNDLE)/_internal/$$server_only || { echo "server code in the bundle: $$server_only"; exit 1; }; \
	done
	cd /tmp && QT_QPA_PLATFORM=offscreen $(CURDIR)/$(BUNDLE)/field-inspector --self-test
	packaging/desktop/build-deb.sh $(BUNDLE) $(VERSION) build/field-inspector_$(VERSION)_amd64.deb
	if command -v makensis >/dev/null; then \
		makensis -V2 -DCHECK_ONLY -DVERSION=$(VERSION) -DBUNDLE=$(CURDIR)/$(BUNDLE) \
			-DOUTFILE=$(CURDIR)/build/installer-check.exe packaging/windows/installer.nsi; \
	else echo "makensis is not installed: the Windows installer script was not checked"; fi
	@du -sh $(BUNDLE) build/*.deb

clean:
	rm -rf $(VENV) build *.egg-info
