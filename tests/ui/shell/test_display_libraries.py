"""The launcher names the missing X11 libraries' packages before Qt can abort (fake loaders, no Qt)."""

from __future__ import annotations

import pytest

from annotator.ui.shell import display_libraries
from annotator.ui.shell.display_libraries import display_libraries_problem, will_use_xcb

X11 = {"DISPLAY": ":0"}


def loader_without(*absent: str):
    def load(name: str) -> object:
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file: No such file or directory")
        return object()

    return load


def test_a_missing_xcb_cursor_names_the_debian_and_fedora_packages_in_one_line() -> None:
    message = display_libraries_problem(X11, "linux", loader_without("libxcb-cursor.so.0"))
    assert "\n" not in message
    assert "libxcb-cursor.so.0" in message
    assert "sudo apt install libxcb-cursor0`" in message and "sudo dnf install xcb-util-cursor`" in message


def test_every_missing_library_is_named_with_its_package() -> None:
    message = display_libraries_problem(X11, "linux", loader_without(*display_libraries.XCB_LIBRARIES))
    assert "apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0" in message
    assert "dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms libxkbcommon-x11" in message


def test_nothing_is_said_when_the_libraries_load() -> None:
    assert display_libraries_problem(X11, "linux", loader_without()) is None


@pytest.mark.parametrize("environ, platform", [
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux"),
    ({}, "linux"),  # no display: Qt will not use xcb
    ({"DISPLAY": ":0"}, "darwin"),
    ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux"),
])
def test_no_check_when_qt_will_not_use_xcb(environ, platform) -> None:
    assert not will_use_xcb(environ, platform)
    everything_missing = loader_without(*display_libraries.XCB_LIBRARIES)
    assert display_libraries_problem(environ, platform, everything_missing) is None


def test_xcb_chosen_explicitly_is_checked() -> None:
    assert will_use_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux")


def test_the_launcher_exits_1_with_the_line_before_qt_starts(monkeypatch, capsys) -> None:
    from annotator.cli.main import main

    monkeypatch.setattr(display_libraries.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(display_libraries.ctypes, "CDLL", loader_without("libxcb-cursor.so.0"))
    assert main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "apt install libxcb-cursor0" in err
