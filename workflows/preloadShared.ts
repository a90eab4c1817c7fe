/**
 * Evaluated once per worker thread, before any workflow, and shared by every workflow on it (the SDK's
 * preloadModules; it deep-freezes what this loads). The workflow bundle's modules are otherwise evaluated
 * anew for every workflow instance, and zod's own modules were the largest part of what a matter cost to
 * create. zod keeps no per-workflow state; what it computes lazily at module level (whether `new Function`
 * is allowed, for its fast parsers) is computed here, before the freeze, by one parse.
 */
import { z } from 'zod';

z.object({ warm: z.string() }).parse({ warm: 'up' });
