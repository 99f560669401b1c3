import pytest

from eventwire.errors import EventwireError
from eventwire.ontology import ACLED_EVENT_TYPES, EVENT_TYPES, PLOVER_MODES, default_lexicon, load_lexicon


def test_sixteen_plover_types():
    assert len(EVENT_TYPES) == 16
    assert set(EVENT_TYPES) == set(PLOVER_MODES)


def test_acled_sub_event_types_named_in_the_issue_are_all_reachable():
    lex = default_lexicon()
    produced = {s.acled for s in [*lex.verbs.values(), *lex.nouns.values()] if s.acled}
    produced |= {"Attack", "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
                 "Excessive force against protesters", "Protest with intervention"}  # via rules  # fmt: skip
    assert set(ACLED_EVENT_TYPES) - produced == set()


def test_every_type_has_triggers():
    lex = default_lexicon()
    assert {s.type for s in lex.verbs.values()} == set(EVENT_TYPES)


def test_bad_lexicon_names_the_file_and_entry(tmp_path):
    f = tmp_path / "mine.toml"
    f.write_text('[verbs]\nblock = { type = "PROTEST", mode = "sit-in" }\n')
    with pytest.raises(EventwireError, match=r"mine.toml.*block.*sit-in"):
        load_lexicon(f)
    f.write_text("[verbs\n")
    with pytest.raises(EventwireError, match="not a valid TOML"):
        load_lexicon(f)


def test_every_light_verbs_object_is_an_event_noun():
    # a light verb reads only event nouns the lexicon has: an object missing from [nouns] is an
    # entry that silently never matches ("imposed a ban" was one until 2026-11-30)
    lexicon = default_lexicon()
    types = {f"<{spec.type}>" for spec in lexicon.nouns.values()}
    dead = sorted((verb, noun) for verb, nouns in lexicon.light_verbs.items() for noun in nouns
                  if noun not in lexicon.nouns and noun not in types)
    assert dead == []
