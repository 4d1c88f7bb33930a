"""Windows UI Automation through comtypes: the thin adapter under the UIA reader.

Written against the UIAutomationClient COM interfaces; never run here (Linux). Tests drive it with
fake COM objects (tests/unit/test_uia_com.py). Every COM object goes through `_ReadOnly`, which lets
through only the members in READ_ONLY: element properties from the cache and the calls that find
children. Patterns (Invoke, Value.SetValue, SelectionItem.Select ...), SetFocus and anything else
raise ReadOnlyViolation, so the reader cannot click, type, focus or select in the client.

Cost: one ElementFromHandleBuildCache per poll, one FindAllBuildCache per element whose children are
read on the way down to the message list and the conversation list (the walker remembers the path,
so a steady window costs one walk down one branch), and one BuildUpdatedCache for each of those two
lists, which brings their whole subtree with the few properties the rules look at. The rules'
`max_depth` and `limits.max_nodes` bound the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop_assistant.os_integration.foreground import WindowRef

try:  # what comtypes raises for a failed COM call (Windows only)
    from _ctypes import COMError
except ImportError:  # pragma: no cover - not Windows
    COMError = OSError
# An element that vanished (conversation switched, window closed): COMError; a NULL pointer: ValueError.
GONE = (COMError, OSError, ValueError)

# UIAutomationClient.h
TREE_SCOPE_ELEMENT, TREE_SCOPE_CHILDREN, TREE_SCOPE_SUBTREE = 1, 2, 7
NAME, CLASS_NAME, AUTOMATION_ID, CONTROL_TYPE, BOUNDING_RECTANGLE, VALUE = 30005, 30012, 30011, 30003, 30001, 30045
PROPERTIES = (NAME, CLASS_NAME, AUTOMATION_ID, CONTROL_TYPE, BOUNDING_RECTANGLE, VALUE)
CONTROL_TYPES = dict(
    enumerate(
        (
            "Button",
            "Calendar",
            "CheckBox",
            "ComboBox",
            "Edit",
            "Hyperlink",
            "Image",
            "ListItem",
            "List",
            "Menu",
            "MenuBar",
            "MenuItem",
            "ProgressBar",
            "RadioButton",
            "ScrollBar",
            "Slider",
            "Spinner",
            "StatusBar",
            "Tab",
            "TabItem",
            "Text",
            "ToolBar",
            "ToolTip",
            "Tree",
            "TreeItem",
            "Custom",
            "Group",
            "Thumb",
            "DataGrid",
            "DataItem",
            "Document",
            "SplitButton",
            "Window",
            "Pane",
            "Header",
            "HeaderItem",
            "Table",
            "TitleBar",
            "Separator",
            "SemanticZoom",
            "AppBar",
        ),
        start=50000,
    )
)

# The only members of IUIAutomation, IUIAutomationCacheRequest, IUIAutomationElement and
# IUIAutomationElementArray the reader may touch: reads from the cache and searches.
READ_ONLY = frozenset(
    {
        "CreateCacheRequest",
        "AddProperty",
        "CreateTrueCondition",
        "ElementFromHandleBuildCache",
        "FindAllBuildCache",
        "BuildUpdatedCache",
        "GetCachedChildren",
        "Length",
        "GetElement",
        "GetCachedPropertyValue",
        "CachedName",
        "CachedClassName",
        "CachedAutomationId",
        "CachedControlType",
        "CachedBoundingRectangle",
    }
)
WRITABLE = frozenset({"TreeScope", "TreeFilter"})  # on our own CacheRequests, never on the client's elements


class ReadOnlyViolation(RuntimeError):
    """Code tried to use a UI Automation member that could change the client (a bug, never data)."""


def _unwrap(value: Any) -> Any:
    return object.__getattribute__(value, "_com") if isinstance(value, _ReadOnly) else value


def _wrap(value: Any) -> Any:
    return _ReadOnly(value) if hasattr(value, "QueryInterface") else value


class _ReadOnly:
    """A COM object reduced to the members in READ_ONLY; results that are COM objects are wrapped too."""

    __slots__ = ("_com",)

    def __init__(self, com: Any) -> None:
        object.__setattr__(self, "_com", com)

    def __getattr__(self, name: str) -> Any:
        if name not in READ_ONLY:
            raise ReadOnlyViolation(name)
        value = getattr(object.__getattribute__(self, "_com"), name)
        if callable(value):
            return lambda *args: _wrap(value(*(_unwrap(arg) for arg in args)))
        return _wrap(value)

    def __bool__(self) -> bool:  # a NULL interface pointer (no cached children) is false
        return bool(object.__getattribute__(self, "_com"))

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in WRITABLE:
            raise ReadOnlyViolation(name)
        setattr(object.__getattribute__(self, "_com"), name, _unwrap(value))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""  # UIA gives a "not supported" object for missing values


def _cached(read):
    """A property read from the cache on first use only (a poll looks at few properties of most
    elements); an element gone meanwhile reads as empty."""
    name = "_" + read.__name__

    def get(self):
        try:
            return getattr(self, name)
        except AttributeError:
            pass
        try:
            value = read(self)
        except GONE:
            value = None if read.__name__ == "rect" else ""
        setattr(self, name, value)
        return value

    return property(get, doc=read.__doc__)


class ComElement:
    """One element, its properties read from the cache when first used; children fetched once, on
    demand (`cached`: they are already in the cache, fetched with an ancestor's subtree)."""

    def __init__(self, com: _ReadOnly, source: ComTreeSource, cached: bool = False) -> None:
        self._com = com
        self._source = source
        self._cached_children = cached
        self._children: list[ComElement] | None = None

    @_cached
    def name(self) -> str:
        return _text(self._com.CachedName)

    @_cached
    def class_name(self) -> str:
        return _text(self._com.CachedClassName)

    @_cached
    def automation_id(self) -> str:
        return _text(self._com.CachedAutomationId)

    @_cached
    def control_type(self) -> str:
        return CONTROL_TYPES.get(self._com.CachedControlType, "")

    @_cached
    def value(self) -> str:
        return _text(self._com.GetCachedPropertyValue(VALUE))

    @_cached
    def rect(self) -> tuple[int, int, int, int] | None:
        box = self._com.CachedBoundingRectangle
        rect = (int(box.left), int(box.top), int(box.right), int(box.bottom))
        return rect if rect[2] > rect[0] and rect[3] > rect[1] else None

    def children(self) -> Sequence[ComElement]:
        if self._children is None:
            self._children = (
                self._source.cached_children_of(self._com)
                if self._cached_children
                else self._source.children_of(self._com)
            )
        return self._children

    def subtree(self) -> ComElement:
        """This element again with everything below it fetched in one call (the message list)."""
        return self._source.subtree_of(self._com)


TIMEOUT_MS = 1000  # a hung client must not hold the panel's GUI thread (UIA's defaults are 20 s and more)


def _create_automation() -> Any:
    import comtypes.client  # Windows only; imported on the first read

    module = comtypes.client.GetModule("UIAutomationCore.dll")
    automation = comtypes.client.CreateObject(module.CUIAutomation, interface=module.IUIAutomation)
    try:  # IUIAutomation2 (Windows 8 and later): timeouts of our own client object, not the client's
        ours = automation.QueryInterface(module.IUIAutomation2)
        ours.ConnectionTimeout = ours.TransactionTimeout = TIMEOUT_MS
    except (AttributeError, *GONE):  # Windows 7: the defaults stay
        pass
    return automation


class ComTreeSource:
    """Callable: WindowRef -> the root ComElement of that window (its HWND is WindowRef.id)."""

    def __init__(self, automation: Any = None) -> None:
        self._uia = _ReadOnly(automation if automation is not None else _create_automation())
        cache = self._uia.CreateCacheRequest()
        for prop in PROPERTIES:
            cache.AddProperty(prop)
        # The raw view, as the published scripts walk it (uiautomation's GetChildren).
        self._all = self._uia.CreateTrueCondition()
        cache.TreeScope = TREE_SCOPE_ELEMENT
        cache.TreeFilter = self._all
        self._cache = cache
        subtree = self._uia.CreateCacheRequest()
        for prop in PROPERTIES:
            subtree.AddProperty(prop)
        subtree.TreeScope = TREE_SCOPE_SUBTREE
        subtree.TreeFilter = self._all
        self._subtree = subtree

    def __call__(self, window: WindowRef) -> ComElement:
        from desktop_assistant.os_integration.readers.uia import MSG_UIA_FAILED, UiaUnavailable

        try:
            root = self._uia.ElementFromHandleBuildCache(window.id, self._cache)
        except GONE as exc:  # the window closed, or it refuses UI Automation
            raise UiaUnavailable(MSG_UIA_FAILED, reason=type(exc).__name__) from None
        return ComElement(root, self)

    def children_of(self, com: _ReadOnly) -> list[ComElement]:
        try:
            found = com.FindAllBuildCache(TREE_SCOPE_CHILDREN, self._all, self._cache)
            return [ComElement(found.GetElement(i), self) for i in range(found.Length)]
        except GONE:  # gone while switching conversations: read as empty this poll
            return []

    def cached_children_of(self, com: _ReadOnly) -> list[ComElement]:
        try:
            found = com.GetCachedChildren()
            if not found:  # NULL: no children
                return []
            return [ComElement(found.GetElement(i), self, cached=True) for i in range(found.Length)]
        except GONE:
            return []

    def subtree_of(self, com: _ReadOnly) -> ComElement:
        try:
            return ComElement(com.BuildUpdatedCache(self._subtree), self, cached=True)
        except GONE:  # fall back to fetching children one element at a time
            return ComElement(com, self)
