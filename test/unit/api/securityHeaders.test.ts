import helmet from 'helmet';
import { fixedHeaders, type HeaderMiddleware } from '../../../api/http/securityHeaders';

/** A response that records header operations in order, as Node's would apply them. */
function recordingResponse() {
  const headers = new Map<string, string | string[]>();
  return {
    headers,
    setHeader: (name: string, value: string | string[]) => void headers.set(name.toLowerCase(), value),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
}

function run(middleware: (req: never, res: never, next: (err?: unknown) => void) => void, preset: Record<string, string> = {}) {
  const res = recordingResponse();
  for (const [k, v] of Object.entries(preset)) res.setHeader(k, v);
  let nextCalls = 0;
  middleware({} as never, res as never, () => void nextCalls++);
  return { headers: Object.fromEntries(res.headers), nextCalls };
}

describe('security headers computed once from helmet', () => {
  const options = {
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'self'"], 'frame-ancestors': ["'none'"] } },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    strictTransportSecurity: false,
  };

  test('each request gets exactly the headers helmet itself sets, and removes what helmet removes', () => {
    const preset = { 'X-Powered-By': 'Express', 'X-Request-Id': 'r1' };
    const fromHelmet = run(helmet(options), preset);
    const fixed = run(fixedHeaders(helmet(options)), preset);
    expect(fixed.headers).toEqual(fromHelmet.headers);
    expect(fixed.headers['x-powered-by']).toBeUndefined();
    expect(fixed.headers['x-frame-options']).toBe('DENY');
    expect(fixed.headers['content-security-policy']).toBe("default-src 'self';frame-ancestors 'none'");
    expect(fixed.nextCalls).toBe(1);
  });

  test('the recorded headers are replayed on every request, not only the first', () => {
    const middleware = fixedHeaders(helmet(options));
    const first = run(middleware);
    const second = run(middleware);
    expect(second.headers).toEqual(first.headers);
    expect(Object.keys(second.headers).length).toBeGreaterThan(8);
  });

  test('a middleware that does not call next at once is kept as it is (called per request)', () => {
    let calls = 0;
    const deferred: HeaderMiddleware = (_req, _res, next) => {
      calls++;
      setImmediate(next);
    };
    const middleware = fixedHeaders(deferred);
    expect(middleware).toBe(deferred);
    expect(calls).toBe(1);
  });
});
