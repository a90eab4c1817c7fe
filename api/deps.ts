import type { Client } from '@temporalio/client';
import type { Config } from '../platform/config';
import type { Database } from '../platform/database';
import type { Logger } from '../platform/logger';
import type { ProcedureConfig } from '../domain/procedure';
import type { CalendarStore } from './calendar/calendarStore';
import type { VerifiedTokenCache } from './auth/tokenCache';

/** What the API needs from the outside world; built once by the process entry point. */
export interface ApiDeps {
  config: Pick<Config, 'TEMPORAL_TASK_QUEUE' | 'TEMPORAL_NAMESPACE' | 'REQUEST_BODY_LIMIT' | 'DOCUMENT_UPLOAD_LIMIT' | 'AUTH_TOKEN_TTL_MINUTES' | 'AUTH_CACHE_TTL_MS' | 'METRICS_TOKEN' | 'NODE_ENV' | 'WORKFLOW_CONTINUE_AS_NEW_EVENTS'>;
  db: Database;
  temporal: Client;
  log: Logger;
  procedureConfig: ProcedureConfig;
  calendars: CalendarStore;
  /** Checks the Temporal server answers (readiness). */
  temporalHealthy: () => Promise<boolean>;
  version: string;
  signingSecret: string;
  /** How long POST /matters waits for the workflow to store the matter before answering 202 (default 20 s). */
  registrationWaitMs?: number;
  /** How long an action waits for the workflow's answer before answering 503 (default 60 s). */
  actionWaitMs?: number;
  /** The Temporal SDK's metrics exporter when a worker runs in this process (appended to /metrics). */
  sdkMetricsUrl?: string | null;
  /**
   * Aborted when the process stops, before the Temporal connection closes: a call still waiting (an action
   * answered 503 after its wait, a registration answered 202) is given up instead of retrying on a closed
   * channel, which the SDK would report as an uncaught error.
   */
  shutdown?: AbortSignal;
  /** Verified tokens (built by createApp when absent). */
  tokens?: VerifiedTokenCache;
}
