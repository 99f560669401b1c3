import pytest


@pytest.fixture(scope="session")
def coder():
    """The rules alone, as the coding tests read sentences written for them."""
    from eventwire.coder import Coder

    return Coder(classifier=None)
