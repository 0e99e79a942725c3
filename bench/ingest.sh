#!/usr/bin/env bash
# Ingestion throughput: stage and publish 10 million sha1-count lines and 10 million accounts-csv rows
# (the generator's police-records: phone and national ID normalised per row) through the automation
# API of a portal running with a 1 GiB heap. A reference measured in the same run on the same file,
# sha1sum (read and hash every byte), gives each figure as a ratio too.
#
#   bench/ingest.sh [LINES]          default 10000000
#   FORMATS=sha1-count bench/ingest.sh 100000000    the 100-million-line file, staged within the same 1 GiB heap
#
# Needs: curl, python3, the packaged jar (built if missing). Settings: BENCH_DIR (/tmp/leakwatch-ingest-bench),
# FORMATS (default "sha1-count accounts-csv"; "credentials" adds the generator's credential dump, email,
# username and password per row, as accounts-csv), REUSE=1 to keep the input files of an earlier run of the same size.
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-10000000}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=${BENCH_DIR:-/tmp/leakwatch-ingest-bench}
PORT=18090
TOKEN=bench-token-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
FORMATS=${FORMATS:-sha1-count accounts-csv}
mkdir -p "$WORK" && rm -rf "$WORK/data"
# prepared FILE: true when REUSE=1 and FILE was made with $LINES lines by an earlier run
prepared() { [ "${REUSE:-}" = 1 ] && [ -f "$1" ] && [ "$(cat "$1.lines" 2>/dev/null)" = "$LINES" ]; }

for format in $FORMATS; do
  case $format in
    sha1-count) file=$WORK/sha1-count.txt ;;
    accounts-csv) file=$WORK/police.csv ;;
    credentials) file=$WORK/credentials.csv ;;
  esac
  if prepared "$file"; then echo "== reusing $file"; continue; fi
  echo "== preparing $LINES lines of $format"
  rm -f "$file" "$file.lines"
  case $format in
    sha1-count) python3 - "$file" "$LINES" <<'PY'
import os, random, sys
path, lines = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
with open(path, "w") as out:
    chunk = []
    for i in range(lines):
        chunk.append("%s:%d\n" % (os.urandom(20).hex().upper(), 1 + int(1 / (1 - rnd.random()) ** 1.5)))
        if len(chunk) == 100000:
            out.write("".join(chunk)); chunk = []
    out.write("".join(chunk))
PY
    ;;
    accounts-csv) java -jar "$JAR" generate --kind police-records --rows "$LINES" --seed 5 --out "$file" 2>/dev/null ;;
    credentials) java -jar "$JAR" generate --kind credential-dump --rows "$LINES" --seed 5 --out "$file" 2>/dev/null ;;
  esac
  echo "$LINES" >"$file.lines"
done

LEAKWATCH_DATA_DIR="$WORK/data" LEAKWATCH_DEMO_DATA=false LEAKWATCH_ADMIN_TOKEN=$TOKEN QUARKUS_HTTP_PORT=$PORT \
  QUARKUS_HTTP_ACCESS_LOG_ENABLED=false java -Xmx1g -jar "$JAR" >"$WORK/portal.log" 2>&1 &
PORTAL=$!
trap 'kill $PORTAL 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

api() { curl -sf -H "Authorization: Bearer $TOKEN" "$@"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
# The upload's state; "polling" when one poll fails (a long GC pause, a busy pool), so the loop retries.
state_of() { api "http://127.0.0.1:$PORT/api/admin/uploads/$1" 2>/dev/null | field state 2>/dev/null || echo polling; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$PORTAL/stat"; }

load() { # name format file
  local name=$1 format=$2 file=$3
  api -X POST -H 'Content-Type: application/json' \
    -d "{\"Name\":\"$name\",\"Title\":\"$name\",\"BreachDate\":\"2024-01-01\"}" "http://127.0.0.1:$PORT/api/admin/breaches" >/dev/null
  local cpu0 t0 id state tu t1 t2 cpu1 cpu2
  cpu0=$(cpu_seconds); t0=$(date +%s.%N)
  id=$(api -X POST -H 'Content-Type: application/octet-stream' -T "$file" \
    "http://127.0.0.1:$PORT/api/admin/breaches/$name/uploads?format=$format" | field id)
  tu=$(date +%s.%N)
  until state=$(state_of "$id"); [ "$state" != queued ] && [ "$state" != staging ] && [ "$state" != polling ]; do sleep 0.2; done
  t1=$(date +%s.%N); cpu1=$(cpu_seconds)
  [ "$state" = staged ] || { echo "upload ended $state"; api "http://127.0.0.1:$PORT/api/admin/uploads/$id"; exit 1; }
  api -X POST "http://127.0.0.1:$PORT/api/admin/uploads/$id/publish" >/dev/null
  until state=$(state_of "$id"); [ "$state" = published ]; do sleep 0.2; done
  t2=$(date +%s.%N); cpu2=$(cpu_seconds)
  local ref0 ref1
  ref0=$(date +%s.%N); sha1sum "$file" >/dev/null; ref1=$(date +%s.%N)
  local lines; lines=$(wc -l <"$file")
  python3 - "$name" "$format" "$lines" "$t0" "$tu" "$t1" "$t2" "$cpu0" "$cpu1" "$cpu2" "$ref0" "$ref1" "$(stat -c %s "$file")" <<'PY'
import sys
name, fmt, lines, t0, tu, t1, t2, c0, c1, c2, r0, r1, size = sys.argv[1:]
lines = int(lines); t0, tu, t1, t2, c0, c1, c2, r0, r1 = map(float, (t0, tu, t1, t2, c0, c1, c2, r0, r1))
stage, publish, ref = t1 - t0, t2 - t1, r1 - r0
print(f"  {name} ({fmt}): {lines:,} lines, {int(size)/2**20:.0f} MiB")
print(f"    upload+stage {stage:.1f} s = {lines/stage:,.0f} lines/s (portal CPU {c1-c0:.1f} s); publish {publish:.1f} s (CPU {c2-c1:.1f} s)")
print(f"    of which upload {tu-t0:.1f} s ({int(size)/2**20/(tu-t0):,.0f} MiB/s), staging {t1-tu:.1f} s = {lines/(t1-tu):,.0f} lines/s")
print(f"    reference sha1sum of the file: {ref:.1f} s; staging takes {stage/ref:.1f}x the reference")
PY
}

echo "== $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for format in $FORMATS; do
  case $format in
    sha1-count) load BenchSha1 sha1-count "$WORK/sha1-count.txt" ;;
    accounts-csv) load BenchPolice accounts-csv "$WORK/police.csv" ;;
    credentials) load BenchCredentials accounts-csv "$WORK/credentials.csv" ;;
  esac
done
echo "  portal peak RSS $(awk '/VmHWM/ {printf "%d MB", $2/1024}' /proc/$PORTAL/status) with -Xmx1g"
echo "  disk: PostgreSQL $(du -sh "$WORK/data/postgres" | cut -f1), generation files $(du -sh "$WORK/data/index" | cut -f1), uploads left $(du -sh "$WORK/data/uploads" 2>/dev/null | cut -f1)"
