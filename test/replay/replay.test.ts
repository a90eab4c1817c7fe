import fs from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { PRELOAD_MODULES, WORKFLOWS_PATH } from '../../worker/createWorker';

const DIR = path.join(__dirname, 'histories');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/**
 * Every committed history (recorded from real runs with RECORD_HISTORIES=1 npm test) must replay against
 * the current workflow code without a nondeterminism error: a change that would break matters already
 * running in production fails here, and must be guarded with patched().
 */
describe('replay of committed workflow histories', () => {
  test('there are committed histories of each kind', () => {
    const kinds = new Set(
      files.map((f) => {
        const started = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')).events[0].workflowExecutionStartedEventAttributes;
        return (JSON.parse(Buffer.from(started.input.payloads[0].data, 'base64').toString('utf8')) as { kind: string }).kind;
      }),
    );
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['enforcement_review', 'major_decision', 'normative_document']));
  });

  test('all replay deterministically against the current code', async () => {
    const histories = files.map((f) => ({ workflowId: f.replace(/\.json$/, ''), history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'))) }));
    const results: Array<{ workflowId: string; error?: unknown }> = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: WORKFLOWS_PATH, bundlerOptions: { preloadModules: PRELOAD_MODULES } }, histories)) results.push(result);
    expect(results.map((r) => [r.workflowId, r.error ? String(r.error) : 'ok'])).toEqual(histories.map((h) => [h.workflowId, 'ok']));
  });
});
