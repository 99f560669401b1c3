#!/usr/bin/env bash
# Rebuild src/eventwire/web/static/vendor/ from the npm packages pinned in
# web/package.json + web/package-lock.json: `npm ci` in web/, then copy ONLY
# the files the analyst's page loads (and the licences that go with them).
# The page then works offline: nothing is fetched from a CDN at run time.
# Needs node + npm and the npm registry; the copied files are committed, so
# running the page or the tests does not need this script.
set -euo pipefail
cd "$(dirname "$0")/.."

WEB=web
NM=$WEB/node_modules
OUT=src/eventwire/web/static/vendor

command -v npm >/dev/null 2>&1 || { echo "vendor_web: npm not found (apt-get install npm)" >&2; exit 1; }

(cd "$WEB" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

mkdir -p "$OUT/images"
# Leaflet 1.9.4: the UMD build, its stylesheet and the images the stylesheet uses.
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$OUT/"
cp "$NM/leaflet/dist/images/"*.png "$OUT/images/"
cp "$NM/leaflet/LICENSE" "$OUT/LICENSE.leaflet.txt"
# topojson-client: the minified UMD build (window.topojson).
cp "$NM/topojson-client/dist/topojson-client.min.js" "$OUT/"
cp "$NM/topojson-client/LICENSE" "$OUT/LICENSE.topojson-client.txt"
# world-atlas: Natural Earth 1:110m country outlines as TopoJSON.
cp "$NM/world-atlas/countries-110m.json" "$OUT/"
cp "$NM/world-atlas/LICENSE" "$OUT/LICENSE.world-atlas.txt"

for pkg in leaflet topojson-client world-atlas; do
    printf '%s %s\n' "$pkg" "$(node -p "require('./$NM/$pkg/package.json').version")"
done
echo "vendor_web: copied into $OUT:" >&2
(cd "$OUT" && find . -type f ! -name README.md | sort | sed 's/^/  /') >&2
