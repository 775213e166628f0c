"""The package's import graph keeps the shape docs/architecture.md describes.

Read from the source with ``ast`` (function-level imports included), so a lazy
import cannot hide a cycle.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "quotes"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _concern(module: str) -> str:
    """The subpackage a module belongs to (a top-level module is its own)."""
    return ".".join(module.split(".")[:2])


def _imports(module: str) -> list[tuple[str, str | None, ast.AST]]:
    """``(imported module, imported name or None, node)`` for every import of ``quotes``."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, str | None, ast.AST]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, None, node) for alias in node.names if alias.name.startswith("quotes")]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            if not base.startswith("quotes"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.append((sub, None, node) if sub in MODULES else (base, alias.name, node))
    return found


def _resolve(target: str) -> str | None:
    while target and target not in MODULES:
        target = target.rpartition(".")[0]
    return target or None


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module in MODULES:
        deps = graph.setdefault(module, set())
        for target, _name, _node in _imports(module):
            resolved = _resolve(target)
            if resolved and resolved != module:
                deps.add(resolved)
    return graph


def _is_ancestor(a: str, b: str) -> bool:
    return b.startswith(a + ".")


def test_no_import_cycles():
    graph = _graph()
    # A package importing its own submodules (re-exports in __init__) is not a cycle.
    edges = {m: {d for d in deps if not _is_ancestor(m, d) and not _is_ancestor(d, m)} for m, deps in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in edges:
        if module not in index:
            visit(module)
    assert cycles == []


def test_no_private_name_crosses_a_subpackage():
    crossing = []
    for module in MODULES:
        for target, name, _node in _imports(module):
            resolved = _resolve(target)
            if resolved is None or _concern(resolved) == _concern(module):
                continue
            private_module = any(p.startswith("_") and not p.startswith("__") for p in resolved.split(".")[2:])
            private_name = name is not None and name.startswith("_") and not name.startswith("__")
            if private_module or private_name:
                crossing.append(f"{module} <- {resolved}{'.' + name if name else ''}")
    assert crossing == []


def test_library_modules_never_import_the_cli():
    offenders = [
        module
        for module in MODULES
        if not module.startswith("quotes.cli") and module != "quotes.__main__"
        for target, _name, _node in _imports(module)
        if (_resolve(target) or "").startswith("quotes.cli")
    ]
    assert offenders == []


def test_no_except_import_error_around_a_quotes_import():
    """A broken module of ours must fail loudly, not be skipped as an optional dependency."""
    hidden = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Try):
                continue
            swallowing = [
                h for h in node.handlers
                if h.type is not None
                and (getattr(h.type, "id", None) or getattr(h.type, "attr", None)) in ("ImportError", "ModuleNotFoundError")
                and not any(isinstance(n, ast.Raise) for n in ast.walk(h))
            ]
            if not swallowing:
                continue
            for inner in (n for stmt in node.body for n in ast.walk(stmt)):
                names = (
                    [a.name for a in inner.names] if isinstance(inner, ast.Import)
                    else [inner.module or ""] if isinstance(inner, ast.ImportFrom) and not inner.level
                    else []
                )
                if any(n.startswith("quotes") for n in names):
                    hidden.append(f"{module}:{inner.lineno}")
    assert hidden == []


def test_the_checks_see_a_cycle(tmp_path, monkeypatch):
    """The cycle finder is not vacuous: two modules importing each other are found."""
    fake = tmp_path / "quotes"
    (fake / "a").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "a" / "__init__.py").write_text("")
    (fake / "a" / "one.py").write_text("def f():\n    from quotes.a.two import g\n")
    (fake / "a" / "two.py").write_text("from quotes.a.one import f\n")
    (fake / "b.py").write_text("from quotes.a.one import _private\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    monkeypatch.setattr(
        sys.modules[__name__], "MODULES", {_module_name(p): p for p in sorted(fake.rglob("*.py"))}
    )
    with pytest.raises(AssertionError):
        test_no_import_cycles()
    with pytest.raises(AssertionError):
        test_no_private_name_crosses_a_subpackage()


def test_import_quotes_leaves_the_heavy_extras_unloaded():
    code = (
        "import sys, quotes; "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'pyspark', 'stanza', 'torch', 'tqdm') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
