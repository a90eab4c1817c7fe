#!/usr/bin/env bash
# Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema as last committed to the
# schema in the working tree. Offline: Prisma's Wasm schema engine diffs two datamodels, no shadow database.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/new-migration.sh NAME}
prev=$(mktemp --suffix=.prisma)
if git show HEAD:prisma/schema.prisma > "$prev" 2>/dev/null; then from=(--from-schema-datamodel "$prev"); else from=(--from-empty); fi
dir="prisma/migrations/$(date -u +%Y%m%d%H%M%S)_${name}"
mkdir -p "$dir"
# The config's adapter is only used to connect; any reachable PostgreSQL will do.
DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres} \
  npx prisma migrate diff "${from[@]}" --to-schema-datamodel prisma/schema.prisma --script \
  | grep -v '^Loaded Prisma config' > "$dir/migration.sql"
echo "wrote $dir/migration.sql ($(wc -l < "$dir/migration.sql") lines)"
