import { verifyChain, type ChainVerdict, type StoredTrailEntry } from './hashChain';

/** A record elsewhere of which entry is the newest: the matter row, the workflow's history. */
export interface TrailHeadClaim {
  seq: number;
  hash: string | null;
  /** Where the claim comes from, named in the verdict. */
  where: string;
}

/**
 * The one verification of a matter's trail, for `/trail/verify` and the dossier alike: every hash link,
 * then the heads kept elsewhere. Deleting the newest entries leaves a valid shorter chain; only a head
 * recorded outside the trail table exposes it.
 */
export function verifyTrail(entries: StoredTrailEntry[], heads: TrailHeadClaim[]): ChainVerdict {
  const verdict = verifyChain(entries);
  if (!verdict.valid) return verdict;
  const lastHash = entries[entries.length - 1]?.hash ?? null;
  const mismatch = heads.find((h) => h.seq !== entries.length || h.hash !== lastHash);
  if (!mismatch) return verdict;
  return {
    valid: false,
    entries: entries.length,
    firstBadEntry: {
      seq: Math.min(mismatch.seq, entries.length + 1),
      reason: `the trail ends at entry ${entries.length} but the ${mismatch.where} records entry ${mismatch.seq} as its head (entries were deleted)`,
    },
  };
}
