import type { Logger } from '../platform/logger';
import { storeAction, storeRegistration } from './matterRecords';
import { storeAndSendNotification } from './notifications';
import { prescreenVersion, type PrescreenRequest } from './prescreen';
import { refusingUncurable } from './storageRefused';
import { heartbeating } from './heartbeat';
import { screenVersion, type ScreenRequest } from './screenVersion';
import type { ActionRecord, ActivityDatabase, NotificationInput, RegistrationRecord } from './types';
import { assignDocumentNumber, recordRegisterEvent, type NumberRequest, type RegisterEventInput } from './documentRegister';
import { amendingMatterOutcome, documentsAwaitingAmendment } from './amendments';
import { storeAdjustmentSettled, type AdjustmentSettledRecord } from './adjustmentSettled';

export interface ActivityDeps {
  db: ActivityDatabase;
  log: Logger;
  webhookUrl?: string;
  /** Unseals lawyers' signing keys. */
  signingSecret: string;
}

/** The matter workflow's activities, bound to their dependencies (all I/O lives here). */
export function createActivities(deps: ActivityDeps) {
  return {
    recordRegistration: (r: RegistrationRecord) => heartbeating(() => refusingUncurable('The registration', () => storeRegistration(deps.db, r))),
    recordAction: (a: ActionRecord) => heartbeating(() => refusingUncurable('The action', () => storeAction(deps.db, a, deps.signingSecret))),
    recordNotification: (n: NotificationInput) => heartbeating(() => refusingUncurable('The notification', () => storeAndSendNotification(deps, n))),
    /** Legacy: the fair-competition pre-screen of ECON matters, kept for runs started before screenVersion. */
    prescreenVersion: (r: PrescreenRequest) => refusingUncurable('The pre-screen', () => prescreenVersion(deps.db, r)),
    screenVersion: (r: ScreenRequest) => refusingUncurable('The pre-screen', () => screenVersion(deps.db, r)),
    /** The document register (统一编号) at signing, and the document's life after issue (its own workflow). */
    assignDocumentNumber: (r: NumberRequest) => heartbeating(() => refusingUncurable('The document number', () => assignDocumentNumber(deps.db, r))),
    recordRegisterEvent: (e: RegisterEventInput) => heartbeating(() => refusingUncurable('The register event', () => recordRegisterEvent({ db: deps.db, webhookUrl: deps.webhookUrl, log: deps.log }, e))),
    /** An amendment (修改) between a document and the matter drafting it: who waits, and what became of the matter. */
    documentsAwaitingAmendment: (matterId: string) => documentsAwaitingAmendment(deps.db, matterId),
    amendingMatterOutcome: (matterId: string) => amendingMatterOutcome(deps.db, matterId),
    /** What became of the procedure adjusting or stopping an issued major decision (713号令第37条), on the original. */
    recordAdjustmentSettled: (r: AdjustmentSettledRecord) => heartbeating(() => refusingUncurable('The adjustment\'s outcome', () => storeAdjustmentSettled(deps.db, r))),
  };
}
