import { z } from 'zod';
import { documentText } from '../../domain/procedure';

/**
 * The text both pre-screen endpoints screen: same limits, same errors — and the same as a version's text
 * (api/routes/matters.ts), so whatever a version holds can be screened from the matter's page. The CPU a
 * large text costs (over a second at that size) is why the endpoints need a login.
 */
export const prescreenTextSchema = documentText();

/** What produced a result: rule-set version and the hashes of detectors, model and law library. */
export const fingerprintSchema = z.object({
  ruleSetVersion: z.string(),
  detectorsHash: z.string(),
  modelHash: z.string().nullable(),
  lawsHash: z.string().optional(),
});
