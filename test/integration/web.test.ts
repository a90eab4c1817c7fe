import fs from 'node:fs';
import path from 'node:path';
import { useTestSystem } from './support/testSystem';

/**
 * The web app is static files served by the API (no build step, no framework fetched at runtime). This
 * checks what a browser would load — index.html, its stylesheet and the whole graph of ES modules — is
 * served with the right content types, that every module resolves, that nothing is imported from outside
 * the origin, and that every API path the app calls is one the API documents.
 */
const WEB_DIR = path.resolve(__dirname, '../../web');

const STATIC_IMPORT = /(?:^|[\s;])import\s+(?:[\w*${}\s,]+\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC_IMPORT = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: string): string[] {
  const out: string[] = [];
  // JSDoc types (/** @type {import('../types/api').X} */) are comments, not module loads.
  source = source.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const re of [STATIC_IMPORT, DYNAMIC_IMPORT]) {
    re.lastIndex = 0;
    for (let m = re.exec(source); m; m = re.exec(source)) out.push(m[1]!);
  }
  return out;
}

function filesUnder(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, ext) : e.name.endsWith(ext) ? [full] : [];
  });
}

describe('the web app', () => {
  const stack = useTestSystem({ embedded: true });

  test('index.html is served at / as HTML, in Chinese, and references its stylesheet and entry module', async () => {
    const res = await stack.http.get('/', null);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = res.body as string;
    expect(html).toMatch(/<html[^>]*\blang="zh-CN"/);
    expect(html).toMatch(/<meta name="viewport"/);
    expect(html).toMatch(/<script type="module" src="js\/app\.js"><\/script>/);
    expect(html).toMatch(/<link rel="stylesheet" href="css\/app\.css">/);
    expect(html).toContain('id="main"');
  });

  test('every asset index.html references is served with its content type', async () => {
    const html = (await stack.http.get('/', null)).body as string;
    const refs = [...html.matchAll(/\b(?:src|href)="([^"#]+)"/g)].map((m) => m[1]!).filter((r) => !r.startsWith('/api/'));
    expect(refs).toEqual(expect.arrayContaining(['js/app.js', 'css/app.css']));
    const expected: Record<string, RegExp> = { '.js': /^(text|application)\/javascript/, '.css': /^text\/css/, '.svg': /^image\/svg\+xml/ };
    for (const ref of refs) {
      expect(ref).not.toMatch(/^(https?:)?\/\//); // nothing from another origin
      const res = await stack.http.get(`/${ref}`, null);
      expect({ ref, status: res.status }).toEqual({ ref, status: 200 });
      const type = expected[path.extname(ref)];
      if (type) expect({ ref, type: res.headers.get('content-type') }).toEqual({ ref, type: expect.stringMatching(type) });
    }
  });

  test('the whole module graph from js/app.js resolves on this origin and is served as JavaScript', async () => {
    const seen = new Set<string>();
    const queue = ['/js/app.js'];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await stack.http.get(url, null);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect({ url, type: res.headers.get('content-type') }).toEqual({ url, type: expect.stringMatching(/^(text|application)\/javascript/) });
      for (const spec of importsOf(res.body as string)) {
        // Relative specifiers only: a bare name ("lit") or a URL would need a bundler or a CDN at runtime.
        expect({ from: url, spec }).toEqual({ from: url, spec: expect.stringMatching(/^\.{1,2}\/[\w./-]+\.js$/) });
        queue.push(new URL(spec, `http://origin${url}`).pathname);
      }
    }
    // Every module on disk is part of the app (no stale file left behind), and vice versa; third-party
    // modules come from /vendor/ (served from node_modules, see api/http/vendorAssets.ts).
    const onDisk = filesUnder(path.join(WEB_DIR, 'js'), '.js').map((f) => `/${path.relative(WEB_DIR, f).split(path.sep).join('/')}`);
    expect([...seen].filter((u) => u.startsWith('/js/')).sort()).toEqual(onDisk.sort());
    expect([...seen].filter((u) => !u.startsWith('/js/'))).toEqual(['/vendor/chartist.js']);
  });

  test('a missing asset is a 404, not the page', async () => {
    const res = await stack.http.get('/js/does-not-exist.js', null);
    expect(res.status).toBe(404);
  });

  test('every API path the app calls is documented in the OpenAPI document (or is the optional pre-screen)', async () => {
    const doc = (await stack.http.get('/api/v1/openapi.json', null)).body as { paths: Record<string, Record<string, unknown>> };
    const normalise = (p: string) => p.replace(/\{[^}]+\}/g, '{}');
    const documented = new Map(Object.entries(doc.paths).map(([p, ops]) => [normalise(p), Object.keys(ops).map((m) => m.toUpperCase())]));
    const sources = filesUnder(path.join(WEB_DIR, 'js'), '.js').map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const calls = new Map<string, Set<string>>();
    const add = (p: string, method?: string) => {
      const key = normalise(p.replace(/\$\{[^}]*\}/g, '{x}'));
      if (!calls.has(key)) calls.set(key, new Set());
      if (method) calls.get(key)!.add(method);
    };
    for (const m of sources.matchAll(/request\(\s*'(GET|POST|PUT|PATCH|DELETE)',\s*(['`])(\/api\/v1\/[^'`]*)\2/g)) add(m[3]!, m[1]);
    for (const m of sources.matchAll(/(['`])(\/api\/v1\/[^'`\s]*)\1/g)) add(m[2]!);
    expect(calls.size).toBeGreaterThan(15);
    const OPTIONAL = '/api/v1/fair-competition/prescreen';
    for (const [p, methods] of calls) {
      if (p === OPTIONAL && !documented.has(p)) continue; // the app degrades gracefully when this 404s
      expect({ path: p, documented: documented.has(p) }).toEqual({ path: p, documented: true });
      for (const method of methods) expect({ path: p, method, ok: documented.get(p)!.includes(method) }).toEqual({ path: p, method, ok: true });
    }
    if (!documented.has(OPTIONAL)) {
      // Absent, it answers 404 problem+json, which the matter page shows as "初筛服务未启用".
      const res = await stack.http.post(OPTIONAL, null, { text: '测试' });
      expect([401, 404]).toContain(res.status);
    }
  });
});
