"""Before Qt starts on a Linux X11 desktop: are the system libraries its xcb platform plugin needs there?

Without libxcb-cursor0 (and on minimal systems libxcb-icccm4, libxcb-keysyms1, libxkbcommon-x11-0) Qt
aborts with "could not load the Qt platform plugin xcb" and a core dump, which tells a newcomer
nothing. The launcher checks first and says in one line which packages to install. No Qt here: the
check must run before the QApplication exists.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# library → (Debian / Ubuntu package, Fedora package)
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
}


def will_use_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """True when Qt will open its windows through X11 (xcb): on Linux, with a display, and no other
    platform chosen. A Wayland session without QT_QPA_PLATFORM uses Qt's Wayland plugin instead."""
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def missing_libraries(load: Callable[[str], object] = ctypes.CDLL) -> list[str]:
    """The xcb plugin's libraries that ``load`` (ctypes.CDLL) cannot open."""
    missing = []
    for name in XCB_LIBRARIES:
        try:
            load(name)
        except OSError:
            missing.append(name)
    return missing


def install_hint(missing: list[str]) -> str:
    """One line naming the libraries and the packages that bring them, for Debian/Ubuntu and Fedora."""
    debian = " ".join(XCB_LIBRARIES[name][0] for name in missing)
    fedora = " ".join(XCB_LIBRARIES[name][1] for name in missing)
    return (f"annotator: cannot open a window: Qt needs the system libraries {', '.join(missing)}; install "
            f"them with `sudo apt install {debian}` (Debian, Ubuntu) or `sudo dnf install {fedora}` (Fedora)")


def display_libraries_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None,
    load: Callable[[str], object] | None = None,
) -> str | None:
    """The one-line message when Qt's xcb plugin would fail for want of a library, else None."""
    environ = os.environ if environ is None else environ
    if not will_use_xcb(environ, sys.platform if platform is None else platform):
        return None
    missing = missing_libraries(load or ctypes.CDLL)
    return install_hint(missing) if missing else None
