"""The package's layers depend one way: article -> document -> mentions -> geo -> coding -> coder ->
pipeline -> store, API, CLI. A module imports only from its own layer or the layers below it,
function-level imports included (type-checking imports aside: they run nothing)."""

import ast
from pathlib import Path

import eventwire

PACKAGE = Path(eventwire.__file__).parent

# bottom to top; a top-level module or subpackage of eventwire per name
LAYERS = [
    {"errors", "bundled", "placenames", "article", "events", "ontology", "acled", "evaluate", "token_rules", "document", "reader", "output"},
    {"mentions"},
    {"geo"},
    {"classify"},
    {"coding"},
    {"coder"},
    {"pipeline"},
    {"batch", "store", "evaluation", "training", "web", "cli", "sample", "data"},
]
LAYER_OF = {name: n for n, names in enumerate(LAYERS) for name in names}


def imports_of(path: Path) -> list[str]:
    """The eventwire modules ``path`` imports, as the top-level name under eventwire."""
    rel = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return targets(ast.parse(path.read_text(encoding="utf-8")), rel[:-1])


def targets(tree: ast.AST, package: tuple[str, ...]) -> list[str]:
    """The top-level eventwire names a module of ``package`` imports in ``tree``."""
    out = []
    for node in _run_imports(tree):
        if node.level:
            base = list(package[: len(package) - (node.level - 1)])
            target = base + (node.module.split(".") if node.module else [])
        else:
            target = (node.module or "").split(".")
        if target[0] == "eventwire" and len(target) > 1:
            out.append(target[1])
        elif target[0] == "eventwire":  # "from eventwire import x" / "from .. import x"
            out += [a.name for a in node.names]
    return out


def _run_imports(tree: ast.AST):
    """The ``from ... import`` statements that run, skipping ``if TYPE_CHECKING:`` blocks."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            continue
        if isinstance(node, ast.ImportFrom):
            yield node
        yield from _run_imports(node)


def test_every_module_is_in_a_layer():
    names = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.suffix == ".py" and p.stem != "__init__") or (p.is_dir() and not p.name.startswith("__"))}  # fmt: skip
    assert names <= set(LAYER_OF), f"not in a layer: {sorted(names - set(LAYER_OF))}"


def test_no_module_imports_from_a_layer_above_its_own():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if own == "__init__":
            continue
        upward += [f"{path.relative_to(PACKAGE)} imports {name}" for name in imports_of(path)
                   if name in LAYER_OF and LAYER_OF[name] > LAYER_OF[own]]  # fmt: skip
    assert upward == []


def test_the_gazetteer_knows_nothing_of_mentions():
    # it stores and looks up names (eventwire.placenames); finding them in text is the mentions' work
    for module in ("gazetteer.py", "geonames_dump.py"):
        assert "mentions" not in imports_of(PACKAGE / "geo" / module)


def test_function_level_imports_count_and_type_checking_ones_do_not():
    source = (
        "from typing import TYPE_CHECKING\n"
        "from .actors import ActorIndex\n"
        "if TYPE_CHECKING:\n    from ..coder import Coder\n"
        "def f():\n    from ..geo.gazetteer import default_gazetteer\n"
        "    from .. import pipeline\n"
    )
    assert targets(ast.parse(source), ("eventwire", "mentions")) == ["mentions", "geo", "pipeline"]
