/**
 * A small round-robin front for the API processes (what a load balancer does in production), on one port.
 *
 *   FRONT_PORT=17280 FRONT_UPSTREAMS=127.0.0.1:17281,127.0.0.1:17282 node --import tsx scripts/cluster/front.ts
 *
 * - Requests go to the next upstream in turn over kept-alive connections.
 * - An upstream that refuses the connection is skipped (the request never reached it, so trying the next is
 *   safe for any method) and rested for a second.
 * - An upstream that dies while holding a request (kill -9 between receiving and answering) cannot be
 *   retried safely here: the client gets 503 with Retry-After and retries with its Idempotency-Key.
 * - With no upstream reachable: 503 with Retry-After, never a hang.
 */
import http from 'node:http';

export interface FrontOptions {
  port: number;
  host?: string;
  upstreams: Array<{ host: string; port: number }>;
  /** How long an upstream that refused a connection is skipped. */
  restMs?: number;
}

const RETRY_AFTER_SECONDS = '1';
/** Below the upstream's keep-alive timeout (Node's default, 5 s). */
const UPSTREAM_IDLE_MS = 4_000;

function unavailable(res: http.ServerResponse, detail: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ type: 'about:blank', title: 'Service unavailable', status: 503, code: 'service_unavailable', detail });
  res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': RETRY_AFTER_SECONDS, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export function createFront(opts: FrontOptions): http.Server {
  // Idle upstream connections are closed here before the API would close them (Node's server: 5 s after its
  // last answer): otherwise a request sent on a connection the API is closing at that moment is reset, which
  // cannot be replayed for an action without an Idempotency-Key (seen: a 503 after a 5 s pause in a benchmark).
  // The agent's socket timeout closes only idle sockets; a request in progress is not cut short by it.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, timeout: UPSTREAM_IDLE_MS });
  const restingUntil = new Array<number>(opts.upstreams.length).fill(0);
  let next = 0;

  const pick = (tried: Set<number>): number | null => {
    const now = Date.now();
    for (let i = 0; i < opts.upstreams.length; i++) {
      const k = (next + i) % opts.upstreams.length;
      if (!tried.has(k) && restingUntil[k]! <= now) {
        next = (k + 1) % opts.upstreams.length;
        return k;
      }
    }
    // All resting: try any not yet tried rather than refuse outright.
    for (let k = 0; k < opts.upstreams.length; k++) if (!tried.has(k)) return k;
    return null;
  };

  return http.createServer((req, res) => {
    // The body is buffered so that a refused connection can be replayed to the next upstream.
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const replayable = req.method === 'GET' || req.method === 'HEAD' || !!req.headers['idempotency-key'];
      const tried = new Set<number>();
      const attempt = () => {
        const k = pick(tried);
        if (k === null) return unavailable(res, 'No API instance is reachable; retry shortly.');
        tried.add(k);
        const target = opts.upstreams[k]!;
        const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '', 'content-length': String(body.length) };
        if (!body.length && !req.headers['content-length']) delete (headers as Record<string, unknown>)['content-length'];
        const upstream = http.request({ host: target.host, port: target.port, method: req.method, path: req.url, headers, agent }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          up.on('error', () => res.destroy());
        });
        upstream.on('error', (err: NodeJS.ErrnoException) => {
          if (res.headersSent) return res.destroy();
          // These codes only arise while connecting: the request never reached the upstream.
          if (CONNECT_ERRORS.has(err.code ?? '')) {
            restingUntil[k] = Date.now() + (opts.restMs ?? 1_000);
            return attempt();
          }
          // A reset on a reused keep-alive socket is usually the upstream closing an idle connection as the
          // request left; replay it where that is safe: reads, and writes carrying an Idempotency-Key.
          if (err.code === 'ECONNRESET' && upstream.reusedSocket && replayable) return attempt();
          unavailable(res, 'The API instance handling this request went away; retry (with the same Idempotency-Key for actions).');
        });
        upstream.end(body);
      };
      attempt();
    });
  });
}

if (require.main === module) {
  const port = Number(process.env.FRONT_PORT);
  const upstreams = (process.env.FRONT_UPSTREAMS ?? '').split(',').filter(Boolean).map((hp) => {
    const [host, p] = hp.split(':');
    return { host: host!, port: Number(p) };
  });
  if (!port || upstreams.length === 0) {
    process.stderr.write('FRONT_PORT and FRONT_UPSTREAMS (host:port,…) are required\n');
    process.exit(78);
  }
  const server = createFront({ port, upstreams });
  server.keepAliveTimeout = 65_000;
  server.listen(port, process.env.FRONT_HOST ?? '127.0.0.1', () => process.stdout.write(`front on :${port} → ${upstreams.map((u) => `${u.host}:${u.port}`).join(', ')}\n`));
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
