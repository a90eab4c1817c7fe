/**
 * Clean-up (清理) of the register by the legal unit: which documents a clean-up takes in (in force, by
 * drafting unit, kind or topic), which still wait for a decision, and the lists it publishes — documents that
 * remain in force, are to be amended, were repealed, or expired. Pure.
 */
import type { MatterKind } from '../procedure/types';
import type { DocumentDecisionKind, DocumentStatus } from './documentLife';

export interface CleanupScope {
  draftingUnit?: string;
  kind?: MatterKind;
  /** Words in the title (a topic, e.g. 旅游). */
  topic?: string;
}

export interface CleanupDocument {
  id: string;
  number: string;
  title: string;
  kind: string;
  draftingUnit: string;
  status: DocumentStatus | string;
  effectiveAt: string | null;
  expiresAt: string | null;
  statusChangedAt: string | null;
  /**
   * Decided to be amended (修改) before or outside this clean-up, the amendment still under way: the document stays in
   * force meanwhile, and its decision is taken (only a repeal may still be decided on it).
   */
  amendingMatterId?: string | null;
}

export interface CleanupDecisionRecord {
  documentId: string;
  decision: DocumentDecisionKind;
  reason: string;
  newExpiresAt?: string;
  amendingMatterId?: string;
  by: string;
  at: string;
}

/** Whether a document matches the scope (any status). */
export function matchesScope(doc: Pick<CleanupDocument, 'kind' | 'draftingUnit' | 'title'>, scope: CleanupScope): boolean {
  if (scope.draftingUnit && doc.draftingUnit !== scope.draftingUnit) return false;
  if (scope.kind && doc.kind !== scope.kind) return false;
  if (scope.topic && !doc.title.includes(scope.topic)) return false;
  return true;
}

/** The documents a new clean-up takes in: those in force within its scope. */
export function cleanupDocuments<T extends CleanupDocument>(register: T[], scope: CleanupScope): T[] {
  return register.filter((d) => d.status === 'in_force' && matchesScope(d, scope));
}

/**
 * Documents of the clean-up still in force without a decision in it (an expired one needs none, nor one whose
 * amendment is under way: it was decided to be amended, and continuing or amending it again is refused).
 */
export function undecided(docs: CleanupDocument[], decisions: CleanupDecisionRecord[]): CleanupDocument[] {
  const decided = new Set(decisions.map((d) => d.documentId));
  return docs.filter((d) => d.status === 'in_force' && !d.amendingMatterId && !decided.has(d.id));
}

export interface CleanupListEntry {
  id: string;
  number: string;
  title: string;
  effectiveAt: string | null;
  expiresAt: string | null;
  reason: string | null;
  amendingMatterId?: string;
}

export interface CleanupLists {
  inForce: CleanupListEntry[];
  amended: CleanupListEntry[];
  repealed: CleanupListEntry[];
  expired: CleanupListEntry[];
}

/** The published lists: each document of the clean-up by its state after the decisions. */
export function cleanupLists(docs: CleanupDocument[], decisions: CleanupDecisionRecord[]): CleanupLists {
  const byDoc = new Map(decisions.map((d) => [d.documentId, d]));
  const entry = (d: CleanupDocument): CleanupListEntry => {
    const dec = byDoc.get(d.id);
    const amendingMatterId = dec?.amendingMatterId ?? d.amendingMatterId;
    return { id: d.id, number: d.number, title: d.title, effectiveAt: d.effectiveAt, expiresAt: d.expiresAt, reason: dec?.reason ?? null, ...(amendingMatterId ? { amendingMatterId } : {}) };
  };
  const lists: CleanupLists = { inForce: [], amended: [], repealed: [], expired: [] };
  for (const d of docs) {
    // Decided to be amended, it stays in force until the amended text takes effect: listed as to be amended (拟修改).
    const decision = byDoc.get(d.id)?.decision;
    if (d.status === 'in_force' && (decision === 'amend' || (d.amendingMatterId && decision !== 'repeal'))) lists.amended.push(entry(d));
    else if (d.status === 'in_force') lists.inForce.push(entry(d));
    else if (d.status === 'amended') lists.amended.push(entry(d));
    else if (d.status === 'repealed') lists.repealed.push(entry(d));
    else if (d.status === 'expired') lists.expired.push(entry(d));
  }
  return lists;
}
