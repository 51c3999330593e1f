#!/usr/bin/env bash
# Refresh static/vendor/ from the npm registry (versions pinned in scripts/vendor.lock).
# The files are committed, so `make run` never needs npm; run `make vendor` to upgrade.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=static/vendor
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
for p in "$x"/*/package; do
  name=$(node -p "require('$p/package.json').name"); ver=$(node -p "require('$p/package.json').version")
  echo "$name $ver" >> "$dest/VERSIONS"
  cp "$p/LICENSE"* "$dest/$(echo "$name" | sed 's/htmx.org/htmx/;s/chart.js/chartjs/')/LICENSE" 2>/dev/null || true
done
echo "vendored into $dest:"; cat "$dest/VERSIONS"
