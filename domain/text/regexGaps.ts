/**
 * Gaps for rules written as regex source: how far apart two words of one rule may stand, without
 * crossing a comma (phrase), a semicolon (provision) or a sentence end.
 */

/** Characters that end a phrase: a rule's gap never crosses a comma or a sentence end. */
const PHRASE_STOP = '，,。；;！!？?\\n：:';
/** Characters that end a sentence. */
const SENTENCE_STOP = '。！!？?\\n';
/** Characters that end a provision inside a sentence: a semicolon starts a new one. */
const PROVISION_STOP = '。；;！!？?\\n';

/** Lazy gap of at most n characters inside one comma-delimited phrase. */
export const gap = (n: number): string => `[^${PHRASE_STOP}]{0,${n}}?`;
/** Greedy gap: takes up to n characters of the phrase, to extend a span over the words that follow. */
export const ggap = (n: number): string => `[^${PHRASE_STOP}]{0,${n}}`;
/** Lazy gap of at most n characters inside one sentence (may cross commas). */
export const sgap = (n: number): string => `[^${SENTENCE_STOP}]{0,${n}}?`;
/** Lazy gap inside one provision (may cross commas, not semicolons). */
export const pgap = (n: number): string => `[^${PROVISION_STOP}]{0,${n}}?`;
