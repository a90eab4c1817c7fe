/**
 * Statistical fallback for the pre-screen: a multinomial Naive Bayes over character bigrams and
 * trigrams (Chinese needs no tokenizer), one class per standard plus a "clean" class, trained on
 * the DEV split of the labelled set only. It speaks only for sentences in which no rule fired and
 * only above a conservative threshold chosen by cross-validation on dev (eval/README.md).
 *
 * The shipped model is a FROZEN artefact (`model/fallback-<version>.json`), written by
 * `npm run fcr:model` from the dev split and read here without training: the labelled data is
 * not on the runtime path, and a growing labelled set cannot change results behind a version.
 * Its hash is part of the pre-screen's fingerprint (pinned.json).
 *
 * Pure and deterministic: no clock, randomness or I/O.
 */
import artefact from './model/fallback-2024-08-01.json';

export interface TrainingItem {
  id: string;
  text: string;
  expected: readonly string[];
  split: string;
}

export interface Model {
  /** class names: standard codes, then 'clean' last */
  readonly classes: readonly string[];
  /** index of the clean class */
  readonly clean: number;
  /** character ids and the row of each known n-gram in `weights` (see eachRow()) */
  readonly vocabulary: { readonly chars: ReadonlyMap<number, number>; readonly rows: ReadonlyMap<number, number> };
  /** per n-gram log-likelihood: row-major, one row per n-gram, one column per class */
  readonly weights: Float64Array;
  readonly logPrior: Float64Array;
  /** ids of the items the model was trained on (for audit: never a test item) */
  readonly trainingIds: readonly string[];
  /** what the weights were computed from; serialised as the frozen artefact */
  readonly counts: ModelCounts;
}

/** The sufficient statistics of a trained model: the weights follow from them by one formula. */
export interface ModelCounts {
  classes: readonly string[];
  /** one line per row, in row order: the n-gram (normalised code units), a tab, then "class:count" pairs joined by commas */
  rows: readonly string[];
  /** per class: training items */
  docs: readonly number[];
  /** per class: n-gram occurrences (each distinct n-gram once per item) */
  totals: readonly number[];
  trainingIds: readonly string[];
}

/** The frozen model file: its counts, what it is, and the threshold it was validated with. */
export interface ModelArtefact extends ModelCounts {
  about: string;
  /** model version, e.g. 'fcr-nb-2024-08-01.1'; bump when the model is retrained */
  version: string;
  /** the fair-competition rule set whose standards are the classes */
  ruleSetVersion: string;
  threshold: number;
}

export interface Verdict {
  /** most likely standard (never 'clean') */
  code: string;
  /** average per-n-gram log-likelihood ratio of that standard over the clean class */
  margin: number;
  /** number of known n-grams the verdict rests on */
  evidence: number;
}

/**
 * Minimum margin for a fallback finding, chosen by cross-validation on dev only
 * (see eval/README.md, "Statistical fallback"): the smallest threshold at which at most 2 % of clean dev
 * clauses are flagged in both 5-fold (by id hash) and leave-one-batch-out cross-validation.
 */
export const FALLBACK_THRESHOLD = 0.55;
/** Sentences shorter than this (headings, fragments) are never scored. */
export const MIN_SENTENCE_CHARS = 8;
/** A verdict resting on fewer known n-grams than this is not trusted. */
const MIN_EVIDENCE = 8;
const ALPHA = 0.5;

const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
const DIGITS = 48; // '0'
const LETTERS = 97; // 'a'

/**
 * UTF-16 code units of a text with numbers folded to '0' (digits carry no meaning for the
 * standard: "3000元" and "500元" read alike), runs of Latin letters to 'a', and spaces dropped.
 */
function normalise(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      const dot = i < n ? text.charCodeAt(i) : 0;
      if ((dot === 46 || dot === 0xff0e) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
      }
      out.push(DIGITS);
    } else if (isLetter(c)) {
      while (i < n && isLetter(text.charCodeAt(i))) i++;
      out.push(LETTERS);
    } else {
      if (!isSpace(c)) out.push(c);
      i++;
    }
  }
  return out;
}

/**
 * N-gram keys: every character seen in training gets a dense id (1…); a bigram's key is
 * a·CHARS+b and a trigram's key is BIGRAMS + row(ab)·CHARS + c, where row(ab) is the bigram's
 * row in the model, so keys stay small integers (fast map keys). Unknown characters end n-grams.
 */
const CHARS = 1 << 13;
const BIGRAMS = CHARS * CHARS;

interface Vocabulary {
  chars: Map<number, number>;
  /** n-gram key → row */
  rows: Map<number, number>;
  /** row → the n-gram's normalised code units, kept while training so the counts can be written out */
  grams?: string[];
}

/**
 * Visits the distinct bigram and trigram rows of a training text, creating missing ones.
 * classify() walks a sentence the same way without creating rows.
 */
function eachRow(v: Vocabulary, text: string, add: boolean, visit: (row: number) => void): void {
  const t = normalise(text);
  const seen = new Set<number>();
  const id = (c: number): number => {
    let x = v.chars.get(c);
    if (x === undefined && add) {
      if (v.chars.size + 1 >= CHARS) return 0;
      v.chars.set(c, (x = v.chars.size + 1));
    }
    return x ?? 0;
  };
  const rowOf = (key: number): number => {
    let r = v.rows.get(key);
    if (r === undefined && add) v.rows.set(key, (r = v.rows.size));
    return r ?? -1;
  };
  const gramOf = (from: number, to: number): string => String.fromCharCode(...t.slice(from, to));
  let prev = id(t[0] ?? 0);
  let prevRow = -1; // row of the bigram ending at the previous character
  for (let i = 1; i < t.length; i++) {
    const cur = id(t[i]!);
    let row = -1;
    if (prev !== 0 && cur !== 0) {
      const before = v.rows.size;
      row = rowOf(prev * CHARS + cur);
      if (v.grams && v.rows.size > before) v.grams.push(gramOf(i - 1, i + 1));
      if (row >= 0 && !seen.has(row)) {
        seen.add(row);
        visit(row);
      }
    }
    if (prevRow >= 0 && cur !== 0) {
      const before = v.rows.size;
      const tri = rowOf(BIGRAMS + prevRow * CHARS + cur);
      if (v.grams && v.rows.size > before) v.grams.push(gramOf(i - 2, i + 1));
      if (tri >= 0 && !seen.has(tri)) {
        seen.add(tri);
        visit(tri);
      }
    }
    prev = cur;
    prevRow = row;
  }
}

/** Counts the distinct n-grams of each training item per class (the whole of training). */
export function countModel(items: readonly TrainingItem[]): ModelCounts {
  const codes = [...new Set(items.flatMap((i) => i.expected))].sort();
  const classes = [...codes, 'clean'];
  const clean = classes.length - 1;
  const index = new Map(classes.map((c, i) => [c, i]));
  const k = classes.length;
  const vocabulary: Vocabulary = { chars: new Map(), rows: new Map(), grams: [] };
  const counts: number[] = [];
  const totals = new Array<number>(k).fill(0);
  const docs = new Array<number>(k).fill(0);
  for (const item of items) {
    const targets = item.expected.length === 0 ? [clean] : item.expected.map((c) => index.get(c)!);
    let grams = 0;
    eachRow(vocabulary, item.text, true, (row) => {
      grams++;
      while (counts.length < (row + 1) * k) counts.push(0);
      for (const c of targets) counts[row * k + c]! += 1;
    });
    for (const c of targets) {
      docs[c]! += 1;
      totals[c]! += grams;
    }
  }
  const rows = vocabulary.grams!.map((gram, r) => {
    const pairs: string[] = [];
    for (let c = 0; c < k; c++) if ((counts[r * k + c] ?? 0) > 0) pairs.push(`${c}:${counts[r * k + c]}`);
    return `${gram}\t${pairs.join(',')}`;
  });
  return { classes, rows, docs, totals, trainingIds: items.map((i) => i.id) };
}

/**
 * The model the counts describe: rebuilds the n-gram keys in row order (a trigram's key needs the
 * row of its leading bigram, which always comes first) and computes the smoothed log-likelihoods.
 */
export function modelFromCounts(m: ModelCounts): Model {
  const k = m.classes.length;
  const clean = m.classes.indexOf('clean');
  if (clean !== k - 1) throw new Error('fallback model: the clean class must come last');
  const chars = new Map<number, number>();
  const id = (c: number): number => {
    let x = chars.get(c);
    if (x === undefined) chars.set(c, (x = chars.size + 1));
    return x;
  };
  const rows = new Map<number, number>();
  const bigramRow = new Map<string, number>();
  const size = m.rows.length;
  const counts = new Float64Array(size * k);
  m.rows.forEach((line, r) => {
    const tab = line.indexOf('\t');
    const gram = line.slice(0, tab);
    let key: number;
    if (gram.length === 2) {
      key = id(gram.charCodeAt(0)) * CHARS + id(gram.charCodeAt(1));
      bigramRow.set(gram, r);
    } else {
      const lead = bigramRow.get(gram.slice(0, 2));
      if (lead === undefined || gram.length !== 3) throw new Error(`fallback model: row ${r} ("${gram}") has no leading bigram`);
      key = BIGRAMS + lead * CHARS + id(gram.charCodeAt(2));
    }
    rows.set(key, r);
    for (const pair of line.slice(tab + 1).split(',')) {
      if (pair.length === 0) continue;
      const [c, n] = pair.split(':');
      counts[r * k + Number(c)] = Number(n);
    }
  });
  const denominators = m.totals.map((t) => Math.log(t + ALPHA * size));
  const weights = new Float64Array(size * k);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < k; c++) weights[r * k + c] = Math.log(counts[r * k + c]! + ALPHA) - denominators[c]!;
  }
  const allDocs = m.docs.reduce((a, b) => a + b, 0);
  const logPrior = Float64Array.from(m.docs, (d) => Math.log((d + 1) / (allDocs + k)));
  return { classes: m.classes, clean, vocabulary: { chars, rows }, weights, logPrior, trainingIds: m.trainingIds, counts: m };
}

export function trainModel(items: readonly TrainingItem[]): Model {
  return modelFromCounts(countModel(items));
}

/** Per-model scratch space for classify(): which rows the current sentence has already counted. */
const scratch = new WeakMap<Model, { stamp: Uint32Array; generation: number }>();

/** The most likely standard for a sentence and how far it stands above the clean reading. */
export function classify(model: Model, text: string): Verdict | null {
  const k = model.classes.length;
  const scores = new Float64Array(model.logPrior);
  const w = model.weights;
  const { chars, rows } = model.vocabulary;
  let s = scratch.get(model);
  if (!s) scratch.set(model, (s = { stamp: new Uint32Array(rows.size), generation: 0 }));
  const stamp = s.stamp;
  const generation = ++s.generation;
  let evidence = 0;
  const count = (row: number): void => {
    if (stamp[row] === generation) return;
    stamp[row] = generation;
    evidence++;
    const base = row * k;
    for (let c = 0; c < k; c++) scores[c]! += w[base + c]!;
  };
  const t = normalise(text);
  let prev = t.length > 0 ? (chars.get(t[0]!) ?? 0) : 0;
  let prevRow = -1;
  for (let i = 1; i < t.length; i++) {
    const cur = chars.get(t[i]!) ?? 0;
    let row = -1;
    if (prev !== 0 && cur !== 0) {
      row = rows.get(prev * CHARS + cur) ?? -1;
      if (row >= 0) count(row);
    }
    if (prevRow >= 0 && cur !== 0) {
      const tri = rows.get(BIGRAMS + prevRow * CHARS + cur) ?? -1;
      if (tri >= 0) count(tri);
    }
    prev = cur;
    prevRow = row;
  }
  if (evidence < MIN_EVIDENCE) return null;
  let best = -1;
  for (let c = 0; c < k; c++) {
    if (c === model.clean) continue;
    if (best < 0 || scores[c]! > scores[best]!) best = c;
  }
  if (best < 0) return null;
  return { code: model.classes[best]!, margin: (scores[best]! - scores[model.clean]!) / evidence, evidence };
}

/** The model version the shipped artefact carries (see `ModelArtefact.version`). */
export const SHIPPED_MODEL_VERSION: string = (artefact as ModelArtefact).version;

let shipped: Model | undefined;

/** The model prescreen() uses: the frozen artefact, read once on first use (no training at run time). */
export function shippedModel(): Model {
  return (shipped ??= modelFromCounts(artefact as ModelArtefact));
}
