#!/usr/bin/env bash
# `npm start`: set up what is missing, then run the whole system (see app/start.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-setup.sh
exec npx tsx app/start.ts
