/** The document workflow's public surface (one workflow per issued document), shared by workflow, worker and API. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DocumentLifeConfig } from '../domain/lifecycle/config';
import type { AmendmentOutcome, DocumentDecision, DocumentLife } from '../domain/lifecycle/documentLife';
import type { Actor, MatterKind } from '../domain/procedure';

export const DOCUMENT_WORKFLOW_TYPE = 'documentWorkflow';

/** Deterministic: one document per matter, so the matter's workflow (or anyone) can find or start it. */
export function documentWorkflowId(matterId: string): string {
  return `document-${matterId}`;
}

export interface DocumentWorkflowInput {
  documentId: string;
  number: string;
  title: string;
  /** The matter's kind (the replay suite reads it from every committed history). */
  kind: MatterKind;
  effectiveAt: string;
  expiresAt: string | null;
  exceptionEndsAt: string | null;
  /** The periods it lives under, fixed when it is issued. */
  config: DocumentLifeConfig;
  /** Past this many history events the run continues as new (the matter's setting; absent in older runs). */
  historyEventsBeforeContinueAsNew?: number;
  /** Carried over by continue-as-new (answers: since DOCUMENT_KNOWN_KEYS_PATCH). */
  resume?: { life: DocumentLife; head: RegisterHeadView | null; answers?: DocumentKnownAnswer[] };
}

/** The answer a decision was given, kept by its action key so a retry in a later run is answered alike. */
export interface DocumentKnownAnswer {
  actionKey: string;
  summary: string;
}

export interface RegisterHeadView {
  seq: number;
  hash: string;
}

export interface DocumentDecisionRequest {
  decision: DocumentDecision;
  actor: Actor;
  /** Idempotency key of the request: a retry is answered as the first time. */
  actionKey: string;
  /** Checked by the API before sending (the workflow cannot read the database). */
  amendingMatterExists?: boolean;
}

export interface DocumentView {
  life: DocumentLife;
  head: RegisterHeadView | null;
}

export const decideDocumentUpdate = defineUpdate<DocumentView & { summary: string }, [DocumentDecisionRequest]>('decide');
export const documentViewQuery = defineQuery<DocumentView>('view');
/**
 * What became of the matter drafting this document's amendment (修改): sent by the amended text's own document
 * workflow when it is put out, or by the matter's workflow when it ends without issuing. A signal: the sender
 * waits for no one, and an outcome that is not this document's pending amendment changes nothing.
 */
export const amendmentSettledSignal = defineSignal<[AmendmentOutcome]>('amendmentSettled');
