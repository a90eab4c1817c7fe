#!/usr/bin/env bash
# Whatever set-up is still missing on this machine, done once: dependencies, the generated Prisma client,
# the Temporal CLI (built with Go into ~/.cache when not on PATH). Safe to run every time.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "› installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
if [ ! -f prisma/generated/client.ts ] || [ prisma/schema.prisma -nt prisma/generated/client.ts ]; then
  echo "› generating the Prisma client"
  # Generating needs no database; the datasource URL only has to be well-formed.
  DATABASE_URL=${DATABASE_URL:-postgresql://localhost/unused} npx prisma generate >/dev/null
fi
npx tsx scripts/ensure-temporal-cli.ts
