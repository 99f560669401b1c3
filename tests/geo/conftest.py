import pytest


@pytest.fixture(scope="module")
def backend():
    """The spaCy backend the geoparsing tests parse their own sentences with."""
    from eventwire.document import SpacyBackend

    return SpacyBackend()


@pytest.fixture(scope="module")
def geoparser():
    from eventwire.geo.geoparse import Geoparser

    return Geoparser()
