#!/usr/bin/env bash
# Refresh static/vendor/ from the npm registry (versions pinned in scripts/vendor.lock).
# The files are committed, so `make run` never needs npm; run `make vendor` to upgrade.
# axe-core is a test asset (the e2e accessibility gate injects it), so it goes to
# tests/e2e/assets/ rather than to the served static files.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=static/vendor
test_assets=tests/e2e/assets/axe-core
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
while read -r pkg version; do
  [ -z "$pkg" ] || [ "${pkg:0:1}" = "#" ] && continue
  (cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null)
done < scripts/vendor.lock
for t in "$tmp"/*.tgz; do mkdir -p "$tmp/x/$(basename "$t" .tgz)" && tar -xzf "$t" -C "$tmp/x/$(basename "$t" .tgz)"; done
rm -rf "$dest" && mkdir -p "$dest"/{bootstrap,bootstrap-icons/fonts,htmx,chartjs}
x=$tmp/x
cp "$x"/bootstrap-*/package/dist/css/bootstrap.min.css "$x"/bootstrap-*/package/dist/css/bootstrap.min.css.map "$dest/bootstrap/"
cp "$x"/bootstrap-*/package/dist/js/bootstrap.bundle.min.js "$x"/bootstrap-*/package/dist/js/bootstrap.bundle.min.js.map "$dest/bootstrap/"
cp "$x"/bootstrap-icons-*/package/font/bootstrap-icons.min.css "$dest/bootstrap-icons/"
cp "$x"/bootstrap-icons-*/package/font/fonts/bootstrap-icons.woff2 "$x"/bootstrap-icons-*/package/font/fonts/bootstrap-icons.woff "$dest/bootstrap-icons/fonts/"
cp "$x"/htmx.org-*/package/dist/htmx.min.js "$dest/htmx/"
# Source maps too: collectstatic (manifest storage) follows each sourceMappingURL comment.
cp "$x"/chart.js-*/package/dist/chart.umd.min.js "$x"/chart.js-*/package/dist/chart.umd.min.js.map "$dest/chartjs/"
rm -rf "$test_assets" && mkdir -p "$test_assets"
cp "$x"/axe-core-*/package/axe.min.js "$x"/axe-core-*/package/LICENSE "$test_assets/"
for p in "$x"/*/package; do
  name=$(node -p "require('$p/package.json').name"); ver=$(node -p "require('$p/package.json').version")
  if [ "$name" = axe-core ]; then echo "$name $ver" > "$test_assets/VERSION"; continue; fi
  echo "$name $ver" >> "$dest/VERSIONS"
  cp "$p/LICENSE"* "$dest/$(echo "$name" | sed 's/htmx.org/htmx/;s/chart.js/chartjs/')/LICENSE" 2>/dev/null || true
done
echo "vendored into $dest:"; cat "$dest/VERSIONS"; echo "test asset: $(cat "$test_assets/VERSION")"
