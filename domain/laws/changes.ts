/**
 * What a newer text of a law did to a provision a register cites: still the same words, changed, or gone.
 * The register records the law text's version when a clause was linked to it; the library keeps every
 * version, so the cited words then and now can be compared.
 */
import { type LawLibrary, articleOf } from './library';
import type { Law } from './types';

export interface CitedProvisionRef {
  law: string;
  article: number;
  paragraph?: number;
  item?: number;
  /** the law text's version when cited */
  lawVersion?: string;
}

export type ProvisionChange =
  /** the cited text is the current one, or the law is not in the library */
  | { status: 'current' | 'not_in_library' }
  | { status: 'unchanged' | 'changed' | 'removed'; from: string; to: string; before: string | null; after: string | null };

/** The words of a provision in one version of a law (null: that version lacks it). */
export function provisionText(law: Law, p: { article: number; paragraph?: number; item?: number }): string | null {
  const article = articleOf(law, p.article);
  if (!article) return null;
  if (p.paragraph === undefined && p.item === undefined) return article.text;
  const paragraph = p.paragraph === undefined ? article.paragraphs.find((x) => x.includes('\n')) : article.paragraphs[p.paragraph - 1];
  if (paragraph === undefined) return null;
  if (p.item === undefined) return paragraph;
  return paragraph.split('\n')[p.item] ?? null;
}

/** Compares the cited provision in the version it was cited under with the library's current version. */
export function provisionChange(library: LawLibrary, ref: CitedProvisionRef): ProvisionChange {
  const current = library.find(ref.law);
  if (!current) return { status: 'not_in_library' };
  if (!ref.lawVersion || ref.lawVersion === current.version) return { status: 'current' };
  const old = library.version(ref.law, ref.lawVersion);
  const before = old ? provisionText(old, ref) : null;
  const after = provisionText(current, ref);
  const status = after === null ? 'removed' : before === after ? 'unchanged' : 'changed';
  return { status, from: ref.lawVersion, to: current.version, before, after };
}
