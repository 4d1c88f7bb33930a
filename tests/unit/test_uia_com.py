"""The Windows adapter (uia_com.py) against fake COM objects: it reads cached properties and finds
children, and nothing else reaches the client (no pattern, no focus, no invoke)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from desktop_assistant.domain.reading import ACTIVE_BUYER, BUYER_MESSAGE
from desktop_assistant.os_integration.foreground import WindowRef
from desktop_assistant.os_integration.readers import uia_com
from desktop_assistant.os_integration.readers.uia import UiaReader, UiaUnavailable
from desktop_assistant.os_integration.readers.uia_com import (
    CONTROL_TYPES,
    PROPERTIES,
    READ_ONLY,
    TREE_SCOPE_CHILDREN,
    TREE_SCOPE_ELEMENT,
    TREE_SCOPE_SUBTREE,
    ComTreeSource,
    ReadOnlyViolation,
)
from desktop_assistant.os_integration.readers.uia_recorded import RecordedElement, load_recorded_tree
from desktop_assistant.os_integration.readers.uia_rules import load_rules_file

REPO = Path(__file__).resolve().parents[2]
RULES = load_rules_file(REPO / "resources" / "readers" / "uia_rules.json")
TREES = REPO / "tests" / "data" / "uia"
HWND = 0x1A2B
WINDOW = WindowRef(id=HWND, process="AliWorkbench.exe", title="千牛接待台")
NOW = dt.datetime(2026, 12, 6, 10, 10)
TYPE_IDS = {name: number for number, name in CONTROL_TYPES.items()}
NOT_SUPPORTED = object()  # what UIA gives for a property the element does not have


class Log:
    def __init__(self) -> None:
        self.members: list[str] = []


class FakeCom:
    """Logs every member used. Carries the members a real element has that would change the client."""

    def __init__(self, log: Log) -> None:
        object.__setattr__(self, "_log", log)

    def __getattribute__(self, name: str):
        if not name.startswith("_"):
            object.__getattribute__(self, "_log").members.append(name)
        return object.__getattribute__(self, name)

    def QueryInterface(self, *args):  # noqa: N802 - marks a COM object for the adapter
        raise AssertionError("not needed")

    # Members of IUIAutomationElement that act on the client: reaching one is a failure.
    def SetFocus(self):  # noqa: N802
        raise AssertionError("SetFocus reached the client")

    def GetCurrentPattern(self, pattern_id):  # noqa: N802
        raise AssertionError("a control pattern (Invoke/Value/SelectionItem ...) was asked for")

    def GetCachedPattern(self, pattern_id):  # noqa: N802
        raise AssertionError("a control pattern was asked for")


class FakeElement(FakeCom):
    """`subtree`: built by BuildUpdatedCache with a subtree request, so its cached children exist."""

    def __init__(self, log: Log, recorded: RecordedElement, vanish: bool = False, subtree: bool = False) -> None:
        super().__init__(log)
        self._rec = recorded
        self._vanish = vanish
        self._subtree = subtree

    @property
    def CachedName(self):  # noqa: N802
        return self._rec.name

    @property
    def CachedClassName(self):  # noqa: N802
        return self._rec.class_name

    @property
    def CachedAutomationId(self):  # noqa: N802
        return self._rec.automation_id

    @property
    def CachedControlType(self):  # noqa: N802
        return TYPE_IDS.get(self._rec.control_type, 0)

    @property
    def CachedBoundingRectangle(self):  # noqa: N802
        left, top, right, bottom = self._rec.rect or (0, 0, 0, 0)
        return SimpleNamespace(left=left, top=top, right=right, bottom=bottom)

    def GetCachedPropertyValue(self, prop):  # noqa: N802
        assert prop == uia_com.VALUE
        return self._rec.value if self._rec.control_type == "Edit" else NOT_SUPPORTED

    def FindAllBuildCache(self, scope, condition, cache):  # noqa: N802
        assert scope == TREE_SCOPE_CHILDREN
        assert isinstance(condition, FakeCondition) and isinstance(cache, FakeCache)  # unwrapped for COM
        if self._vanish:
            raise OSError("element not available")
        return FakeArray(self._log, [FakeElement(self._log, child) for child in self._rec.children()])

    def BuildUpdatedCache(self, cache):  # noqa: N802
        assert isinstance(cache, FakeCache) and cache.TreeScope == TREE_SCOPE_SUBTREE
        assert isinstance(cache.TreeFilter, FakeCondition)
        return FakeElement(self._log, self._rec, subtree=True)

    def GetCachedChildren(self):  # noqa: N802
        assert self._subtree, "cached children asked of an element fetched without its subtree"
        kids = [FakeElement(self._log, child, subtree=True) for child in self._rec.children()]
        return FakeArray(self._log, kids) if kids else None  # UIA gives NULL for none


class FakeArray(FakeCom):
    def __init__(self, log: Log, items: list) -> None:
        super().__init__(log)
        self._items = items

    @property
    def Length(self):  # noqa: N802
        return len(self._items)

    def GetElement(self, index):  # noqa: N802
        return self._items[index]


class FakeCache(FakeCom):
    def __init__(self, log: Log) -> None:
        super().__init__(log)
        self._properties: list[int] = []
        self.TreeScope = 0
        self.TreeFilter = None

    def AddProperty(self, prop):  # noqa: N802
        self._properties.append(prop)


class FakeCondition(FakeCom):
    pass


class FakeAutomation(FakeCom):
    def __init__(self, log: Log, *trees: str, vanish: bool = False) -> None:
        super().__init__(log)
        self._trees = [load_recorded_tree(TREES / f"{name}.json") for name in trees]
        self._vanish = vanish
        self._caches: list[FakeCache] = []

    def CreateCacheRequest(self):  # noqa: N802
        self._caches.append(FakeCache(self._log))
        return self._caches[-1]

    def CreateTrueCondition(self):  # noqa: N802
        return FakeCondition(self._log)

    def ElementFromHandleBuildCache(self, hwnd, cache):  # noqa: N802
        if hwnd != HWND:
            raise OSError("invalid window handle")
        assert cache is self._caches[0]
        return FakeElement(self._log, self._trees.pop(0), vanish=self._vanish)


def test_the_reader_over_com_reads_what_the_recorded_tree_shows_and_touches_only_read_only_members() -> None:
    log = Log()
    automation = FakeAutomation(log, "qianniu9_chat", "qianniu9_chat", "qianniu9_badges")
    reader = UiaReader(RULES, tree_source=ComTreeSource(automation))
    events = [reader.read(WINDOW, "千牛", NOW) for _ in range(3)]
    assert [e.kind for e in events[1]] == [ACTIVE_BUYER, BUYER_MESSAGE, "agent_message", BUYER_MESSAGE]
    assert [(e.buyer, e.count) for e in events[2]] == [("jd_小王", 2), ("小熊爱吃鱼2023", 1)]
    # QueryInterface is only looked up, never called: it tells COM objects (to guard) from plain values.
    assert set(log.members) <= READ_ONLY | {"TreeScope", "TreeFilter", "QueryInterface"}
    assert {"FindAllBuildCache", "CachedName", "ElementFromHandleBuildCache"} <= set(log.members)


def test_the_cache_requests_ask_for_the_few_properties_in_the_raw_view() -> None:
    automation = FakeAutomation(Log())
    ComTreeSource(automation)
    element, subtree = automation._caches
    assert element._properties == subtree._properties == list(PROPERTIES)
    assert (element.TreeScope, subtree.TreeScope) == (TREE_SCOPE_ELEMENT, TREE_SCOPE_SUBTREE)
    assert isinstance(element.TreeFilter, FakeCondition) and subtree.TreeFilter is element.TreeFilter


def test_a_steady_window_costs_a_walk_down_to_the_two_lists_and_one_subtree_fetch_each() -> None:
    log = Log()
    reader = UiaReader(RULES, tree_source=ComTreeSource(FakeAutomation(log, *["qianniu9_badges"] * 3)))
    reader.read(WINDOW, "千牛", NOW)
    first = log.members.count("FindAllBuildCache")
    del log.members[:]
    reader.read(WINDOW, "千牛", NOW)
    steady = log.members.count("FindAllBuildCache")
    # Down to J_msg_list (9 levels; the conversation Tree hangs off that branch), nothing else.
    assert (steady, log.members.count("BuildUpdatedCache"), log.members.count("ElementFromHandleBuildCache")) == (
        9,
        2,
        1,
    )
    assert first > steady


def test_an_element_that_vanishes_mid_read_reads_as_empty_and_a_closed_window_as_unavailable() -> None:
    automation = FakeAutomation(Log(), "qianniu9_chat", vanish=True)
    source = ComTreeSource(automation)
    root = source(WINDOW)
    assert (root.class_name, root.name, root.children()) == ("MutilChatView", "千牛接待台", [])
    with pytest.raises(UiaUnavailable, match="读取界面元素失败：OSError"):
        source(WindowRef(id=0x7777))


def test_values_and_rectangles_come_from_the_cache() -> None:
    source = ComTreeSource(FakeAutomation(Log(), "qianniu9_chat"))
    root = source(WINDOW)
    flat, stack = [], [root]
    while stack:
        element = stack.pop()
        flat.append(element)
        stack.extend(element.children())
    edit = next(e for e in flat if e.control_type == "Edit")
    assert edit.automation_id.endswith("chatInputArea.plainTextEdit") and edit.value == ""
    assert root.rect == (0, 0, 1280, 900)
    assert next(e for e in flat if e.control_type == "Document").rect is None  # none recorded: empty rectangle
    assert all(e.value == "" for e in flat if e.control_type != "Edit")


@pytest.mark.parametrize(
    "member",
    [
        "SetFocus",
        "GetCurrentPattern",
        "GetCachedPattern",
        "GetCurrentPropertyValue",
        "FindFirst",
        "Invoke",
        "SetValue",
        "Select",
    ],
)
def test_anything_but_reading_is_refused_before_it_reaches_the_client(member: str) -> None:
    log = Log()
    guarded = uia_com._ReadOnly(FakeElement(log, RecordedElement(name="发送", control_type="Button")))
    with pytest.raises(ReadOnlyViolation, match=member):
        getattr(guarded, member)
    with pytest.raises(ReadOnlyViolation):
        guarded.Name = "x"
    assert log.members == []


def test_elements_offer_no_way_to_act() -> None:
    element = ComTreeSource(FakeAutomation(Log(), "qianniu9_chat"))(WINDOW)
    assert not [
        name
        for name in dir(element)
        if not name.startswith("_")
        and name not in {"name", "class_name", "automation_id", "control_type", "value", "rect", "children", "subtree"}
    ]


def test_importing_the_reader_loads_no_windows_module() -> None:
    code = (
        "import sys; import desktop_assistant.os_integration.readers.uia, "
        "desktop_assistant.os_integration.readers.uia_com; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('comtypes', 'ctypes.wintypes')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


def test_a_property_of_a_vanished_element_reads_empty() -> None:
    class Gone(FakeElement):
        @property
        def CachedName(self):  # noqa: N802
            raise OSError("element not available")

    element = uia_com.ComElement(
        uia_com._ReadOnly(Gone(Log(), RecordedElement(class_name="QWidget"))), ComTreeSource(FakeAutomation(Log()))
    )
    assert (element.name, element.class_name, element.rect) == ("", "QWidget", None)
