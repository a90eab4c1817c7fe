/**
 * The answers a workflow gave its latest actions, by action key. Temporal recognises a retried Update only
 * within one run, so a workflow that continues as new carries these on and recognises the key itself: a
 * retry is answered as the first time, never applied again. Only the latest are kept (retries come within
 * minutes, and a run's input must stay small).
 */
export const KNOWN_ANSWERS = 100;

export class KnownAnswers<T extends { actionKey: string }> {
  private readonly answers: T[];

  constructor(carried: readonly T[] = []) {
    this.answers = [...carried];
  }

  find(actionKey: string): T | null {
    return this.answers.find((a) => a.actionKey === actionKey) ?? null;
  }

  remember(answer: T): void {
    this.answers.push(answer);
    if (this.answers.length > KNOWN_ANSWERS) this.answers.splice(0, this.answers.length - KNOWN_ANSWERS);
  }

  /** What a continued run starts from. */
  carried(): T[] {
    return [...this.answers];
  }
}
