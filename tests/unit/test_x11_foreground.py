"""X11Foreground against a fake python-xlib display: the root's parent given as the integer 0, windows
that vanish mid-query (BadWindow, BadDrawable, BadMatch from any request), _NET_ACTIVE_WINDOW naming a
window that is gone, and WM_CLASS. Focus on nothing or on the desktop is None, never an exception."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from Xlib import X, Xatom, error

from desktop_assistant.os_integration.foreground import X11Foreground, _resource_id

ROOT = 1
ATOMS = {
    "_NET_SUPPORTING_WM_CHECK": 100,
    "_NET_SUPPORTED": 101,
    "_NET_ACTIVE_WINDOW": 102,
    "_NET_WM_NAME": 103,
    "UTF8_STRING": 104,
    "_NET_WM_PID": 105,
    "WM_STATE": 106,
    "_NET_CLIENT_LIST": 107,
}


def x_error(kind: type[error.XError]) -> error.XError:
    return kind.__new__(kind)  # what python-xlib raises; its constructor parses wire data


class FakeWindow:
    def __init__(self, display: FakeDisplay, wid: int) -> None:
        self.display = display
        self.id = wid

    def _node(self) -> dict:
        failing = self.display.failing.get(self.id)
        if failing is not None:
            raise x_error(failing)
        if self.id not in self.display.tree:
            raise x_error(error.BadWindow)
        return self.display.tree[self.id]

    def query_tree(self):
        node = self._node()
        parent = node["parent"]
        # python-xlib: a Window object, except X.NONE (the root's parent), which stays the int 0.
        return SimpleNamespace(
            parent=0 if parent == 0 else FakeWindow(self.display, parent),
            children=[FakeWindow(self.display, c) for c in node.get("children", ())],
        )

    def get_full_property(self, atom, kind):
        value = self._node().get("props", {}).get(atom)
        return None if value is None else SimpleNamespace(value=value)

    def get_attributes(self):
        self._node()
        return SimpleNamespace(map_state=X.IsViewable)


class FakeDisplay:
    def __init__(self) -> None:
        self.tree: dict[int, dict] = {ROOT: {"parent": 0, "children": [], "props": {}}}
        self.failing: dict[int, type[error.XError]] = {}
        self.focus: object = X.NONE

    def add(self, wid: int, parent: int = ROOT, props: dict | None = None) -> None:
        self.tree[wid] = {"parent": parent, "children": [], "props": props or {}}
        self.tree[parent]["children"].append(wid)

    def create_resource_object(self, kind, wid):
        return FakeWindow(self, wid)

    def get_input_focus(self):
        focus = self.focus if isinstance(self.focus, int) else FakeWindow(self, self.focus.id)
        return SimpleNamespace(focus=focus)

    def has_extension(self, name):
        return False


class FakeConnection:
    def __init__(self, display: FakeDisplay) -> None:
        self.display = display
        self.root = FakeWindow(display, ROOT)

    def atom(self, name: str) -> int:
        return ATOMS[name]


@pytest.fixture
def display() -> FakeDisplay:
    return FakeDisplay()


def chat_window(display: FakeDisplay, wid: int = 10, parent: int = ROOT) -> None:
    display.add(
        wid,
        parent,
        {
            ATOMS["_NET_WM_NAME"]: "倪好数码:小柒-接待中心".encode(),
            ATOMS["_NET_WM_PID"]: [0],
            Xatom.WM_CLASS: b"aliworkbench\0Qt5152QWindowIcon\0",
            ATOMS["WM_STATE"]: [1],
        },
    )


def test_resource_ids_are_read_from_objects_and_ints() -> None:
    assert _resource_id(0) == 0 and _resource_id(None) == 0 and _resource_id(SimpleNamespace(id=7)) == 7


def test_focus_on_the_root_window_is_no_window(display) -> None:
    display.focus = SimpleNamespace(id=ROOT)
    foreground = X11Foreground(FakeConnection(display))
    assert foreground._toplevel(ROOT) == 0
    assert foreground.active() is None


@pytest.mark.parametrize("focus", [X.NONE, X.PointerRoot])
def test_focus_on_nothing_is_no_window(display, focus) -> None:
    display.focus = focus
    assert X11Foreground(FakeConnection(display)).active() is None


def test_focus_inside_a_window_names_its_top_level_with_class(display) -> None:
    chat_window(display)
    display.add(11, 10)  # an inner widget window has the focus
    display.focus = SimpleNamespace(id=11)
    ref = X11Foreground(FakeConnection(display)).active()
    assert (ref.id, ref.title, ref.window_class) == (10, "倪好数码:小柒-接待中心", "Qt5152QWindowIcon")


def test_a_reparenting_window_manager_frame_gives_its_client(display) -> None:
    display.add(20)  # the frame, no WM_STATE
    chat_window(display, 21, parent=20)
    display.add(22, 21)
    display.focus = SimpleNamespace(id=22)
    assert X11Foreground(FakeConnection(display)).active().id == 21


@pytest.mark.parametrize("kind", [error.BadWindow, error.BadDrawable, error.BadMatch])
def test_a_window_that_fails_any_request_is_no_window(display, kind) -> None:
    chat_window(display)
    display.focus = SimpleNamespace(id=10)
    display.failing[10] = kind
    foreground = X11Foreground(FakeConnection(display))
    assert foreground.active() is None
    assert foreground.describe(10) is None and foreground._toplevel(10) == 0


def test_a_vanished_window_under_the_focus_is_no_window(display) -> None:
    display.focus = SimpleNamespace(id=99)  # destroyed between get_input_focus and query_tree
    assert X11Foreground(FakeConnection(display)).active() is None


def with_ewmh(display: FakeDisplay, active: int) -> None:
    props = display.tree[ROOT]["props"]
    props[ATOMS["_NET_SUPPORTING_WM_CHECK"]] = [5]
    props[ATOMS["_NET_SUPPORTED"]] = [ATOMS["_NET_ACTIVE_WINDOW"]]
    props[ATOMS["_NET_ACTIVE_WINDOW"]] = [active]


def test_net_active_window_naming_a_vanished_window_is_no_window(display) -> None:
    with_ewmh(display, 77)
    assert X11Foreground(FakeConnection(display)).active() is None
    chat_window(display, 77)
    assert X11Foreground(FakeConnection(display)).active().title == "倪好数码:小柒-接待中心"
    with_ewmh(display, 0)  # the desktop has focus
    assert X11Foreground(FakeConnection(display)).active() is None


def test_top_level_windows_from_the_client_list_or_the_root_children(display) -> None:
    display.add(20)  # a frame without WM_STATE, its client inside
    chat_window(display, 21, parent=20)
    display.add(30, props={ATOMS["_NET_WM_NAME"]: "记事本".encode()})
    foreground = X11Foreground(FakeConnection(display))
    assert [(w.id, w.title) for w in foreground.windows()] == [(21, "倪好数码:小柒-接待中心"), (30, "记事本")]


def test_the_client_list_skips_windows_that_vanished(display) -> None:
    chat_window(display, 21)
    display.tree[ROOT]["props"][ATOMS["_NET_CLIENT_LIST"]] = [21, 99]  # 99 is gone
    assert [w.id for w in X11Foreground(FakeConnection(display)).windows()] == [21]
