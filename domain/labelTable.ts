/**
 * A closed vocabulary kept as one table: each code with its Chinese label (中文名称), in the order the UI
 * lists them. The codes are read off the table, so a code and its label are added in one place.
 */
export interface LabelTable<L extends Readonly<Record<string, string>>> {
  labels: L;
  codes: Array<keyof L & string>;
}

export function labelTable<const L extends Readonly<Record<string, string>>>(labels: L): LabelTable<L> {
  return { labels, codes: codesOf(labels) };
}

/** The codes of a label table, in its order, typed as its keys. */
export function codesOf<L extends Readonly<Record<string, string>>>(labels: L): Array<keyof L & string> {
  return Object.keys(labels) as Array<keyof L & string>;
}
