/** Legality pre-screen (合法性审核初筛): what a normative document may not create, grounded in the law texts. */
export {
  LEGALITY_CODES,
  LEGALITY_RULESET_VERSION,
  codeEntry,
  legalityCodes,
  type CodeEntry,
  type LegalityCode,
  type QuotedProvision,
} from './catalogue';
export {
  LEGALITY_FINGERPRINT,
  legalityPrescreen,
  type BasisRegisterEntry,
  type LegalityFinding,
  type LegalityOptions,
  type LegalityResult,
} from './prescreen';
export type { Confidence } from './detectors';
