import crypto from 'node:crypto';
import { canonicalJson } from './canonicalJson';
import { sha256Hex } from './sha256';
import type { SignOffFields } from './signOffFields';

export type { SignOffFields };

/** The statement a lawyer signs, byte for byte. */
export function signOffPayload(s: SignOffFields): string {
  return canonicalJson({ purpose: 'legality-review sign-off', ...s });
}

/** Ed25519 verification of a payload against a PEM public key; a malformed key or signature is simply invalid. */
export function verifySignature(payload: string, signature: string, publicKeyPem: string): boolean {
  try {
    return crypto.verify(null, Buffer.from(payload, 'utf8'), crypto.createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export interface StoredSignOff {
  matterId: string;
  lawyerId: string;
  versionNumber: number;
  outcome: string;
  opinionText: string;
  signedAt: Date;
  signature: string;
  publicKey: string;
}

/** Whether the stored signature covers the sign-off's fields bound to this version (number and hash). */
export function signOffSignatureValid(s: StoredSignOff, version: { number: number; sha256: string }): boolean {
  const rebuilt = signOffPayload({ matterId: s.matterId, lawyerId: s.lawyerId, versionNumber: version.number, versionHash: version.sha256, outcome: s.outcome, opinionText: s.opinionText, signedAt: s.signedAt.toISOString() });
  return verifySignature(rebuilt, s.signature, s.publicKey);
}

export interface SignOffVerdict {
  valid: boolean;
  signatureValid: boolean;
  textMatches: boolean;
  checkedVersion: number;
  reason: string | null;
}

/**
 * Rebuilds the signed statement from the stored sign-off and a stored version, and checks both the
 * signature and that the version's text still has the hash it is stored under. The signature holds only
 * if that version is exactly what the lawyer signed.
 */
export function verifySignOff(s: StoredSignOff, version: { number: number; sha256: string; text: string }): SignOffVerdict {
  const signatureValid = signOffSignatureValid(s, version);
  const textMatches = sha256Hex(version.text) === version.sha256;
  const reason = !signatureValid
    ? version.number !== s.versionNumber
      ? `the signature covers version ${s.versionNumber}, not version ${version.number}`
      : 'the signature does not match the stored sign-off (it was altered)'
    : !textMatches
      ? 'the stored text no longer matches its SHA-256 (the text was altered)'
      : null;
  return { valid: signatureValid && textMatches, signatureValid, textMatches, checkedVersion: version.number, reason };
}
