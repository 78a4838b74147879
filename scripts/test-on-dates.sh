#!/usr/bin/env bash
# Runs the unit and core suites with the machine's clock set to the days that break date code: a year's last
# minute, New Year's Day and a leap day. Tests never read the machine's date (the core's clock starts at a fixed
# instant), so every run must pass whatever day CI runs on. Needs Debian's faketime (.ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install -y faketime" >&2; exit 1; }

for at in "2026-12-31 23:59:00" "2027-01-01 00:00:30" "2028-02-29 10:00:00"; do
  seen=$(faketime -f "@$at" node -e 'process.stdout.write(new Date().toISOString())')
  case "$seen" in
    "${at:0:10}"*) ;;
    *) echo "faketime did not set the clock to $at (Node saw $seen)" >&2; exit 1 ;;
  esac
  printf '\n== unit and core tests with the machine clock at %s (Node sees %s)\n' "$at" "$seen"
  faketime -f "@$at" npx vitest run tests/unit tests/core
done
