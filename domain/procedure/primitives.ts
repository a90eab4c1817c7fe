/**
 * The text and value primitives every request schema is built from, so that what may reach the database
 * is decided in one place. PostgreSQL refuses U+0000 in text and any string that is not valid UTF-8 (a
 * lone surrogate cannot be encoded); letting either through validation made the storing activity fail
 * for ever and wedged the matter. Control characters have no place in stored records either (they hide
 * text in printouts and CSV cells). Prose keeps the line breaks and tabs it needs.
 */
import { z } from 'zod';
import { isValidDate } from '../calendar/isoDate';

/** U+0000–U+001F, U+007F–U+009F except tab, line feed and carriage return. */
const CONTROL_IN_PROSE = /[^\P{Cc}\t\n\r]/u;
/** Every control character, line breaks included. */
const CONTROL_IN_LINE = /\p{Cc}/u;
/** A surrogate not paired with its partner is not a character and cannot be stored. */
const LONE_SURROGATE = /\p{Cs}/u;

const NO_LONE_SURROGATE = 'must be valid Unicode (no unpaired surrogate)';
const PROSE_CONTROL = 'must not contain NUL or control characters other than line breaks and tabs';

const trimmedText = (max: number, control: RegExp, controlMessage: string) =>
  z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !control.test(s), controlMessage)
    .refine((s) => !LONE_SURROGATE.test(s), NO_LONE_SURROGATE);

/**
 * One schema per kind and length, shared by every field that uses it. zod schemas are immutable (every
 * method returns a new one), so sharing is safe; building each field's own chain of six was most of the
 * CPU a workflow spent being created (the bundle's modules are evaluated for every workflow instance).
 */
function memoByMax<S>(build: (max: number) => S): (max: number) => S {
  const built = new Map<number, S>();
  return (max) => {
    let schema = built.get(max);
    if (!schema) built.set(max, (schema = build(max)));
    return schema;
  };
}

/**
 * A schema built when first asked for, then the same one. The workflow bundle's modules are evaluated anew
 * for every workflow instance, and a workflow replaying its history (a matter's after leaving a worker's
 * cache; every document's) parses no command, configuration or stored state: building those schemas at
 * module load was a sixth of the CPU a matter's replay cost and over a third of a document's (38.7 → 32.6 and
 * 20.8 → 12.9 ms, bench/workflowCreation.bench.ts), and every workflow in a worker's cache kept its own copies:
 * a worker holding 500 cached matters had 1.3–2.0 GiB of RSS, now 0.9–1.2 (bench/scale.bench.ts).
 */
export function builtOnFirstUse<S>(build: () => S): () => S {
  let built: S | undefined;
  return () => (built ??= build());
}

const lineOf = memoByMax((max) => trimmedText(max, CONTROL_IN_LINE, 'must not contain control characters or line breaks'));
const proseOf = memoByMax((max) => trimmedText(max, CONTROL_IN_PROSE, PROSE_CONTROL));

/** A one-line value: a name, an id, a reference. Trimmed, not empty, no control characters at all. */
export const line = (max = 500) => lineOf(max);

/** Free text: an opinion, a reason, a note. Trimmed, not empty; line breaks and tabs allowed. */
export const prose = (max = 20_000) => proseOf(max);

const documentTextOf = memoByMax((max) =>
  z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${thousands(max)} characters`)
    .refine((t) => t.trim().length > 0, 'must not be blank')
    .refine((s) => !CONTROL_IN_PROSE.test(s), PROSE_CONTROL)
    .refine((s) => !LONE_SURROGATE.test(s), NO_LONE_SURROGATE),
);

/** A document's text: kept exactly as sent (its SHA-256 binds sign-offs), not blank, up to `max` characters. */
export const documentText = (max = 1_000_000) => documentTextOf(max);

const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A calendar day, YYYY-MM-DD, that exists (2025-02-30 is refused: a clock computed from it would throw). */
export const calendarDay = () => z.string().refine(isValidDate, 'must be a real date YYYY-MM-DD');

/** An instant with its offset, e.g. 2025-03-01T09:30:00+08:00. */
export const instant = z.iso.datetime({ offset: true });

export const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');

/** An enum from the domain's own list of values, so the two cannot drift apart. */
export const oneOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);
