import { patched } from '@temporalio/workflow';

/**
 * One marker for every patch a new run takes anyway. Each `patched()` in a run that is not replaying records
 * a marker, and Temporal's core adds to each an upsert of the TemporalChangeVersion search attribute: with
 * nineteen patches, a new matter wrote some forty history events and nineteen visibility updates before its
 * first action, each one work for the server and its database. A run started since this baseline records
 * its one marker and takes every patch named here without asking; a run started before has no baseline
 * marker and asks for each patch where it always did, so its history replays as it ran.
 *
 * Patches added after this baseline are asked for with plain `patched()` (runs on the baseline do not have
 * them until they do): never add an id to this list.
 */
export const MATTER_PATCH_BASELINE = 'matter-patch-baseline-2026-11-30';

const IN_BASELINE = new Set([
  'version-authors-may-not-review',
  'screen-every-version',
  'legal-unit-noted-on-every-action',
  'meeting-after-scheduling',
  'risk-not-controllable-stops',
  'public-participation-required',
  'fcr-findings-bound-to-text',
  'econ-removal-by-legal-unit',
  'opinions-each-their-own',
  'deciding-bodies-and-rosters',
  'provisional-calendar-years',
  'commands-only-on-change',
  'known-action-keys',
  'document-register-numbers',
  'document-life-workflow',
  'continue-as-new-when-long',
  'alerts-only-for-obligations',
  'major-decision-implementation',
]);

/**
 * The second baseline: the first's patches and those added since, up to this date. A run started since records this
 * one marker instead of the first baseline's and six more (four at its start, the others at publication and at its
 * end); runs on the first baseline, or on none, replay as they ran. The same rule: never add an id to this list.
 */
export const MATTER_PATCH_BASELINE_2 = 'matter-patch-baseline-2026-12-02';

const IN_BASELINE_2 = new Set([
  ...IN_BASELINE,
  'gates-as-written',
  'limits-as-written',
  'stops-as-written',
  'authority-as-written',
  'document-life-start-unawaited',
  'document-life-before-continue-as-new',
  'amendment-ended-told',
]);

interface Baseline {
  id: string;
  patches: ReadonlySet<string>;
}

/**
 * `patched()` under baselines, newest first: the first one this run is on (asked in that order, so a new run records
 * only the newest marker) answers for the patches it names; any other patch is asked for on its own. Each baseline
 * names all of the older ones' patches.
 */
function patchesOn(baselines: readonly Baseline[]): (patchId: string) => boolean {
  const on = baselines.find((b) => patched(b.id));
  return (patchId) => on?.patches.has(patchId) === true || patched(patchId);
}

/** `patched()` for the matter workflow: call once at the start of a run, then ask the returned function. */
export function matterPatches(): (patchId: string) => boolean {
  return patchesOn([
    { id: MATTER_PATCH_BASELINE_2, patches: IN_BASELINE_2 },
    { id: MATTER_PATCH_BASELINE, patches: IN_BASELINE },
  ]);
}

/**
 * The document workflow's baseline: every patch it asks for, up to this date, under one marker (each `patched()`
 * also upserts a search attribute the server indexes). Runs started before ask for each as they did.
 */
export const DOCUMENT_PATCH_BASELINE = 'document-patch-baseline-2026-12-02';

const DOCUMENT_IN_BASELINE = new Set([
  'document-issue-under-writer',
  'document-decisions-as-written',
  'document-decisions-checked',
  'document-exception-reminders',
  'document-amendment-awaits-issue',
  'document-known-action-keys',
]);

/** `patched()` for the document workflow: call once at the start of a run, then ask the returned function. */
export function documentPatches(): (patchId: string) => boolean {
  return patchesOn([{ id: DOCUMENT_PATCH_BASELINE, patches: DOCUMENT_IN_BASELINE }]);
}
