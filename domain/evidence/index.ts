/**
 * Evidence: what makes the record trustworthy to an auditor — canonical JSON, the per-matter hash chain
 * and its verification with the heads kept elsewhere, and lawyers' signed statements. Pure functions
 * (hashing and signature checks only), used by the activities that write, and the API and the dossier
 * that verify.
 */
export { canonicalJson } from './canonicalJson';
export { entryHash, GENESIS_HASH, hashedFields, verifyChain, type ChainVerdict, type StoredTrailEntry, type TrailFields } from './hashChain';
export { verifyTrail, type TrailHeadClaim } from './verifyTrail';
export { signOffPayload, signOffSignatureValid, verifySignature, verifySignOff, type SignOffFields, type SignOffVerdict, type StoredSignOff } from './signOff';
export { sha256Hex } from './sha256';
