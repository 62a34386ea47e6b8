#!/usr/bin/env bash
# The soak run of src/server.soak.test.ts, longer: one server process on SQLite, 30 minutes of
# steady customer traffic (20 orders/s), retention of 1 minute pruned every 10 s. Prints the
# sampled table sizes and memory; the checks are the test's. Override with KAQUAN_SOAK_SECONDS
# and KAQUAN_SOAK_RATE.
set -euo pipefail
cd "$(dirname "$0")/.."
unset TEST_MYSQL_URL
export KAQUAN_SOAK_SECONDS="${KAQUAN_SOAK_SECONDS:-1800}"
export KAQUAN_SOAK_RATE="${KAQUAN_SOAK_RATE:-20}"
echo "" > /tmp/kaquan-soak-nobuild.mjs
exec npx tap --before=/tmp/kaquan-soak-nobuild.mjs --disable-coverage --reporter=tap --timeout=7200 src/server.soak.test.ts
