#!/usr/bin/env bash
# IngestKillIT again and again (kill -9 of the packaged portal while it stages and while it publishes,
# then a restart), to show whether its once-seen failure (the restarted JVM exiting 143, SIGTERM, before
# its first log line) recurs. Prints one line per run and the tally; keeps the reports of failed runs in
# target/ingest-kill-loop/. Run it when the machine is quiet: each run takes one to three minutes.
#
# Settings: RUNS (50). Builds the jar if it is missing.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile
RUNS=${RUNS:-50}
out=target/ingest-kill-loop
rm -rf "$out" && mkdir -p "$out"
passed=0 failed=0 sigterm=0
for run in $(seq 1 "$RUNS"); do
  started=$(date +%s)
  if ./mvnw -B -q failsafe:integration-test failsafe:verify -Dit.test=IngestKillIT >"$out/run-$run.log" 2>&1; then
    passed=$((passed + 1)); result=passed
    rm "$out/run-$run.log"
  else
    failed=$((failed + 1)); result=FAILED
    grep -q 'exited with 143' "$out/run-$run.log" && sigterm=$((sigterm + 1)) && result="FAILED (exit 143)"
    cp -r target/failsafe-reports "$out/reports-$run"
  fi
  echo "run $run/$RUNS: $result in $(( $(date +%s) - started )) s (load $(cut -d' ' -f1 /proc/loadavg))"
done
echo "figure: IngestKillIT $RUNS runs: $passed passed, $failed failed ($sigterm with the restarted portal ending on SIGTERM)"
[ "$failed" = 0 ]
