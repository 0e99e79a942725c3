#!/usr/bin/env bash
# Soak: the range API and the oblivious check (a real blinded element, then the details) at saturation
# against the packaged portal for 10 minutes, while a breach is uploaded and published a fifth of the way
# in. Prints p50/p99 per minute, the portal's RSS, threads and open files every 30 s, the requests, errors
# and wrong bodies (every body is checked against the generation its ETag or body names), and fails on
# any error. The same test runs for 60 s in ./mvnw verify (SoakIT).
#
# Settings: SOAK_SECONDS (600), SOAK_CLIENTS (6 client threads), SOAK_WINDOW_SECONDS (60),
# SOAK_SAMPLE_SECONDS (30). Builds the jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile failsafe:integration-test failsafe:verify -Dit.test=SoakIT \
  -Dsoak.seconds="${SOAK_SECONDS:-600}" -Dsoak.clients="${SOAK_CLIENTS:-6}" \
  -Dsoak.window-seconds="${SOAK_WINDOW_SECONDS:-60}" -Dsoak.sample-seconds="${SOAK_SAMPLE_SECONDS:-30}" 2>&1 \
  | tee target/bench-soak.log | grep -E '^figure:|FAIL|ERROR\]   '
exit "${PIPESTATUS[0]}"
