import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/**
 * Custom search attributes the matter workflow upserts, so operators can filter with
 * `temporal workflow list --query "MatterStage='legality_review'"`.
 */
export const SEARCH_ATTRIBUTES = {
  MatterKind: 'Keyword',
  MatterStage: 'Keyword',
  DraftingUnit: 'Keyword',
} as const;

/**
 * Registers missing search attributes. `--search-attribute` flags are ignored on an existing dev-server
 * database file, so this goes through the operator service, which works on any server.
 */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !(name in (existing.customAttributes ?? {})));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      missing.map(([name]) => [name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
    ),
  });
}
