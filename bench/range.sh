#!/usr/bin/env bash
# Range API throughput: Leakwatch against nginx serving the same bodies as static files (written by
# export-ranges), side by side in the same run, so the figure that matters is the ratio. The portal
# runs exactly as shipped (`java -jar quarkus-run.jar`, default configuration, access log on) unless
# --tuned is given.
#
#   bench/range.sh [--tuned] [SCENARIO...]      scenarios: dense (default), sparse, scale, oprf
#     dense   1 million entries in 1,049 consecutive buckets (~950 per bucket, like Pwned Passwords)
#     sparse  10 million entries over all 1,048,576 buckets (~10 per bucket)
#     scale   100 million entries in 104,858 buckets (~950 per bucket), to compare with dense
#     oprf    GET /api/v1/oprf/buckets/{bucket} against nginx serving the files of export-ranges --mode oprf:
#             OPRF_ENTRIES (default 1 million) email entries of one public breach in 1,049 consecutive
#             buckets, published as a synthetic upload (SHA-1s, target=accounts) through the admin API;
#             the publish evaluates every entry's OPRF output (minutes on a busy 2-core machine)
#     --tuned the portal with the bench's own tuning (access log off, -Xmx$HEAP), named as such in the output
#     GZIP=1  every request asks for gzip (Accept-Encoding: gzip), and nginx compresses too, at the portal's
#             level (1, per request, as the portal does); bodies are compared after decompression
#
# Per scenario: the portal is started fresh and measured for the first 10 s after /q/health/ready
# turns UP (then nginx for 10 s, as the reference of that moment); both are warmed up; then ROUNDS
# rounds alternate nginx and the portal. Printed: every round (requests/s, p99, server CPU per
# request, load average), the median ratio, p99 per server, and the warm-up figure (the first 10 s
# against the warmed rate).
#
# Needs: wrk, nginx, bc, curl and psql (apt-get install wrk nginx-light bc curl postgresql-client),
# and the packaged jar (built if missing).
# Settings: BENCH_DIR (default /tmp/leakwatch-bench), DURATION (8s per round), ROUNDS (5), WARMUP (20s),
# CONNECTIONS (32), THREADS (wrk threads, 1), HEAP (512m, --tuned only), OPRF_ENTRIES (1000000), REUSE=1 to
# keep an index and export from an earlier run of the same scenario, GZIP=1 (above).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx java bc curl python3; do
  command -v "$tool" >/dev/null || { echo "bench/range.sh needs $tool (apt-get install wrk nginx-light bc curl python3)"; exit 1; }
done
TUNED=0
if [ "${1:-}" = "--tuned" ]; then TUNED=1; shift; fi
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=${BENCH_DIR:-/tmp/leakwatch-bench}
DURATION=${DURATION:-8s}
ROUNDS=${ROUNDS:-5}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-1}
PORTAL_PORT=18080
NGINX_PORT=18081
HEAP=${HEAP:-512m}
HZ=$(getconf CLK_TCK)
GZIP=${GZIP:-0}
ACCEPT_ENCODING=()
NGINX_GZIP=""
if [ "$GZIP" = 1 ]; then
  ACCEPT_ENCODING=(-H 'Accept-Encoding: gzip')
  NGINX_GZIP="gzip on; gzip_comp_level 1; gzip_min_length 0; gzip_types text/plain application/json;"
fi

cpu_ticks() { # user+system clock ticks of a process and its threads
  awk '{print $14 + $15}' "/proc/$1/stat"
}
nginx_ticks() { # the master and its workers
  local total=0
  for pid in "$1" $(pgrep -P "$1" || true); do total=$((total + $(cpu_ticks "$pid"))); done
  echo "$total"
}
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

run_wrk() { # duration url buckets -> prints "rps p99ms requests" (requests for $BUCKET_PATH{PREFIX})
  local out
  out=$(BUCKETS=$3 BUCKET_PATH=$BUCKET_PATH wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" "${ACCEPT_ENCODING[@]}" --latency -s bench/random-prefix.lua "$2")
  local rps p99 requests errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  [ -z "$errors" ] || echo "  $2: $errors" >&2
  echo "$rps $p99 $requests"
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2] + v[NR/2+1]) / 2}'; }

start_portal() { # dir -> pid
  if [ "$TUNED" = 1 ]; then
    LEAKWATCH_DATA_DIR="$1/data" QUARKUS_HTTP_PORT=$PORTAL_PORT QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
      java -Xmx"$HEAP" -jar "$JAR" >>"$1/portal.log" 2>&1 &
  else
    LEAKWATCH_DATA_DIR="$1/data" QUARKUS_HTTP_PORT=$PORTAL_PORT java -jar "$JAR" >>"$1/portal.log" 2>&1 &
  fi
  echo $!
}

await_ready() { # pid -> seconds it took
  local start=$SECONDS
  for _ in $(seq 1 3000); do
    kill -0 "$1" 2>/dev/null || { echo "the portal exited; see its log" >&2; exit 1; }
    curl -sf "http://127.0.0.1:$PORTAL_PORT/q/health/ready" >/dev/null 2>&1 && { echo $((SECONDS - start)); return; }
    sleep 0.1
  done
  echo "the portal did not turn ready" >&2; exit 1
}

stop() { # pids: ends them and waits until they are gone (the portal stops its embedded PostgreSQL first)
  kill "$@" 2>/dev/null || true
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  done
}
PORTAL_PID=""
NGINX_PID=""
trap 'stop $PORTAL_PID $NGINX_PID' EXIT # also when interrupted: nothing of this run is left behind

prepare_oprf() { # dir entries buckets: a synthetic account upload published through the admin API, the OPRF export
  local dir=$1 entries=$2 buckets=$3 token
  rm -rf "$dir" && mkdir -p "$dir"
  token=bench-token-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  python3 - "$dir/accounts.sha1" "$entries" "$buckets" <<'GENERATE'
import os, sys
path, entries, buckets = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "w") as out:
    for start in range(0, entries, 100000):
        out.write("".join("%05X%s\n" % (i % buckets, os.urandom(18).hex().upper()[:35])
                          for i in range(start, min(entries, start + 100000))))
GENERATE
  # Demo data off for this start only: the catalogue is then not empty, so the measured starts load none either.
  PORTAL_PID=$(LEAKWATCH_DEMO_DATA=false LEAKWATCH_ADMIN_TOKEN=$token start_portal "$dir")
  await_ready "$PORTAL_PID" >/dev/null
  local base="http://127.0.0.1:$PORTAL_PORT/api/admin" id state started=$SECONDS
  api() { curl -sf -H "Authorization: Bearer $token" "$@"; }
  field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
  api -X POST -H 'Content-Type: application/json' \
    -d '{"Name":"BenchAccounts","Title":"BenchAccounts","BreachDate":"2024-01-01"}' "$base/breaches" >/dev/null
  id=$(api -X POST -H 'Content-Type: application/octet-stream' -T "$dir/accounts.sha1" \
    "$base/breaches/BenchAccounts/uploads?format=sha1&target=accounts&type=email" | field id)
  for _ in $(seq 1 7200); do # staged, then published: at most an hour each
    state=$(api "$base/uploads/$id" | field state 2>/dev/null || echo polling)
    case $state in uploading|queued|staging|polling) sleep 0.5 ;; staged) break ;; *) echo "the upload ended $state" >&2; exit 1 ;; esac
  done
  api -X POST "$base/uploads/$id/publish" >/dev/null
  for _ in $(seq 1 3600); do
    state=$(api "$base/uploads/$id" | field state 2>/dev/null || echo polling)
    case $state in published) break ;; failed|discarded|cancelled|expired) echo "the upload ended $state" >&2; exit 1 ;; *) sleep 1 ;; esac
  done
  [ "$state" = published ] || { echo "the upload was not published: $state" >&2; exit 1; }
  echo "  published $entries account entries in $buckets buckets (OPRF outputs evaluated) in $((SECONDS - started)) s"
  LEAKWATCH_DATA_DIR="$dir/data" java -jar "$JAR" export-ranges --mode oprf --to "$(printf '%05X' $((buckets - 1)))" \
    --out "$dir/export" 2>&1 | grep '^Exported' | sed 's/^/  /'
  stop "$PORTAL_PID"
}

prepare() { # dir entries buckets: the index, the portal's first start (demo data), the export
  local dir=$1 entries=$2 buckets=$3
  rm -rf "$dir" && mkdir -p "$dir"
  LEAKWATCH_DATA_DIR="$dir/data" java -jar "$JAR" synthetic-passwords --entries "$entries" --buckets "$buckets" 2>&1 \
    | grep '^Published' | sed 's/^/  /'
  # The first start loads the demo data (a new generation); the export must be of what is served.
  PORTAL_PID=$(start_portal "$dir")
  await_ready "$PORTAL_PID" >/dev/null
  LEAKWATCH_DATA_DIR="$dir/data" java -jar "$JAR" export-ranges --mode sha1 --out "$dir/export" 2>&1 \
    | grep '^Exported' | sed 's/^/  /'
  stop "$PORTAL_PID"
}

scenario() { # name entries buckets [oprf]
  local name=$1 entries=$2 buckets=$3 oprf=${4:-}
  local dir="$WORK/$name"
  if [ -n "$oprf" ]; then
    BUCKET_PATH=/api/v1/oprf/buckets/
    echo "== $name: GET $BUCKET_PATH{bucket}, $entries account entries in $buckets buckets; wrk $THREADS thread(s), $CONNECTIONS connections, random buckets"
  else
    BUCKET_PATH=/range/
    echo "== $name: $entries entries in $buckets buckets; wrk $THREADS thread(s), $CONNECTIONS connections, random prefixes"
  fi
  if [ "$GZIP" = 1 ]; then
    echo "   every request asks for gzip; nginx compresses per request at level 1, as the portal does (GZIP=1)"
  fi
  if [ "$TUNED" = 1 ]; then
    echo "   portal: TUNED by the bench (access log off, -Xmx$HEAP), NOT as shipped"
  else
    echo "   portal: as shipped (java -jar $JAR, default configuration)"
  fi
  echo "   load average before: $(load_average)"
  if [ "${REUSE:-0}" = 1 ] && [ -f "$dir/export/manifest.json" ]; then
    echo "  reusing the index and export in $dir (REUSE=1)"
  elif [ -n "$oprf" ]; then
    prepare_oprf "$dir" "$entries" "$buckets"
  else
    prepare "$dir" "$entries" "$buckets"
  fi
  : >"$dir/portal.log"

  cat >"$dir/nginx.conf" <<NGINX
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
user root;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/plain;
  $NGINX_GZIP
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $dir/export;
    location /range/ { rewrite "^/range/([0-9A-F]{5})\$" /\$1.txt break; }
    location /api/v1/oprf/buckets/ {
      types { }
      default_type application/json;
      rewrite "^/api/v1/oprf/buckets/([0-9A-F]{5})\$" /oprf/\$1.json break;
    }
  }
}
NGINX
  nginx -c "$dir/nginx.conf" -p "$dir" -g 'daemon off;' &
  NGINX_PID=$!
  local nginx_pid=$NGINX_PID portal ready_after
  PORTAL_PID=$(start_portal "$dir")
  portal=$PORTAL_PID
  ready_after=$(await_ready "$portal")
  # The first 10 s after readiness, then nginx right after as the reference of that moment.
  local first first_nginx
  first=$(run_wrk 10s "http://127.0.0.1:$PORTAL_PORT" "$buckets")
  first_nginx=$(run_wrk 10s "http://127.0.0.1:$NGINX_PORT" "$buckets")
  # Same bodies from both (with GZIP=1: both compressed them, compared decompressed): a sanity check
  # that the comparison is fair.
  for prefix in 00000 $(printf '%05X ' $((buckets / 2)) $((buckets - 1))); do
    for server in portal:$PORTAL_PORT nginx:$NGINX_PORT; do
      curl -sf --compressed -D "$dir/${server%%:*}.headers" -o "$dir/${server%%:*}.body" \
        "${ACCEPT_ENCODING[@]}" "http://127.0.0.1:${server##*:}$BUCKET_PATH$prefix" || { echo "${server%%:*} failed on $prefix"; exit 1; }
      if [ "$GZIP" = 1 ] && ! grep -qi '^content-encoding: gzip' "$dir/${server%%:*}.headers"; then
        echo "${server%%:*} did not compress $prefix"; exit 1
      fi
    done
    cmp -s "$dir/portal.body" "$dir/nginx.body" || { echo "bodies differ for $prefix"; exit 1; }
  done
  run_wrk "$WARMUP" "http://127.0.0.1:$NGINX_PORT" "$buckets" >/dev/null
  run_wrk "$WARMUP" "http://127.0.0.1:$PORTAL_PORT" "$buckets" >/dev/null

  printf '  %-6s %-10s %12s %10s %15s   %s\n' round server requests/s p99_ms cpu_us/request "load average"
  local ratios=() n_p99s=() l_p99s=() l_rates=()
  for round in $(seq 1 "$ROUNDS"); do
    local before after result n_rps n_p99 n_req l_rps l_p99 l_req ratio
    before=$(nginx_ticks $nginx_pid)
    result=$(run_wrk "$DURATION" "http://127.0.0.1:$NGINX_PORT" "$buckets")
    after=$(nginx_ticks $nginx_pid)
    read -r n_rps n_p99 n_req <<<"$result"
    printf '  %-6s %-10s %12s %10s %15.1f   %s\n' "$round" nginx "$n_rps" "$n_p99" \
      "$(echo "($after - $before) * 1000000 / $HZ / $n_req" | bc -l)" "$(load_average)"
    before=$(cpu_ticks "$portal")
    result=$(run_wrk "$DURATION" "http://127.0.0.1:$PORTAL_PORT" "$buckets")
    after=$(cpu_ticks "$portal")
    read -r l_rps l_p99 l_req <<<"$result"
    printf '  %-6s %-10s %12s %10s %15.1f   %s\n' "$round" leakwatch "$l_rps" "$l_p99" \
      "$(echo "($after - $before) * 1000000 / $HZ / $l_req" | bc -l)" "$(load_average)"
    ratio=$(echo "$l_rps / $n_rps" | bc -l)
    printf '  %-6s ratio leakwatch/nginx requests/s: %.2f\n' "$round" "$ratio"
    ratios+=("$ratio"); n_p99s+=("$n_p99"); l_p99s+=("$l_p99"); l_rates+=("$l_rps")
    echo "$name$([ "$GZIP" = 1 ] && echo -gzip) $round $n_rps $l_rps" >>"$WORK/ratios.txt"
  done
  local median_ratio warmed
  median_ratio=$(printf '%s\n' "${ratios[@]}" | median)
  warmed=$(printf '%s\n' "${l_rates[@]}" | median)
  printf '  median ratio leakwatch/nginx: %.2f over %d rounds\n' "$median_ratio" "$ROUNDS"
  printf '  p99 ms, median (worst) of the rounds: nginx %.2f (%.2f), leakwatch %.2f (%.2f)\n' \
    "$(printf '%s\n' "${n_p99s[@]}" | median)" "$(printf '%s\n' "${n_p99s[@]}" | sort -g | tail -1)" \
    "$(printf '%s\n' "${l_p99s[@]}" | median)" "$(printf '%s\n' "${l_p99s[@]}" | sort -g | tail -1)"
  local f_rps f_p99 fn_rps
  read -r f_rps f_p99 _ <<<"$first"
  read -r fn_rps _ _ <<<"$first_nginx"
  printf '  warm-up: ready %d s after start; first 10 s after ready %s requests/s (p99 %s ms), warmed (median of the rounds) %s:\n' \
    "$ready_after" "$f_rps" "$f_p99" "$warmed"
  printf '    %.2f of the warmed rate; against nginx in the next 10 s %.2f, i.e. %.2f of the warmed median ratio\n' \
    "$(echo "$f_rps / $warmed" | bc -l)" "$(echo "$f_rps / $fn_rps" | bc -l)" \
    "$(echo "$f_rps / $fn_rps / $median_ratio" | bc -l)"
  echo "  portal RSS: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$portal/status)" \
       "(anonymous $(awk '/RssAnon/ {printf "%d MB", $2/1024}' /proc/$portal/status)," \
       "mapped generation file in the page cache $(awk '/RssFile/ {printf "%d MB", $2/1024}' /proc/$portal/status))," \
       "peak $(awk '/VmHWM/ {printf "%d MB", $2/1024}' /proc/$portal/status)"
  if [ -n "$oprf" ]; then
    echo "  disk per entry: OPRF outputs and bodies files $(cat "$dir"/data/index/*oprf* | wc -c | awk -v n="$entries" '{printf "%.1f", $1 / n}') bytes," \
         "export (nginx) $(du -sb "$dir/export" | awk -v n="$entries" '{printf "%.1f", $1 / n}') bytes"
    echo "   load average after: $(load_average)"
    stop "$portal" "$nginx_pid"
    return
  fi
  local sha1_file pg_port pg_bytes file_bytes
  sha1_file=$(ls "$dir"/data/index/generation-*-password_sha1.idx)
  file_bytes=$(stat -c %s "$sha1_file")
  pg_port=$(sed -n 4p "$dir/data/postgres/postmaster.pid")
  # the embedded server asks for the password the portal keeps beside its cluster
  pg_bytes=$(PGPASSWORD=$(cat "$dir/data/postgres.password") psql -h 127.0.0.1 -p "$pg_port" -U postgres -d leakwatch -Atc "SELECT pg_total_relation_size('index_bucket')" 2>/dev/null || echo 0)
  echo "  disk per entry: PostgreSQL index_bucket $(echo "$pg_bytes / $entries" | bc -l | xargs printf '%.1f') bytes," \
       "generation file $(echo "$file_bytes / $entries" | bc -l | xargs printf '%.1f') bytes," \
       "export (nginx) $(du -sb "$dir/export" | awk -v n="$entries" '{printf "%.1f", $1 / n}') bytes"
  echo "   load average after: $(load_average)"
  stop "$portal" "$nginx_pid"
}

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(dense)
mkdir -p "$WORK"
rm -f "$WORK/ratios.txt"
for s in "${scenarios[@]}"; do
  case "$s" in
    dense) scenario dense 1000000 1049 ;;
    sparse) scenario sparse 10000000 1048576 ;;
    scale) scenario scale 100000000 104858 ;;
    oprf) scenario oprf "${OPRF_ENTRIES:-1000000}" 1049 oprf ;;
    *) echo "unknown scenario $s"; exit 2 ;;
  esac
done
