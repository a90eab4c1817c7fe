import { z } from 'zod';

/**
 * Every setting comes from the environment and is checked once at start-up: a bad or missing value stops
 * the process with one line naming it, instead of failing later somewhere deep in a request.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default('.data'),
    DATABASE_URL: optionalString.pipe(
      z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL').optional(),
    ),
    TEMPORAL_ADDRESS: optionalString.pipe(
      z.string().regex(/^[^\s:/]+:\d+$/, 'must be host:port').optional(),
    ),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('legality-review'),
    TEMPORAL_TLS: booleanFromEnv.default(false),
    TEMPORAL_TLS_CERT_PATH: optionalString,
    TEMPORAL_TLS_KEY_PATH: optionalString,
    TEMPORAL_API_KEY: optionalString,
    TEMPORAL_CLI_PATH: optionalString,
    /** Port of the local dev server started when TEMPORAL_ADDRESS is not set. */
    TEMPORAL_DEV_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Largest JSON request body accepted; document texts travel in it. */
    REQUEST_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'must look like 512kb or 2mb').default('2mb'),
    /** Largest uploaded document (.docx or .txt) turned into a version's text. */
    DOCUMENT_UPLOAD_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'must look like 512kb or 10mb').default('10mb'),
    /** Log lines: `pretty` (readable, for a terminal), `json` (one object per line), or `auto` = pretty on a TTY outside production. */
    LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
    /** Where reminders and escalations are POSTed (optional). */
    NOTIFY_WEBHOOK_URL: optionalString.pipe(z.string().url().optional()),
    /** Path of a JSON file overriding the procedure's durations, quorum and windows (optional). */
    PROCEDURE_CONFIG_PATH: optionalString,
    /** statutory (default) or demo (real-time clocks in seconds; the embedded development default). */
    PROCEDURE_PROFILE: z.enum(['statutory', 'demo']).optional(),
    /** A matter's workflow starts a fresh run (continue-as-new) when its history reaches this many events. */
    WORKFLOW_CONTINUE_AS_NEW_EVENTS: z.coerce.number().int().min(20).max(50_000).default(2_000),
    AUTH_TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).default(8 * 60),
    /** Connections each process keeps to PostgreSQL at most (API and worker processes each have their pool). */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    /**
     * Workflows a worker keeps in memory between their tasks (the SDK's sticky cache); the least recently used
     * beyond it are evicted and replayed from their history when they next act. Each one costs a few MB: every
     * workflow instance evaluates the bundle's modules in its own module cache (zod itself is shared, preloaded;
     * the domain's schemas are not). Unset, the SDK sizes it from the heap limit (~2,300 on a 4 GB heap, which
     * at ~3.5 MB each, before zod was shared, was ~9 GB of worker memory); at 500 one worker peaked at 2.6 GiB
     * RSS at 2,000 open matters and held 1.6 GiB at 5,000 (docs/benchmarks.md, Scale).
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).max(100_000).default(500),
    /** A worker process serves /metrics and /healthz on this port (the API serves /metrics on its own port). */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** The Temporal SDK exports its metrics here (127.0.0.1); our /metrics appends them. Default: a free port. */
    TEMPORAL_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** When set, /metrics wants `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: optionalString,
    /** How long an API instance trusts a token it verified before asking the database again (0 = always ask); bounds how late a revocation takes effect on other instances. */
    AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
    /** Seals lawyers' signing keys at rest. Development keeps a generated one in DATA_DIR. */
    SIGNING_KEY_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    /** When set and no admin exists yet, an `admin` user with this password is created at start. */
    ADMIN_BOOTSTRAP_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').optional()),
  })
  .superRefine((c, ctx) => {
    if (c.TEMPORAL_TLS_CERT_PATH && !c.TEMPORAL_TLS_KEY_PATH) {
      ctx.addIssue({ code: 'custom', path: ['TEMPORAL_TLS_KEY_PATH'], message: 'is required with TEMPORAL_TLS_CERT_PATH' });
    }
    if (c.NODE_ENV === 'production' && !c.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required in production (the embedded database is for development)' });
    }
    if (c.NODE_ENV === 'production' && c.PROCEDURE_PROFILE === 'demo') {
      ctx.addIssue({ code: 'custom', path: ['PROCEDURE_PROFILE'], message: 'cannot be demo in production' });
    }
    if (c.NODE_ENV === 'production' && !c.SIGNING_KEY_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SIGNING_KEY_SECRET'], message: 'is required in production' });
    }
    if (c.NODE_ENV === 'production' && !c.TEMPORAL_ADDRESS) {
      ctx.addIssue({ code: 'custom', path: ['TEMPORAL_ADDRESS'], message: 'is required in production (the dev server is for development)' });
    }
  });

export type Config = z.infer<typeof configSchema>;

/** Demo clocks only where demo people are: the embedded database in development, unless told otherwise. */
export function procedureProfile(c: Config): 'statutory' | 'demo' {
  return c.PROCEDURE_PROFILE ?? (!c.DATABASE_URL && c.NODE_ENV === 'development' ? 'demo' : 'statutory');
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is the one line to show. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = issue.path.join('.') || 'environment';
  const got = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
  throw new ConfigError(
    `Configuration error: ${name} ${issue.message}${got !== undefined ? ` (got ${JSON.stringify(got)})` : ''}`,
  );
}

/** For process entry points: parse or print the one line and exit. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
