import http from 'node:http';

/** A local endpoint standing in for the notification webhook (NOTIFY_WEBHOOK_URL): keeps every JSON body sent to it. */
export interface WebhookRecorder {
  url: string;
  calls: Array<Record<string, unknown>>;
}

/**
 * The recorder for the tests of the calling `describe`: listening before them (register it before the system
 * that is to call it), closed after them. `url` is set once it listens.
 */
export function useWebhookRecorder(): WebhookRecorder {
  const recorder: WebhookRecorder = { url: '', calls: [] };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      recorder.calls.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    recorder.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  });
  afterAll(() => {
    server.close();
  });
  return recorder;
}
