#!/usr/bin/env bash
# Range API throughput: Leakwatch against nginx serving the same bodies as static files (written by
# export-ranges), side by side in the same run, so the figure that matters is the ratio.
#
#   bench/range.sh [SCENARIO...]      scenarios: dense (default), sparse, scale
#     dense   10 million entries in 10,486 consecutive buckets (~950 per bucket, like Pwned Passwords)
#     sparse  10 million entries over all 1,048,576 buckets (~10 per bucket)
#     scale   100 million entries in 104,858 buckets (~950 per bucket), to compare with dense
#
# Needs: wrk, nginx, bc, curl and psql (apt-get install wrk nginx-light bc curl postgresql-client),
# and the packaged jar (built if missing).
# Settings: BENCH_DIR (default /tmp/leakwatch-bench), DURATION (default 15s), CONNECTIONS (32), ROUNDS (2),
# HEAP (512m), REUSE=1 to keep an index and export from an earlier run of the same scenario.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk nginx java; do
  command -v "$tool" >/dev/null || { echo "bench/range.sh needs $tool (apt-get install wrk nginx-light)"; exit 1; }
done
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=${BENCH_DIR:-/tmp/leakwatch-bench}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-2}
PORTAL_PORT=18080
NGINX_PORT=18081
HEAP=${HEAP:-512m}

cpu_ticks() { # user+system clock ticks of a process and its threads
  awk '{print $14 + $15}' "/proc/$1/stat"
}
nginx_ticks() { # the master and its workers
  local total=0
  for pid in "$1" $(pgrep -P "$1" || true); do total=$((total + $(cpu_ticks "$pid"))); done
  echo "$total"
}

run_wrk() { # name url buckets -> prints "rps p99ms requests"
  local out
  out=$(BUCKETS=$3 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/random-prefix.lua "$2")
  local rps p99 requests
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  [ -z "$errors" ] || echo "  $1: $errors" >&2
  echo "$rps $p99 $requests"
}

scenario() { # name entries buckets
  local name=$1 entries=$2 buckets=$3
  local dir="$WORK/$name"
  echo "== $name: $entries entries in $buckets buckets"
  if [ "${REUSE:-0}" = 1 ] && [ -f "$dir/export/manifest.json" ]; then
    echo "  reusing the index and export in $dir (REUSE=1)"
  else
    rm -rf "$dir" && mkdir -p "$dir"
    LEAKWATCH_DATA_DIR="$dir/data" java -jar "$JAR" synthetic-passwords --entries "$entries" --buckets "$buckets" 2>&1 \
      | grep '^Published' | sed 's/^/  /'
    LEAKWATCH_DATA_DIR="$dir/data" java -jar "$JAR" export-ranges --mode sha1 --out "$dir/export" 2>&1 \
      | grep '^Exported' | sed 's/^/  /'
  fi

  LEAKWATCH_DATA_DIR="$dir/data" QUARKUS_HTTP_PORT=$PORTAL_PORT QUARKUS_HTTP_ACCESS_LOG_ENABLED=false \
    java -Xmx$HEAP -jar "$JAR" >"$dir/portal.log" 2>&1 &
  local portal=$!
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
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $dir/export;
    location /range/ { rewrite "^/range/([0-9A-F]{5})\$" /\$1.txt break; }
  }
}
NGINX
  nginx -c "$dir/nginx.conf" -p "$dir" -g 'daemon off;' &
  local nginx_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORTAL_PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  # Same body from both: a sanity check that the comparison is fair.
  cmp <(curl -s "http://127.0.0.1:$PORTAL_PORT/range/00001") <(curl -s "http://127.0.0.1:$NGINX_PORT/range/00001") \
    || { echo "bodies differ"; exit 1; }
  # Warm both (page cache, JIT).
  DURATION=5s run_wrk warm "http://127.0.0.1:$NGINX_PORT" "$buckets" >/dev/null
  DURATION=5s run_wrk warm "http://127.0.0.1:$PORTAL_PORT" "$buckets" >/dev/null

  local hz
  hz=$(getconf CLK_TCK)
  printf '  %-6s %-10s %12s %10s %14s\n' round server requests/s p99_ms cpu_us/request
  for round in $(seq 1 "$ROUNDS"); do
    local before after result
    before=$(nginx_ticks $nginx_pid)
    result=$(run_wrk nginx "http://127.0.0.1:$NGINX_PORT" "$buckets")
    after=$(nginx_ticks $nginx_pid)
    read -r n_rps n_p99 n_req <<<"$result"
    printf '  %-6s %-10s %12s %10s %14.1f\n' "$round" nginx "$n_rps" "$n_p99" "$(echo "($after - $before) * 1000000 / $hz / $n_req" | bc -l)"
    before=$(cpu_ticks $portal)
    result=$(run_wrk leakwatch "http://127.0.0.1:$PORTAL_PORT" "$buckets")
    after=$(cpu_ticks $portal)
    read -r l_rps l_p99 l_req <<<"$result"
    printf '  %-6s %-10s %12s %10s %14.1f\n' "$round" leakwatch "$l_rps" "$l_p99" "$(echo "($after - $before) * 1000000 / $hz / $l_req" | bc -l)"
    printf '  %-6s ratio leakwatch/nginx requests/s: %.2f\n' "$round" "$(echo "$l_rps / $n_rps" | bc -l)"
    echo "$name $round $n_rps $l_rps" >>"$WORK/ratios.txt"
  done
  echo "  portal RSS: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$portal/status)" \
       "(anonymous $(awk '/RssAnon/ {printf "%d MB", $2/1024}' /proc/$portal/status)," \
       "mapped generation file in the page cache $(awk '/RssFile/ {printf "%d MB", $2/1024}' /proc/$portal/status))," \
       "peak $(awk '/VmHWM/ {printf "%d MB", $2/1024}' /proc/$portal/status), heap limit $HEAP"
  local sha1_file pg_port pg_bytes file_bytes
  sha1_file=$(ls "$dir"/data/index/generation-*-password_sha1.idx)
  file_bytes=$(stat -c %s "$sha1_file")
  pg_port=$(sed -n 4p "$dir/data/postgres/postmaster.pid")
  # the embedded server asks for the password the portal keeps beside its cluster
  pg_bytes=$(PGPASSWORD=$(cat "$dir/data/postgres.password") psql -h 127.0.0.1 -p "$pg_port" -U postgres -d leakwatch -Atc "SELECT pg_total_relation_size('index_bucket')" 2>/dev/null || echo 0)
  echo "  disk per entry: PostgreSQL index_bucket $(echo "$pg_bytes / $entries" | bc -l | xargs printf '%.1f') bytes," \
       "generation file $(echo "$file_bytes / $entries" | bc -l | xargs printf '%.1f') bytes," \
       "export (nginx) $(du -sb "$dir/export" | awk -v n="$entries" '{printf "%.1f", $1 / n}') bytes"
  kill "$portal" "$nginx_pid"
  wait "$portal" "$nginx_pid" 2>/dev/null || true
}

scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(dense)
rm -f "$WORK/ratios.txt"
mkdir -p "$WORK"
for s in "${scenarios[@]}"; do
  case "$s" in
    dense) scenario dense 10000000 10486 ;;
    sparse) scenario sparse 10000000 1048576 ;;
    scale) scenario scale 100000000 104858 ;;
    *) echo "unknown scenario $s"; exit 2 ;;
  esac
done
