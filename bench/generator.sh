#!/usr/bin/env bash
# Benchmark of the synthetic breach generator (issue 6). Builds nothing: run
#   ./mvnw package -DskipTests
# first. For each kind it times the packaged command writing to /dev/null, to a CSV file and to a
# gzip file, with /usr/bin/time -v for wall time and peak RSS, and times reference tools on the very
# same bytes in the same run, so the figures also stand as ratios on a busy or different machine:
#   cat FILE > /dev/null    reading the CSV back from the page cache (what merely moving bytes costs)
#   gzip -1 -c FILE         compressing the CSV with gzip at the generator's level (what gzip alone costs)
#
# Usage: bench/generator.sh [CREDENTIAL_ROWS] [POLICE_ROWS]     (default 5000000 2000000)
# Environment: JAVA_OPTS (default empty), BENCH_DIR (scratch directory, default under target/)
set -euo pipefail
cd "$(dirname "$0")/.."

credential_rows="${1:-5000000}"
police_rows="${2:-2000000}"
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "No $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "Needs GNU time: apt-get install time" >&2; exit 1; }

scratch="${BENCH_DIR:-target/bench-generator}"
mkdir -p "$scratch"
trap 'rm -f "$scratch"/*.csv "$scratch"/*.csv.gz "$scratch"/*.log' EXIT

# Runs a command under GNU time; sets wall (s), cpu (user + system s), rss (MB) and, for the
# generator, own_rate (rows/s without JVM start, from its summary line on stderr).
measure() {
  local log="$scratch/time.log"
  /usr/bin/time -v -o "$log" "$@" 2> "$scratch/stderr.log"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
  cpu=$(awk -F': ' '/(User|System) time/ {s += $2} END {print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  own_rate=$(sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p' "$scratch/stderr.log")
}

JAVA_OPTS="${JAVA_OPTS:-}"
# shellcheck disable=SC2206
generate=(java $JAVA_OPTS -jar "$jar" generate --seed 1)
echo "Generator benchmark on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)  JAVA_OPTS='$JAVA_OPTS'"
printf '\n%-16s %-16s %9s %7s %7s %10s %13s %7s  %s\n' kind run rows "wall s" "CPU s" "rows/s" "rows/s no JVM" "RSS MB" "reference on the same bytes"

for spec in "credential-dump:$credential_rows" "police-records:$police_rows"; do
  kind="${spec%%:*}"
  rows="${spec##*:}"
  csv="$scratch/$kind.csv"

  measure "${generate[@]}" --kind "$kind" --rows "$rows" --out /dev/null
  null_wall=$wall; null_cpu=$cpu; null_rss=$rss; null_own=$own_rate

  measure "${generate[@]}" --kind "$kind" --rows "$rows" --out "$csv"
  file_wall=$wall; file_cpu=$cpu; file_rss=$rss; file_own=$own_rate
  bytes=$(stat -c %s "$csv")

  measure "${generate[@]}" --kind "$kind" --rows "$rows" --out "$csv.gz"
  gzip_wall=$wall; gzip_cpu=$cpu; gzip_rss=$rss; gzip_own=$own_rate
  gz_bytes=$(stat -c %s "$csv.gz")

  cat "$csv" > /dev/null   # warm the page cache for a fair reference
  measure sh -c "cat '$csv' > /dev/null"
  cat_wall=$wall; cat_cpu=$cpu
  measure sh -c "gzip -1 -c '$csv' > /dev/null"
  gzip_ref_wall=$wall; gzip_ref_cpu=$cpu

  row() {  # run wall cpu rss own_rate reference_label reference_wall reference_cpu
    awk -v kind="$kind" -v run="$1" -v rows="$rows" -v wall="$2" -v cpu="$3" -v rss="$4" -v own="$5" \
        -v label="$6" -v ref="$7" -v refcpu="$8" 'BEGIN {
      if (wall <= 0) wall = 0.01
      ratio = (label == "") ? "" : sprintf("%s: %.2f s wall (%.2fx ours), %.2f s CPU", label, ref, ref / wall, refcpu)
      printf "%-16s %-16s %9d %7.2f %7.2f %10.0f %13s %7d  %s\n", kind, run, rows, wall, cpu, rows / wall, own, rss, ratio
    }'
  }
  row "to /dev/null" "$null_wall" "$null_cpu" "$null_rss" "$null_own" "cat" "$cat_wall" "$cat_cpu"
  row "to a CSV file" "$file_wall" "$file_cpu" "$file_rss" "$file_own" "" "" ""
  row "to a gzip file" "$gzip_wall" "$gzip_cpu" "$gzip_rss" "$gzip_own" "gzip -1" "$gzip_ref_wall" "$gzip_ref_cpu"
  awk -v b="$bytes" -v g="$gz_bytes" -v r="$rows" 'BEGIN { printf "%-16s CSV %.0f MB (%.0f bytes/row), gzip %.0f MB (%.0f%%)\n", "", b / 1e6, b / r, g / 1e6, 100 * g / b }'
done
echo
echo "rows/s: end to end, JVM start included. rows/s no JVM: the generator's own figure, from start of"
echo "writing to the last byte. (N.NNx ours): the reference tool's wall time over ours, on the same bytes."
echo "CPU s counts both cores; on a machine shared with other work, CPU s is the steadier figure."
