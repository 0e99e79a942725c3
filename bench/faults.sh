#!/usr/bin/env bash
# Database faults: PostgreSQL stopped for 30 s under the packaged portal, during serving, staging and
# publishing, with the portal's embedded server and with an external one (a second embedded server),
# then started again. Prints the requests served during the outage, what /q/health/ready said, how each
# upload ended, the recovery times (PostgreSQL up, then the portal ready) and threads and pool
# connections before and after. The same test runs with 8 s outages in ./mvnw verify (DatabaseOutageIT).
#
# Settings: OUTAGE_SECONDS (30). Builds the jar if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile failsafe:integration-test failsafe:verify -Dit.test=DatabaseOutageIT \
  -Dfaults.outage-seconds="${OUTAGE_SECONDS:-30}" 2>&1 \
  | tee target/bench-faults.log | grep -E '^figure:|FAIL|ERROR\]   '
exit "${PIPESTATUS[0]}"
