#!/usr/bin/env bash
# `npm start`: set up what is missing, then run the whole system (see app/start.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
# The worker's processes preload platform/temporal/workflowThreads.cjs (see platform/temporal/workerProcessFlags.ts).
exec npx tsx --require ./platform/temporal/workflowThreads.cjs app/start.ts
