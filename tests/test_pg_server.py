"""The throwaway PostgreSQL + PostGIS test server starts and answers spatial queries."""

import pytest


def _connect(url):
    psycopg = pytest.importorskip("psycopg")
    # psycopg takes a libpq URL; drop SQLAlchemy's "+psycopg" driver tag.
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1), connect_timeout=10)


def test_url_is_sqlalchemy_psycopg_on_loopback(postgres_url):
    assert postgres_url.startswith("postgresql+psycopg://eventwire@127.0.0.1:")
    assert postgres_url.endswith("/eventwire")


def test_postgis_version(postgres_url):
    with _connect(postgres_url) as conn:
        (version,) = conn.execute("SELECT PostGIS_Version()").fetchone()
    assert version and version[0].isdigit()


def test_st_dwithin_geography(postgres_url):
    # (41.23, 37.05) and (41.3, 37.1) are about 8.4 km apart: within 25 km, not within 5 km.
    with _connect(postgres_url) as conn:
        near, far = conn.execute(
            "SELECT ST_DWithin(ST_MakePoint(41.23, 37.05)::geography, ST_MakePoint(41.3, 37.1)::geography, 25000),"
            "       ST_DWithin(ST_MakePoint(41.23, 37.05)::geography, ST_MakePoint(41.3, 37.1)::geography, 5000)"
        ).fetchone()
    assert near is True
    assert far is False


def test_new_database_has_postgis(postgres_server):
    url = postgres_server.new_database()
    assert url != postgres_server.url
    with _connect(url) as conn:
        assert conn.execute("SELECT extname FROM pg_extension WHERE extname = 'postgis'").fetchone() == ("postgis",)


def test_sqlalchemy_url_connects(postgres_url):
    sqlalchemy = pytest.importorskip("sqlalchemy")
    engine = sqlalchemy.create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sqlalchemy.text("SELECT ST_AsText(ST_MakePoint(1, 2))")).scalar() == "POINT(1 2)"
    finally:
        engine.dispose()
