#!/usr/bin/env bash
# Everything the test suite needs on a fresh Debian/Ubuntu machine: system packages, then the project
# with its test extra (editable). Used by README's set-up command and by .ci/run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
# xvfb/xdotool/xclip/x11-utils/openbox: the e2e tests on a real X server (openbox: a window manager with
# EWMH, as agents have); python3-tk: tkinter for the target window of the e2e tests (libtk8.6 for a python3
# built elsewhere, as pyenv's, whose _tkinter links to it); fonts-noto-cjk: Chinese text;
# libxcb-*/libxkbcommon-x11/libegl/libgl/libfontconfig/libdbus: what Qt's xcb platform plugin loads;
# binutils: objdump for PyInstaller.
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    xvfb xdotool xclip x11-utils openbox fonts-noto-cjk python3-tk libtk8.6 \
    libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 \
    libegl1 libgl1 libfontconfig1 libdbus-1-3 binutils \
    >/dev/null
python3 -m pip install -q -e ".[test]"
# The e2e tests fail under CI without tkinter: say here which python lacks it rather than there.
if ! python3 -c "import tkinter; tkinter.Tcl()" 2>/dev/null; then
    echo "tkinter does not load in $(python3 -c 'import sys; print(sys.executable)'): the e2e target window needs it" >&2
    exit 1
fi
