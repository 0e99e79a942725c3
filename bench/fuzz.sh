#!/usr/bin/env bash
# Fuzzing of every input of the packaged portal (HostileInputIT) with many more tries than CI's 40 per
# input: prints, per input, the tries, the answers by status and the slowest answer. A failure names the
# seed that reproduces it: FUZZ_SEED=<seed> FUZZ_TRIES=1 bench/fuzz.sh.
#
# Settings: FUZZ_TRIES (2000), FUZZ_SEED (random). Builds the jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile failsafe:integration-test failsafe:verify -Dit.test=HostileInputIT \
  -Dfuzz.tries="${FUZZ_TRIES:-2000}" ${FUZZ_SEED:+-Dfuzz.seed="$FUZZ_SEED"} 2>&1 \
  | tee target/bench-fuzz.log | grep -E '^figure:|FAIL|ERROR\]   '
exit "${PIPESTATUS[0]}"
