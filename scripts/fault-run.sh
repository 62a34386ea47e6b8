#!/usr/bin/env bash
# The fault run of src/server.faults.test.ts, longer and harder: three server processes on a
# private MariaDB (needs Debian's mariadb-server), 32 racers, 60 s per phase (normal, after
# kill -9, after the database's 10 s stop, one instance left), then the consistency checks.
# Prints the figures per phase (requests/s, p99, errors). Override with the same variables.
set -euo pipefail
cd "$(dirname "$0")/.."
export TEST_MYSQL_URL="${TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306/test}"
export KAQUAN_FAULT_SECONDS="${KAQUAN_FAULT_SECONDS:-60}"
export KAQUAN_FAULT_RACERS="${KAQUAN_FAULT_RACERS:-32}"
export KAQUAN_FAULT_CARDS="${KAQUAN_FAULT_CARDS:-40000}"
echo "" > /tmp/kaquan-fault-nobuild.mjs
exec npx tap --before=/tmp/kaquan-fault-nobuild.mjs --disable-coverage --reporter=tap --timeout=3600 src/server.faults.test.ts
