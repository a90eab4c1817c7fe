/**
 * The law library the legality pre-screen reads: every version of every law text shipped in
 * `texts/` (bundled into `library.json` by `npm run laws:bundle`, so a pure module can import it).
 * A newer version of a law is a new file with the same title and a later date; both stay in the
 * library, the latest is current, and a register that cites an article of an older version can be
 * compared with the current one.
 */
import bundle from './library.json';
import { parseLaw, shortTitleOf } from './parseLaw';
import type { Article, Law } from './types';

export interface LibraryFile {
  file: string;
  /** SHA-256 of the file's UTF-8 bytes, written by the bundling script */
  sha256: string;
  text: string;
}

export interface LawLibrary {
  /** SHA-256 over the bundled files (names and hashes): changes whenever a text is added or edited */
  readonly hash: string;
  /** every version of every law, oldest first per title */
  readonly laws: readonly Law[];
  /** the current (latest) version of the law cited by this name: '旅游法', '《中华人民共和国旅游法》' */
  find(name: string): Law | undefined;
  /** every version of a law, oldest first */
  versionsOf(name: string): readonly Law[];
  /** a given version ('2019-04-23') of a law */
  version(name: string, version: string): Law | undefined;
}

/** '《中华人民共和国旅游法》' / '旅游法' / ' 旅游法 ' → '旅游法'. */
export function citedName(name: string): string {
  return shortTitleOf(name.replace(/[《》〈〉<>\s]/g, ''));
}

export function buildLibrary(files: readonly LibraryFile[], hash: string): LawLibrary {
  const laws = files.map((f) => parseLaw(f.file, f.text)).sort((a, b) => (a.shortTitle === b.shortTitle ? (a.version < b.version ? -1 : 1) : a.shortTitle < b.shortTitle ? -1 : 1));
  const byName = new Map<string, Law[]>();
  for (const law of laws) {
    const list = byName.get(law.shortTitle) ?? [];
    if (list.some((l) => l.version === law.version)) throw new Error(`law library: two texts of ${law.title} dated ${law.version}`);
    list.push(law);
    byName.set(law.shortTitle, list);
  }
  const versionsOf = (name: string): readonly Law[] => byName.get(citedName(name)) ?? [];
  return {
    hash,
    laws,
    versionsOf,
    find: (name) => {
      const list = versionsOf(name);
      return list[list.length - 1];
    },
    version: (name, version) => versionsOf(name).find((l) => l.version === version),
  };
}

/** The article numbered n of a law, if the law has it. */
export function articleOf(law: Law, n: number): Article | undefined {
  const a = law.articles[n - 1];
  return a && a.number === n ? a : undefined;
}

let shipped: LawLibrary | undefined;

/** The library shipped with the code (parsed once, on first use). */
export function lawLibrary(): LawLibrary {
  return (shipped ??= buildLibrary((bundle as { files: LibraryFile[] }).files, (bundle as { hash: string }).hash));
}
