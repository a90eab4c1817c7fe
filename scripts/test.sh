#!/usr/bin/env bash
# `npm test`: set up what is missing, type-check, then run the three jest projects (unit; integration
# against a real Temporal dev server plus a fresh PostgreSQL database and the embedded one; replay of the
# committed workflow histories) and both pre-screen evaluations, which fail the run when quality drops below
# the floors recorded in their thresholds.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
echo "› type-checking"
npx tsc --noEmit -p .
# The web app: plain ES modules checked through their JSDoc types (web/tsconfig.json).
npx tsc --noEmit -p web
mkdir -p .data
echo "› fair-competition pre-screen evaluation"
npx tsx scripts/eval-prescreen.ts > .data/eval-prescreen.log || { cat .data/eval-prescreen.log; exit 1; }
tail -n 1 .data/eval-prescreen.log
echo "› legality pre-screen evaluation"
npx tsx scripts/eval-legality.ts > .data/eval-legality.log || { cat .data/eval-legality.log; exit 1; }
tail -n 1 .data/eval-legality.log
echo "› jest: unit, integration, replay, browser"
results=.data/jest-results.json
status=0
rm -f "$results"
# --forceExit: a handle leaked by a failing test must not keep CI waiting for hours after the results are in
# (the reports above are already written; globalTeardown has stopped the servers).
# PGlite loads its file-system bundle with a dynamic import, which jest's VM sandbox allows only with this flag.
NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" npx jest --maxWorkers=2 --forceExit --json --outputFile="$results" "$@" || status=$?
if [ -f "$results" ]; then
  node -e 'const r=require(process.argv[1]); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`)' "$PWD/$results"
fi
exit "$status"
