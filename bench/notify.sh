#!/usr/bin/env bash
# Matching subscribers against a newly published breach: seeds SUBSCRIPTIONS verified subscriptions
# straight into PostgreSQL (a fresh embedded server under BENCH_DIR) and matches a synthetic breach of
# ENTRIES account hashes against them through the production code path (keyed hashing, batched
# lookups, ledger and outbox). Prints the time next to a reference measured in the same run: reading
# the breach file and computing the keyed hash of every account on one thread, without the database.
#
#   bench/notify.sh [SUBSCRIPTIONS] [ENTRIES]      defaults: 1000000 10000000 (the target: under 60 s)
#
# Settings: BENCH_DIR (default /tmp/leakwatch-notify-bench), HEAP (default 1g), THREADS (match threads,
# default 2), BATCH (hashes per lookup, default 4096), IN_BREACH (share of subscriptions in the breach,
# default 0.01). Needs only the JDK; the packaged jar is built if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIPTIONS=${1:-1000000}
ENTRIES=${2:-10000000}
WORK=${BENCH_DIR:-/tmp/leakwatch-notify-bench}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

rm -rf "$WORK/data" && mkdir -p "$WORK"
echo "== $SUBSCRIPTIONS subscriptions against a breach of $ENTRIES account hashes ($(nproc) cores)"
LEAKWATCH_DATA_DIR="$WORK/data" \
LEAKWATCH_NOTIFY_HASH_KEY="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
LEAKWATCH_NOTIFY_MATCH_THREADS=${THREADS:-2} LEAKWATCH_NOTIFY_MATCH_BATCH_SIZE=${BATCH:-4096} \
  java -Xmx${HEAP:-1g} -jar "$JAR" notify-benchmark --subscriptions "$SUBSCRIPTIONS" --breach-entries "$ENTRIES" \
       --in-breach "${IN_BREACH:-0.01}" --work-dir "$WORK" 2>&1 | grep -v '^[0-9:]* \(INFO\|WARN\)' | sed 's/^/  /'
