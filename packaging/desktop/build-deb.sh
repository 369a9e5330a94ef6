#!/usr/bin/env bash
# Wraps the PyInstaller bundle into a .deb: /opt/field-inspector, a command and a menu entry.
# The window system libraries Qt's xcb plugin loads are dependencies (the Makefile's SYSTEM_LIBS).
set -euo pipefail
bundle=$1 version=$2 out=$3
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications"
cp -a "$bundle" "$root/opt/field-inspector"
ln -s /opt/field-inspector/field-inspector "$root/usr/bin/field-inspector"
cp "$(dirname "$0")/deb/field-inspector.desktop" "$root/usr/share/applications/"
cat > "$root/DEBIAN/control" <<CONTROL
Package: field-inspector
Version: $version
Architecture: amd64
Maintainer: Field Inspector <support@field-inspector.kz>
Installed-Size: $(du -sk "$root/opt" | cut -f1)
Depends: libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, libxcb-shape0, libxcb-xkb1, libxkbcommon-x11-0, libegl1, libgl1, libfontconfig1
Section: misc
Priority: optional
Description: Inspections of organisations for children, offline
 The inspector's workstation: checklists, violations with photos, measures and
 the documents for signature in Kazakh and Russian; syncs when a network appears.
CONTROL
dpkg-deb --root-owner-group -Zgzip -z6 --build "$root" "$out" >/dev/null
echo "$out"
