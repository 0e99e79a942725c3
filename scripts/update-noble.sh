#!/usr/bin/env bash
# Brings the browser's elliptic-curve library into src/main/resources/META-INF/resources/js/vendor/:
# @noble/curves and @noble/hashes at the exact versions pinned below, from the npm registry, each
# tarball checked against the sha512 integrity pinned here (npm view PACKAGE@VERSION dist.integrity).
#
# Only the ES modules that nist.js (p256_oprf, RFC 9497) imports, followed transitively, are kept,
# with each package's LICENSE. Bare "@noble/hashes/..." specifiers become relative paths, because the
# Content-Security-Policy (script-src 'self') rules out the inline import map a browser would need.
# Nothing else is changed; source maps and TypeScript sources are left out. Running the script again
# writes the same bytes, so `git status` after it shows whether the files are still as published.
#
# Needs npm and node; the build does not, because the vendored files are committed.
# Usage: scripts/update-noble.sh
set -euo pipefail
cd "$(dirname "$0")/.."

curves_version=2.4.0
curves_integrity='sha512-P4/62zrgfH33CneE3Dn4WhJVA22YUU0eR51wKIan4NVRvwsA0YnPTwWGpNbpuacSujmSFLvyzpyuR30+fbq2Ew=='
hashes_version=2.4.0
hashes_integrity='sha512-X5XaVWZIBCT7HHZGm5I7ZQXDwLG+bGXuSrMQAW+7Zvl87h1kmc1ZB1VSRJcpUfoUrGQp4Fkoxm5kZ+Ms+aW+eA=='
target=src/main/resources/META-INF/resources/js/vendor

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # package version integrity directory
  local tarball
  tarball=$(cd "$work" && npm pack --silent "$1@$2")
  local actual
  actual="sha512-$(node -e "process.stdout.write(require('crypto').createHash('sha512')
    .update(require('fs').readFileSync(process.argv[1])).digest('base64'))" "$work/$tarball")"
  if [[ "$actual" != "$3" ]]; then
    echo "INTEGRITY MISMATCH for $1@$2: expected $3, got $actual; nothing written" >&2
    exit 1
  fi
  mkdir -p "$work/$4"
  tar -xzf "$work/$tarball" -C "$work/$4" --strip-components=1
}
fetch @noble/curves "$curves_version" "$curves_integrity" curves
fetch @noble/hashes "$hashes_version" "$hashes_integrity" hashes

rm -rf "$target.tmp"
node - "$work" "$target.tmp" "$curves_version" "$curves_integrity" "$hashes_version" "$hashes_integrity" <<'JS'
const fs = require('fs');
const path = require('path');
const [work, out, curvesVersion, curvesIntegrity, hashesVersion, hashesIntegrity] = process.argv.slice(2);
const packages = {
  curves: { name: '@noble/curves', dir: 'noble-curves', version: curvesVersion, integrity: curvesIntegrity },
  hashes: { name: '@noble/hashes', dir: 'noble-hashes', version: hashesVersion, integrity: hashesIntegrity },
};
// Static imports and re-exports: `import ... from "x"`, `import "x"`, `export ... from "x"`.
// A dynamic import() would escape this walk, so one is refused rather than missed.
// Only at the start of a line, so that examples in comments are not taken for imports.
const specifiers = /^(?:import\s*|(?:import|export)\s[^;'"]*?\sfrom\s*)(['"])([^'"]+)\1/gm;

const wanted = new Map(); // "curves/nist.js" -> rewritten source
function visit(pkg, file) {
  const key = `${pkg}/${file}`;
  if (wanted.has(key)) return;
  wanted.set(key, null);
  const source = fs.readFileSync(path.join(work, pkg, file), 'utf8');
  if (/\bimport\s*\(/.test(source)) throw new Error(`${key} has a dynamic import`);
  const rewritten = source.replace(specifiers, (whole, quote, spec) => {
    let targetPkg;
    let targetFile;
    if (spec.startsWith('./') || spec.startsWith('../')) {
      targetPkg = pkg;
      targetFile = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    } else if (spec.startsWith('@noble/hashes/')) {
      targetPkg = 'hashes';
      targetFile = spec.substring('@noble/hashes/'.length);
    } else {
      throw new Error(`${key} imports ${spec}, which is neither relative nor @noble/hashes`);
    }
    if (!targetFile.endsWith('.js')) throw new Error(`${key} imports ${spec} without .js`);
    visit(targetPkg, targetFile);
    if (targetPkg === pkg) return whole;
    const from = path.posix.join(packages[pkg].dir, path.posix.dirname(file));
    let relative = path.posix.relative(from, path.posix.join(packages[targetPkg].dir, targetFile));
    if (!relative.startsWith('.')) relative = `./${relative}`;
    return whole.replace(`${quote}${spec}${quote}`, `${quote}${relative}${quote}`);
  });
  wanted.set(key, rewritten.replace(/^\/\/# sourceMappingURL=.*$\n?/gm, ''));
}
visit('curves', 'nist.js');

const lines = [];
for (const [key, source] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
  const [pkg, ...rest] = key.split('/');
  const file = path.join(out, packages[pkg].dir, ...rest);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, source);
  lines.push(`- \`${packages[pkg].dir}/${rest.join('/')}\``);
}
for (const pkg of Object.values(packages)) {
  const manifest = JSON.parse(fs.readFileSync(path.join(work, pkg === packages.curves ? 'curves' : 'hashes', 'package.json'), 'utf8'));
  if (manifest.version !== pkg.version || manifest.license !== 'MIT') {
    throw new Error(`${pkg.name}: version ${manifest.version}, licence ${manifest.license}`);
  }
  fs.copyFileSync(path.join(work, pkg === packages.curves ? 'curves' : 'hashes', 'LICENSE'), path.join(out, pkg.dir, 'LICENSE'));
}
fs.writeFileSync(path.join(out, 'README.md'), `# Vendored browser libraries

Written by \`scripts/update-noble.sh\`. **Never edit these files by hand**: change the pinned versions
in the script and run it again. Running it again writes the same bytes.

| package | version | licence | npm integrity (checked) |
|---|---|---|---|
| ${packages.curves.name} | ${packages.curves.version} | MIT (\`${packages.curves.dir}/LICENSE\`) | \`${packages.curves.integrity}\` |
| ${packages.hashes.name} | ${packages.hashes.version} | MIT (\`${packages.hashes.dir}/LICENSE\`) | \`${packages.hashes.integrity}\` |

Only the ES modules that \`noble-curves/nist.js\` (\`p256_oprf\`, RFC 9497) imports are kept, unchanged
except that bare \`@noble/hashes/...\` specifiers are rewritten to relative paths (the
Content-Security-Policy allows no inline import map). Source maps and TypeScript sources are left out.

${lines.join('\n')}
`);
JS
rm -rf "$target"
mv "$target.tmp" "$target"
echo "$(find "$target" -name '*.js' | wc -l) modules written to $target" >&2
