import { z } from 'zod';
import { documentText } from '../../domain/procedure';

/** Largest text the pre-screen endpoints take (characters); a whole normative document fits many times. */
export const PRESCREEN_MAX_CHARS = 500_000;

/** The text both pre-screen endpoints screen: same limits, same errors. */
export const prescreenTextSchema = documentText(PRESCREEN_MAX_CHARS);

/** What produced a result: rule-set version and the hashes of detectors, model and law library. */
export const fingerprintSchema = z.object({
  ruleSetVersion: z.string(),
  detectorsHash: z.string(),
  modelHash: z.string().nullable(),
  lawsHash: z.string().optional(),
});
