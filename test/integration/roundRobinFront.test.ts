import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFront } from '../../scripts/cluster/front';

/**
 * The production shape's round-robin front against real upstream servers with Node's default keep-alive
 * (5 s): a request after a pause longer than that is not sent on a connection the upstream is closing, and a
 * slow answer is not cut short by the front's idle timeout.
 */
function upstream(delayMs: number) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => setTimeout(() => res.end(JSON.stringify({ ok: true })), delayMs));
  });
  return { server, seen };
}

const listen = (server: http.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

async function post(port: number, path: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  await res.text();
  return res.status;
}

describe('round-robin front', () => {
  const servers: http.Server[] = [];
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });

  test('the front closes an idle upstream connection before the upstream would (so an action is never sent on one being closed)', async () => {
    const a = upstream(0);
    servers.push(a.server);
    const front = createFront({ port: 0, upstreams: [{ host: '127.0.0.1', port: await listen(a.server) }] });
    servers.push(front);
    const port = await listen(front);
    const open = () => new Promise<number>((resolve, reject) => a.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
    expect(await post(port, '/first')).toBe(200);
    expect(await open()).toBe(1); // kept alive for the next request
    // Node's server closes an idle kept-alive connection after 5 s: a request sent on it just then is reset,
    // which the front cannot replay for an action without an Idempotency-Key. The front lets it go first.
    await new Promise((r) => setTimeout(r, 4_600));
    expect(await open()).toBe(0);
    expect(await post(port, '/after-pause')).toBe(200);
    expect(a.seen).toEqual(['POST /first', 'POST /after-pause']);
  }, 15_000);

  test('an answer slower than the front\'s idle timeout still arrives', async () => {
    const slow = upstream(4_500);
    servers.push(slow.server);
    const front = createFront({ port: 0, upstreams: [{ host: '127.0.0.1', port: await listen(slow.server) }] });
    servers.push(front);
    expect(await post(await listen(front), '/slow')).toBe(200);
    expect(slow.seen).toEqual(['POST /slow']);
  }, 15_000);
});
