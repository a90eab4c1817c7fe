/**
 * What changed between two versions of a Chinese text, character by character (Chinese has no spaces to
 * split words on), merged into runs a person can read: jsdiff finds a minimal character diff, then short
 * coincidental matches inside a rewritten passage ("的", "，") are folded into the change around them, the
 * way diff-match-patch's semantic clean-up does, so a rewritten clause reads as one deletion and one
 * insertion instead of a comb of single characters.
 *
 * Each run carries its offsets in both texts, so findings (spans in one version) can be placed on it.
 */

import { diffChars } from 'diff';

export type DiffOp = 'equal' | 'delete' | 'insert';

export interface DiffRun {
  op: DiffOp;
  text: string;
  /** Offset of the run in the old text (for equal and delete runs; for insert: where it goes). */
  fromStart: number;
  /** Offset of the run in the new text (for equal and insert runs; for delete: where it was). */
  toStart: number;
}

export interface CharacterDiff {
  runs: DiffRun[];
  inserted: number;
  deleted: number;
  /** Passages changed (a deletion and insertion at the same place count once). */
  changes: number;
}

interface Op {
  op: DiffOp;
  text: string;
}

/** Adjacent runs of the same kind become one; within a change, the deletion comes before the insertion. */
function normalise(ops: Op[]): Op[] {
  const out: Op[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  for (const o of ops) {
    if (!o.text) continue;
    if (o.op === 'delete') del += o.text;
    else if (o.op === 'insert') ins += o.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += o.text;
      else out.push({ ...o });
    }
  }
  flush();
  return out;
}

/**
 * An equality shorter than the edits on both sides of it is noise inside one rewritten passage: it is
 * turned into a deletion plus an insertion and merged with its neighbours, until nothing changes. A line
 * break is never folded away, so changes stay within their paragraph.
 */
function foldShortEqualities(ops: Op[]): Op[] {
  let current = normalise(ops);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 1; i < current.length - 1; i++) {
      const eq = current[i]!;
      if (eq.op !== 'equal' || eq.text.includes('\n')) continue;
      const editsAround = (from: number, step: number) => {
        let n = 0;
        for (let j = from; j >= 0 && j < current.length && current[j]!.op !== 'equal'; j += step) n = Math.max(n, current[j]!.text.length);
        return n;
      };
      const before = editsAround(i - 1, -1);
      const after = editsAround(i + 1, 1);
      if (eq.text.length < before && eq.text.length < after) {
        current.splice(i, 1, { op: 'delete', text: eq.text }, { op: 'insert', text: eq.text });
        current = normalise(current);
        changed = true;
        break;
      }
    }
  }
  return current;
}

export function characterDiff(from: string, to: string): CharacterDiff {
  const ops: Op[] = diffChars(from, to).map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value }));
  const folded = foldShortEqualities(ops);
  const runs: DiffRun[] = [];
  let a = 0;
  let b = 0;
  let inserted = 0;
  let deleted = 0;
  let changes = 0;
  let inChange = false;
  for (const o of folded) {
    runs.push({ op: o.op, text: o.text, fromStart: a, toStart: b });
    if (o.op !== 'insert') a += o.text.length;
    if (o.op !== 'delete') b += o.text.length;
    if (o.op === 'insert') inserted += o.text.length;
    if (o.op === 'delete') deleted += o.text.length;
    if (o.op !== 'equal' && !inChange) changes += 1;
    inChange = o.op !== 'equal';
  }
  return { runs, inserted, deleted, changes };
}
