/**
 * Evaluated once per worker thread, before any workflow, and shared by every workflow on it (the SDK's
 * preloadModules; it deep-freezes what this loads). The workflow bundle's modules are otherwise evaluated
 * anew for every workflow instance, and zod's own modules were the largest part of what a matter cost to
 * create. zod keeps no per-workflow state; what it computes lazily at module level (whether `new Function`
 * is allowed, for its fast parsers) is computed here, before the freeze, by one parse.
 *
 * The lunar dates too (domain/calendar/lunarDates.ts and the library under it, tyme4ts): every matter computes
 * the provisional holiday year when it starts. In a workflow's own copy of the library that was ~1 ms to
 * evaluate the 300 KB module and ~4 ms to compute one year's dates with cold code, against ~0.5 ms for the shared,
 * warm copy. The library is pure (test/unit/calendar/purity.test.ts). Its one lazy module-level step, the leap-month
 * table LunarYear fills on first use (assigning the class's static `isInit`, which the freeze would forbid), runs
 * here by the warm-up below. Every matter's workflow runs the frozen copy at its start (allowProvisionalYears);
 * test/integration/provisionalCalendar.test.ts checks the provisional dates it gives through the workflow.
 */
import { z } from 'zod';
import { lunarNewYearsEve, lunarToIso, qingmingDay } from '../domain/calendar/lunarDates';
// The command schemas' cache: shared, so each is built once per thread (domain/procedure/sharedSchemas.ts).
import '../domain/procedure/sharedSchemas';

z.object({ warm: z.string() }).parse({ warm: 'up' });

// Every function provisionalYear uses, once: the library's lazy initialisation happens before the freeze.
lunarNewYearsEve(2030);
lunarToIso(2030, 5, 5);
qingmingDay(2030);
