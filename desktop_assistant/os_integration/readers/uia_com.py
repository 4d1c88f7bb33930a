"""Windows UI Automation through comtypes: the thin adapter under the UIA reader.

Written against the UIAutomationClient COM interfaces; never run here (Linux). Tests drive it with
fake COM objects (tests/unit/test_uia_com.py). Every COM object goes through `_ReadOnly`, which lets
through only the members in READ_ONLY: element properties from the cache and the calls that find
children. Patterns (Invoke, Value.SetValue, SelectionItem.Select ...), SetFocus and anything else
raise ReadOnlyViolation, so the reader cannot click, type, focus or select in the client.

Cost: one ElementFromHandleBuildCache per poll and one FindAllBuildCache per element whose children
are read, each returning the few properties the rules look at from a CacheRequest; the walker's
depth and node limits (the rules' `max_depth`, `limits.max_nodes`) bound the number of calls.
"""

from __future__ import annotations

from typing import Any, Sequence

from desktop_assistant.os_integration.foreground import WindowRef

# UIAutomationClient.h
TREE_SCOPE_ELEMENT, TREE_SCOPE_CHILDREN = 1, 2
NAME, CLASS_NAME, AUTOMATION_ID, CONTROL_TYPE, BOUNDING_RECTANGLE, VALUE = 30005, 30012, 30011, 30003, 30001, 30045
PROPERTIES = (NAME, CLASS_NAME, AUTOMATION_ID, CONTROL_TYPE, BOUNDING_RECTANGLE, VALUE)
CONTROL_TYPES = dict(enumerate((
    "Button", "Calendar", "CheckBox", "ComboBox", "Edit", "Hyperlink", "Image", "ListItem", "List", "Menu",
    "MenuBar", "MenuItem", "ProgressBar", "RadioButton", "ScrollBar", "Slider", "Spinner", "StatusBar", "Tab",
    "TabItem", "Text", "ToolBar", "ToolTip", "Tree", "TreeItem", "Custom", "Group", "Thumb", "DataGrid",
    "DataItem", "Document", "SplitButton", "Window", "Pane", "Header", "HeaderItem", "Table", "TitleBar",
    "Separator", "SemanticZoom", "AppBar"), start=50000))

# The only members of IUIAutomation, IUIAutomationCacheRequest, IUIAutomationElement and
# IUIAutomationElementArray the reader may touch: reads from the cache and searches.
READ_ONLY = frozenset({
    "CreateCacheRequest", "AddProperty", "CreateTrueCondition", "ElementFromHandleBuildCache",
    "FindAllBuildCache", "Length", "GetElement", "GetCachedPropertyValue",
    "CachedName", "CachedClassName", "CachedAutomationId", "CachedControlType", "CachedBoundingRectangle",
})
WRITABLE = frozenset({"TreeScope"})  # on our own CacheRequest, never on the client's elements


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

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in WRITABLE:
            raise ReadOnlyViolation(name)
        setattr(object.__getattribute__(self, "_com"), name, _unwrap(value))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""  # UIA gives a "not supported" object for missing values


class ComElement:
    """One element, its properties read once from the cache; children fetched once, on demand."""

    def __init__(self, com: _ReadOnly, source: "ComTreeSource") -> None:
        self._com = com
        self._source = source
        self._children: list[ComElement] | None = None
        try:
            self.name = _text(com.CachedName)
            self.class_name = _text(com.CachedClassName)
            self.automation_id = _text(com.CachedAutomationId)
            self.control_type = CONTROL_TYPES.get(com.CachedControlType, "")
            self.value = _text(com.GetCachedPropertyValue(VALUE))
            box = com.CachedBoundingRectangle
            rect = (int(box.left), int(box.top), int(box.right), int(box.bottom))
            self.rect: tuple[int, int, int, int] | None = rect if rect[2] > rect[0] and rect[3] > rect[1] else None
        except ReadOnlyViolation:
            raise
        except Exception:  # the element went away while being read: an empty element
            self.name = self.class_name = self.automation_id = self.control_type = self.value = ""
            self.rect = None

    def children(self) -> Sequence["ComElement"]:
        if self._children is None:
            self._children = self._source.children_of(self._com)
        return self._children


def _create_automation() -> Any:
    import comtypes.client  # Windows only; imported on the first read

    module = comtypes.client.GetModule("UIAutomationCore.dll")
    return comtypes.client.CreateObject(module.CUIAutomation, interface=module.IUIAutomation)


class ComTreeSource:
    """Callable: WindowRef -> the root ComElement of that window (its HWND is WindowRef.id)."""

    def __init__(self, automation: Any = None) -> None:
        self._uia = _ReadOnly(automation if automation is not None else _create_automation())
        cache = self._uia.CreateCacheRequest()
        for prop in PROPERTIES:
            cache.AddProperty(prop)
        cache.TreeScope = TREE_SCOPE_ELEMENT
        self._cache = cache
        self._all = self._uia.CreateTrueCondition()

    def __call__(self, window: WindowRef) -> ComElement:
        from desktop_assistant.os_integration.readers.uia import MSG_UIA_FAILED, UiaUnavailable

        try:
            root = self._uia.ElementFromHandleBuildCache(window.id, self._cache)
        except ReadOnlyViolation:
            raise
        except Exception as exc:  # the window closed, or it refuses UI Automation
            raise UiaUnavailable(MSG_UIA_FAILED, reason=type(exc).__name__) from None
        return ComElement(root, self)

    def children_of(self, com: _ReadOnly) -> list[ComElement]:
        try:
            found = com.FindAllBuildCache(TREE_SCOPE_CHILDREN, self._all, self._cache)
            return [ComElement(found.GetElement(i), self) for i in range(found.Length)]
        except ReadOnlyViolation:
            raise
        except Exception:  # gone while switching conversations: read as empty this poll
            return []
