import pytest


@pytest.fixture(scope="session")
def nlp():
    from eventwire.document import load_pipeline

    return load_pipeline()
