import pytest

from eventwire.mentions.triggers import find_triggers
from eventwire.ontology import default_lexicon


def triggers(nlp, text):
    doc = nlp(text)
    return [(m.spec.type, m.spec.mode, m.text) for s in doc.sents for m in find_triggers(s, default_lexicon())]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Villagers blocked a convoy of five US military vehicles.", [("PROTEST", "obstruct", "blocked")]),
        ("Turkey has deployed nearly 6,000 troops to Idlib.", [("MOBILIZE", "troops", "deployed")]),
        ("Russia and Turkey agreed a ceasefire on March 5.", [("AGREE", None, "agreed a ceasefire")]),
        ("Russian jets carried out airstrikes on the town of Saraqib.", [("FIGHT", "aerial", "carried out airstrikes")]),
        ("Three civilians were killed in a drone strike near Hit.", [("FIGHT", "drone", "killed in a drone strike")]),
        ("Clashes erupted between the army and militants in Deraa.", [("FIGHT", "small-arms", "Clashes")]),
        ("Police arrested 25 protesters in Baghdad.", [("COERCE", "arrest", "arrested")]),
        ("The EU imposed sanctions on three ministers.", [("SANCTION", None, "imposed sanctions")]),  # PLOVER has no mode for economic sanctions
        ("The UN urged Turkey to withdraw its forces.", [("REQUEST", None, "urged")]),
        ("Damascus accused Ankara of shelling civilian areas.", [("ACCUSE", "disapprove", "accused")]),
        ("Gunmen attacked the village, killing three civilians.", [("ASSAULT", "firearms", "attacked")]),
        ("The rebels seized weapons from the depot.", [("COERCE", "confiscate", "seized")]),
        ("The rebels seized the town of Kafr Nabl.", [("FIGHT", "occupy", "seized")]),
    ],
)
def test_triggers(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_reporting_verbs_are_not_events(nlp):
    assert triggers(nlp, "The ministry said the situation was calm, according to state media.") == []


def test_a_warning_about_others_reports_their_act_but_about_ones_own_side_is_a_threat(nlp):
    assert [t for t, _, _ in triggers(nlp, "Ukrainian officials warned that Russia could strike the port again.")] == ["FIGHT"]
    assert [t for t, _, _ in triggers(nlp, "Turkish Defence Minister Hulusi Akar warned that Turkish troops would enter Sinjar.")] == ["THREATEN"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # background in relative clauses, "since" clauses, habits and adjectives
        ("Police released six students who had been detained at a hospital.", [("RETREAT", "release", "released")]),
        ("Civilians have fled north since the offensive began, the UN said.", []),
        ("Al Shabaab often targets hotels in the capital.", []),
        ("Ambulances ferried the wounded to hospitals.", []),
        # conditions and purposes of another event
        ("Bamako would ask Russia for help if the attacks continued.", [("REQUEST", None, "ask")]),
        ("More than 500 demonstrators rallied in Sinjar to protest against Turkey.", [("PROTEST", "demo", "rallied")]),
        # a source who asked not to be named makes no request; meeting a demand is no meeting
        ("The gunmen torched houses, according to the lawmaker, who asked not to be named.", [("ASSAULT", "destroy", "torched")]),
        ("Duque agreed to withdraw the bill, meeting the protesters' main demand.", [("AGREE", None, "agreed")]),
    ],
)
def test_background_conditions_and_purposes_are_not_events(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # disapproval, support and help carried by a noun: "voiced concern", "offered an apology"
        ("The foreign minister voiced deep concern over the border closures.", [("ACCUSE", "disapprove", "voiced deep concern")]),
        ("Opposition leaders poured scorn on the budget figures.", [("ACCUSE", "disapprove", "poured scorn")]),
        ("Lisbon offered an apology for the detention of the fishermen.", [("SUPPORT", None, "offered an apology")]),
        ("Students showed solidarity with the striking nurses.", [("SUPPORT", None, "showed solidarity")]),
        ("The Gulf states pledged support for the transitional council.", [("SUPPORT", None, "pledged support")]),
        ("Norway offered emergency loans to the flooded provinces.", [("AID", "economic", "offered emergency loans")]),
        ("The governor made an appeal to Dunval for snowploughs.", [("REQUEST", None, "made an appeal")]),
        ("The militia laid siege to Kelmar in May.", [("COERCE", "restrict", "laid siege")]),
        ("Army units besieged the port for six weeks.", [("COERCE", "restrict", "besieged")]),
        ("Insurgents planted a bomb under the bridge near Kelmar.", [("ASSAULT", "explosives", "planted")]),
        # a reporting verb carries the event noun it announces
        ("The interior ministry announced an inquiry into the prison fire.", [("ACCUSE", "investigate", "announced an inquiry")]),
        # promising retaliation is a threat
        ("The militia commander vowed revenge for the killing of his brother.", [("THREATEN", "violence", "vowed revenge")]),
        # (countermeasures to a levy say no violence: a threat of what it does not say has no mode)
        ("The ministry warned of tough countermeasures against any new levy.", [("THREATEN", None, "warned of")]),
        # breaking or cutting ties, pressing for or seeking something
        ("Bolivia broke off relations with Tel Aviv last week.", [("SANCTION", "sever", "broke off")]),
        ("The government cut diplomatic ties with Caracas on Monday.", [("SANCTION", "sever", "cut diplomatic ties")]),
        ("Farmers' unions pushed for lower fuel taxes.", [("REQUEST", None, "pushed for")]),
        ("The island's government sought urgent assistance from Canberra.", [("REQUEST", "assist", "sought")]),
        # meetings: said by phone or in person, attended, travelled to, under way
        ("The two premiers spoke by telephone on Sunday.", [("CONSULT", "phone", "spoke by")]),
        ("The mediator spoke with tribal elders in the capital.", [("CONSULT", None, "spoke with")]),
        # both parties told as the subject of talking
        ("The Dunval envoy and the rebel commander talked late into the night.", [("CONSULT", None, "talked")]),
        ("The two foreign ministers spoke on Saturday.", [("CONSULT", None, "spoke")]),
        ("Western capitals pressured the junta to free the detainees.", [("REQUEST", None, "pressured")]),
        ("Ministers from nine states attended the summit in Accra.", [("CONSULT", None, "attended")]),
        ("The deputy foreign minister left for Cairo for talks on the dam.", [("CONSULT", "visit", "left for")]),
        ("Negotiations resumed in Doha on Tuesday.", [("CONSULT", None, "Negotiations")]),
        ("The president awarded the envoy a medal of honour.", [("SUPPORT", None, "awarded")]),
    ],
)
def test_verbal_events(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a weather warning, a published statement, a speech, a question and a dated "on" are no events
        "The forecasters warned of heavy snow across the valley.",
        "The church released a statement on its website.",
        "The singer spoke openly about her childhood.",
        "\"Who will pay for the repairs?\" the mayor asked.",
        "The bank offered a reward for information.",
        # talking to someone or about something, or one party talking, is no consultation
        "The mayor and her deputy spoke to the press after the vote.",
        "The two authors spoke about their new novel.",
        "The governor spoke on Sunday evening.",
        "The company is on track for a record year.",
        # what a city, a utility or a hospital deploys is no force
        "Gritters and snowplows were deployed on the ring road overnight.",
        "The power company deployed repair crews across the valley.",
    ],
)
def test_not_verbal_events(nlp, text):
    assert triggers(nlp, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # advice to the general public is no political request or threat
        ("Anyone who saw the van is urged to contact detectives.", []),
        ("Forecasters are warning motorists not to travel tonight.", []),
        ("The charity is asking shoppers to give generously.", []),
        ("The minister urged Serbia to recognise the vote.", [("REQUEST", None, "urged")]),
        # troop movements need troops: fog building up, a family moving house
        ("Fog may build up along the coast overnight.", []),
        ("The couple are moving into a new flat in March.", []),
        ("Insurgents moved into the village at dawn.", [("MOBILIZE", "troops", "moved into")]),
        # walking out and arrests "into custody"
        ("Dock workers will walk out next week.", [("PROTEST", "strike-lim", "walk out")]),
        ("Her cousin was taken into custody on Sunday.", [("COERCE", "arrest", "taken into")]),
        # a shootout is a fight
        ("Two guards were killed in a shootout with smugglers.", [("FIGHT", "small-arms", "killed in a shootout")]),
    ],
)
def test_public_advice_movements_walkouts_and_shootouts(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The strike by hospital doctors began on Monday.", [("PROTEST", "strike-lim", "strike")]),
        ("A strike called by the teachers' union shut schools.", [("PROTEST", "strike-lim", "strike")]),
        ("The strike by Russian jets began at dawn.", [("FIGHT", "aerial", "strike")]),
        # a walkout's length or kind, or people being on it, tells a labour strike with no one named
        ("A three-day strike halted the ferries to Kelmar.", [("PROTEST", "strike-lim", "strike")]),
        ("Port staff have been on strike for a fortnight.", [("PROTEST", "strike-lim", "on strike")]),
        ("Cleaners at the ministry remain on strike.", [("PROTEST", "strike-lim", "on strike")]),
        # a union stages, begins or calls one
        ("Bakers staged a strike outside the mill on Monday.", [("PROTEST", "strike-lim", "staged a strike")]),
        ("The drivers' union called a walkout for Friday.", [("PROTEST", "strike-lim", "called a walkout")]),
        ("Jets launched a strike on the depot at dawn.", [("FIGHT", "aerial", "launched a strike")]),
    ],
)
def test_a_strike_by_workers_is_a_labour_strike(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_a_hyphenated_event_noun_is_read_whole(nlp):
    assert triggers(nlp, "Dockworkers staged a sit-in at the port gates.") == [("PROTEST", "demo", "staged a sit-in")]
    assert [t for t, _, _ in triggers(nlp, "A shoot-out broke out near the bus station at dawn.")] == ["FIGHT"]


def test_what_a_relative_clause_says_happened_before_is_background(nlp):
    text = "Mothers who say their daughters have been kidnapped by smugglers marched to the court."
    assert [t for t, _, _ in triggers(nlp, text)] == ["PROTEST"]


@pytest.mark.parametrize("text", [
    "A mudslide hit the village of Kolo on Friday.",
    "Firefighters battled the flames for six hours.",
    "The blaze destroyed three houses near the market.",
    "The warehouse was destroyed by the fire overnight.",
])
def test_nature_and_fires_attack_no_one(nlp, text):
    assert triggers(nlp, text) == []


def test_gunfire_and_arson_are_still_acts(nlp):
    assert [t for t, _, _ in triggers(nlp, "Troops opened fire on the crowd.")] == ["ASSAULT"]
    assert triggers(nlp, "Rioters set fire to the police station.") != []
    assert triggers(nlp, "A shepherd was killed by army fire near the border.") != []


def test_a_meeting_named_as_the_setting_of_an_act_is_a_meeting(nlp):
    text = "At a meeting with donors in Oslo, the foreign minister pledged new funds."
    assert ("CONSULT", "meeting") in [(t, x) for t, _, x in triggers(nlp, text)]
    # a meeting that is what was asked for is the request's, not a meeting that took place
    assert [t for t, _, _ in triggers(nlp, "The rebels asked for a meeting with the mediators.")] == ["REQUEST"]


def test_wanting_is_asking_only_for_what_another_party_could_grant(nlp):
    assert [t for t, _, _ in triggers(nlp, "The opposition wants a recount in two provinces.")] == ["REQUEST"]
    assert triggers(nlp, "Farmers want better prices for their maize.") == []


@pytest.mark.parametrize("text, expected", [
    # a dated "On" makes no "call on" request: calling the budget reckless criticises it
    ("On Tuesday the senator called the budget reckless.", ["ACCUSE"]),
    ("The embassy called the verdict a sham.", ["ACCUSE"]),
    ("Opposition leaders described the vote count as a farce.", ["ACCUSE"]),
    ("The ministry branded the leaked memo fake.", ["ACCUSE"]),
    ("Observers described the polling as orderly.", []),
    ("The governor called the families on Sunday.", []),
])
def test_calling_something_names_is_disapproving_of_it(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, trigger_type, light",
    [
        ("A border patrol came under attack near the river on Sunday.", "ASSAULT", "come under"),
        ("Two villages came under heavy shelling overnight.", "FIGHT", "come under"),
        ("The water minister faced fierce criticism over the shortages.", "ACCUSE", "face"),
    ],
)
def test_light_verbs_with_a_preposition_or_of_receiving_carry_their_event_noun(nlp, text, trigger_type, light):
    from eventwire.mentions.triggers import find_triggers
    from eventwire.ontology import default_lexicon

    doc = nlp(text)
    found = [t for s in doc.sents for t in find_triggers(s, default_lexicon())]
    assert [(t.spec.type, t.light) for t in found] == [(trigger_type, light)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A bookkeeper was charged with fraud after the audit.", []),
        ("Three teenagers were jailed for burglary on Monday.", []),
        ("Police arrested a driver on suspicion of drink-driving.", []),
        ("Police arrested 12 students for protesting against the fee rise.", ["COERCE"]),
        # (a court that jails someone sentences them: SANCTION/convict, as "sentenced" is)
        ("A court jailed the blogger for insulting the army.", ["SANCTION"]),
    ],
)
def test_the_justice_systems_work_on_ordinary_crime_is_no_political_event(nlp, text, expected):
    doc = nlp(text)
    found = [t.spec.type for s in doc.sents for t in find_triggers(s, default_lexicon()) if t.spec.type in ("COERCE", "SANCTION")]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    ("Militants carried out an arson attack targeting a warehouse in Kolo.", ["carried out an arson attack"]),
    ("Gunmen launched an attack targeting a checkpoint near Kolo.", ["launched an attack"]),
])
def test_an_event_noun_and_the_participle_naming_its_target_are_one_event(nlp, text, expected):
    assert [words for _, _, words in triggers(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a violent act named by its noun is one act once its place, doer or day is told
    ("The envoys said the ambush near Kelmar had wrecked the truce.", [("FIGHT", "small-arms", "ambush")]),
    ("Flights stayed grounded after the bombing at the airport.", [("FIGHT", "aerial", "bombing")]),
    ("Aid convoys resumed once the shelling by rebel units had ended.", [("FIGHT", "artillery", "shelling")]),
    ("Parliament debated the army's bombardment of the port for six hours.", [("FIGHT", "artillery", "bombardment")]),
])
def test_a_violent_act_named_by_its_noun_and_anchored_is_an_act(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # with no place, doer or day, a violent noun told as going on, lasting or charged is one act
    ("Farmers described a renewal of mortar fire after dusk.", [("FIGHT", "artillery", "mortar fire")]),
    ("The clinic reopened after days of heavy fighting.", [("FIGHT", "small-arms", "fighting")]),
    ("The mayor accused the militia and its backers of a bombardment.", [("ACCUSE", "disapprove", "accused"),
                                                                          ("FIGHT", "artillery", "bombardment")]),
])
def test_a_violent_noun_told_as_going_on_is_an_act(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # the day an act happened on, or a worry about it, is no act told as going on
    "Schools stayed shut on the day of the bombardment.",
    "The envoy warned of an escalation of the threat of attacks.",
])
def test_a_violent_noun_under_a_single_day_or_a_worry_is_no_act(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] in ("ASSAULT", "FIGHT")] == []


@pytest.mark.parametrize("text", [
    # unanchored, spoken of as a danger, or none at all: attacks in general
    "The new law makes attacks on journalists a serious offence.",
    "Embassies warned of a risk of bombings in the capital.",
    "There has been no shelling in Kelmar since the truce.",
])
def test_a_violent_noun_with_no_anchor_or_never_realised_is_no_act(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] in ("ASSAULT", "FIGHT")] == []


@pytest.mark.parametrize("text, released", [
    ("Four of the injured were treated and released on Sunday.", False),
    ("The driver was discharged and released from hospital after a day.", False),
    ("The junta released 40 political prisoners on Sunday.", True),
    ("The reporter was released from jail after a week.", True),
])
def test_a_patients_release_is_no_release_of_the_held(nlp, text, released):
    assert any(t[:2] == ("RETREAT", "release") for t in triggers(nlp, text)) == released


@pytest.mark.parametrize(
    "text, expected",
    [
        # those who organise, join, lead or take part in a protest protest
        ("Market traders organised a sit-in outside the town hall.", [("PROTEST", "demo", "organised a sit-in")]),
        ("Thousands of farmers joined the march on Friday.", [("PROTEST", "demo", "joined the march")]),
        ("Nurses took part in a rally at the ministry.", [("PROTEST", "demo", "took part in a rally")]),
        ("Students participated in a demonstration against the fee rise.", [("PROTEST", "demo", "participated in a demonstration")]),
        # gathering for a protest, not gathering evidence or a family gathering
        ("Residents gathered outside the old mill for a vigil.", [("PROTEST", "demo", "gathered for vigil")]),
        ("Detectives gathered evidence at the scene.", []),
        ("The family joined the queue at the bakery.", []),
    ],
)
def test_organising_joining_and_taking_part_in_a_protest(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Border guards of the two states exchanged fire near the river crossing.",
        "The militia exchanged mortar fire with army units overnight.",
        "A short exchange of gunfire took place at the checkpoint.",
        "Shoot-outs were reported in two districts of the port city.",
    ],
)
def test_exchanges_of_fire_are_fights(nlp, text):
    assert [t for t, _, _ in triggers(nlp, text)] == ["FIGHT"]


def test_prisoners_exchanged_are_no_fight(nlp):
    assert [t for t, _, _ in triggers(nlp, "The two sides exchanged prisoners at the bridge.")] == ["RETREAT"]


@pytest.mark.parametrize(
    "text, killing",
    [
        ("Two men were found dead beside a dirt road. Both had been shot in the head.", True),
        ("Fishermen recovered the body of a teenager with stab wounds from the canal.", True),
        ("The remains of three people were discovered in plastic bags near the dump.", True),
        # a death with no mark of a killing is any death
        ("An elderly woman was found dead in her flat on Monday. Neighbours had not seen her for days.", False),
        ("Divers recovered the body of a missing swimmer on Sunday.", False),
        ("Police found three rifles in the boot of the car.", False),
        # the dead told by a mark ("a dead man", "a severed head"), thrown or left, bound or cut
        ("Two severed heads were found beside the highway near the quarry.", True),
        ("A dead man was thrown from a moving van outside the market. His wrists were handcuffed.", True),
        ("The lifeless body of a cab driver was found in an alley with his throat slit.", True),
        # a head that is someone's title, and a dead man with no mark of a killing
        ("The head of the water board was found guilty of fraud after a long trial.", False),
        ("A dead man was found in a doorway on the coldest night of the year.", False),
        # the dead the parser took into the opening list of places; a body left in a sack, or burnt;
        # a human head found is the mark itself
        ("On 9 March 2021, in Tarvo, Kelmo state, the body of a woman who bore signs of torture was found.", True),
        ("On 9 March 2021, in Tarvo, Kelmo state, a man was found dead inside a sack near the bus station.", True),
        ("The charred body of a taxi driver was found in a ravine outside the town.", True),
        ("On 9 March 2021, in Tarvo, Kelmo state, a human head was found beside a culvert.", True),
        ("On 9 March 2021, in Tarvo, Kelmo state, the body of a hiker was found near the summit.", False),
    ],
)
def test_the_dead_found_with_marks_of_a_killing_were_killed(nlp, text, killing):
    first = next(nlp(text).sents)  # the marks may be told in the next sentence
    found = [(m.spec.type, m.head.lemma_) for m in find_triggers(first, default_lexicon())]
    assert found == ([("ASSAULT", first.root.lemma_)] if killing else [])


@pytest.mark.parametrize(
    "text, expected",
    [
        # fire named by its weapon, and shells told by where they fell
        ("Mortar fire was reported near the airport on Sunday.", [("FIGHT", "artillery", "Mortar fire")]),
        ("Two rockets fell on a market in the old town.", [("FIGHT", "artillery", "rockets")]),
        ("The patrol came under tank fire at dawn.", [("FIGHT", "artillery", "came under tank fire")]),
        # what a crowd throws, burns or bangs
        ("Youths hurled bricks at the town hall.", [("ASSAULT", "primitive", "hurled bricks")]),
        ("Farmers burned tyres on the ring road.", [("PROTEST", "riot", "burned tyres")]),
        ("Shopkeepers banged pans outside the ministry.", [("PROTEST", "demo", "banged pans")]),
        ("Fans threw scarves onto the pitch.", []),
        ("Prices fell sharply in the capital on Monday.", []),
        # arson and bombs set off
        ("Two buses were set on fire at the depot.", [("ASSAULT", "destroy", "set on")]),
        ("Militants triggered a roadside bomb near a convoy.", [("ASSAULT", "explosives", "triggered a roadside bomb")]),
    ],
)
def test_fire_by_weapon_crowd_violence_and_arson(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # ground is taken only where the text names ground
        ("Insurgents took control of the airport on Friday.", ["FIGHT"]),
        ("The rebels took over the market town.", ["FIGHT"]),
        ("She took over from her father as chairman in May.", []),
        ("The autopilot takes control of the car on highways.", []),
        # no one is accused when a cause is investigated, or nothing is named
        ("Officials are investigating the cause of the derailment.", []),
        ("A ranger is investigating.", []),
        ("Auditors are investigating the governor over the contracts.", ["ACCUSE"]),
        # figures of speech and adjectives
        ("The vote effectively killed the pipeline project.", []),
        ("The drought is very threatening to the harvest.", []),
        ("The militia is threatening to shell the port.", ["THREATEN"]),
        ("The copper mine's new shaft opened near Kelmar.", []),
        # harm told of no one, and harm a landslide did
        ("Nobody was injured.", []),
        ("No one was injured in the bombing at the depot.", ["FIGHT"]),
        ("Three farmers died while two others were hurt after a landslide.", []),
    ],
)
def test_what_is_no_act_of_taking_accusing_harming_or_threatening(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # who "they" are in what someone said: the speaker
        ("Hospital porters said they would strike next Monday.", [("PROTEST", "strike-lim", "strike")]),
        ("Protesters chanted outside the court.", [("PROTEST", "demo", "chanted")]),
        ("Salvos of rockets rained down on the harbour.", [("FIGHT", "artillery", "rockets")]),
        # a protest named by its noun, anchored by its doer or place
        ("The march by dairy farmers blocked the ring road for hours.", [("PROTEST", "demo", "march")]),
        ("Organisers of a Kelmar rally for the miners thanked the mayor.", [("SUPPORT", None, "thanked"), ("PROTEST", "demo", "rally")]),
        ("Police said they had not seen any protests in the town.", []),
    ],
)
def test_speakers_pronouns_salvos_and_protests_named_by_their_noun(nlp, text, expected):
    assert sorted(triggers(nlp, text), key=lambda t: t[0]) == sorted(expected, key=lambda t: t[0])


@pytest.mark.parametrize(
    "text, expected",
    [
        # nothing the lexicon reads is denied: the denial is the event
        ("The ministry denied that its officials had leaked the memo.", ["REJECT"]),
        ("The governor disputes that the budget was ever approved.", ["REJECT"]),
        # an act that is read is the event, negated (factuality reads "denied")
        ("The navy denied that it had shelled the fishing port.", ["FIGHT"]),
    ],
)
def test_denying_that_something_is_so_rejects_it_unless_the_act_is_read(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # forces that arrive by themselves, and digging in
        ("Fresh reinforcements reached the northern front overnight.", [("MOBILIZE", "troops", "reinforcements")]),
        ("The brigade built fortifications along the canal.", [("MOBILIZE", "troops", "built fortifications")]),
        ("The delegation reached the capital on Monday.", []),
        # security measures put in place
        ("The mayor instituted a curfew from dusk to dawn.", [("COERCE", "curfew", "instituted a curfew")]),
        ("Troops began enforcing martial law in the province.", [("COERCE", "martial-law", "enforcing martial law")]),
    ],
)
def test_arrivals_fortifications_and_security_measures(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_a_courts_sentence_is_a_sanction_and_blame_laid_at_a_door_an_accusation(nlp):
    assert triggers(nlp, "A military court sentenced the opposition leader to five years.") == [("SANCTION", "convict", "sentenced")]
    assert [t for t, _, _ in triggers(nlp, "The prefect attributed the blackout to saboteurs.")] == ["ACCUSE"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # said of anyone, or an order to anyone: no act that happened
        ("You fight for every vote you can get.", []),
        ("Keep your head down and get shot.", []),
        ("Farmers said they had to fight off the raiders.", ["FIGHT"]),
        # a toll an accident left
        ("A boiler explosion at the mill left two workers dead and five injured.", []),
        ("A car bomb at the market left two traders dead.", ["ASSAULT"]),
    ],
)
def test_generic_you_orders_and_tolls_an_accident_left(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a kind of act as a clause's subject, or a subhead with no one doing it: no act
        ("Kidnapping aid workers or threatening their families is condemned by all sides.", ["ACCUSE"]),
        ("Raiding the smugglers' dens", []),
        ("Rebels are attacking the town, residents said.", ["ASSAULT"]),
        ("Attacking the outpost at dawn, the rebels killed two guards.", ["ASSAULT"]),
        # how the report got its news: the newsroom's, not an event
        ("Two diplomats shared the figures on condition of anonymity.", []),
        ("The officers were not permitted to discuss the raid with reporters.", []),
        ("Dunval and Kelmar shared the intelligence with the rebels.", ["COOPERATE"]),
    ],
)
def test_kinds_of_acts_and_the_newsrooms_sourcing_are_no_events(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


def test_a_blast_told_as_an_accident_and_then_named_bare_is_the_accident_again():
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    accident = ("A boiler explosion tore through a laundry in Tarvo on Tuesday, injuring six workers. "
                "The blast happened shortly after the morning shift began.")  # fmt: skip
    assert pipe.extract(accident, published="2022-03-02") == []
    bombing = "A bomb went off outside a laundry in Tarvo on Tuesday. The blast wounded six workers."
    assert any(e.type == "ASSAULT" for e in pipe.extract(bombing, published="2022-03-02"))


@pytest.mark.parametrize(
    "text, expected",
    [
        # bidding a party do something is asking it
        ("The farmers' union wants Ostland to lower fuel taxes.", ["REQUEST"]),
        ("Parents are pushing the school board to reopen the library.", ["REQUEST"]),
        ("The mediator encouraged both parties to resume talks.", ["REQUEST"]),
        ("The minister wants to retire next year.", []),  # wanting for oneself
        # "for ... to", which the parser reads as a clause: the request holds what it asks
        ("Students called for the dean to resign.", ["REQUEST"]),
        ("Residents appealed for the army to leave the town.", ["REQUEST"]),
    ],
)
def test_bidding_a_party_do_something_is_a_request(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a reported judgement of blame is an accusation
        ('"This ruling is shameful and unjust," the opposition leader said.', ["ACCUSE"]),
        ('"The new quota is simply not fair," the fishermen\'s association said.', ["ACCUSE"]),
        ("The ministry said Kelmar was breaching the border accord.", ["ACCUSE"]),
        ("The governor described the audit as a witch-hunt.", ["ACCUSE"]),
        # laying an act at someone's door
        ("The minister said the Dunval Front was behind the bombing.", ["ACCUSE"]),
        ("Police said the Kelmar gang was responsible for the kidnapping.", ["ACCUSE"]),
        ("Investigators say the blast bears the hallmarks of the Dunval Front.", ["ACCUSE"]),
        ("Senator Tarvo said she had concerns about the nominee.", ["ACCUSE"]),
        ("The minister said the Dunval Front was not behind the bombing.", []),
        # a judgement that blames no one, praise, or a wrong denied
        ("The farmers said the drought was a disaster.", []),
        ("The envoy said the talks were constructive.", []),
        ("The ministry said Kelmar was not breaching the accord.", []),
        # a party said to fail at what it should do is blamed for it
        ("The Kelmo president said the Tarvo army was failing to respect the truce.", ["ACCUSE"]),
        ("The opposition said the government had failed to protect the villages.", ["ACCUSE"]),
        # an act of its own that failed is that act
        ("Officials said the militia failed to capture the town.", ["FIGHT"]),
        ("Rights groups said the police neglected to protect the witnesses.", ["ACCUSE"]),
        # not a driver, a team or an engine that failed
        ("The coach said the team failed to score in the first half.", []),
        ("The firm said the engine failed to start in the cold.", []),
    ],
)
def test_a_reported_judgement_of_blame_is_an_accusation(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what another party must or should do, reported: a demand
        ("The regulator said Kelmar Airways must ground the new jets.", ["REQUEST"]),
        ('"They need to release the sailors," the admiral said.', ["REQUEST"]),
        # the speaker's own side, no one named, or what should have been
        ("We must stay calm, the mayor said.", []),
        ("Officials said the bridge must be rebuilt.", []),
        ("The envoy said the army should have protected the villagers.", []),
    ],
)
def test_a_reported_obligation_of_another_party_is_a_demand(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


def test_a_judgement_no_one_is_said_to_make_accuses_no_one(nlp):
    assert triggers(nlp, "Tenants are told that renting is irresponsible.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # closing a place to movement restricts it (PLOVER COERCE/restrict); "cordoned" is read as "cordon"
        ("Border guards cordoned off the highway into the valley.", [("COERCE", "restrict", "cordoned off")]),
        ("The old quarter was sealed off by the militia.", [("COERCE", "restrict", "sealed off")]),
    ],
)
def test_closing_a_place_off_is_a_restriction(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a promise of violence is a threat, whether the act is a verb, a noun or war made
        ("The warlord vowed to attack the northern garrisons.", [("THREATEN", "violence", "vowed")]),
        ("The junta promised airstrikes on the rebel villages.", [("THREATEN", "violence", "promised")]),
        ("The militia vowed to wage war on the cartels.", [("THREATEN", "violence", "vowed")]),
        # or a wrong paid back in kind
        ("The Kelmo army vowed to retaliate against the Tarvo rebels.", [("THREATEN", "violence", "vowed")]),
        ("The rebel leader promised to avenge the killing of his fighters.", [("THREATEN", "violence", "promised")]),
        # a promise not to attack or not to retaliate, or to end a war, is an AGREE
        ("The colonel vowed not to attack the refugee camp.", [("AGREE", None, "vowed")]),
        ("The Tarvo government vowed not to retaliate against Kelmo.", [("AGREE", None, "vowed")]),
        ("The new premier vowed to end the war.", [("AGREE", None, "vowed")]),
    ],
)
def test_a_promise_of_violence_is_a_threat(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb with an object in another sense: showing, striking a deal, being hit
        ("The nurse demonstrated the new bandage to her class.", []),
        ("Over a thousand farmers demonstrated outside the ministry.", [("PROTEST", "demo", "demonstrated")]),
        ("The union struck a deal with the port operator.", []),
        ("A delivery driver was struck by a van on the bridge.", []),
        ("Dock workers struck for a third day.", [("PROTEST", "strike-lim", "struck")]),
        # a contest won, not a beating
        ("The challenger beat the sitting mayor by 40 votes.", []),
        ("She won the ward, beating two rivals.", []),
        ("The former judge beat out four others for the post.", []),
        ("The gang beat a taxi driver with clubs.", [("ASSAULT", "beat", "beat")]),
        # what a participle is said of is what it acted on
        ("Data released by the statistics office showed prices fell.", []),
        ("The detainees released on Sunday returned to their villages.", [("RETREAT", "release", "released")]),
        # objects that make a verb no event
        ("Churches in the valley will help fight hunger this winter.", []),
        ("The crew shot a commercial on the pier.", []),
        ("A resident stopped the shoplifter at the door.", []),
        ("The students swapped notes before the exam.", []),
        ("He was told to surrender his passport.", []),
        ("The clerk handed over the forms to the inspector.", []),
        ("The militia handed the airport over to the army.", [("RETREAT", "withdraw", "handed the airport over")]),
        ("The mayor signed a declaration of emergency for the district.", []),
        ("The campaign released an e-mail from a supporter.", []),
        ("The minister reinforced the message in a speech.", []),
        ("The army reinforced its positions along the river.", [("MOBILIZE", "troops", "reinforced")]),
        # what a speaker says they themselves must do is no demand on anyone
        ("The governor said she needs to read the report first.", []),
        ("The envoys said they must consult their capitals.", []),
        ("The envoy said the militia must leave the port.", [("REQUEST", None, "said")]),
        ("The deal will help defuse the crisis over the budget.", []),
        ("Army engineers defused a bomb under the bridge.", [("FIGHT", "small-arms", "defused")]),
        ("The former mayor died on Sunday after a long battle with cancer.", []),
        ("The bishop leads the fight against hunger in the diocese.", []),
        ("The guard recognized the man's voice on the phone.", []),
        ("Tarvo recognized the new government on Monday.", [("SUPPORT", None, "recognized")]),
        # a game's result, a score at the end of the sentence
        ("Ravena beat Portmore on Saturday 2-1.", []),
        # a rate or a habit is no one act
        ("Two climbers a year die or are hurt on the ridge, and one hiker a year is killed there.", []),
        ("In those years the gangs used to attack buses on the mountain road.", []),
        ("A week after the gunmen attacked the checkpoint, the road reopened.", [("ASSAULT", "firearms", "attacked")]),
    ],
)
def test_senses_that_are_no_event(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_in_a_story_of_sport_a_strike_a_shot_and_a_threat_are_play(nlp):
    story = ("Ravena drew level when their striker scored in the 90th minute. The coach was pleased with the defence, "
             "and the league leaders now face a semifinal. A late strike from the halfway line nearly won it, "
             "but the visitors rarely threatened the keeper.")
    assert triggers(nlp, story) == []
    # the same words outside a report of a game keep their sense
    assert [t for t, _, _ in triggers(nlp, "A late strike on the depot destroyed two trucks. The rebels threatened the town.")] == ["FIGHT", "THREATEN"]


def test_a_three_digit_score_is_a_games_result(nlp):
    assert triggers(nlp, "The Tarvo Comets beat the Kelmo Hawks 112-98 on Monday.") == []
    # a range that counts people is no score
    assert [t for t, _, _ in triggers(nlp, "Militants killed 100-150 villagers near Dalo.")] == ["ASSAULT"]


def test_a_capitalised_plural_the_tagger_took_for_a_name_is_still_the_event_noun(nlp):
    # a sentence's first word, or a headline's words, in capitals: the tagger reads them as names
    assert [t for t, _, _ in triggers(nlp, "Rockets landed near the airport in Dalo overnight.")] == ["FIGHT"]
    assert [t for t, _, _ in triggers(nlp, "Mortars fell on the market in Kelmo.")] == ["FIGHT"]


def test_what_it_stands_for_and_who_else_acted(nlp):
    # "it" is the town named before: retaking it is retaking ground
    assert triggers(nlp, "The militia seized the village in April. Last week the army retook it.") == [
        ("FIGHT", "occupy", "seized"), ("FIGHT", "occupy", "retook")]
    # a joined clause with a doer of its own is another act, not the first one's other wording
    assert [t for t, _, _ in triggers(nlp, "Rebels shelled the airport, and on Sunday the army bombed their positions.")] == [
        "FIGHT", "FIGHT"]
    assert [t for t, _, _ in triggers(nlp, "Gunmen stormed the bank and shot two guards.")] == ["ASSAULT"]
    # acts anchored in a part of the country (a direction is a place, though no name)
    assert [t for t, _, _ in triggers(nlp, "There were bombings in the south of the country over the summer.")] == ["FIGHT"]


def test_a_word_in_lower_case_is_no_place_name(nlp):
    from eventwire.coder import Coder

    doc = nlp("Police captured the gang leader on Friday.")
    found = [(m.spec.type, m.spec.mode) for s in doc.sents for m in Coder(classifier=None)._triggers(s)]
    assert found == [("COERCE", "arrest")]  # not the ground of a town called "Leader"


def test_an_evacuation_in_a_sentence_of_flood_or_storm_is_no_ones_aid(nlp):
    assert triggers(nlp, "Heavy rain has flooded two provinces this week, the agency said, adding that 4,000 people have been evacuated.") == []
    assert triggers(nlp, "A storm cut power to the region and hundreds of villagers were evacuated by the army.") == []
    # a people moved out of a war zone is aid
    assert [t for t, _, _ in triggers(nlp, "The Red Cross evacuated 300 civilians from the besieged town on Tuesday.")] == ["AID"]


def test_a_warning_that_there_will_be_what_no_one_threatens_is_a_forecast(nlp):
    assert triggers(nlp, "The airline warned that there would be long delays at the airport.") == []
    assert triggers(nlp, "The ministry warned that there was a risk of flooding.") == []
    # what a threat is of stays a threat
    assert [t for t, _, _ in triggers(nlp, "The president warned that there would be serious consequences if the border stayed closed.")] == ["THREATEN"]


def test_agreeing_with_a_view_is_no_agreement_between_parties(nlp):
    assert triggers(nlp, "The Treasury agrees with the central bank's assessment that growth will slow.") == []
    assert triggers(nlp, "Two ministers concurred with the panel's findings on the spill.") == []
    assert [t for t, _, _ in triggers(nlp, "The rebels agreed with the government to withdraw from the town.")][:1] == ["AGREE"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a judgement of how things are, or of what is needed, is a view held alike
        ("The mayor agreed that the new plan was a good idea.", []),
        ("The police chief agrees that thefts by teenagers are a serious problem in Kelmo.", []),
        ("The senator agreed with the need for more spending on roads.", []),
        # what parties will or should do, agreed, is an agreement
        ("Velaria and Dorland agree that border disputes should be settled by arbitration.", ["AGREE"]),
        ("The rebels agreed that the ceasefire would start on Monday.", ["AGREE"]),
    ],
)
def test_agreeing_that_something_is_so_is_a_view_not_an_agreement(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a case put, not news told: a judgement of blame put so is an ACCUSE, as when said
        ("The union argued that the management's offer was unfair and insulting.", ["ACCUSE"]),
        ("The inquiry concluded that the police had been negligent in the weeks before the riot.", ["ACCUSE"]),
        ("The opposition leader insisted the election had been rigged.", ["ACCUSE"]),
        # through what the speaker believes, and an act named with what it was an attempt at
        ("The president reiterated that he believes the exiled cleric was behind the coup attempt.", ["ACCUSE"]),
        # a case that blames no one is no event
        ("The economist argued that growth would slow next year.", []),
        ("The coach insisted that the team was ready for the final.", []),
        ("Analysts concluded that the bridge had been poorly designed.", []),
    ],
)
def test_arguing_or_concluding_that_someone_is_to_blame_is_an_accusation(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


def test_a_request_named_by_its_noun_is_a_request(nlp):
    assert triggers(nlp, "The mayor made an impassioned plea to the provincial government for more police officers.") == [
        ("REQUEST", None, "made an impassioned plea")]
    assert [t for t, _, _ in triggers(nlp, "The opposition submitted a request to the electoral commission for a recount.")] == ["REQUEST"]
    assert [t for t, _, _ in triggers(nlp, "Strikers issued a demand for higher wages.")] == ["REQUEST"]
    # demand as a market's is no one's request
    assert triggers(nlp, "Demand for oil rose sharply in the spring.") == []


def test_a_meeting_set_for_an_act_that_names_both_sides_is_a_consultation(nlp):
    found = triggers(nlp, "The Ostland president said he and his Kelmar counterpart agreed in a phone call to reopen the border.")
    assert ("CONSULT", "phone", "phone call") in found
    assert "CONSULT" in [t for t, _, _ in triggers(nlp, "The prime minister urged Tarvo during talks on Monday to release the prisoners.")]
    # one side only, or a verb of meeting that already tells it
    assert "CONSULT" not in [t for t, _, _ in triggers(nlp, "During talks, the rebels offered to free the hostages.")]
    assert [t for t, _, _ in triggers(nlp, "The two ministers discussed trade in a meeting in Geneva.")] == ["CONSULT"]


def test_denying_a_dealing_no_one_is_said_to_have_made_is_a_rejection(nlp):
    assert triggers(nlp, "The interior ministry denied that an agreement had been reached with the rebels.") == [("REJECT", None, "denied")]
    # denying an act someone is said to have done is that act, negated
    assert [t for t, _, _ in triggers(nlp, "The army denied that its jets had bombed the market.")] == ["FIGHT"]
    assert [t for t, _, _ in triggers(nlp, "Ostland denied that it had agreed to the truce.")] == ["AGREE"]


def test_what_a_speaker_said_in_condemning_is_the_same_condemnation(nlp):
    assert triggers(nlp, "The foreign ministry condemned the raid, saying the attack on the embassy was unacceptable.") == [
        ("ACCUSE", "disapprove", "condemned")]
    # two speakers, two judgements
    assert [t for t, _, _ in triggers(nlp, "The opposition said the vote was rigged, and the ministry said the protest was illegal.")] == [
        "ACCUSE", "ACCUSE"]


def test_meetings_or_deals_of_a_kind_with_no_one_to_meet_are_no_meeting(nlp):
    assert triggers(nlp, "As a trainee, Marta will attend conferences and phone clients.") == []
    assert triggers(nlp, "The province will have to negotiate deals one at a time, region by region.") == []
    # one round of talks, a counterpart, or what is talked about
    assert [t for t, _, _ in triggers(nlp, "Ministers attended talks in Geneva on Monday.")] == ["CONSULT"]
    assert [t for t, _, _ in triggers(nlp, "Ostland negotiated deals with Kelmar on trade and fishing.")] == ["CONSULT"]
    assert [t for t, _, _ in triggers(nlp, "Officials discussed issues of trade.")] == ["CONSULT"]
    # forces are whom one visits or meets, not a kind of meeting, though the lexicon reads them as a deployment
    assert [t for t, _, _ in triggers(nlp, "The premier visited soldiers at a northern garrison on Friday.")] == ["CONSULT"]
    assert [t for t, _, _ in triggers(nlp, "The queen met troops back from the mission.")] == ["CONSULT"]


def test_staff_who_walk_off_the_job_strike(nlp):
    # a key's own preposition names its object ("walk off" the job), whatever the preposition
    assert triggers(nlp, "Bakery staff walked off the job in Lunden on Tuesday over unpaid overtime.") == [
        ("PROTEST", "strike-lim", "walked off")]
    assert triggers(nlp, "Two hundred porters walked off their shifts at the station.") == [("PROTEST", "strike-lim", "walked off")]
    # leaving a stage or a pitch is no strike
    assert triggers(nlp, "The striker walked off the pitch in tears.") == []
    assert triggers(nlp, "The mayor walked off the stage before the vote.") == []


def test_meetings_told_as_being_are_consultations(nlp):
    assert [t for t, _, _ in triggers(nlp, "There were talks between the rebels and the government on Monday.")] == ["CONSULT"]
    assert ("CONSULT", "phone", "calls") in triggers(nlp, "As the truce fell apart, there was a flurry of diplomatic calls.")
    # told as none
    assert triggers(nlp, "There have been no talks between the two governments since May.") == []


def test_a_series_of_attacks_is_the_attacks(nlp):
    assert [t for t, _, _ in triggers(nlp, "A series of attacks on police posts left nine officers dead last spring.")] == ["ASSAULT"]


def test_what_a_deal_or_truce_is_for_is_its_terms_not_a_second_act(nlp):
    assert [t for t, _, _ in triggers(nlp, "A truce to release the prisoners from the old fort collapsed on Friday.")] == ["RETREAT"]
    assert triggers(nlp, "A truce to release the prisoners from the old fort collapsed on Friday.")[0][2] == "collapsed"
    # an infinitive of purpose of an act is not a deal's term
    assert [t for t, _, _ in triggers(nlp, "Guards opened the gates to release the prisoners on Friday.")] == ["RETREAT"]


def test_fighters_evacuated_withdraw_and_civilians_evacuated_are_aided(nlp):
    assert triggers(nlp, "Buses arrived to evacuate the rebels and their families from the old city.") == [("RETREAT", "withdraw", "evacuate")]
    assert [t for t, _, _ in triggers(nlp, "The army evacuated its soldiers from the outpost on Friday.")] == ["RETREAT"]
    assert [t for t, _, _ in triggers(nlp, "The Red Cross evacuated 300 civilians from the besieged town on Tuesday.")] == ["AID"]


def test_sanctioning_an_event_is_allowing_it(nlp):
    assert triggers(nlp, "The speaker will appear at an event not sanctioned by the university.") == []
    assert triggers(nlp, "The league sanctioned the match despite the weather.") == []
    assert [t for t, _, _ in triggers(nlp, "The EU sanctioned three ministers over the crackdown.")] == ["SANCTION"]


def test_bidding_a_person_told_by_a_pronoun_is_a_request(nlp):
    assert ("REQUEST", None, "encouraged") in triggers(nlp, "The recruiter met the student twice and encouraged him to join the militia.")
    assert triggers(nlp, "She wants to leave the party.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # people in numbers who rally demonstrate, whoever they are; markets and campaigners do not
        ("About forty cousins of the drowned fishermen rallied outside the port authority.", ["PROTEST"]),
        ("Hundreds of cleaners rallied in the square on Friday.", ["PROTEST"]),
        ("Bank shares rallied after the budget.", []),
        ("Copper prices rallied for a second week.", []),
        ("The mayor rallied volunteers for the clean-up.", []),
        # rallying behind someone is standing by them
        ("Neighbouring states rallied behind the elected government.", ["SUPPORT"]),
    ],
)
def test_a_crowd_that_rallies_demonstrates(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a force taking apart what others built seizes it; a bomb taken apart is a defused one
        ("Customs officers dismantled a cigarette factory on the outskirts.", [("COERCE", "confiscate")]),
        ("Troops dismantled two militia checkpoints on the highway.", [("COERCE", "confiscate")]),
        ("Engineers dismantled the bomb before it went off.", [("FIGHT", "small-arms")]),
        ("Workers dismantled the stage after the concert.", []),
        # an act that goes on is done that day; a market's "march" is no march
        ("The nurses continued their sit-in outside the ministry for a third week.", [("PROTEST", "demo")]),
        ("Rebels continued their siege of the garrison town.", [("COERCE", "restrict")]),
        ("Share prices continued their march higher.", []),
    ],
)
def test_acts_taken_apart_and_acts_that_go_on(nlp, text, expected):
    assert [(t, m) for t, m, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # words are attacked with words
        ("The senator attacked the governor's handling of the floods.", ["ACCUSE"]),
        ("The union attacked the pension reform as a betrayal.", ["ACCUSE"]),
        ("Gunmen attacked the governor's convoy on the coast road.", ["ASSAULT"]),
    ],
)
def test_an_attack_on_words_or_plans_is_an_accusation(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # fighting one engages in or wages; a debate engaged in, or a fire responded to, is none
        ("Police were engaged in an exchange of fire with bandits in the forest.", ["FIGHT"]),
        ("Rebels and soldiers engaged in a brief firefight near the bridge.", ["FIGHT"]),
        ("The militants waged three attacks on army posts overnight.", ["ASSAULT"]),
        ("The students engaged in a lively debate.", []),
        ("The fire brigade responded to a kitchen fire on Main Street.", []),
    ],
)
def test_fighting_engaged_in_or_waged(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected
@pytest.mark.parametrize("text, expected", [
    # a fight one is drawn into, people seized to bargain with, an aircraft brought down
    ("A smuggler got into a gunfight with border guards.", [("FIGHT", "small-arms", "got into a gunfight")]),
    ("Three engineers were taken hostage by the militia.", [("ASSAULT", "abduct", "taken hostage")]),
    ("The militia took three engineers hostage.", [("ASSAULT", "abduct", "took three engineers hostage")]),
    ("Talks stalled after the army's downing of a cargo plane.", [("FIGHT", "aerial", "downing")]),
    # approval received or repeated, threats faced, a conversation with the other side
    ("The envoy drew applause from the delegates.", [("SUPPORT", None, "drew applause")]),
    ("The senator echoed the governor's remarks on Friday.", [("SUPPORT", None, "echoed")]),
    ("The judge has faced threats since the verdict.", [("THREATEN", "violence", "faced threats")]),
    ("The premier raised the matter in a phone conversation with the Ostland president.",
     [("CONSULT", "phone", "phone conversation")]),
])
def test_fights_hostages_approval_threats_and_conversations_told_by_their_nouns(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The senator echoed the concerns of local farmers.",  # a worry echoed is no approval
    "The court was told the pair had a conversation about football.",  # no one's other side named
])
def test_an_echoed_worry_and_a_chat_are_no_support_or_consultation(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] in ("SUPPORT", "CONSULT")] == []


@pytest.mark.parametrize("text, expected", [
    # a place an act was done to anchors it ("of"), so do the hands it came at
    ("Aid agencies said the shelling of the port lasted all night.", [("FIGHT", "artillery", "shelling")]),
    ("Survivors described the massacre at the hands of the militia.", [("ASSAULT", "firearms", "massacre")]),
    # a siege held on a place or by someone is one act of coercion, as a violent act is
    ("Elders spoke of the hunger under the militia's siege on the villages.", [("COERCE", "restrict", "siege")]),
])
def test_acts_anchored_by_the_place_they_were_done_to_or_the_hands_they_came_at(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_a_siege_spoken_of_with_no_place_or_holder_is_no_act(nlp):
    assert [t for t in triggers(nlp, "A siege is a slow way to win a war.") if t[0] == "COERCE"] == []


@pytest.mark.parametrize("text, expected", [
    # a judgement said with no verb of its own, or of a party in a relative clause, still blames
    ('"Utterly unacceptable," the senator said of the ruling.', [("ACCUSE", "disapprove", "said")]),
    ('"They handed us a demand from the regulator, which is plainly unfair," the union said.',
     [("ACCUSE", "disapprove", "said")]),
])
def test_a_verbless_or_relative_judgement_is_an_accusation(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", [
    '"Sunny spells," the forecaster said.',
    'The mayor said the plan, which residents liked, was sound.',
])
def test_a_verbless_remark_or_a_relative_clause_of_no_blame_accuses_no_one(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] == "ACCUSE"] == []


@pytest.mark.parametrize("text, expected", [
    # the deed someone is praised or blamed for is told as done: an act of its own
    ("Farm groups commended the governor for pushing for a recount.",
     [("SUPPORT", None, "commended"), ("REQUEST", None, "pushing for")]),
    ("The envoy condemned the army for shelling the harbour.",
     [("ACCUSE", "disapprove", "condemned"), ("FIGHT", "artillery", "shelling")]),
])
def test_the_deed_praised_or_blamed_for_is_an_act_of_its_own(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_the_deed_praised_for_is_the_praised_ones(nlp):
    from eventwire.coding.context import subject_of

    doc = nlp("Farm groups commended the governor for pushing for a recount.")
    assert subject_of(next(t for t in doc if t.text == "pushing")).text == "governor"


@pytest.mark.parametrize("text, expected", [
    # two acts of two kinds joined by "and", each done to its own object, are two acts
    ("Insurgents shelled the garrison and planted a roadside bomb on the highway.",
     [("FIGHT", "artillery", "shelled"), ("ASSAULT", "explosives", "planted")]),
    # an act and what it did are one act
    ("Raiders attacked the hamlet and killed four herders.", [("ASSAULT", "firearms", "attacked")]),
])
def test_violent_acts_of_two_kinds_joined_by_and_are_two_acts(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # an act whose relative clause tells what it did is one act, and what is probed happened
    ("Detectives probed the explosion that tore through a bus depot.",
     [("ACCUSE", "investigate", "probed"), ("ASSAULT", "explosives", "explosion")]),
    ("Residents still talk of the blast, which shook the harbour district.", [("ASSAULT", "explosives", "blast")]),
])
def test_an_act_told_with_what_it_did_is_one_act(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The senator said attacks that target clinics are cowardly.",  # what such acts do: acts in general
    "The panel studied attacks that continue to worry farmers.",
])
def test_acts_told_with_what_such_acts_do_are_acts_in_general(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] in ("ASSAULT", "FIGHT")] == []


@pytest.mark.parametrize("text, expected", [
    # a light verb's objects joined by "and": any of them may be the event noun
    ("The envoy has faced insults and threats since the vote.", [("THREATEN", "violence", "faced insults and threats")]),
    # sitting down to a meal with the other side, settling the next steps with it
    ("The mayors sat down for lunch with the premier.", [("CONSULT", None, "sat down")]),
    ("Kelmar will work out the next steps with Ostland.", [("CONSULT", None, "work out")]),
    # armed men stopping or turning back people or vehicles restrict their movement
    ("Soldiers stopped two aid trucks at the bridge.", [("COERCE", "restrict", "stopped")]),
    ("The families were turned away by militiamen at the crossing.", [("COERCE", "restrict", "turned away")]),
])
def test_consultations_and_restrictions_in_their_idioms(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The diner turned away customers on Friday.",  # no armed men
    "Police stopped the suspect on the motorway.",  # a suspect stopped
])
def test_no_restriction_by_no_armed_men_or_of_a_suspect(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] in ("COERCE", "CONSULT")] == []


@pytest.mark.parametrize("text, expected", [
    # what one who must act will otherwise face is a threat beside the demand
    ("The envoy said the rebels must disarm or face sanctions.",
     [("REQUEST", None, "said"), ("THREATEN", None, "face sanctions")]),
    ("The ministry said the operator must comply or face penalties.",
     [("REQUEST", None, "said"), ("THREATEN", None, "face penalties")]),
])
def test_must_or_face_is_a_threat(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The club must win on Sunday or face relegation.",  # no sanction by anyone
    "The firm faced further action last year.",  # no alternative to a demand
])
def test_facing_a_fate_or_an_action_told_as_past_is_no_threat(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] == "THREATEN"] == []


@pytest.mark.parametrize("text, expected", [
    # a side giving up, named by its noun and owned or placed, is one act
    ("Elders confirmed the surrender by the militia on Sunday.", [("RETREAT", "disarm", "surrender")]),
    ("Shops reopened after the garrison's withdrawal.", [("RETREAT", "withdraw", "withdrawal")]),
])
def test_a_surrender_or_withdrawal_owned_or_placed_is_an_act(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_a_release_placed_is_no_retreat(nlp):
    assert [t for t in triggers(nlp, "Crowds cheered the release of the film in Tarvo.") if t[0] == "RETREAT"] == []


@pytest.mark.parametrize("text, attack", [
    # what a policy or a campaign aims at is no one attacked; people aimed at may be
    ("The council launched a scheme to target the rise in car theft.", False),
    ("The budget targets emissions from old buses.", False),
    ("Gunmen targeted a police post near the river.", True),
    ("The militia targeted voters at a polling station.", True),
])
def test_targeting_a_trend_or_a_market_is_no_attack(nlp, text, attack):
    assert any(t[0] == "ASSAULT" for t in triggers(nlp, text)) == attack


@pytest.mark.parametrize("text, asked", [
    # not wanting a party to do something is a fear, asked of no one; wanting it to is asking
    ("The herders did not want the soldiers to seize their cattle.", False),
    ("The herders want the soldiers to return their cattle.", True),
])
def test_not_wanting_a_party_to_act_asks_nothing(nlp, text, asked):
    assert any(t[0] == "REQUEST" for t in triggers(nlp, text)) == asked


@pytest.mark.parametrize("text, expected", [
    # a party's charges another denies were made: an accusation beside the denial
    ("The ministry denied the monitor's allegations on Tuesday.",
     [("REJECT", None, "denied"), ("ACCUSE", "disapprove", "allegations")]),
    # whose they were untold, or a claim to money: no accusation
    ("The ministry denied the allegations on Tuesday.", [("REJECT", None, "denied")]),
    ("The firm rejected the landlord's claim for unpaid rent.", [("REJECT", None, "rejected")]),
])
def test_charges_denied_were_made(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text, accused", [
    # calling something a wrong through "as" and a participle is name-calling
    ("The opposition described the count as rigged.", True),
    ("The mayor described the town as quiet.", False),
])
def test_describing_something_as_rigged_is_an_accusation(nlp, text, accused):
    assert any(t[0] == "ACCUSE" for t in triggers(nlp, text)) == accused


@pytest.mark.parametrize("text, expected", [
    # disapproval a move sets off, and signs that lay an act at a party's door
    ("The verdict sparked outrage among opposition parties.", [("ACCUSE", "disapprove", "sparked outrage")]),
    ("All the evidence points to the Tarvo Front.", [("ACCUSE", "disapprove", "points to")]),
])
def test_outrage_set_off_and_evidence_pointing_to_a_party_accuse(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", ["The storm caused damage across the valley.", "The figures point to a rise in prices."])
def test_damage_caused_and_figures_pointing_to_a_trend_accuse_no_one(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] == "ACCUSE"] == []


@pytest.mark.parametrize("text, expected", [
    # security raised around a place is a raised alert
    ("Police stepped up security around the stadium.", [("MOBILIZE", "police", "stepped up")]),
    ("The ministry tightened security at the airports.", [("MOBILIZE", "police", "tightened")]),
    # a call told with what it asks for is a request, made again or issued
    ("The envoy renewed her call for a truce.", [("REQUEST", None, "renewed her call")]),
    ("The bishops issued a call for calm.", [("REQUEST", None, "issued a call")]),
    ("Kelmar and Ostland held a call on Monday.", [("CONSULT", "phone", "held a call")]),
])
def test_security_raised_and_calls_that_ask(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", ["The bakery increased its prices.", "The club strengthened its squad."])
def test_raising_anything_but_security_mobilizes_no_one(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] == "MOBILIZE"] == []


@pytest.mark.parametrize("text, expected", [
    # leaving a pact or a body of states is a sanction; leaving a place is a retreat
    ("The premier said he will withdraw the country from the fisheries pact.", [("SANCTION", "withdraw", "withdraw")]),
    ("Ostland pulled out of the grain deal in May.", [("SANCTION", "withdraw", "pulled out")]),
    ("The troops pulled out of the valley.", [("RETREAT", "withdraw", "pulled out")]),
    # a deal mediated is a deal; talks mediated a third party's consultation
    ("The truce was mediated by Kelmar.", [("AGREE", None, "truce was mediated")]),
    ("Kelmar mediated talks between the two sides.", [("CONSULT", "third-party", "mediated")]),
])
def test_the_typing_of_leaving_and_mediating(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_a_weapon_the_parser_put_in_the_opening_place_list_is_still_what_hit(nlp):
    text = "On 27 May 2021, in Alto ward, Tarvo town, Kelmo District, an artillery shell hit a restaurant and injured three civilians."
    found = [(m.spec.type, m.spec.mode) for m in find_triggers(next(nlp(text).sents), default_lexicon())]
    assert ("FIGHT", "artillery") in found


@pytest.mark.parametrize("text", [
    # a particle the lexicon has no reading with makes another verb: no backing of anyone
    "The van backed up into the hedge outside the bakery.",
    "She was hurt when her neighbour's car was backing out of a garage.",
    "The council backed down from the parking plan.",
])
def test_a_particle_makes_another_verb_of_speech_or_dealing(nlp, text):
    assert triggers(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # violence and coercion read the same with a particle
    ("Guards beat up two inmates in Kelmar.", [("ASSAULT", "beat", "beat")]),
    ("Militiamen burned down the village school.", [("ASSAULT", "destroy", "burned")]),
    ("The governor backed the opposition bill.", [("SUPPORT", None, "backed")]),
])
def test_violence_keeps_its_reading_with_a_particle(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # someone "fired" at a place or an hour is someone dismissed
    "The county judge fired the emergency director at the council meeting.",
    "The club fired its coach at the end of the season.",
    "The board fired Smithers at the end of the hearing in Kelmar.",
])
def test_a_person_fired_is_dismissed_not_shot(nlp, text):
    assert [t for t in triggers(nlp, text) if t[0] == "ASSAULT"] == []


@pytest.mark.parametrize("text, expected", [
    ("Troops fired at the marchers in Kelmar.", [("ASSAULT", "firearms", "fired at")]),
    ("Gunmen fired on a minibus near the crossing.", [("ASSAULT", "firearms", "fired on")]),
])
def test_firing_at_with_no_load_named_is_a_shooting(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # what a meeting was held for is that meeting, not a second consultation
    ("The two ministers met in Kelmar on Monday to discuss the border dispute.", [("CONSULT", None, "met")]),
    ("A delegation of teachers met with the school board last night to discuss the new timetable.", [("CONSULT", None, "met")]),
])
def test_the_purpose_of_a_meeting_is_that_meeting(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_a_meeting_and_talks_told_apart_are_two(nlp):
    assert [t[2] for t in triggers(nlp, "The envoys met in Ostland and discussed the truce.")] == ["met", "discussed"]


@pytest.mark.parametrize("text", [
    # an appeal to the public names no party asked
    "Police urged anyone with information about the robbery to call the hotline.",
    "The sheriff asked that anyone who saw the van step forward.",
    '"People need to slow down on these roads," the mayor said.',
    "The council called on people to recycle their glass.",
])
def test_a_request_of_anyone_is_no_event(nlp, text):
    assert triggers(nlp, text) == []


@pytest.mark.parametrize("text", [
    "The minister called on the Ostlandic people to reject the rebels.",
    "Kelmar urged Ostland to withdraw its troops.",
])
def test_a_request_of_a_party_or_a_people_named_stays(nlp, text):
    assert [t[0] for t in triggers(nlp, text)] == ["REQUEST"]


@pytest.mark.parametrize("text", [
    # words of blame any speaker may use, said of a party's act
    "The senator said the council's decision was deplorable.",
    "Kelmar said the new sanctions were unlawful and counterproductive.",
    "The opposition called the budget hypocritical.",
])
def test_words_of_blame_reported_are_disapproval(nlp, text):
    assert [t[0] for t in triggers(nlp, text)] == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    # what is won in a vote or a contest, or caught on film, is neither ground nor a captive
    "The moment was captured on camera by a passer-by in Kelmar.",
    "The ruling party captured 40 percent of the vote.",
    "The opposition captured a majority of seats in the assembly.",
    "The film captured the mood of the marchers.",
])
def test_capturing_a_vote_a_mood_or_a_picture_is_no_event(nlp, text):
    assert triggers(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Rebels captured two soldiers near Kelmar.", [("COERCE", "arrest", "captured")]),
    ("Rebels captured the town of Kelmar.", [("FIGHT", "occupy", "captured")]),
])
def test_capturing_people_or_ground_stays(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # measures put on a party with other verbs than "impose"
    ("The EU slapped sanctions on Westria.", [("SANCTION", "slapped sanctions")]),
    ("Washington levied new sanctions on three Westrian banks.", [("SANCTION", "levied new sanctions")]),
    ("The bloc tightened its sanctions against Westria.", [("SANCTION", "tightened its sanctions")]),
    ("The government renewed the state of emergency in Kelmar.", [("COERCE", "renewed the state of emergency")]),
])
def test_measures_slapped_levied_tightened_or_renewed(nlp, text, expected):
    assert [(t, w) for t, _, w in triggers(nlp, text)] == expected


def test_tightening_security_is_still_a_raised_alert(nlp):
    assert triggers(nlp, "Police tightened security around the stadium.") == [("MOBILIZE", "police", "tightened")]


@pytest.mark.parametrize("text", [
    # what someone does as a rule is no one act
    "The militia sometimes attacks convoys on the northern road.",
    "Border guards typically detain migrants at the crossing.",
    "Ostland has always opposed the sanctions.",
])
def test_acts_done_as_a_rule_are_no_event(nlp, text):
    assert triggers(nlp, text) == []


@pytest.mark.parametrize("text", [
    # a fight with an outbreak, a drought or a rival firm, and a ball shot, harm no one
    "The city is battling a flu outbreak.",
    "The province is fighting a cholera outbreak in its camps.",
    "The airline slashed fares to fight off competition.",
    "The striker shot the ball into the net in the last minute.",
])
def test_fights_with_ills_and_rivals_and_balls_shot_are_no_violence(nlp, text):
    assert triggers(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # the subject stands before "be to", "be due to", "be expected to", "be set to": the talks are
    # what is to go on
    ("Talks between Tarvo and Kelmo were to continue on Monday.", [("CONSULT", None, "Talks")]),
    ("Negotiations with the rebels are expected to resume in Dalo next week.", [("CONSULT", None, "Negotiations")]),
    ("The two delegations' talks were due to continue on Tuesday.", [("CONSULT", None, "talks")]),
    ("Talks between the army and the rebels are set to begin on Friday.", [("CONSULT", None, "Talks")]),
])
def test_an_event_noun_raised_before_be_to_or_due_to_is_still_the_subject_of_its_verb(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # a guess, or a noun no verb of its own takes, tells no act
    "Talks between Tarvo and Kelmo were likely to fail.",
    "Talks between Tarvo and Kelmo were a waste of time.",
])
def test_talks_only_guessed_at_or_described_are_no_event(nlp, text):
    assert triggers(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # a state, a ministry or a party standing against a party or its act: disapproval (CAMEO 11),
    # in the passive too
    ("The Kelmo government strongly opposed the deployment of Tarvo troops.", [("ACCUSE", "disapprove", "opposed")]),
    ("The border plan was opposed by the Tarvo foreign ministry.", [("ACCUSE", "disapprove", "opposed")]),
    ("The Dalo opposition party opposes the new election law.", [("ACCUSE", "disapprove", "opposes")]),
])
def test_opposing_is_disapproval_by_a_party_of_politics(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # what residents, neighbours or a pronoun think of a local plan is no party's act
    "Residents opposed the new zoning plan at the town meeting.",
    "Many neighbours oppose the proposed parking garage.",
    "She is opposed to the death penalty.",
])
def test_opposing_by_people_of_no_party_is_no_event(nlp, text):
    assert triggers(nlp, text) == []


def test_a_passive_opposition_has_its_agent_as_the_source(nlp):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    (ev,) = pipe.extract("The border plan was opposed by the Tarvo foreign ministry on Monday.", published="2021-05-05")
    assert ev.type == "ACCUSE" and ev.source is not None and "ministry" in ev.source.text


@pytest.mark.parametrize("text, expected", [
    # a measure a state lifts, eases or relaxes is given up (CAMEO 081/085: RETREAT), never the
    # measure imposed again
    ("The Kelmo government lifted the curfew in Dalo on Monday.", [("RETREAT", None, "lifted")]),
    ("Tarvo lifted its sanctions against Kelmo banks.", [("RETREAT", None, "lifted")]),
    ("The Tarvo government lifted martial law after three months.", [("RETREAT", None, "lifted")]),
    ("The cabinet relaxed the lockdown in the capital.", [("RETREAT", None, "relaxed")]),
    ("The ministry eased the travel ban on Kelmo citizens.", [("RETREAT", None, "eased")]),
])
def test_a_measure_lifted_or_eased_is_a_retreat(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_a_blockade_the_police_lift_is_still_the_protest_they_broke_up(nlp):
    assert triggers(nlp, "Police lifted the blockade the students had set up.") == [("PROTEST", "obstruct", "lifted the blockade")]


@pytest.mark.parametrize("text, expected", [
    # the parser may make a participle said of the wanted noun a clause of its own, with the noun as
    # its subject: the noun is still what is wanted, as it is what is demanded
    ("The Kelmo government also wanted the release of its soldiers taken hostage by the rebels.", [("REQUEST", None, "wanted")]),
    ("Kelmo demanded the release of its soldiers taken hostage by the rebels.", [("REQUEST", None, "demanded")]),
])
def test_what_is_wanted_is_the_noun_a_participle_is_said_of(nlp, text, expected):
    assert triggers(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # praise given a party or its act, by naming it or in what is said, is a SUPPORT (CAMEO 051),
    # as blame given so is an ACCUSE
    ("The Kelmo envoy described the ministry's proposal as a breakthrough.", [("SUPPORT", None, "described")]),
    ("The opposition leader called the government's decision a major step forward.", [("SUPPORT", None, "called")]),
    ("The Tarvo minister said the army's offer was a step forward.", [("SUPPORT", None, "said")]),
    ("The Kelmo minister said the Tarvo government's stand on the refugees is appreciated.", [("SUPPORT", None, "said")]),
    ("The president said the decision by the rebels was a sign of real progress.", [("SUPPORT", None, "said")]),
    # praise of no party's act, or praise denied
    ("The mayor called the new park a great success.", []),
    ("The coach described the win as a big step forward.", []),
    ("The Tarvo minister said the army's offer was not a step forward.", []),
    ("The minister said the rain was welcome after the drought.", []),
])
def test_praise_of_a_party_or_its_act_is_support(nlp, text, expected):
    assert triggers(nlp, text) == expected


def test_praise_said_of_a_partys_act_is_support_for_that_party(nlp):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    (ev,) = pipe.extract("The Kelmo minister said the Tarvo government's stand on the refugees is appreciated.",
                         published="2021-05-05")
    assert ev.type == "SUPPORT" and ev.target is not None and "government" in ev.target.text


@pytest.mark.parametrize("text", [
    # talks named as the setting of an act, held to end a war or save a truce or a deal, are a
    # meeting of diplomacy though the text does not say with whom
    "In talks to save the truce, the rebels offered to free the prisoners.",
    "In talks to end the war, the government agreed to release the prisoners.",
    "During talks aimed at a ceasefire deal, the Kelmo envoy offered to reopen the border.",
])
def test_talks_held_to_settle_a_war_or_a_deal_are_a_meeting_of_diplomacy(nlp, text):
    assert ("CONSULT", "talks") in [(t, x) for t, _, x in triggers(nlp, text)]


@pytest.mark.parametrize("text", [
    # talks to buy a firm and a meeting at a school are no diplomacy
    "In talks to buy the company, the firm offered a higher price.",
    "During a meeting at the school, the principal announced the new rules.",
])
def test_a_setting_meeting_of_no_diplomacy_needs_its_other_side(nlp, text):
    assert "CONSULT" not in [t for t, _, _ in triggers(nlp, text)]


def test_talks_held_to_save_a_truce_are_a_record_with_no_other_side_named(nlp):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    events = pipe.extract("In talks to save the truce, the rebels offered to free the prisoners.", published="2021-05-05")
    talks = [e for e in events if e.type == "CONSULT"]
    assert len(talks) == 1 and talks[0].source is not None and talks[0].source.sector == "rebels"


@pytest.mark.parametrize("text, source, target", [
    # an act laid at a party's door is an accusation of that party, not of the act; signs that
    # point at a party accuse it through the one who says so
    ("The minister attributed the bombing to the Kelmo Front.", "minister", "Kelmo Front"),
    ("All indications point to the Kelmo Front, the minister said.", "minister", "Kelmo Front"),
    ("The evidence points to the rebels, police said.", "police", "rebels"),
])
def test_an_act_laid_at_a_partys_door_accuses_that_party(nlp, text, source, target):
    from eventwire.coder import Coder
    from eventwire.pipeline import Pipeline

    pipe = Pipeline(coder=Coder(classifier=None))
    (ev,) = pipe.extract(text, published="2021-05-05")
    assert ev.type == "ACCUSE" and source in ev.source.text and target in ev.target.text


@pytest.mark.parametrize(
    "text, expected",
    [
        # the speaker's own side, told by a possessive, by "they", or by a word of the speaker's phrase
        ("The rebel commander warned that his fighters would storm Tarvo.", ["THREATEN"]),
        ("The insurgents warned that they would bomb the council offices in Dalo.", ["THREATEN"]),
        ("The militia chief warned that militia units would attack the garrison at Kelmo.", ["THREATEN"]),
        # a state's forces told bare are its officials' own
        ("The defence minister warned that the army would attack the rebel camps near Tarvo.", ["THREATEN"]),
        # others' acts warned of stay a report of them
        ("Analysts warned that the militia would attack the capital.", ["ASSAULT"]),
        ("The opposition leader warned that the army would attack the protesters in Dalo.", ["ASSAULT"]),
    ],
)
def test_a_warning_of_what_ones_own_side_will_do_is_a_threat(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister said the army would strike back if attacked.", ["THREATEN"]),
        ("The rebel spokesman said their fighters would attack the garrison unless the prisoners were freed.", ["THREATEN"]),
        ("The general said his troops would retaliate if the rebels moved on Kelmo.", ["THREATEN"]),
        # no condition: a plan told, the act itself (future)
        ("The minister said the army would shell the rebel positions near Tarvo on Monday.", ["FIGHT"]),
        # another's act on a condition is no threat of the speaker's
        ("The mayor said the rebels would attack Tarvo if the army left.", ["ASSAULT"]),
    ],
)
def test_what_ones_own_side_would_do_if_provoked_is_a_threat(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The rebels denied responsibility for the bombing.", ["REJECT"]),
        ("The interior ministry denied any involvement in the raid on the newspaper.", ["REJECT"]),
        ("A government spokesman denied any role in the disappearance of the activist.", ["REJECT"]),
        ("The interior ministry denied any wrongdoing in the award of the arms contract.", ["REJECT"]),
        ("The militia denied blame for the massacre.", ["REJECT"]),
        # a suspect's or a firm's denial is a court or business story
        ("The suspect denied any involvement in the robbery.", []),
        ("The company denied responsibility for the spill.", []),
        ("The mayor denied any wrongdoing.", []),
    ],
)
def test_a_party_that_denies_its_part_in_an_act_rejects_the_charge(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the holder of a post dismissed is sacked: no rejection of anything said or asked
        ("The president dismissed three governors in March.", []),
        ("The council has the power to appoint and dismiss judges.", []),
        # what was said or asked, dismissed, is rejected
        ("The ministry dismissed the opposition's demands as unrealistic.", ["REJECT"]),
        ("The rebels dismissed the proposal for talks in Kelmo.", ["REJECT"]),
    ],
)
def test_dismissing_an_official_is_no_rejection(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, mode",
    [
        # what is threatened says the threat's mode ...
        ("Velaria threatened to cut gas supplies to Dorland if the talks fail.", "relations"),
        ("The government threatened to arrest the strike leaders.", "arrest"),
        ("Dorland threatened to expel the Velarian ambassador.", "expel"),
        ("The government threatened to impose a curfew in Kelmo.", "restrict"),
        ("The militia threatened to kill the hostages.", "violence"),
        # ... and a threat of what it does not say has none
        ("The president warned Dorland of serious consequences.", None),
        ("The president warned that there would be serious consequences if the border stayed closed.", None),
    ],
)
def test_a_threat_s_mode_is_what_it_threatens(nlp, text, mode):
    assert [(t, m) for t, m, _ in triggers(nlp, text)] == [("THREATEN", mode)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the same doers, two kinds of assault on two objects: a rape or an abduction beside an attack
        ("Rebel gunmen shot the guards and raped two nurses in Dalo.", [("ASSAULT", "firearms"), ("ASSAULT", "sexual")]),
        ("Soldiers beat the villagers and raped several women near Tarvo.", [("ASSAULT", "beat"), ("ASSAULT", "sexual")]),
        ("Gunmen beat the driver and kidnapped two passengers near Tarvo.", [("ASSAULT", "beat"), ("ASSAULT", "abduct")]),
    ],
)
def test_joined_acts_of_two_kinds_are_two_acts(nlp, text, expected):
    assert [(t, mode) for t, mode, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the village and killed three farmers near Dalo.",  # an act and its outcome
        "The army shelled the rebel positions and bombed their supply depot near Kelmo.",  # one fight, two weapons
    ],
)
def test_joined_wordings_of_one_fight_or_attack_stay_one_act(nlp, text):
    assert len(triggers(nlp, text)) == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        # a gerund subject of an event verb is the act's noun, even where the tagger made it a verb
        ("On 2 March 2021, fighting between the army and rebels near Dalo resulted in five deaths.", ["FIGHT"]),
        ("Looting by unpaid soldiers was reported across the market district of Tarvo.", ["ASSAULT"]),
        # (a gerund with an object of its own is an act of the verb, or none)
        ("Fighting corruption is the new minister's first task.", []),
    ],
)
def test_a_gerund_subject_is_the_acts_noun(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # executed is done to whoever the object is, a person the data knows or not
        ("Insurgents executed a village elder outside Dalo on Sunday.", ["ASSAULT"]),
        ("The militia executed two deserters in the main square of Tarvo.", ["ASSAULT"]),
        # not what is carried out
        ("Officers executed a search warrant at the flat on Friday.", []),
        ("The ministry executed its debt swap plan ahead of schedule.", []),
    ],
)
def test_executed_is_done_to_whoever_the_object_is(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a life lost in an act is a death in it, as "died in" is
        ("Two border guards lost their lives in an ambush outside Dalo.", ["FIGHT"]),
        ("A nurse lost her life in the shelling of the Tarvo clinic.", ["FIGHT"]),
        # (a life lost in an accident or a blaze is no act)
        ("Two firefighters lost their lives in the warehouse blaze.", []),
    ],
)
def test_a_life_lost_in_an_act_is_a_death_in_it(nlp, text, expected):
    assert [t for t, _, _ in triggers(nlp, text)] == expected


@pytest.mark.parametrize("text", [
    "Farmers blocked the motorway every Friday in the harvest season.",
    "Residents marched to the governor's office each week over the water cuts.",
])
def test_an_act_told_of_every_week_is_a_habit_not_one_act(nlp, text):
    assert triggers(nlp, text) == []


def test_an_act_told_once_is_still_one(nlp):
    assert [t for t, _, _ in triggers(nlp, "Militants killed two guards at the mine on Sunday.")] == ["ASSAULT"]


def test_an_offer_or_a_plan_called_wanting_is_a_disapproval(nlp):
    for text in ("The nurses' union called the pay offer inadequate.",
                 "Fishing crews called the new quota rules unworkable on Tuesday.",
                 "The ministry described the allegations as baseless."):  # ("as" read as the adjective's adverb)
        assert [(t, m) for t, m, _ in triggers(nlp, text)] == [("ACCUSE", "disapprove")], text
    # a name that finds nothing wanting is none
    assert triggers(nlp, "The coach called the result a fair one.") == []
