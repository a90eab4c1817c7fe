import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';

export const HISTORIES_DIR = path.resolve(__dirname, '../../replay/histories');

/**
 * With RECORD_HISTORIES=1, saves a finished workflow's history for the replay suite, which replays every
 * committed history against the current workflow code: a change that would break running matters fails CI.
 */
export async function recordHistory(client: Client, workflowId: string, name: string, runId?: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  const { historyToJSON } = await import('@temporalio/common/lib/proto-utils');
  fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), historyToJSON(history));
}
