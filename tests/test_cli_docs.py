"""docs/cli.md stays true: every command, option and option value of the real parser is there,
and every PLOVER type and export column is documented (in docs/cli.md or the README)."""

import argparse
import re
from pathlib import Path

import pytest

from eventwire.cli import build_parser
from eventwire.ontology import EVENT_TYPES
from eventwire.output import CSV_COLUMNS as EXTRACT_COLUMNS
from eventwire.store.acled_export import ACLED_COLUMNS
from eventwire.store.export import CSV_COLUMNS as EXPORT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
DOCS = CLI_DOC + "\n" + (ROOT / "README.md").read_text(encoding="utf-8")


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ("eventwire",)):
    """(path, parser) of the program and of every command and subcommand, walked from the parser."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from commands(sub, (*path, name))


COMMANDS = dict(commands(build_parser()))


def section(path: tuple[str, ...]) -> str:
    """The text under the heading `eventwire <command>` of docs/cli.md, up to the next heading."""
    name = " ".join(path)
    match = re.search(rf"^#+ `{re.escape(name)}`\n(.*?)(?=^#)", CLI_DOC + "\n#", re.M | re.S)
    assert match, f"docs/cli.md has no heading `{name}`"
    text = match.group(1)
    if "(#filters-events-and-export)" in text:  # the filters shared by events and export are listed once
        text += section_titled("Filters (`events` and `export`)")
    return text


def section_titled(title: str) -> str:
    match = re.search(rf"^#+ {re.escape(title)}\n(.*?)(?=^#)", CLI_DOC + "\n#", re.M | re.S)
    assert match, f"docs/cli.md has no heading {title}"
    return match.group(1)


def is_group(parser: argparse.ArgumentParser) -> bool:
    return any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)


def test_the_parser_has_the_commands_the_docs_are_checked_for():
    leaves = {" ".join(p[1:]) for p in COMMANDS if len(p) > 1}
    assert {"extract", "ingest", "events", "show", "export", "serve", "token create", "gazetteer build"} <= leaves


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_every_command_option_and_value_is_documented(path):
    text = section(path)
    for action in COMMANDS[path]._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name in action.choices:
                assert f"`{' '.join((*path, name))}`" in CLI_DOC, f"{name} of {' '.join(path)}"
            continue
        if isinstance(action, argparse._HelpAction):
            continue
        names = action.option_strings or [action.dest]
        assert any(f"`{n}" in text for n in names), f"{' '.join(path)}: {names[0]} is not in docs/cli.md"
        for choice in action.choices or ():
            assert f"`{choice}`" in text, f"{' '.join(path)} {names[0]}: the value {choice!r} is not in docs/cli.md"
    if len(path) == 1 or not is_group(COMMANDS[path]):
        name = " ".join(path)
        assert re.search(rf"^```\n{re.escape(name)}\b", text, re.M), f"{name}: no example in docs/cli.md"


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_plover_type_is_documented(event_type):
    assert f"`{event_type}`" in DOCS or re.search(rf"\b{event_type}\b", DOCS)


@pytest.mark.parametrize("column", sorted(set(EXTRACT_COLUMNS) | set(EXPORT_COLUMNS) | set(ACLED_COLUMNS)))
def test_every_export_column_is_documented(column):
    assert f"`{column}`" in DOCS, f"the column {column} is not documented in docs/cli.md or README.md"


def readme_commands() -> list[list[str]]:
    """The commands of the README's first screen: each `.venv/bin/eventwire ...` line of its
    first code blocks, split as a shell would (no quoting there), comments dropped."""
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("## ", 1)[0]
    lines = [line.split("#", 1)[0].split() for line in head.splitlines() if line.startswith(".venv/bin/eventwire ")]
    return [words[1:] for words in lines]


def test_the_quickstart_works_as_written(tmp_path, monkeypatch, capsys):
    """After `make demo` (the samples in ./eventwire.sqlite), each command of the README's first
    screen parses, and the reading ones answer from that store."""
    from eventwire.cli import SAMPLE_ARTICLES, main, sample_path

    commands = readme_commands()
    assert [c[0] for c in commands] == ["serve", "ingest", "events", "export"]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    assert main(["demo", "--out", "events.jsonl"]) == 0
    assert (tmp_path / "eventwire.sqlite").is_file()
    for words in commands:
        build_parser().parse_args(words)  # exits 2 on an unknown option
        if words[0] == "ingest":  # the user's own articles: a copy of a sample file stands in
            (tmp_path / words[1]).write_text(sample_path(SAMPLE_ARTICLES).read_text(encoding="utf-8"), encoding="utf-8")
        if words[0] in ("ingest", "events", "export"):
            capsys.readouterr()
            assert main(words) == 0, words
            out = capsys.readouterr().out
            if words[0] == "events":
                assert "PROTEST" in out
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").startswith("event_id_cnty,")
