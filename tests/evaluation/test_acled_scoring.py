"""ACLED conventions and the field-by-field scoring of a note's top event (no model loaded)."""

from datetime import date

import pytest

from eventwire.acled import actor_country, country_folds, inter_code, read_notes
from eventwire.errors import EventwireError
from eventwire.evaluation.acled import AcledReport, score_note, top_event
from eventwire.events import Actor, Attribution, Event, EventDate, Evidence, Place, Quantity, Span

ISO = {"Chile": "CHL", "Peru": "PER", "Mexico": "MEX"}


def _actor(country, sector):
    return Actor("x", "x", country, sector, Span(0, 1))


def _event(sub="Armed clash", source=None, target=None, place=None, deaths=0, day=date(2020, 5, 9), confidence=0.8):
    from eventwire.ontology import acled_event_type

    return Event(
        type="FIGHT", mode=None, context=(), cameo_root="19", acled_event_type=acled_event_type(sub),
        acled_sub_event_type=sub, trigger="clashed", source=source, target=target, place=place,
        date=EventDate(day, "day", "On 9 May 2020", Span(0, 13)),
        quantities=(Quantity(deaths, "fatalities", "exact", str(deaths), Span(0, 1)),) if deaths else (),
        attribution=Attribution(None, None), factuality="asserted",
        evidence=Evidence("n1", "s", 0, 1, Span(0, 1)), confidence=confidence,
    )  # fmt: skip


def _note(**kw):
    from eventwire.acled import AcledNote

    base = dict(id="n1", text="t", event_date="2020-05-09", sub_event_type="Armed clash", event_type="Battles",
                actor1="Military Forces of Mexico (2018-)", inter1=1, actor2="Unidentified Armed Group (Mexico)",
                inter2=3, country="Mexico", iso3="MEX", admin1="Guerrero", latitude=17.55, longitude=-99.50, fatalities=2)  # fmt: skip
    base.update(kw)
    return AcledNote(**base)


def test_inter_codes_follow_acleds_roles():
    assert inter_code(_actor("MEX", "military"), "MEX") == 1
    assert inter_code(_actor("USA", "military"), "MEX") == 8  # state forces abroad are external forces
    assert inter_code(_actor(None, "igo"), "MEX") == 8
    assert inter_code(_actor("MEX", "rebels"), "MEX") == 2
    assert inter_code(_actor(None, "unknown"), "MEX") == 3  # ACLED's "Unidentified Armed Group"
    assert inter_code(_actor("MEX", "protesters"), "MEX") == 6
    assert inter_code(_actor("MEX", "protesters"), "MEX", "Violent demonstration") == 5
    assert inter_code(_actor("MEX", "civilians"), "MEX") == 7
    assert inter_code(None, "MEX") == 0


def test_armed_groups_known_by_a_generic_word_get_acleds_kind_of_militia():
    from eventwire.events import Actor, Span

    def group(text, canonical="Mexico rebels"):
        return Actor(text, canonical, "MEX", "rebels", Span(0, 1))

    assert inter_code(group("rebels"), "MEX") == 2
    assert inter_code(group("insurgents"), "MEX") == 2
    assert inter_code(group("suspected militants"), "MEX") == 3  # ACLED's political militias
    assert inter_code(group("armed militiamen"), "MEX") == 3
    assert inter_code(group("communal militiamen"), "MEX") == 4  # a community's militia: identity militias
    assert inter_code(group("Kelmar Front militants", canonical="Kelmar Front"), "MEX") == 2  # a named group
    # a militia named after a people, a clan or a place the data does not know: a community's
    assert inter_code(group("suspected Tarvo militiamen"), "MEX") == 4
    assert inter_code(group("militiamen of the Dunval clan"), "MEX") == 4
    assert inter_code(group("Suspected militiamen"), "MEX") == 3  # capitalised, but no name
    assert inter_code(group("Tarvo militants"), "MEX") == 3  # militants, not a community's militia
    # fighters a group the data does not know names by its acronym: that group, a rebel group
    assert inter_code(group("suspected KLF militants"), "MEX") == 2
    assert inter_code(group("KLF militiamen"), "MEX") == 4  # a militia named so is a community's


def test_actor_names_state_their_country():
    assert actor_country("Protesters (Chile)", ISO) == "CHL"
    assert actor_country("Military Forces of Peru (2016-)", ISO) == "PER"
    assert actor_country("Police Forces of Mexico (2018-) State Police", ISO) == "MEX"
    assert actor_country("Taliban", ISO) is None


def test_country_folds_are_deterministic_and_balanced():
    countries = ["A"] * 50 + ["B"] * 40 + ["C"] * 30 + ["D"] * 20 + ["E"] * 10 + ["F"] * 10
    folds = country_folds(countries, k=3)
    assert folds == country_folds(list(reversed(countries)), k=3)
    sizes = [sum(n for c, n in [("A", 50), ("B", 40), ("C", 30), ("D", 20), ("E", 10), ("F", 10)] if folds[c] == f) for f in range(3)]
    assert max(sizes) - min(sizes) <= 10


def test_a_right_top_event_scores_every_field():
    place = Place("Chilpancingo", "Chilpancingo", "MEX", Span(0, 1), latitude=17.55, longitude=-99.50, admin1="Guerrero")
    ev = _event(source=_actor("MEX", "military"), target=_actor("MEX", "unknown"), place=place, deaths=2)
    rep = score_note(_note(), [ev], ISO)
    assert {k: r.value for k, r in rep.fields.items()} == {k: 1.0 for k in rep.fields}
    assert rep.weighted_f1() == 1.0


def test_missing_and_spurious_fields_count_against():
    far = Place("Tijuana", "Tijuana", "MEX", Span(0, 1), latitude=32.5, longitude=-117.0, admin1="Baja California")
    ev = _event(sub="Attack", source=_actor("MEX", "military"), target=_actor("MEX", "civilians"), place=far, deaths=0)
    rep = score_note(_note(actor2="", inter2=0), [ev], ISO)
    f = rep.fields
    assert f["sub_event_type"].value == 0 and f["place_25km"].value == 0 and f["admin1"].value == 0
    assert f["actor2_present"].value == 0  # ACLED codes no second actor: ours is spurious
    assert f["fatalities_exact"].value == 0


def test_a_note_without_events_is_wrong_everywhere():
    rep = score_note(_note(), [], ISO)
    assert rep.found == 0 and rep.pairs == [("Armed clash", "(none)")]
    assert all(r.value == 0 for k, r in rep.fields.items() if k != "actor2_present")


def test_top_event_prefers_what_acled_codes_then_confidence():
    verbal = _event(sub=None, confidence=0.99)
    weak, strong = _event(confidence=0.4), _event(sub="Attack", confidence=0.7)
    assert top_event([verbal, weak, strong]) is strong


def test_top_event_prefers_a_fight_to_the_seizure_that_followed_it():
    seizure = _event(sub="Looting/property destruction", confidence=0.9)
    arrests = _event(sub="Arrests", confidence=0.8)
    clash = _event(sub="Armed clash", confidence=0.5)
    assert top_event([seizure, arrests, clash]) is clash
    assert top_event([seizure, arrests]) is seizure  # among strategic developments, confidence decides


def test_weighted_f1_weights_classes_by_support():
    rep = AcledReport(pairs=[("A", "A"), ("A", "A"), ("A", "B"), ("B", "B")])
    # A: P 1, R 2/3 -> 0.8 (support 3); B: P 1/2, R 1 -> 2/3 (support 1)
    assert rep.weighted_f1() == pytest.approx(0.8 * 0.75 + (2 / 3) * 0.25)


def test_a_bad_notes_line_is_named(tmp_path):
    bad = tmp_path / "notes.jsonl"
    bad.write_text('{"id": "X1"}\n', encoding="utf-8")
    with pytest.raises(EventwireError, match=r"notes.jsonl:1"):
        read_notes(bad)


def test_unnamed_perpetrators_are_acleds_unidentified_armed_group():
    from dataclasses import replace

    from eventwire.acled import acled_actor

    place = Place("Tarbo", "Tarbo", "MEX", Span(0, 1), latitude=17.5, longitude=-99.5)
    attack = replace(_event(sub="Attack", target=_actor("MEX", "civilians"), place=place), type="ASSAULT")
    assert acled_actor(attack, 1, "MEX") == ("MEX", 3)
    assert acled_actor(attack, 2, "MEX") == ("MEX", 7)
    protest = replace(attack, type="PROTEST", acled_sub_event_type="Peaceful protest")
    assert acled_actor(protest, 1, "MEX") == ("MEX", 6)  # every protest's actor 1 is its protesters
    # a perpetrator the text names only as a person ("a man stabbed ...") is no civilian in ACLED's
    # sense (civilians are its victims): an unidentified armed group too
    by_a_man = replace(attack, source=_actor("MEX", "civilians"))
    assert acled_actor(by_a_man, 1, "MEX") == ("MEX", 3)
    assert acled_actor(replace(by_a_man, source=_actor("MEX", "rebels")), 1, "MEX") == ("MEX", 2)


def test_acleds_definitions_of_sub_event_types_say_who_the_actors_are():
    from dataclasses import replace

    from eventwire.acled import acled_actor

    place = Place("Tarbo", "Tarbo", "PER", Span(0, 1), latitude=-12.0, longitude=-77.0)
    # teachers who marched are ACLED's protesters (the teachers are an associated actor)
    march = replace(_event(sub="Peaceful protest", source=_actor("PER", "civilians"), target=_actor("PER", "government"),
                           place=place), type="PROTEST")  # fmt: skip
    assert acled_actor(march, 1, "PER") == ("PER", 6)
    assert acled_actor(march, 2, "PER") == (None, 0)  # the ministry they marched against is no actor of a peaceful protest
    dispersed = replace(march, acled_sub_event_type="Protest with intervention", target=None)
    assert acled_actor(dispersed, 2, "PER") == ("PER", 1)  # the state force that intervened
    riot = replace(march, acled_sub_event_type="Mob violence", source=_actor("BOL", "civilians"))
    assert acled_actor(riot, 1, "PER") == ("BOL", 5)  # rioters keep the country the text gives them
    assert acled_actor(riot, 2, "PER") == ("PER", 1)  # what a riot targeted is read from the text (here the ministry)
    kidnap = replace(march, type="ASSAULT", acled_sub_event_type="Abduction/forced disappearance", source=None, target=None)
    assert acled_actor(kidnap, 1, "PER") == ("PER", 3) and acled_actor(kidnap, 2, "PER") == ("PER", 7)
    # soldiers or police attacked are no civilians, whatever the sub-event type says: a state's force
    on_police = replace(kidnap, acled_sub_event_type="Attack", target=_actor("PER", "police"))
    assert acled_actor(on_police, 2, "PER") == ("PER", 1)
    assert acled_actor(replace(on_police, target=_actor("PER", "business")), 2, "PER") == ("PER", 7)


def test_an_actor_the_text_does_not_place_is_of_the_country_where_it_happened():
    """ACLED names every actor with a country ("Military Forces of X", "Unidentified Armed Group
    (X)"): soldiers or gunmen the text gives no country are the event country's."""
    from dataclasses import replace

    from eventwire.acled import acled_actor

    place = Place("Ketu", "Ketu", "NGA", Span(0, 1), latitude=6.6, longitude=3.4)
    clash = replace(_event(sub="Armed clash", source=_actor(None, "military"), target=_actor(None, "rebels"), place=place),
                    type="FIGHT")  # fmt: skip
    assert acled_actor(clash, 1, "NGA") == ("NGA", 1)
    assert acled_actor(clash, 2, "NGA")[0] == "NGA"
    foreign = replace(clash, source=_actor("FRA", "military"))
    assert acled_actor(foreign, 1, "NGA") == ("FRA", 8)  # a force the text places abroad keeps its country
    # a clash has two sides: the one the text does not name is an unidentified armed group
    assert acled_actor(replace(clash, target=None), 2, "NGA") == ("NGA", 3)


def test_acled_sides_of_a_fight_with_one_named_side_and_of_rebels_killed_by_no_one_named():
    from dataclasses import replace

    from eventwire.acled import acled_actor

    place = Place("Ketu", "Ketu", "NGA", Span(0, 1), latitude=6.6, longitude=3.4)
    # "a smuggler exchanged fire with the police": the police are actor 1, against an unidentified group
    fight = replace(_event(sub="Armed clash", source=None, target=_actor(None, "police"), place=place), type="FIGHT")
    assert acled_actor(fight, 1, "NGA") == ("NGA", 1)
    assert acled_actor(fight, 2, "NGA") == ("NGA", 3)
    # "insurgents fought in Ketu", no other side named: the state's forces against the rebels
    rebels = replace(fight, target=_actor(None, "rebels"))
    assert acled_actor(rebels, 1, "NGA") == ("NGA", 1)
    assert acled_actor(rebels, 2, "NGA") == ("NGA", 2)
    # "three militants were killed": by the state's forces, in ACLED's coding
    killed = replace(_event(sub="Armed clash", source=None, target=_actor(None, "rebels"), place=place), type="ASSAULT")
    assert acled_actor(killed, 1, "NGA") == ("NGA", 1)
    assert acled_actor(replace(killed, target=_actor(None, "civilians")), 1, "NGA") == ("NGA", 3)


def test_acleds_actor_2_of_an_act_told_without_whom_it_was_done_to():
    from dataclasses import replace

    from eventwire.acled import acled_actor

    place = Place("Dunval", "Dunval", "NGA", Span(0, 1), latitude=6.6, longitude=3.4)
    # "fighting broke out in Dunval": two sides, neither named, both unidentified armed groups
    fighting = replace(_event(sub="Armed clash", place=place), type="FIGHT")
    assert acled_actor(fighting, 2, "NGA") == ("NGA", 3)
    # "a mob beat a man to death": the mob's violence was done to civilians
    mob = replace(fighting, type="ASSAULT", acled_sub_event_type="Mob violence", source=_actor("NGA", "civilians"))
    assert acled_actor(mob, 2, "NGA") == ("NGA", 7)
    # "a roadside bomb went off": civilians, unless the text says whom it hit
    bomb = replace(fighting, type="ASSAULT", acled_sub_event_type="Remote explosive/landmine/IED")
    assert acled_actor(bomb, 2, "NGA") == ("NGA", 7)
    assert acled_actor(replace(bomb, target=_actor(None, "police")), 2, "NGA") == ("NGA", 1)
    # what the police seize belongs to an unidentified armed group; what rebels loot, to civilians
    seized = replace(fighting, type="ASSAULT", acled_sub_event_type="Looting/property destruction",
                     source=_actor(None, "police"))  # fmt: skip
    assert acled_actor(seized, 2, "NGA") == ("NGA", 3)
    assert acled_actor(replace(seized, source=_actor(None, "rebels")), 2, "NGA") == ("NGA", 7)
    # a shelling told without its target has no actor 2 (ACLED codes none for most)
    shelling = replace(fighting, acled_sub_event_type="Shelling/artillery/missile attack", source=_actor(None, "rebels"))
    assert acled_actor(shelling, 2, "NGA") == (None, 0)


def test_admin1_is_the_division_a_name_denotes_not_its_spelling():
    # the gazetteer's spelling of a division (GeoNames') against ACLED's (GADM's): one division
    place = Place("El Fasher", "El Fasher", "SDN", Span(0, 1), latitude=13.63, longitude=25.35, admin1="Northern Darfur")
    ev = _event(place=place)
    assert score_note(_note(iso3="SDN", country="Sudan", admin1="North Darfur"), [ev], ISO).fields["admin1"].value == 1
    # a neighbouring division is still another one
    assert score_note(_note(iso3="SDN", country="Sudan", admin1="West Darfur"), [ev], ISO).fields["admin1"].value == 0
    # a division ACLED names after a town is that town's only when the town is most of it
    capital = Place("Beirut", "Beirut", "LBN", Span(0, 1), latitude=33.89, longitude=35.50, admin1="Beyrouth")
    assert score_note(_note(iso3="LBN", country="Lebanon", admin1="Beirut"), [_event(place=capital)], ISO).fields["admin1"].value == 1
    town = Place("Kragujevac", "Kragujevac", "SRB", Span(0, 1), latitude=44.01, longitude=20.91, admin1="Central Serbia")
    assert score_note(_note(iso3="SRB", country="Serbia", admin1="Belgrade"), [_event(place=town)], ISO).fields["admin1"].value == 0


def test_an_arrest_told_with_no_one_who_made_it_is_by_the_police_of_where_it_happened():
    from dataclasses import replace

    from eventwire.acled import acled_actor

    place = Place("Chilpancingo", "Chilpancingo", "MEX", Span(0, 1), latitude=17.55, longitude=-99.50, admin1="Guerrero")
    arrest = replace(_event(sub="Arrests", place=place), type="COERCE")
    assert acled_actor(arrest, 1, "MEX") == ("MEX", 1)
    assert acled_actor(replace(arrest, source=_actor("MEX", "rebels")), 1, "MEX") == ("MEX", 2)  # a named arrester holds
    assert acled_actor(arrest, 2, "MEX") == (None, 0)  # and no one was named as arrested


def test_the_unnamed_side_of_a_communitys_militia_in_a_clash_is_another_communitys():
    from eventwire.acled import acled_actor

    clan = Actor("militiamen from the Dovar clan", "Kenya rebels", "KEN", "rebels", Span(0, 1))
    assert acled_actor(_event(source=clan), 2, "KEN") == ("KEN", 4)
    gunmen = Actor("armed militiamen", "Kenya rebels", "KEN", "rebels", Span(0, 1))
    assert acled_actor(_event(source=gunmen), 2, "KEN") == ("KEN", 3)  # a militia of no community: an armed group


def test_a_group_named_by_its_acronym_that_fights_a_states_forces_is_a_rebel_group():
    from eventwire.acled import acled_actor

    def named(text, sector="unknown"):
        return Actor(text, text, None, sector, Span(0, 1))

    army = Actor("the army", "Kenya military", "KEN", "military", Span(0, 1))
    assert acled_actor(_event(source=named("the KLM"), target=army), 1, "KEN") == ("KEN", 2)
    assert acled_actor(_event(source=army, target=named("KLM")), 2, "KEN") == ("KEN", 2)
    # against no state's force, or a name that is no acronym: an armed group ACLED leaves unidentified
    assert acled_actor(_event(source=named("the KLM"), target=named("Dovar", "unknown")), 1, "KEN") == ("KEN", 3)
    assert acled_actor(_event(source=named("Kelmo Dovar"), target=army), 1, "KEN") == ("KEN", 3)


def test_a_divisions_name_is_the_same_whatever_its_commas_and_stops():
    # an invented capital district, written with a comma by one list and without by the other
    place = Place("Kelmo", "Kelmo", "MEX", Span(0, 1), latitude=17.55, longitude=-99.50, admin1="Tarvo D.C.")
    ev = _event(place=place)
    assert score_note(_note(admin1="Tarvo, D.C."), [ev], ISO).fields["admin1"].value == 1
    assert score_note(_note(admin1="Tarvo"), [ev], ISO).fields["admin1"].value == 0


def test_acleds_compass_names_of_lebanons_governorates_are_geonames_liban_nord_and_liban_sud():
    # ACLED (GADM) calls them "North" and "South", as do Cameroon's and other countries' lists
    south = Place("Kelmiyeh", "Kelmiyeh", "LBN", Span(0, 1), latitude=33.27, longitude=35.20, admin1="Liban-Sud")
    assert score_note(_note(iso3="LBN", country="Lebanon", admin1="South"), [_event(place=south)], ISO).fields["admin1"].value == 1
    assert score_note(_note(iso3="LBN", country="Lebanon", admin1="North"), [_event(place=south)], ISO).fields["admin1"].value == 0
    north = Place("Tarvo", "Tarvo", "LBN", Span(0, 1), latitude=34.43, longitude=35.84, admin1="Liban-Nord")
    assert score_note(_note(iso3="LBN", country="Lebanon", admin1="North"), [_event(place=north)], ISO).fields["admin1"].value == 1


def test_a_country_acled_codes_apart_from_iso_is_scored_by_its_iso_code():
    from eventwire.evaluation.acled import country_codes

    romania = _note(actor1="Police Forces of Romania (2019-)", actor2="Rioters (Romania)", inter2=5,
                    country="Romania", iso3="ROM", admin1="Bucuresti")  # ACLED's own code for Romania
    assert country_codes([romania, _note()]) == {"Romania": "ROU", "Mexico": "MEX"}
    iso = country_codes([romania])
    rep = score_note(romania, [_event(source=_actor("ROU", "police"), target=_actor("ROU", "civilians"))], iso)
    assert rep.fields["actor1_country"].correct == 1 and rep.fields["actor2_country"].correct == 1
    # and an unnamed armed group belongs to its country of operation, by the same code
    militia = _note(actor2="Unidentified Armed Group", inter2=3, country="Romania", iso3="ROM")
    rep = score_note(militia, [_event(source=_actor("ROU", "police"), target=_actor("ROU", "rebels"))], iso)
    assert rep.fields["actor2_country"].correct == 1
