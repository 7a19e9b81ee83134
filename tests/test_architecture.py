"""The shape of the code: the data flows one way, and a dimension is one module plus one registry line.

    read -> facts -> dimensions -> scorecard -> render / cli

The import graph is read from the source (every import, including the lazy ones inside
functions), so a renderer imported "just for Jupyter" inside the Scorecard is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import hypecheck
from hypecheck.dimensions import DIMENSIONS, HYPE_WEIGHTS, REGISTRY, TABLE_COLUMNS

PACKAGE = Path(hypecheck.__file__).resolve().parent
CORE = ("hypecheck.read", "hypecheck.facts", "hypecheck.dimensions", "hypecheck.scorecard", "hypecheck.pipeline", "hypecheck.lexicon", "hypecheck.classifier", "hypecheck.settings")
OUTSIDE_THE_CORE = ("hypecheck.render", "hypecheck.cli", "hypecheck.batch", "hypecheck.train", "hypecheck.frame", "matplotlib", "typer", "rich", "pandas", "sklearn")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import; the project imports absolutely"
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)  # "from pkg import module"
    return found


GRAPH = {module_name(p): imports_of(p) for p in PACKAGE.rglob("*.py")}


def within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def reachable(start: str) -> set[str]:
    """Every module ``start`` imports, directly or through other hypecheck modules."""
    seen, todo = set(), [start]
    while todo:
        for imported in GRAPH.get(todo.pop(), ()):
            if imported not in seen:
                seen.add(imported)
                todo.append(imported)
    return seen


def test_the_scorecard_is_plain_data():
    assert {m for m in reachable("hypecheck.scorecard") if m.startswith(("hypecheck", "matplotlib", "typer"))} == set()


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if within(m, CORE)))
def test_the_core_never_imports_renderers_the_cli_or_training(module):
    assert sorted(m for m in reachable(module) if within(m, OUTSIDE_THE_CORE)) == []


def test_dimensions_read_facts_and_never_each_other():
    for module, imported in GRAPH.items():
        if within(module, ("hypecheck.dimensions",)) and module != "hypecheck.dimensions":
            others = {m for m in imported if within(m, tuple(f"hypecheck.dimensions.{d}" for d in DIMENSIONS)) and not m.startswith(module)}
            assert others == set(), f"{module} imports {others}: share it as a fact instead"


def test_renderers_name_no_dimension_in_their_tables():
    """Titles, colours, chart labels and the glossary come from the registry, not from tables in render/."""
    for path in (PACKAGE / "render").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                assert len(keys & set(DIMENSIONS)) < 2, f"{path.name}: a table keyed by dimension names; read the registry"


def test_every_registered_dimension_is_complete(seeds):
    card = seeds["001"]
    assert tuple(card.dimensions) == DIMENSIONS == tuple(d.key for d in REGISTRY)
    assert abs(sum(HYPE_WEIGHTS.values()) - 1) < 1e-9 and set(HYPE_WEIGHTS) == set(DIMENSIONS)
    row = card.to_row()
    assert tuple(row) == TABLE_COLUMNS
    for d in REGISTRY:
        assert d.title and d.glossary and d.colour.startswith("#") and d.analyze.__module__ == f"hypecheck.dimensions.{d.key}"
        missing = [m for m in d.metrics if m not in card[d.key].metrics]
        assert missing == [], f"{d.key} lacks declared metrics {missing}"
