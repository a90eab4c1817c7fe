import crypto from 'node:crypto';

/**
 * A statement PostgreSQL parses and plans once per connection and then only binds and executes: node-postgres
 * prepares a query given a name on each connection the first time that connection runs it. For the hot,
 * primary-key statements only — the matter row and its reminders, the token, the idempotency claim, the trail
 * append — where one plan fits every parameter: measured with a scratch script against PostgreSQL 15, the
 * server's CPU per call fell from 0.15 to 0.08 ms for the matter row and from 0.49–0.60 to 0.20–0.29 ms for the
 * append, and the calling process's by ~0.05 ms (docs/benchmarks.md, summary of 2026-11-30 19:10Z). Queries
 * whose best plan depends on their parameters (the work list's filters) stay unnamed. The embedded database
 * runs the text as it is. PostgreSQL plans a prepared statement again after a migration, but refuses one whose
 * result columns changed type ("cached plan must not change result type") on a connection that prepared it
 * before: a migration that changes such a column's type is deployed with a restart of every process.
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

const byText = new Map<string, NamedStatement>();

/** The statement for this SQL text: its name is derived from the text, so one name never means two texts. */
export function named(text: string): NamedStatement {
  let statement = byText.get(text);
  if (!statement) {
    statement = Object.freeze({ name: `lr_${crypto.createHash('sha256').update(text).digest('hex').slice(0, 32)}`, text });
    byText.set(text, statement);
  }
  return statement;
}

/** The SQL text of a query given as text or as a named statement. */
export function sqlText(sql: string | NamedStatement): string {
  return typeof sql === 'string' ? sql : sql.text;
}

/** node-postgres's query config: a named statement is prepared on each connection once. */
export function pgQuery(sql: string | NamedStatement, values: unknown[] | undefined): { text: string; values?: unknown[]; name?: string } {
  return typeof sql === 'string' ? { text: sql, values } : { name: sql.name, text: sql.text, values };
}
