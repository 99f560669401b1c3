"""Floors under the headline figures on real text (../shared/data, read where it lies).

Each floor sits a few points below the figure measured when it was set (README, "Quality
on real text"), so a regression fails CI. Skipped, with the reason, where shared/ is absent.
"""

import pytest

from eventwire.evaluation.corpus import shared_data
from eventwire.evaluation.run import ACLED_FILE, LGL_FILE, PETRARCH_FILE, TRNEWS_FILE


def _need(*names):
    missing = [n for n in names if shared_data(n) is None]
    if missing:
        pytest.skip(f"real-text data not here ({', '.join(missing)}): put the team's shared/ beside the project")


@pytest.fixture(scope="module")
def acled():
    _need(ACLED_FILE, LGL_FILE)
    from eventwire.evaluation import run

    return run.acled(None)[1]


# The test fold's figures below the line were set on 2026-11-29's third build, from a classifier
# that averages five runs. One run's test figures depended on its seed far more than on the rules:
# over five seeds, notes with an event 77-90 %, date exact 73-86 %; the seed shipped before was the
# 90 % one. Dev figures moved by under a point with the seed.


def test_acled_sub_event_type_on_unseen_countries(acled):
    # measured 2026-11-29, seventh build: learned dev 0.801, test 0.609; rules alone 0.748 / 0.524
    # (sixth build: 0.778 / 0.592, rules 0.731 / 0.498; fifth build: 0.758 / 0.577, rules 0.644 / 0.477; fourth build: 0.754 / 0.579, rules 0.641 / 0.478)
    # (third build: 0.755 / 0.588, rules 0.615 / 0.474; first build: 0.751 / 0.582; 2026-11-28: 0.696 / 0.520)
    assert acled["learned dev"]["sub_event_weighted_f1"] >= 0.78
    assert acled["learned test"]["sub_event_weighted_f1"] >= 0.58
    assert acled["rules dev"]["sub_event_weighted_f1"] >= 0.72
    assert acled["rules test"]["sub_event_weighted_f1"] >= 0.50
    # the classifier must keep adding to the rules (+0.053 in the seventh build, +0.11 before the
    # rules read the classes they missed)
    assert acled["learned dev"]["sub_event_weighted_f1"] > acled["rules dev"]["sub_event_weighted_f1"] + 0.04


def test_acled_dates_and_fatalities(acled):
    # measured 2026-11-29, the annealed classifier (bench/classifier_stability.py: far steadier between
    # builds on dev): date exact 0.965 dev / 0.754 test, fatalities exact 0.860 / 0.746, the test
    # fold's notes with an event 77.2 % (the seventh build's 88 % was the high end of its seed range)
    # seventh build: date exact 0.968 dev / 0.868 test; fatalities exact 0.862 / 0.853
    # (a note's top event a fight before the seizure that followed it); sixth build: 0.963 / 0.845, 0.861 / 0.853
    # (the test fold's notes with an event 78.7 -> 88.0 % when the classifier's own events moved
    # from the reporting verb to what was reported); fifth build: 0.955 / 0.728, 0.857 / 0.738
    # (fourth build: 0.951 / 0.717, 0.856 / 0.729)
    # (third build: 0.950 / 0.757, 0.856 / 0.766: the test fold's share of notes with an event fell
    # 79.2 -> 75.5 % with a change of the rules' trigger hints, within its seed range)
    # (the first build's 0.862 / 0.870 on test came from a lucky seed, see above; the test fold's
    # figures follow how many notes get an event)
    dev, test = acled["learned dev"]["fields"], acled["learned test"]["fields"]
    assert dev["date_exact"]["accuracy"] >= 0.95 and test["date_exact"]["accuracy"] >= 0.72
    assert dev["fatalities_exact"]["accuracy"] >= 0.84 and test["fatalities_exact"]["accuracy"] >= 0.72


def test_acled_places_and_actors(acled):
    # measured 2026-11-29, the actors of issue 10 (ACLED's conventions for an actor 2 the text does
    # not name, whom a repelled attack or a weapon's fire was on, both sides one phrase names, roles
    # as of the day it happened): actor 1 country 0.868 / 0.779, inter 0.782 / 0.503; actor 2 inter
    # 0.631 / 0.254, actor 2 country 0.780 / 0.560 (places unchanged). Seventh build: place within
    # 25 km 0.680 dev / 0.519 test, admin1 0.726 / 0.616; actor 1 country 0.868 / 0.779, inter 0.752 /
    # 0.503; actor 2 inter 0.477 / 0.166, actor 2 country 0.646 / 0.375. Sixth build: place within 25 km 0.652 dev / 0.479 test, admin1 0.711 / 0.569;
    # measured 2026-11-29, seventh build after the place-s12 work (an event known only to its province at
    # the province's biggest town, as ACLED codes it to the capital; parts, neighbourhoods, roads and
    # local division words read as places of their town; namesakes outside the sentence's setting dropped;
    # the lead's demonyms when no country is named): place within 25 km 0.713 dev / 0.536 test, admin1
    # 0.738 / 0.616; actor 1 country 0.881 / 0.778 (rules alone: place 0.690 / 0.466, admin1 0.715 / 0.531).
    # Before it, seventh build: place within 25 km 0.680 dev / 0.519 test, admin1 0.726 / 0.616;
    # actor 1 country 0.868 / 0.779, inter 0.752 / 0.503; actor 2 inter 0.477 / 0.166, actor 2 country
    # 0.646 / 0.375. Sixth build: place within 25 km 0.652 dev / 0.479 test, admin1 0.711 / 0.569;
    # actor 1 country 0.859 / 0.743, inter 0.735 / 0.466; actor 2 inter 0.454 / 0.166, actor 2 country
    # 0.632 / 0.377 (a clash's unnamed side now an unidentified armed group: 0.526 -> 0.635 dev).
    # Fifth build: place within 25 km 0.622 dev / 0.457 test, admin1 0.700 / 0.543
    # (admin1 now scored by the division a name denotes, not its spelling: 0.610 -> 0.696 dev by that
    # alone); actor 1 country 0.855 / 0.673, inter 0.721 / 0.463; actor 2 inter 0.440 / 0.158.
    # Fourth build: place within 25 km 0.610 dev / 0.445 test, admin1 0.610 / 0.526;
    # actor 1 country 0.838 / 0.662, inter 0.716 / 0.453; actor 2 inter 0.434 / 0.152.
    # Third build (five runs averaged): place within 25 km 0.605 dev / 0.459 test,
    # admin1 0.608 / 0.541; actor 1 country 0.834 / 0.689, inter 0.697 / 0.464 (the place rules with one
    # run of the lucky seed: 0.603 / 0.479, 0.606 / 0.565, 0.831 / 0.752); (second build: place 0.589 / 0.470, admin1
    # 0.592 / 0.551, actor 1 country 0.815 / 0.742; first build: place 0.550 / 0.408, admin1
    # 0.540 / 0.437, actor 1 country 0.760 / 0.574, inter 0.692 / 0.452; 2026-11-28: 0.470 / 0.318;
    # 0.655 / 0.480; 0.431 / 0.248)
    dev, test = acled["learned dev"]["fields"], acled["learned test"]["fields"]
    assert dev["place_25km"]["accuracy"] >= 0.70 and test["place_25km"]["accuracy"] >= 0.52
    assert dev["admin1"]["accuracy"] >= 0.725 and test["admin1"]["accuracy"] >= 0.60
    assert dev["actor1_country"]["accuracy"] >= 0.85 and test["actor1_country"]["accuracy"] >= 0.75
    assert dev["actor1_inter"]["accuracy"] >= 0.76 and test["actor1_inter"]["accuracy"] >= 0.48
    assert dev["actor2_inter"]["accuracy"] >= 0.61 and dev["actor2_country"]["accuracy"] >= 0.76
    assert test["actor2_inter"]["accuracy"] >= 0.22 and test["actor2_country"]["accuracy"] >= 0.52


def test_trnews_events():
    _need(TRNEWS_FILE)
    from eventwire.evaluation import run

    figures = run.trnews(None)[1]
    # measured 2026-11-29 on all 118 articles, seventh build: typed F1 0.506 dev / 0.267 test (learned),
    # detection F1 0.591 / 0.436, date exact 0.860 / 0.880; sixth build: typed F1 0.506 dev / 0.257 test;
    # detection F1 0.591 / 0.436; date exact 0.860 / 0.880 (a day stays in its paragraph: 0.487 /
    # 0.692 before); deduplication B-cubed F1 0.889 over all articles (fifth build: 0.467 / 0.266,
    # 0.557 / 0.443, 0.897; third build: 0.423 / 0.259, 0.520 / 0.426, 0.902; first build: 0.421 /
    # 0.247, 0.518 / 0.420)
    dev, test = figures["learned dev"], figures["learned test"]
    assert dev["typed_f1"] >= 0.48 and test["typed_f1"] >= 0.24
    assert dev["detection_f1"] >= 0.57 and test["detection_f1"] >= 0.41
    assert dev["fields"]["date_exact"]["accuracy"] >= 0.83 and test["fields"]["date_exact"]["accuracy"] >= 0.84
    assert figures["dedup"]["all"]["clusters_in_several_articles"] == 6 and figures["dedup"]["all"]["bcubed_f1"] >= 0.85


def test_petrarch_plover_types():
    _need(PETRARCH_FILE)
    from eventwire.evaluation import run

    figures = run.petrarch(None)[1]
    # measured: 0.258 dev / 0.348 test
    assert figures["learned dev"]["plover_type_accuracy"] >= 0.23
    assert figures["learned test"]["plover_type_accuracy"] >= 0.30
