"""No function in the package is over 60 lines (issue 18): a long one is split into helpers named for what they do.

Exempt: the migrations' DDL functions (storage/migrations.py m0NN_*), which are one CREATE script each.
"""

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "desktop_assistant"
LIMIT = 60
_DDL = re.compile(r"m\d{3}_\w+")


def long_functions(source: str, path: str) -> list[str]:
    """`path:line name (N lines)` for every function or method in `source` over LIMIT lines, decorators and
    docstring included; migrations' m0NN_* functions are exempt."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        length = (node.end_lineno or node.lineno) - first + 1
        if length <= LIMIT:
            continue
        if path.endswith("storage/migrations.py") and _DDL.fullmatch(node.name):
            continue
        found.append(f"{path}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_no_function_in_the_package_is_over_60_lines() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        found += long_functions(path.read_text(encoding="utf-8"), relative)
    assert not found, "split these into helpers that say what they do:\n" + "\n".join(found)


def _function(name: str, body_lines: int, indent: str = "") -> str:
    body = "".join(f"{indent}    x{i} = {i}\n" for i in range(body_lines))
    return f"{indent}def {name}():\n{body}"


def test_a_function_of_61_lines_is_found_and_one_of_60_is_not() -> None:
    source = _function("sixty", LIMIT - 1) + "\n" + _function("sixty_one", LIMIT)
    assert long_functions(source, "desktop_assistant/x.py") == ["desktop_assistant/x.py:62 sixty_one (61 lines)"]


def test_methods_nested_functions_and_decorators_count() -> None:
    method = "class A:\n    @staticmethod\n" + _function("long", LIMIT - 1, indent="    ")
    assert long_functions(method, "x.py") == ["x.py:3 long (61 lines)"]
    nested = "def outer():\n" + _function("inner", LIMIT, indent="    ") + "    return inner\n"
    assert [line.split()[1] for line in long_functions(nested, "x.py")] == ["outer", "inner"]


def test_only_the_migrations_ddl_functions_are_exempt() -> None:
    ddl = _function("m003_notes", LIMIT) + _function("helper", LIMIT)
    assert [f.split()[1] for f in long_functions(ddl, "desktop_assistant/storage/migrations.py")] == ["helper"]
    assert len(long_functions(ddl, "desktop_assistant/storage/other.py")) == 2
