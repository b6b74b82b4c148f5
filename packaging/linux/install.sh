#!/bin/sh
# Installs the unpacked finsamdesk folder for the current user (no root needed):
#   ~/.local/bin/finsamdesk                                  -> link to this folder's finsamdesk
#   ~/.local/share/applications/finsamdesk.desktop           (Exec with this folder's path)
#   ~/.local/share/icons/hicolor/scalable/apps/finsamdesk.svg
# The folder itself stays where it was unpacked, so unpack it somewhere lasting first,
# e.g. ~/.local/opt/finsamdesk. Run it again after moving the folder.
# ./install.sh --uninstall removes the three files again (the folder and the user's data stay).
# The desktop menus notice the new files by themselves (no cache is written).
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-"$HOME/.local/share"}
BIN_DIR="$HOME/.local/bin"
APPS_DIR="$DATA_HOME/applications"
ICON_DIR="$DATA_HOME/icons/hicolor/scalable/apps"

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$BIN_DIR/finsamdesk" "$APPS_DIR/finsamdesk.desktop" "$ICON_DIR/finsamdesk.svg"
    echo "finsamdesk är avinstallerat (mappen $HERE och dina data finns kvar)."
    exit 0
fi

case "$HERE" in
    *'"'* | *'\'* | *'`'* | *'$'* | *'%'* | *'|'* | *'&'*)
        echo "Mappens sökväg innehåller tecken som en .desktop-fil inte klarar: $HERE" >&2
        exit 1 ;;
esac

mkdir -p "$BIN_DIR" "$APPS_DIR" "$ICON_DIR"
ln -sf "$HERE/finsamdesk" "$BIN_DIR/finsamdesk"
cp "$HERE/finsamdesk.svg" "$ICON_DIR/finsamdesk.svg"
# The menu does not always have ~/.local/bin on its PATH: point Exec at this folder.
sed "s|^Exec=finsamdesk|Exec=\"$HERE/finsamdesk\"|" "$HERE/finsamdesk.desktop" > "$APPS_DIR/finsamdesk.desktop"
echo "finsamdesk är installerat: programmenyn (Kontor) och kommandot $BIN_DIR/finsamdesk."
