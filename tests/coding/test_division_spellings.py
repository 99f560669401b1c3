"""First-level divisions written as the press and ACLED's notes write them, not as GeoNames names them
(data/admin1_variants.tsv): a place the gazetteer lacks falls back to the division its qualifier
names. The villages are invented for these tests."""

import pytest

from eventwire.evaluation.acled import top_event
from coding_helpers import code


@pytest.mark.parametrize("text, country, admin1", [
    ("On 4 June 2021, farmers blocked the road into Kelmovac, Vojvodina, with tractors.", "SRB", "Autonomna Pokrajina Vojvodina"),
    # a Pennsylvanian town is called Mount Lebanon too: the soldiers say which is meant
    ("On 4 June 2021, Lebanese soldiers dispersed residents protesting in Ain Kelmoun (Mount Lebanon) against power cuts.",
     "LBN", "Mont-Liban"),
    ("On 4 June 2021, clan militias clashed in Kelmabaar village (Middle Shabelle) over grazing land.", "SOM", "Middle Shabele"),
    ("On 4 June 2021, unidentified gunmen shot dead a shopkeeper in Kelmo (Aljfara).", "LBY", "Sha`biyat al Jafarah"),
    ("On 4 June 2021, a grenade was thrown at a market stall in Dunval, Distrito Federal.", "MEX", "Mexico City"),
    ("On 4 June 2021, near Kelmo Daw village, Tarvo Township, Karen State, troops clashed with rebels.", "MMR", "Kayin"),
    # divisions GeoNames' towns carry the code of but no list names: a place there had no division at all
    ("On 4 June 2021, raiders stole cattle from a camp in Kelmo payam (Jonglei state) and killed a herder.", "SSD", "Jonglei"),
    ("On 4 June 2021, traders marched through the centre of Bamako against a new market tax.", "MLI", "Bamako"),
    ("On 4 June 2021, street vendors protested in Asunción over evictions.", "PRY", "Asuncion"),
    # a Philippine province, which GeoNames calls "Province of ...", by the name notes give it
    ("On 4 June 2021, soldiers clashed with rebels in Barangay Kelmo, Esperanza, Agusan del Sur.", "PHL", "Caraga"),
    ("On 4 June 2021, a vendor was shot dead in Barangay Kelmo, Trinidad, Bohol.", "PHL", "Central Visayas"),
])
def test_a_place_is_put_in_the_division_its_qualifier_spells_otherwise(nlp, coder, text, country, admin1):
    place = top_event(code(nlp, coder, text)).place
    assert (place.country, place.admin1) == (country, admin1)
