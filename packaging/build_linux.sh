#!/usr/bin/env bash
# Builds the Linux one-folder bundle of finsamdesk and a tarball of it, then smoke-tests
# the result. Run from anywhere in a clone (no display needed):
#
#     bash packaging/build_linux.sh
#
# Steps: a fresh venv in build/packaging-venv with `pip install .` (not editable) and the
# pinned PyInstaller (packaging/requirements-build.txt); PyInstaller with
# packaging/finsamdesk.spec into dist/finsamdesk/; the .desktop file, icon and install.sh
# copied into the folder; dist/finsamdesk-<version>-linux-<arch>.tar.gz; checks of the
# folder (only Swedish Qt translations, no excluded Qt module, every finsamdesk module
# frozen); then the smoke test: `finsamdesk --self-test` (offscreen) and a few CLI
# commands, first in dist/finsamdesk/ and then in a copy unpacked from the tarball. When
# xvfb-run is installed the self-test also runs once on Qt's X11 plugin (optional).
#
# Every run removes the previous run's output first. Exits non-zero on the first failure.
# Environment: PYTHON (default python3, 3.11 or later), KEEP_VENV=1 reuses an existing
# build/packaging-venv (reinstalls only finsamdesk) for quicker repeat builds.
set -euo pipefail

START=$(date +%s)
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

PYTHON=${PYTHON:-python3}
VENV="$ROOT/build/packaging-venv"
WORK="$ROOT/build/pyinstaller"
LOG="$ROOT/build/pyinstaller.log"
DIST="$ROOT/dist"
BUNDLE="$DIST/finsamdesk"
export PIP_DISABLE_PIP_VERSION_CHECK=1
unset PYTHONPATH PYTHONHOME

step() { printf '\n==> %s\n' "$*"; }
fail() {
    printf 'build_linux.sh: FAILED: %s\n' "$*" >&2
    exit 1
}

SMOKE=""
cleanup() {
    if [ -n "$SMOKE" ]; then rm -rf "$SMOKE"; fi
}
trap cleanup EXIT

step "Checking the tools"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || fail "$PYTHON is older than Python 3.11 (set PYTHON=python3.11)"
for tool in tar du timeout; do
    command -v "$tool" >/dev/null || fail "$tool is missing"
done
VERSION=$("$PYTHON" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(uname -m)
TARBALL="$DIST/finsamdesk-$VERSION-linux-$ARCH.tar.gz"
echo "finsamdesk $VERSION for linux-$ARCH with $("$PYTHON" --version)"

step "Removing the previous build"
# build/lib and build/bdist.* are setuptools' in-tree build folders of `pip install .`:
# cleaned too, so a deleted module cannot linger in the installed copy.
rm -rf "$WORK" "$LOG" "$BUNDLE" "$DIST"/finsamdesk-*-linux-*.tar.gz "$ROOT/build/lib" "$ROOT"/build/bdist.*
if [ "${KEEP_VENV:-}" != 1 ]; then
    rm -rf "$VENV"
fi

if [ ! -x "$VENV/bin/python" ]; then
    step "Creating $VENV and installing finsamdesk (pip install .) and PyInstaller"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet . -r packaging/requirements-build.txt \
        || fail "pip install failed"
else
    step "Reusing $VENV (KEEP_VENV=1): reinstalling finsamdesk only"
    "$VENV/bin/python" -m pip install --quiet --no-deps --force-reinstall . || fail "pip install failed"
fi
# -P: do not put the current folder on sys.path, so this is the installed copy, not the source tree.
"$VENV/bin/python" -P -c 'import finsamdesk, PySide6, sys; print("finsamdesk from", finsamdesk.__file__); print("PySide6", PySide6.__version__, "from", PySide6.__file__)'

step "Running PyInstaller (log: build/pyinstaller.log)"
# Run from build/ so that nothing from the source tree is found through the current folder.
if ! (cd "$ROOT/build" && "$VENV/bin/pyinstaller" --noconfirm --clean \
        --distpath "$DIST" --workpath "$WORK" "$ROOT/packaging/finsamdesk.spec") >"$LOG" 2>&1; then
    tail -n 40 "$LOG" >&2
    fail "PyInstaller failed (see build/pyinstaller.log)"
fi
grep '^finsamdesk.spec:' "$LOG" || true
[ -x "$BUNDLE/finsamdesk" ] || fail "PyInstaller made no $BUNDLE/finsamdesk"

step "Adding the desktop entry, icon and install.sh"
cp packaging/linux/finsamdesk.desktop packaging/linux/finsamdesk.svg packaging/linux/install.sh "$BUNDLE/"
chmod 755 "$BUNDLE/install.sh"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$BUNDLE/finsamdesk.desktop" || fail "desktop-file-validate rejected finsamdesk.desktop"
    echo "desktop-file-validate: finsamdesk.desktop OK"
else
    echo "note: desktop-file-validate not installed (apt-get install desktop-file-utils); .desktop not checked"
fi

step "Checking the folder"
INTERNAL="$BUNDLE/_internal"
mapfile -t QM < <(cd "$INTERNAL" && find . -name '*.qm' | sed 's|^\./||' | sort)
printf 'Qt translations kept: %s\n' "${QM[*]:-none}"
[[ " ${QM[*]} " == *"/qtbase_sv.qm "* ]] || fail "qtbase_sv.qm is missing"
for qm in "${QM[@]}"; do
    case "$(basename "$qm")" in
        qtbase_sv.qm | qt_sv.qm) ;;
        *) fail "unexpected translation $qm" ;;
    esac
done
PRESENT=$(cd "$INTERNAL/PySide6" && ls -- *.so 2>/dev/null | sed 's/\..*//' | sort | tr '\n' ' ')
echo "PySide6 modules bundled: $PRESENT"
[ "$PRESENT" = "QtCore QtGui QtWidgets " ] || fail "expected only QtCore, QtGui and QtWidgets, found: $PRESENT"
for lib in libQt6Network libQt6Qml libQt6Quick libQt6Sql libQt6Test libQt6Pdf; do
    if [ -n "$(find "$INTERNAL" -name "$lib.so*")" ]; then
        fail "$lib was bundled although its module is excluded"
    fi
done
# Every finsamdesk module (the pages are imported by name at run time) must be in the archive.
FROZEN=$("$VENV/bin/pyi-archive_viewer" --recursive --brief "$BUNDLE/finsamdesk" 2>/dev/null \
    | tr -d " '" | grep '^finsamdesk' | sort -u || true)
EXPECTED=$("$VENV/bin/python" -P -c '
import pkgutil, finsamdesk
names = ["finsamdesk"] + [m.name for m in pkgutil.walk_packages(finsamdesk.__path__, "finsamdesk.")]
print("\n".join(sorted(n for n in names if not n.startswith("finsamdesk._resources"))))')
MISSING=$(comm -23 <(echo "$EXPECTED") <(echo "$FROZEN"))
[ -z "$MISSING" ] || fail "modules not frozen: $MISSING"
echo "all $(echo "$EXPECTED" | wc -l) finsamdesk modules are frozen"
UNRESOLVED=$(cd "$INTERNAL" && find . -type f -name '*.so*' -exec env LD_LIBRARY_PATH="$PWD" ldd {} \; 2>/dev/null \
    | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
if [ -n "$UNRESOLVED" ]; then
    echo "note: not on this machine, must come from the user's system: $UNRESOLVED"
fi

step "Making $(basename "$TARBALL")"
tar -C "$DIST" --owner=0 --group=0 --numeric-owner -czf "$TARBALL" finsamdesk

xcb_libraries_missing() {
    # xcb_libraries_missing FOLDER: the system libraries Qt's xcb platform plugin in FOLDER needs and this machine
    # lacks (the bundle does not carry them), space-separated; empty when the plugin can load.
    local internal="$1/_internal"
    find "$internal" \( -name 'libqxcb.so' -o -name 'libQt6XcbQpa.so*' \) -type f \
        -exec env LD_LIBRARY_PATH="$internal" ldd {} \; 2>/dev/null | awk '/not found/ {print $1}' | sort -u \
        | tr '\n' ' ' | sed 's/ $//'
}

smoke() {
    # smoke FOLDER [with-x11]: runs the self-test and CLI commands of the finsamdesk in FOLDER.
    local app="$1/finsamdesk" work out
    work=$(mktemp -d "$SMOKE/run.XXXX")
    out="$work/out.txt"
    export FINSAMDESK_HOME="$work/home"  # never the real user's settings or data
    if ! (cd "$work" && QT_QPA_PLATFORM=offscreen timeout 300 "$app" --self-test) >"$out" 2>&1; then
        cat "$out" >&2
        fail "$app --self-test failed"
    fi
    grep -v 'propagateSizeHints' "$out" || true
    grep -q 'självtest klart' "$out" || fail "$app --self-test did not print 'självtest klart'"
    if [ "${2:-}" = with-x11 ]; then
        # Optional: the same on Qt's X11 plugin (xcb) under a virtual X server, as in a desktop session.
        local xcb_missing
        xcb_missing=$(xcb_libraries_missing "$1")
        if [ -n "$xcb_missing" ]; then
            # Not the bundle's fault: Qt's xcb plugin takes these from the user's system (packaging/linux/README
            # lists them); .ci/run installs them.
            echo "note: this machine lacks $xcb_missing for Qt's xcb plugin (apt-get install libxcb-icccm4" \
                "libxcb-keysyms1 libxcb-cursor0); self-test on xcb skipped"
        elif command -v xvfb-run >/dev/null; then
            (cd "$work" && QT_QPA_PLATFORM=xcb timeout 300 xvfb-run -a -s "-screen 0 1280x1024x24" "$app" --self-test) \
                >"$out" 2>&1 || { cat "$out" >&2; fail "$app --self-test on xcb (Xvfb) failed"; }
            grep -q 'självtest klart' "$out" || { cat "$out" >&2; fail "--self-test on xcb did not finish"; }
            echo "self-test on xcb (Xvfb): OK"
        else
            echo "note: xvfb-run not installed (apt-get install xvfb xauth); self-test on xcb skipped"
        fi
    fi
    (cd "$work" && timeout 60 "$app" templates list) >"$out" 2>&1 || { cat "$out" >&2; fail "templates list failed"; }
    cat "$out"
    grep -q 'neutral' "$out" || fail "templates list did not list the neutral form"
    (cd "$work" && timeout 120 "$app" demo --out exempel.sqlite \
        && timeout 60 "$app" --file exempel.sqlite applications print --blank --out blankett.pdf \
        && timeout 60 "$app" --file exempel.sqlite insatser export --out insatser.xlsx) >"$out" 2>&1 \
        || { cat "$out" >&2; fail "CLI commands (demo, applications print, insatser export) failed"; }
    cat "$out"
    [ "$(head -c 5 "$work/blankett.pdf")" = "%PDF-" ] || fail "applications print made no PDF"
    [ "$(head -c 2 "$work/insatser.xlsx")" = "PK" ] || fail "insatser export made no .xlsx"
    unset FINSAMDESK_HOME
}

SMOKE=$(mktemp -d)
step "Smoke test: dist/finsamdesk"
smoke "$BUNDLE" with-x11
step "Smoke test: the folder unpacked from the tarball (another path)"
mkdir "$SMOKE/unpacked"
tar -C "$SMOKE/unpacked" -xzf "$TARBALL"
smoke "$SMOKE/unpacked/finsamdesk"
HOME="$SMOKE/home" XDG_DATA_HOME="$SMOKE/home/.local/share" sh "$SMOKE/unpacked/finsamdesk/install.sh" >/dev/null \
    || fail "install.sh failed"
INSTALLED="$SMOKE/home/.local/share/applications/finsamdesk.desktop"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$INSTALLED" || fail "the .desktop file written by install.sh is not valid"
fi
"$SMOKE/home/.local/bin/finsamdesk" templates list >/dev/null || fail "the command linked by install.sh does not run"
echo "install.sh: $(grep '^Exec=' "$INSTALLED")"

step "Done"
echo "bundle:  $(du -sh "$BUNDLE" | cut -f1)  $BUNDLE"
echo "tarball: $(du -h "$TARBALL" | cut -f1)  $TARBALL"
echo "build time: $(($(date +%s) - START)) s"
