import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { Connection } from '@temporalio/client';
import { closableRetries } from '../../../platform/temporal/closableRetries';

/**
 * A gRPC endpoint that answers every call UNAVAILABLE (what a Temporal frontend says while it restarts), so the
 * client's retry interceptor schedules retries from a timer — the situation in which closing the connection
 * used to throw "Channel has been shut down" from that timer, uncaught.
 */
function unavailableServer(): Promise<{ port: number; calls: () => number; close: () => Promise<void> }> {
  let calls = 0;
  const server = http2.createServer();
  server.on('stream', (stream) => {
    calls += 1;
    stream.resume();
    stream.on('end', () => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '14', 'grpc-message': 'frontend restarting' }));
      stream.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    port: (server.address() as AddressInfo).port,
    calls: () => calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  })));
}

describe('closable gRPC retries (platform/temporal/closableRetries)', () => {
  test('closing while a retry waits on its timer: the retry goes out first, the call ends UNAVAILABLE, nothing is thrown from a timer', async () => {
    const server = await unavailableServer();
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const retries = closableRetries();
      const connection = Connection.lazy({ address: `127.0.0.1:${server.port}`, interceptors: [retries.interceptor] });
      const call = connection.workflowService.getSystemInfo({});
      const settled = call.then(() => null, (err: unknown) => err);
      // The first attempt has failed and its retry is on a timer (back-off from 100 ms).
      while (server.calls() < 1) await new Promise((r) => setTimeout(r, 5));
      await retries.drain();
      await connection.close();
      const err = (await settled) as { code?: number } | null;
      expect(err).not.toBeNull();
      expect(err!.code).toBe(14); // UNAVAILABLE: given up once closing, not retried on the closed channel
      expect(server.calls()).toBeGreaterThanOrEqual(1);
      // Any timer the SDK still had would have fired by now (its back-off starts at 100 ms).
      await new Promise((r) => setTimeout(r, 500));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await server.close();
    }
  });
});
