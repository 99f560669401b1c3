#!/usr/bin/env bash
# Make sure a PostgreSQL server (initdb, pg_ctl) and the PostGIS extension are
# installed, so the test suite can run its PostgreSQL + PostGIS variant.
# Idempotent: does nothing when both are already there. Installs them with
# apt-get only when run as root on a machine that has apt-get; otherwise it
# says what is missing and exits 0 (the PostgreSQL tests then skip with a reason).
set -u

PG_PACKAGES="postgresql postgresql-15-postgis-3"

have_server() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
            return 0
        fi
    done
    command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

have_postgis() {
    local f
    for f in /usr/share/postgresql/*/extension/postgis.control; do
        [ -f "$f" ] && return 0
    done
    # A server installed elsewhere (e.g. from source) keeps its extensions
    # under its own share dir.
    if command -v pg_config >/dev/null 2>&1; then
        [ -f "$(pg_config --sharedir 2>/dev/null)/extension/postgis.control" ] && return 0
    fi
    return 1
}

if have_server && have_postgis; then
    exit 0
fi

missing=""
have_server || missing="PostgreSQL server (initdb/pg_ctl)"
have_postgis || missing="${missing:+$missing and }PostGIS extension"

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_postgres: $missing not installed and cannot install it here" \
         "(needs root and apt-get: apt-get install $PG_PACKAGES)." \
         "PostgreSQL tests will be skipped." >&2
    exit 0
fi

echo "ensure_postgres: installing $PG_PACKAGES ($missing missing)..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >/dev/null; then
    echo "ensure_postgres: apt-get update failed; PostgreSQL tests will be skipped." >&2
    exit 0
fi
if ! apt-get install -y -qq --no-install-recommends $PG_PACKAGES >/dev/null; then
    echo "ensure_postgres: apt-get install $PG_PACKAGES failed;" \
         "PostgreSQL tests will be skipped." >&2
    exit 0
fi

if have_server && have_postgis; then
    echo "ensure_postgres: PostgreSQL and PostGIS installed." >&2
else
    echo "ensure_postgres: install finished but $missing still not found;" \
         "PostgreSQL tests will be skipped." >&2
fi
exit 0
