"""The README's event record ("## The event record") is what eventwire prints for its article.

The README says the record is the first event eventwire extracts from tests/fixtures/qamishli.txt,
published 2020-04-17 by Press TV. The article is the fixture's text without its '#' header line
(the line that says the article is synthetic, as every test reads a fixture: tests/test_coder.py).
Every field is compared, keys in order: none varies between runs (the article id is a hash of the
text, the confidence a function of the sentence), so none is left out.
"""

import json
import re
from datetime import date
from pathlib import Path

import eventwire

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = "tests/fixtures/qamishli.txt"
PUBLISHED, OUTLET = "2020-04-17", "Press TV"


def readme_record() -> tuple[str, dict]:
    """The prose before the README's record and the record itself (its first JSON block)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## The event record\n", 1)[1].split("\n## ", 1)[0]
    prose, block = re.match(r"(.*?)```json\n(.*?)\n```", section, re.S).groups()
    return prose, json.loads(block)


def article_text() -> str:
    lines = (ROOT / FIXTURE).read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("#")).strip()


def as_printed(record: dict) -> str:
    return json.dumps(record, indent=2, ensure_ascii=False)  # key order counts


def test_readme_names_the_article_the_record_comes_from():
    prose, _ = readme_record()
    assert FIXTURE in prose and PUBLISHED in prose and OUTLET in prose


def test_readme_record_is_what_extract_returns():
    _, expected = readme_record()
    events = eventwire.extract(article_text(), published=date.fromisoformat(PUBLISHED), outlet=OUTLET)
    assert as_printed(events[0].to_dict()) == as_printed(expected)


def test_readme_record_is_what_the_command_prints(tmp_path, capsys):
    from eventwire.cli import main

    _, expected = readme_record()
    article = tmp_path / "qamishli.txt"
    article.write_text(article_text(), encoding="utf-8")
    code = main(["extract", str(article), "--published", PUBLISHED, "--outlet", OUTLET, "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert as_printed(json.loads(out)[0]) == as_printed(expected)

