#!/usr/bin/env bash
# The OPRF stage of a publish: computing the 16-byte OPRF output of every account entry on every core,
# through the production path (io.leakwatch.oprf.OprfFiles.writeOutputs, as the generation build runs
# it: reading the account file, evaluating, writing the outputs file), against BouncyCastle's own bare
# evaluation loop (hashToCurve + multiply + normalize + encode + Finalize's SHA-256) over the same
# inputs in memory, one slice per core. Rounds alternate, every round is printed with its ratio (the
# target: >= 0.8x); then a publish that copies every output from the previous generation, the rendering
# of the bodies, and the extrapolation to the seeds' police database (two billion account entries),
# which is also the cost of a re-key.
#
#   bench/oprf.sh [ENTRIES] [BUCKETS] [ROUNDS]      defaults: 200000 100 3 (about 2,000 entries a bucket)
#
# Settings: BENCH_DIR (default target/bench-oprf), HEAP (default 1g). Needs only the JDK; the packaged
# jar is built if missing. No database is started.
set -euo pipefail
cd "$(dirname "$0")/.."
ENTRIES=${1:-200000}
BUCKETS=${2:-100}
ROUNDS=${3:-3}
WORK=${BENCH_DIR:-target/bench-oprf}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

mkdir -p "$WORK"
echo "== OPRF benchmark on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
java -Xmx${HEAP:-1g} -jar "$JAR" oprf-benchmark --entries "$ENTRIES" --buckets "$BUCKETS" --rounds "$ROUNDS" \
     --work-dir "$WORK" 2>&1 | grep -v '^[0-9:]* \(INFO\|WARN\)' | sed 's/^/  /'
