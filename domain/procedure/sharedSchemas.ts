/**
 * Schemas built once and then shared, by name. On a worker this module is preloaded
 * (workflows/preloadShared.ts): evaluated once per worker thread and shared by every workflow on it, while
 * the rest of the bundle is evaluated anew for each workflow. So the Update validator's command schemas are
 * built, and set up by zod on their first parse (its compiled fast path), once per thread instead of once per
 * matter: that was a tenth of the workflow thread's CPU while matters were created and acted on (V8 profile of
 * `SHAPES=cluster MATTERS=40 CONCURRENCY=2 BENCH_CPU_PROF=… npm run bench:procedure`, 2026-12-01 20:16Z).
 * Elsewhere it is an ordinary module: the API and the tests have one cache per process, as any module.
 *
 * What is cached here must be pure — the same for every workflow, with no state of its own that parsing
 * changes — as zod schemas built from constants are. A schema built by one workflow's copy of the domain's
 * modules is then used by the others; it refers only to that copy's constants (regular expressions without
 * the global flag, messages, lists of values), which are the same in every copy. The schemas are not frozen
 * (they are built after the SDK deep-freezes what was preloaded), so zod can set them up on first use.
 */
const built = new Map<string, unknown>();

/** The schema named `name`, built by `build` the first time it is asked for. */
export function sharedSchema<S>(name: string, build: () => S): S {
  if (built.has(name)) return built.get(name) as S;
  const schema = build();
  built.set(name, schema);
  return schema;
}
