#!/usr/bin/env bash
# `npm start`: set up what is missing, then run the whole system (see app/start.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
# The worker's processes preload platform/temporal/workflowThreads.cjs and take the server processes' heap flag
# (see platform/temporal/workerProcessFlags.ts and platform/serverProcessFlags.ts).
exec npx tsx --max-semi-space-size=64 --require ./platform/temporal/workflowThreads.cjs app/start.ts
