import fs from 'node:fs';
import { Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import type { Config } from '../config';
import { closableRetries } from './closableRetries';

type TemporalSettings = Pick<Config, 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CERT_PATH' | 'TEMPORAL_TLS_KEY_PATH' | 'TEMPORAL_API_KEY'>;

/** TLS and API key for a Temporal cluster or Temporal Cloud; nothing for the local dev server. */
function securityOptions(c: TemporalSettings) {
  const tls =
    c.TEMPORAL_TLS_CERT_PATH && c.TEMPORAL_TLS_KEY_PATH
      ? { clientCertPair: { crt: fs.readFileSync(c.TEMPORAL_TLS_CERT_PATH), key: fs.readFileSync(c.TEMPORAL_TLS_KEY_PATH) } }
      : c.TEMPORAL_TLS || c.TEMPORAL_API_KEY
        ? true
        : undefined;
  return { tls, ...(c.TEMPORAL_API_KEY ? { apiKey: c.TEMPORAL_API_KEY } : {}) };
}

/** The client's connection; `close()` lets retries already scheduled go out first (platform/temporal/closableRetries). */
export async function connectClient(address: string, c: TemporalSettings): Promise<{ connection: Connection; close: () => Promise<void> }> {
  const retries = closableRetries();
  const connection = await Connection.connect({ address, ...securityOptions(c), interceptors: [retries.interceptor] } as ConnectionOptions);
  return {
    connection,
    close: async () => {
      await retries.drain();
      await connection.close();
    },
  };
}

export function connectWorker(address: string, c: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect({ address, ...securityOptions(c) } as NativeConnectionOptions);
}
