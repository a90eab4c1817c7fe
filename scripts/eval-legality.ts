/**
 * Measures the legality pre-screen against its labelled set (domain/legality/eval/labelled.json):
 * recall and false-positive rate per code, per split, per authoring batch; then checks the floors in
 * domain/legality/eval/thresholds.json and exits 1 if quality dropped below the recorded level.
 *
 *   npm run eval:legality                 # summary, dev errors, threshold check
 *   npm run eval:legality -- --errors     # also list test-split errors (look, never tune on them)
 *   npm run eval:legality -- --batch 3    # one authoring batch with its errors
 *   npm run eval:legality -- --record     # write the measured level as the new floors (deliberate)
 */
import { join } from 'path';
import { legalityPrescreen, LEGALITY_CODES, LEGALITY_FINGERPRINT } from '../domain/legality';
import { legalityLabelledItems } from '../domain/legality/eval/data';
import { fingerprintLabel } from '../domain/pinning/fingerprint';
import { runEvaluation } from './lib/evaluationReport';

runEvaluation({
  title: `legality pre-screen evaluation — ${fingerprintLabel(LEGALITY_FINGERPRINT)}`,
  items: legalityLabelledItems(),
  codes: LEGALITY_CODES,
  codesOf: (text) => legalityPrescreen(text).findings.map((f) => f.code),
  thresholdsPath: join(__dirname, '../domain/legality/eval/thresholds.json'),
  recordedWith: fingerprintLabel(LEGALITY_FINGERPRINT),
});
