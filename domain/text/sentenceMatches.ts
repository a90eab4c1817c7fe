import { type Sentence, sentenceAt } from './sentences';

/**
 * Each non-empty match of a global regex that lies wholly inside one sentence, with that sentence's
 * index: the unit in which both pre-screens read a wording's context.
 */
export function* matchesInSentences(text: string, re: RegExp, sentences: readonly Sentence[]): Generator<{ match: RegExpExecArray; sentence: number }> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const si = sentenceAt(sentences, m.index);
    if (si < 0 || m.index + m[0].length > sentences[si]!.end) continue;
    yield { match: m, sentence: si };
  }
}
