/**
 * The walk every per-chain check shares (the register's events, the administrators' events): numbered from 1
 * without a gap, each pointing at the hash before it, each hash its content's. The first broken link, or null.
 */
export function firstBrokenLink<E extends { seq: number; prevHash: string; hash: string }>(events: readonly E[], hashOf: (event: E) => string, genesis: string): { seq: number; reason: string } | null {
  let prev = genesis;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1) return { seq: i + 1, reason: `event ${i + 1} is missing` };
    if (e.prevHash !== prev) return { seq: e.seq, reason: 'its previous hash does not match the event before' };
    if (hashOf(e) !== e.hash) return { seq: e.seq, reason: 'its content does not match its hash (edited)' };
    prev = e.hash;
  }
  return null;
}
