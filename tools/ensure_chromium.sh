#!/usr/bin/env bash
# Make sure Debian's Chromium is installed at /usr/bin/chromium, so the browser
# tests of the map page (tests/web/test_page.py, driven by Playwright) can run.
# Idempotent: does nothing when it is already there. Installs it with apt-get
# only when run as root on a machine that has apt-get; otherwise it says why
# and exits 0 (the browser tests then skip with a reason).
# Playwright's own browser download ("playwright install") is never used.
set -u

CHROMIUM=/usr/bin/chromium
PACKAGES="chromium"

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: $CHROMIUM not installed and cannot install it here" \
         "(needs root and apt-get: apt-get install $PACKAGES)." \
         "Browser tests will be skipped." >&2
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
updated=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Quiet: apt's output goes to a log that is shown only when a step fails.
update() {
    echo "ensure_chromium: apt-get update..." >&2
    updated=1
    apt-get update -qq >"$log" 2>&1 || { tail -n 20 "$log" >&2; return 1; }
}
install() {
    apt-get install -y -qq --no-install-recommends $PACKAGES >"$log" 2>&1 || { tail -n 20 "$log" >&2; return 1; }
}

# Refresh the package lists only when apt does not know the package yet.
if ! apt-cache show $PACKAGES >/dev/null 2>&1; then
    if ! update; then
        echo "ensure_chromium: apt-get update failed; browser tests will be skipped." >&2
        exit 0
    fi
fi

echo "ensure_chromium: installing $PACKAGES..." >&2
# Stale package lists can name files the mirror no longer has: update once and retry.
if ! install && ! { [ "$updated" -eq 0 ] && update && install; }; then
    echo "ensure_chromium: apt-get install $PACKAGES failed; browser tests will be skipped." >&2
    exit 0
fi

if [ -x "$CHROMIUM" ]; then
    echo "ensure_chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed." >&2
else
    echo "ensure_chromium: install finished but $CHROMIUM still not found;" \
         "browser tests will be skipped." >&2
fi
exit 0
