#!/usr/bin/env bash
# Runs the unit and integration tests as if today were another day: `npm run test:at -- 2027-03-28`
# (or `-- '2027-07-01 00:20'`, a London time; more arguments go to vitest, e.g. a folder). Deadlines,
# figures and the demo are all counted from today, so a test that passes only on some days (a
# weekend, a bank holiday, a month's first day, the night the clocks change, London's date not yet
# UTC's) shows itself here. The clock is libfaketime's (Debian's `faketime` package); it starts at
# the day given and runs on, the same in every test process (FAKETIME_DONT_RESET). Everything runs
# on PGlite, inside those processes: a PostgreSQL server keeps its own clock.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$ ]]; then
  echo "Give the day to run on, as YYYY-MM-DD, or 'YYYY-MM-DD HH:MM' for a London time: npm run test:at -- 2027-03-28" >&2
  exit 2
fi
if ! command -v faketime >/dev/null; then
  echo "This needs libfaketime: sudo apt-get install -y faketime" >&2
  exit 1
fi
at=$1
shift
[[ $at == *:* ]] || at="$at 10:00"
[[ $at =~ :[0-9]{2}:[0-9]{2}$ ]] || at="$at:00"
echo "Running the tests as if it were $at in London."
unset TEST_DATABASE_URL DATABASE_URL
export TZ=Europe/London FAKETIME_DONT_RESET=1
exec faketime -f "@$at" node_modules/.bin/vitest run --project pglite "$@"
