import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { parseConfig, type Config } from '../../../platform/config';
import { createLogger } from '../../../platform/logger';
import { startSystem, type System } from '../../../app/system';
import { hashPassword } from '../../../api/auth/passwords';
import { generateSigningKey } from '../../../platform/signingKeys';
import { BUREAU_ID, LAW_FIRM_ID, ensureOrganisations } from '../../../api/people/demoPeople';
import type { Role } from '../../../domain/procedure';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef0123456789';

export interface StartOptions {
  /** The embedded database instead of the shared PostgreSQL one. */
  embedded?: boolean;
  /** More settings (as environment variables), over the test defaults. */
  env?: Record<string, string>;
}

export type TestSystem = System & { config: Config };

/**
 * The real system (API + worker) in this test process, against the run's Temporal dev server and a real
 * database: the PostgreSQL one by default, or the embedded one when `embedded` is set.
 */
export async function startTestSystem(opts: StartOptions = {}): Promise<TestSystem> {
  const dataDir = fs.mkdtempSync(path.join(process.env.TEST_ROOT!, 'sys-'));
  const config = parseConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
    // Each test file has its own task queue, so its worker handles only its own matters.
    TEMPORAL_TASK_QUEUE: `lr-test-${crypto.randomUUID()}`,
    SIGNING_KEY_SECRET: TEST_SIGNING_SECRET,
    ...(opts.embedded ? {} : { DATABASE_URL: process.env.TEST_DATABASE_URL }),
    // Test files run side by side on one PostgreSQL (max_connections 100): a small pool each keeps them under it.
    DATABASE_POOL_MAX: '5',
    ...opts.env,
  });
  const system = await startSystem({
    config,
    log: createLogger(config),
    runWorker: true,
    runApi: true,
    workflowBundle: { codePath: process.env.TEST_WORKFLOW_BUNDLE! },
  });
  return system;
}

/** The system and its API client for the tests of the calling `describe`: started before them, stopped after them. */
export function useTestSystem(opts: StartOptions | (() => StartOptions) = {}): { system: TestSystem; http: ReturnType<typeof api> } {
  const stack = {} as { system: TestSystem; http: ReturnType<typeof api> };
  beforeAll(async () => {
    stack.system = await startTestSystem(typeof opts === 'function' ? opts() : opts);
    stack.http = api(stack.system);
  });
  afterAll(async () => {
    await stack.system?.stop();
  });
  return stack;
}

export interface TestPerson {
  id: string;
  username: string;
  password: string;
  token: string;
}

/**
 * Creates a person with the given roles directly in the database (unique username per call) and logs
 * them in through the API, so every test action is attributed to an authenticated person.
 */
export async function person(system: System, roles: Role[], opts: { sectionId?: string | null; contract?: { from: string; to: string }; displayName?: string; legalQualification?: boolean } = {}): Promise<TestPerson> {
  const prisma = system.db.prisma;
  await ensureOrganisations(prisma, null);
  const username = `${roles.join('+')}-${crypto.randomUUID().slice(0, 8)}`;
  const password = crypto.randomBytes(9).toString('base64url');
  const isLawyer = roles.includes('lawyer');
  const key = isLawyer ? generateSigningKey(system.config.SIGNING_KEY_SECRET ?? TEST_SIGNING_SECRET) : null;
  const user = await prisma.user.create({
    data: {
      id: `u-${username}`,
      username,
      displayName: opts.displayName ?? username,
      passwordHash: await hashPassword(password),
      roles,
      organisationId: isLawyer ? LAW_FIRM_ID : BUREAU_ID,
      sectionId: opts.sectionId === undefined ? (roles.includes('drafter') ? 'market' : null) : opts.sectionId,
      contractFrom: opts.contract?.from ?? null,
      contractTo: opts.contract?.to ?? null,
      legalQualification: opts.legalQualification ?? false,
      signingPublicKey: key?.publicKeyPem ?? null,
      signingKeySealed: key?.sealed ?? null,
    },
  });
  const res = await fetch(`${system.apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login failed for ${username}: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return { id: user.id, username, password, token };
}

/** A small HTTP client for the API, as a browser or another service would use it. */
export function api(system: System) {
  const call = async (method: string, url: string, who: TestPerson | null, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${system.apiUrl}${url}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  };
  return {
    get: (url: string, who: TestPerson | null) => call('GET', url, who),
    post: (url: string, who: TestPerson | null, body?: unknown, headers?: Record<string, string>) => call('POST', url, who, body, headers),
    put: (url: string, who: TestPerson | null, body?: unknown) => call('PUT', url, who, body),
    patch: (url: string, who: TestPerson | null, body?: unknown) => call('PATCH', url, who, body),
    act: (matterId: string, who: TestPerson, command: Record<string, unknown>, extra: { text?: string; idempotencyKey?: string } = {}) =>
      call('POST', `/api/v1/matters/${matterId}/actions`, who, { command, ...(extra.text !== undefined ? { text: extra.text } : {}) }, extra.idempotencyKey ? { 'idempotency-key': extra.idempotencyKey } : {}),
  };
}

/** Writes a procedure configuration (the file PROCEDURE_CONFIG_PATH names) under the run's TEST_ROOT; returns its path. */
export function procedureConfigFile(config: Record<string, unknown>): string {
  const file = path.join(process.env.TEST_ROOT!, `procedure-${crypto.randomUUID()}.json`);
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

/**
 * A procedure configuration file with short real-time clocks for normative documents (there is no
 * time-skipping server): minimum review 2 s unless given, review time limit as given. Major decisions stay statutory.
 */
export function shortClocksConfigFile(opts: { legalityTimeLimitSeconds?: number; reminderLeadSeconds?: number; legalityMinimumSeconds?: number } = {}): string {
  return procedureConfigFile({
    kinds: {
      normative_document: { legalityReviewMinimum: { amount: opts.legalityMinimumSeconds ?? 2, unit: 'seconds' }, legalityReviewTimeLimit: { amount: opts.legalityTimeLimitSeconds ?? 3600, unit: 'seconds' } },
      enforcement_review: { legalityReviewTimeLimit: { amount: 3600, unit: 'seconds' } },
    },
    reminderLead: { amount: opts.reminderLeadSeconds ?? 60, unit: 'seconds' },
  });
}
