/**
 * The workers' preload before the lunar dates joined it (workflows/preloadShared.ts): zod only,
 * warmed the same way. bench/workflowCreation.bench.ts bundles it for its comparison row.
 */
import { z } from 'zod';

z.object({ warm: z.string() }).parse({ warm: 'up' });
