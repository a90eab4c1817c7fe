/**
 * The fields a lawyer's signature covers: the matter, the exact text (its SHA-256), the outcome, the opinion,
 * the time. A module of its own, free of Node APIs, so the web app's type-check can use it too.
 */
export interface SignOffFields {
  matterId: string;
  lawyerId: string;
  versionNumber: number;
  versionHash: string;
  outcome: string;
  opinionText: string;
  signedAt: string;
}
