/**
 * Evidence: what makes the record trustworthy to an auditor — canonical JSON, the per-matter hash chain
 * and its verification with the heads kept elsewhere, and lawyers' signed statements. Pure functions
 * (hashing and signature checks only), used by the activities that write, and the API and the dossier
 * that verify.
 */
export { canonicalJson } from './canonicalJson';
export { CURRENT_HASH_VERSION, entryHash, GENESIS_HASH, hashedFields, verifyChain, type ChainVerdict, type StoredTrailEntry, type TrailFields, type TrailFieldsV1, type TrailFieldsV2 } from './hashChain';
export { verifyTrail, type TrailHeadClaim } from './verifyTrail';
export { signOffPayload, signOffSignatureValid, verifySignature, verifySignOff, type SignOffFields, type SignOffVerdict, type StoredSignOff } from './signOff';
export { sha256Hex } from './sha256';
export {
  malformedTrailEntrySchema,
  stateChangeSchema,
  SYSTEM_EVENT_TYPES,
  TRAIL_EVENT_TYPES,
  trailEntrySchema,
  trailEntryView,
  trailEventDataSchema,
  type MalformedTrailEntry,
  type RequestOrigin,
  type SystemEventType,
  type TrailEntryView,
  type TrailEventData,
  type TrailEventType,
  type TrailRow,
} from './trailEvents';
export { ADMIN_EVENT_TYPES, ADMIN_GENESIS_HASH, adminEventDataSchemas, adminEventHash, verifyAdminChain, type AdminChainVerdict, type AdminEventData, type AdminEventFields, type AdminEventType, type StoredAdminEvent } from './adminEvents';
