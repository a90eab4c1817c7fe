#!/usr/bin/env bash
# `npm test`: set up what is missing, type-check, then run the three jest projects (unit, integration
# against a real Temporal dev server and a fresh PostgreSQL database plus the embedded one, replay of
# committed histories) and the pre-screen evaluation.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
echo "› type-checking"
npx tsc --noEmit -p .
echo "› jest: unit, integration, replay"
# PGlite loads its file system bundle with a dynamic import, which jest's VM sandbox allows only with this flag.
NODE_OPTIONS="--experimental-vm-modules ${NODE_OPTIONS:-}" npx jest --maxWorkers=2 "$@"
echo "› fair-competition pre-screen evaluation"
npx tsx scripts/eval-prescreen.ts
