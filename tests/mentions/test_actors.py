import pytest

from eventwire.errors import EventwireError
from eventwire.mentions.actors import ActorIndex, default_actor_index, load_actor_index, read_actor_csv, resolve_actor


def head_of(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "text, word, context, expected",
    [
        ("Turkish troops entered the town.", "troops", None, ("TUR", "military")),
        ("Washington condemned the attack.", "Washington", None, ("USA", "government")),
        ("Ankara rejected the demand.", "Ankara", None, ("TUR", "government")),
        ("The Syrian Observatory for Human Rights said five people died.", "Observatory", None, ("GBR", "media")),
        ("Local people gathered at the checkpoint.", "people", "SYR", ("SYR", "civilians")),
        ("Villagers blocked the road.", "Villagers", "SYR", ("SYR", "civilians")),
        ("Kurdish forces shelled the village.", "forces", "SYR", ("SYR", "rebels")),
        ("A convoy of five US military vehicles arrived.", "convoy", "SYR", ("USA", "military")),
        ("Members of the SDF detained him.", "Members", None, ("SYR", "rebels")),
        ("Riot police fired tear gas.", "police", "IRQ", ("IRQ", "police")),
        # an unknown head noun of a force: its modifier names the force
        ("Prison police guards fired on the inmates.", "guards", "KEN", ("KEN", "police")),
        ("Army medics treated the wounded.", "medics", "KEN", ("KEN", "military")),
        ("Security personnel beat two traders.", "personnel", "KEN", ("KEN", "police")),
        # what the elements of a unit are
        ("Elements of the 14th Brigade shelled the hills.", "Elements", "KEN", ("KEN", "military")),
        # an armed group named by an unknown head noun and what it is
        ("An insurgent cell claimed the ambush.", "cell", "KEN", ("KEN", "rebels")),
        # people named by their kin, their cause or their trade are civilians
        ("Police questioned her brother and two neighbours.", "brother", "KEN", ("KEN", "civilians")),
        ("Housing advocates urged the council to act.", "advocates", "KEN", ("KEN", "civilians")),
        # an officer of state whose title ends in "general" is no general
        ("The attorney general sued the company.", "general", "KEN", ("KEN", "government")),
        # a vehicle stands for its owner, a civilian when the text names none
        ("Gunmen torched a pickup truck on the highway.", "truck", "KEN", ("KEN", "civilians")),
        ("A mine hit a police car outside the town.", "car", "KEN", ("KEN", "police")),
        ("Rebels ambushed two government vehicles.", "vehicles", "KEN", ("KEN", "government")),
        ("A column of armoured vehicles entered the town.", "column", "KEN", ("KEN", "military")),
        # criminals named by their trade are an armed group of no known sector, as gunmen are
        ("Two gang members were shot in the raid.", "members", "KEN", ("KEN", "unknown")),
        ("A drug trafficker was killed in the raid.", "trafficker", "KEN", ("KEN", "unknown")),
        # a government's positions are its forces' (a government's vehicle stays the government's)
        ("Rebels overran a government position near the lake.", "position", "KEN", ("KEN", "military")),
        ("Rebels shelled government positions near the lake.", "positions", "KEN", ("KEN", "military")),
        ("The Govt condemned the raid.", "Govt", "KEN", ("KEN", "government")),
        # members are of what their modifiers name, or of the people their "of" names
        ("Ruling party members stoned the rally.", "members", "KEN", ("KEN", "party")),
        ("Two militia members were arrested at the market.", "members", "KEN", ("KEN", "rebels")),
        ("Members of the Borana community blocked the road.", "Members", "KEN", ("KEN", "civilians")),
    ],
)
def test_resolve_actor(nlp, text, word, context, expected):
    actor = resolve_actor(head_of(nlp, text, word), default_actor_index(), context_country=context)
    assert actor is not None
    assert (actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    "text, word",
    [
        ("Pro-Iranian gunmen fired rockets at the base.", "gunmen"),
        ("The army shelled villages held by pro-Turkish fighters.", "fighters"),
        ("Pro-Russian separatists stormed the town hall.", "separatists"),
    ],
)
def test_a_state_a_group_sides_with_is_not_its_country(nlp, text, word):
    # the country it fights in is: ACLED and PLOVER give an armed group its country of operation
    actor = resolve_actor(head_of(nlp, text, word), default_actor_index(), context_country="KEN")
    assert actor is not None and actor.country == "KEN"


def test_a_movement_a_force_sides_with_is_its_own(nlp):
    actor = resolve_actor(head_of(nlp, "Pro-Houthi forces shelled the port.", "forces"), default_actor_index())
    assert actor is not None and actor.country == "YEM"


def test_a_modifier_names_a_force_only_when_it_is_one(nlp):
    # "police cadets" are police, but a "student union" is no force, whatever else it is
    cadets = resolve_actor(head_of(nlp, "Police cadets guarded the gate.", "cadets"), default_actor_index())
    assert cadets is not None and cadets.sector == "police"
    union = resolve_actor(head_of(nlp, "The student union condemned the arrests.", "union"), default_actor_index())
    assert union is None or union.sector not in ("military", "police")


def test_pronouns_are_not_actors(nlp):
    assert resolve_actor(head_of(nlp, "They blocked the road.", "They"), default_actor_index()) is None


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Kelmo's army freed some of the hostages on Friday.", "some", "civilians"),
        ("Several of the soldiers deserted overnight.", "Several", "military"),
        ("Most of the strikers went home after the rally.", "Most", "protesters"),
        ("Police questioned each of the rebels captured in the raid.", "each", "rebels"),
    ],
)
def test_a_part_of_a_group_is_of_that_group(nlp, text, word, expected):
    actor = resolve_actor(head_of(nlp, text, word), default_actor_index())
    assert actor is not None and actor.sector == expected


def test_a_quantifier_alone_names_no_one(nlp):
    assert resolve_actor(head_of(nlp, "Some said the talks had failed.", "Some"), default_actor_index()) is None
    assert resolve_actor(head_of(nlp, "Many were angry about the delay.", "Many"), default_actor_index()) is None


def test_acronyms_match_only_as_written():
    index = default_actor_index()
    assert index.get("US").country == "USA"
    assert index.get("us") is None
    assert index.get("IS").canonical == "Islamic State"
    assert index.get("is") is None
    assert index.get("who") is None


def test_a_foreign_mention_stops_lending_the_host_country_to_troops(nlp):
    tok = head_of(nlp, "Troops crossed from Iraq.", "Troops")
    assert resolve_actor(tok, default_actor_index(), context_country="SYR", foreign_mentioned=True).country is None
    assert resolve_actor(tok, default_actor_index(), context_country="SYR").country == "SYR"


def test_user_actor_file_extends_and_overrides(tmp_path, monkeypatch, nlp):
    path = tmp_path / "mine.csv"
    path.write_text("name,canonical,country,sector,kind\nHamo Youth Council,Hamo Youth Council,SYR,civilians,org\nSANA,SANA (state),SYR,government,org\n")
    monkeypatch.setenv("EVENTWIRE_ACTORS", str(path))
    index = load_actor_index()
    assert index.get("Hamo Youth Council").sector == "civilians"
    assert index.get("SANA").sector == "government"
    assert index.get("Reuters").sector == "media"  # the bundled file is still there


def test_bad_actor_file_names_the_line():
    with pytest.raises(EventwireError, match=r"mine.csv:3: sector 'army'"):
        read_actor_csv("name,canonical,country,sector,kind\nA,A,SYR,military,org\nB,B,SYR,army,org\n", "mine.csv")
    with pytest.raises(EventwireError, match="lacks the column"):
        read_actor_csv("name,country\nA,SYR\n", "mine.csv")


def test_bundled_file_is_large_and_consistent():
    index = default_actor_index()
    entries = list(index.by_name.values()) + list(index.acronyms.values())
    assert len(entries) > 1000
    kinds = {e.kind for e in entries}
    assert kinds == {"country", "capital", "demonym", "org", "person", "generic"}
    assert all(len(e.country) == 3 for e in entries if e.country)


def test_index_finds_longest_match(nlp):
    doc = nlp("the Syrian Observatory for Human Rights")
    index = ActorIndex(read_actor_csv(
        "name,canonical,country,sector,kind\nSyrian,Syria,SYR,unknown,demonym\n"
        "Syrian Observatory for Human Rights,SOHR,GBR,media,org\n", "t"))  # fmt: skip
    ((start, end, entry),) = index.find(list(doc))
    assert (start, end, entry.canonical) == (1, 6, "SOHR")


def test_a_company_the_data_does_not_know_is_a_business_by_the_word_its_name_ends_in(nlp):
    doc = nlp("Kelmar Freight Airlines apologised to the passengers.")
    head = next(t for t in doc if t.text == "Airlines")
    assert head.ent_type_ == "ORG"  # the pinned model's reading, which the rule needs
    assert resolve_actor(head, default_actor_index()).sector == "business"
    person = next(t for t in nlp("Kelmo Dunvar apologised to the passengers.") if t.text == "Dunvar")
    assert resolve_actor(person, default_actor_index()).sector == "unknown"


def test_an_actor_whose_role_changed_is_read_in_the_role_of_the_reports_day():
    from datetime import date

    index = ActorIndex(read_actor_csv(
        "name,canonical,country,sector,kind,former_sector,since\n"
        "Tarvo Front,Tarvo Front,OST,government,org,rebels,2019-03-01\n"
        "Kelmar Union,Kelmar Union,OST,civilians,org,,\n", "t"))  # fmt: skip
    assert index.as_of(date(2018, 5, 1)).get("Tarvo Front").sector == "rebels"
    assert index.as_of(date(2019, 3, 1)).get("Tarvo Front").sector == "government"
    assert index.as_of(None).get("Tarvo Front").sector == "government"  # no date: as the data has it now
    assert index.as_of(date(2018, 5, 1)).get("Kelmar Union").sector == "civilians"
    assert index.as_of(date(2020, 1, 1)) is index  # nothing changed since: no copy


def test_a_former_role_needs_its_day_and_a_known_sector():
    head = "name,canonical,country,sector,kind,former_sector,since\n"
    with pytest.raises(EventwireError, match=r"t:2: former_sector and since go together"):
        read_actor_csv(head + "A,A,OST,government,org,rebels,\n", "t")
    with pytest.raises(EventwireError, match=r"t:2: since '2019-13-01' is not a date"):
        read_actor_csv(head + "A,A,OST,government,org,rebels,2019-13-01\n", "t")
    with pytest.raises(EventwireError, match=r"t:2: former sector 'army'"):
        read_actor_csv(head + "A,A,OST,government,org,army,2019-01-01\n", "t")


def test_a_site_stands_for_whoever_holds_it(nlp):
    index = default_actor_index()
    doc = nlp("Jets bombed rebel positions and army positions.")
    heads = [t for t in doc if t.text == "positions"]
    assert [resolve_actor(h, index, context_country="MLI").sector for h in heads] == ["rebels", "military"]


def test_a_people_named_by_its_plural_demonym_are_its_civilians(nlp):
    index = default_actor_index()
    doc = nlp("Palestinians clashed with police near the camp.")
    assert doc[0].pos_ == "PROPN" and doc[0].lemma_ == "Palestinians"  # the tagger's reading the rule is for
    actor = resolve_actor(doc[0], index, context_country="ISR")
    assert (actor.country, actor.sector) == ("PSE", "civilians")


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # an unknown name told with its office or trade is of that office's sector (and country)
        ("Tomas Ardel, the Velmari foreign minister, rejected the offer.", "Ardel", (None, "government")),
        ("Tomas Ardel, Turkey's ambassador to Velmar, rejected the offer.", "Ardel", ("TUR", "government")),
        ("Orla Vence, a teacher, joined the march.", "Vence", (None, "civilians")),
        # where someone is from says nothing of their role
        ("Orla Vence, a native of Peru, was detained.", "Vence", (None, "unknown")),
    ],
)
def test_an_unknown_name_is_what_its_apposition_says(nlp, text, word, expected):
    actor = resolve_actor(head_of(nlp, text, word), default_actor_index())
    assert (actor.country, actor.sector) == expected


def test_a_site_or_vehicle_of_someone_stands_for_whoever_holds_it(nlp):
    doc = nlp("Soldiers shelled the positions of the rebels and a truck of the police near Dunval.")
    positions = next(t for t in doc if t.text == "positions")
    assert resolve_actor(positions, default_actor_index(), context_country="OST").sector == "rebels"
    truck = next(t for t in doc if t.text == "truck")
    assert resolve_actor(truck, default_actor_index(), context_country="OST").sector == "police"
    alone = next(t for t in nlp("Soldiers shelled the positions near Dunval.") if t.text == "positions")
    assert resolve_actor(alone, default_actor_index(), context_country="OST").sector == "military"


def test_forces_named_as_against_a_group_are_not_that_group(nlp):
    index = ActorIndex(read_actor_csv(
        "name,canonical,country,sector,kind\nTarvo,Tarvo Front,OST,rebels,org\nforces,military,,military,generic\n", "t"))  # fmt: skip
    against = next(t for t in nlp("Anti-Tarvo forces shelled the town.") if t.text == "forces")
    assert resolve_actor(against, index, context_country="OST").sector == "military"
    of = next(t for t in nlp("Tarvo forces shelled the town.") if t.text == "forces")
    assert resolve_actor(of, index, context_country="OST").canonical == "Tarvo Front"


def test_a_country_named_in_the_plural_is_no_plural_of_its_demonym():
    # a lookup tries the word as written first, then its lemma and singular, in that order, so the
    # reading never depends on how a run happens to order a set of forms
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from eventwire.mentions.triggers import ordered_noun_forms

    doc = Doc(English().vocab, words=["Philippines", "Iraqis"], lemmas=["Philippines", "Iraqis"], pos=["PROPN", "PROPN"])
    assert ordered_noun_forms(doc[0]) == ("philippines", "philippine")
    index = default_actor_index()
    assert index.plural_demonym(doc[0]) is None  # the country, not "Philippine" people
    assert index.plural_demonym(doc[1]).country == "IRQ"  # "Iraqis" are Iraqi people


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a government's office by its word, whatever its name holds after "of"
        ("The Department of Boat Licensing said the ferry needs a permit.", "Department", ("KEN", "government")),
        ("The state fisheries regulator suspended the trawler's licence.", "regulator", ("KEN", "government")),
        ("The Highway Safety Bureau fined the bus company.", "Bureau", ("KEN", "government")),
        # but a force's own office is the force's
        ("The Harbour Police Department said two men were held.", "Department", ("KEN", "police")),
        ("A gunman shot a member of the Kelmo police department.", "member", ("KEN", "police")),
        # offices told before a name, abbreviated or not
        ("Sen. Ivo Dunval criticised the nominee.", "Dunval", (None, "government")),
        ("Rep. Ana Kelmar questioned the minister.", "Kelmar", (None, "government")),
    ],
)
def test_a_government_body_or_office_is_read_by_its_word(nlp, text, word, expected):
    actor = resolve_actor(head_of(nlp, text, word), default_actor_index(), context_country="KEN")
    assert actor is not None
    assert (actor.country, actor.sector) == expected


def test_a_department_after_a_name_in_lower_case_is_a_province_not_an_office(nlp):
    head = head_of(nlp, "Farmers blocked a road in the Tarvela department on Sunday.", "department")
    assert head.doc[head.i - 1].pos_ == "PROPN"  # the pinned model's reading, which the rule needs
    province = resolve_actor(head, default_actor_index(), context_country="KEN")
    assert province is None or province.sector != "government"


def test_a_secretary_general_is_an_international_official_of_no_country(nlp):
    # no general, and not lent the country of where the story is set
    head = head_of(nlp, "Secretary-General Ivo Dunval condemned the attack.", "Dunval")
    actor = resolve_actor(head, default_actor_index(), context_country="KEN")
    assert (actor.country, actor.sector) == (None, "igo")


def test_a_people_named_by_a_noun_of_its_own_is_its_civilians(nlp):
    # the people's noun is no regular plural of its adjective ("Turkish" - "Turks", "Danish" - "Danes")
    for text, word, country in (("Danes gathered in the square.", "Danes", "DNK"), ("Two Britons were detained.", "Britons", "GBR")):
        actor = resolve_actor(head_of(nlp, text, word), default_actor_index(), context_country="KEN")
        assert (actor.country, actor.sector) == (country, "civilians"), text


@pytest.mark.parametrize("text, word", [
    ("Militiamen from the Dovar clan raided a cattle camp near the river.", "Militiamen"),
    ("Armed militias from Kelmo and Ustava fought over farmland.", "militias"),
    ("A militia from the Varno area burned two huts.", "militia"),
])
def test_where_a_militia_is_from_names_it_a_communitys(nlp, text, word):
    from eventwire.acled import inter_code

    actor = resolve_actor(head_of(nlp, text, word), default_actor_index(), context_country="KEN")
    assert actor.sector == "rebels" and " from " in actor.text
    assert inter_code(actor, "KEN") == 4  # ACLED's identity militias


def test_where_other_people_are_from_stays_out_of_their_phrase(nlp):
    actor = resolve_actor(head_of(nlp, "Traders from the Dovar market blocked the road.", "Traders"),
                          default_actor_index(), context_country="KEN")
    assert actor.text == "Traders"


def test_a_name_coordinated_with_a_named_force_is_that_kind_of_force(nlp):
    # the parser makes "KDF" the head and "forces" its conjunct: both are forces
    actor = resolve_actor(head_of(nlp, "KDF and TLA forces clashed near the border.", "KDF"), default_actor_index(),
                          context_country="KEN")
    assert (actor.text, actor.country, actor.sector) == ("KDF", "KEN", "military")
    # a name coordinated with a force of no name stays a name the data does not know
    alone = resolve_actor(head_of(nlp, "The KLM and the army engaged in a firefight.", "KLM"), default_actor_index(),
                          context_country="KEN")
    assert alone.sector == "unknown"


@pytest.mark.parametrize("text, word", [
    ("An alleged drug dealer was shot outside a bar.", "dealer"),
    ("Two hitmen on a motorcycle fired at the car.", "hitmen"),
])
def test_criminals_named_by_their_trade_are_an_armed_group_of_no_known_sector(nlp, text, word):
    actor = resolve_actor(head_of(nlp, text, word), default_actor_index(), context_country="KEN")
    assert (actor.country, actor.sector) == ("KEN", "unknown")


def test_personnel_of_a_unit_named_by_an_acronym_are_a_security_force(nlp):
    actor = resolve_actor(head_of(nlp, "Two KRF personnel were wounded in the blast.", "personnel"), default_actor_index(),
                          context_country="KEN")
    assert (actor.country, actor.sector) == ("KEN", "police")
    # a group's members are not its personnel: who they are is left to what the data knows
    members = resolve_actor(head_of(nlp, "Two KRF members were wounded in the blast.", "members"), default_actor_index(),
                            context_country="KEN")
    assert members is None or members.sector != "police"
