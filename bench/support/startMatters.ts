/**
 * Many open matters with real workflows, fast: copies of one matter registered over HTTP, each started as its
 * own matter workflow straight through the Temporal client with the template's start input (a new matter id,
 * title, text and attempt). The worker does everything a registration does — stores the matter, its first
 * version and trail entry, runs both pre-screens — and the workflow then waits in research like any other;
 * only the API's share of a registration (authentication, the wait for the answer, the answer's view) is
 * left out. For the scale benchmark, where registering thousands of matters one HTTP request at a time took
 * the API and the client's round trips as long as the worker's own work (see docs/benchmarks.md).
 */
import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { MATTER_WORKFLOW_TYPE, matterWorkflowId, type MatterWorkflowInput } from '../../workflows/definitions';
import { pool } from './stats';

export interface MatterTemplate {
  input: MatterWorkflowInput;
  taskQueue: string;
}

/** The start input and task queue of a matter's first run. */
export async function registrationTemplate(client: Client, workflowId: string): Promise<MatterTemplate> {
  const handle = client.workflow.getHandle(workflowId);
  const [description, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw new Error(`${workflowId}: no start input in its history`);
  return { input: defaultPayloadConverter.fromPayload<MatterWorkflowInput>(payload), taskQueue: description.taskQueue };
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** Starts matter workflows `prefix-from` … `prefix-(to-1)`; returns how many starts the server refused. */
export async function startCopies(client: Client, template: MatterTemplate, opts: { prefix: string; from: number; to: number; concurrency: number }): Promise<number> {
  let refused = 0;
  const numbers = Array.from({ length: opts.to - opts.from }, (_, k) => opts.from + k);
  await pool(numbers, opts.concurrency, async (i) => {
    const matterId = `${opts.prefix}-${i}`;
    const text = `${template.input.firstVersion.text}\n（副本 ${i}）`;
    const input: MatterWorkflowInput = {
      ...template.input,
      matterId,
      title: `${template.input.title}（副本 ${i}）`,
      firstVersion: { hash: sha256(text), text },
      requestId: null,
      registrationAttempt: crypto.randomUUID(),
    };
    try {
      await client.workflow.start(MATTER_WORKFLOW_TYPE, {
        taskQueue: template.taskQueue,
        workflowId: matterWorkflowId(matterId),
        args: [input],
        searchAttributes: { MatterStage: ['research'], MatterKind: [input.kind], DraftingUnit: [input.draftingUnit] },
      });
    } catch {
      refused++;
    }
  });
  return refused;
}
