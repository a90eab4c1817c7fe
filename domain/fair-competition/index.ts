/** Fair-competition review (公平竞争审查): standards catalogue, segmentation and automated pre-screen. */
export {
  CURRENT_RULESET_VERSION,
  RULESET_VERSIONS,
  citation,
  ruleSet,
  ruleSetInForceOn,
  standard,
  type ExceptionItem,
  type FcrException,
  type FcrStandard,
  type RuleSet,
  type StandardGroup,
} from './catalogue';
export { segment, innermostLabel, type Segment } from '../text/segment';
export { prescreen, type Finding, type PrescreenOptions, type PrescreenResult } from './prescreen';
export type { Confidence } from './detectors';
