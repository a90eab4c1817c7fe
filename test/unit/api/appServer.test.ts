import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createAppServer } from '../../../api/http/appServer';

/** GET on a server, answering status, content type and body. */
async function get(server: http.Server, path: string): Promise<{ status: number; type: string | undefined; body: string }> {
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'x-probe': 'yes' } });
  return { status: res.status, type: res.headers.get('content-type') ?? undefined, body: await res.text() };
}

describe('createAppServer (requests and responses built with the app\'s prototypes)', () => {
  const app = express();
  app.get('/things/:id', (req, res) => {
    // Express's own request and response helpers work on them.
    res.status(201).json({ id: req.params.id, probe: req.get('x-probe'), q: req.query.q });
  });
  const server = createAppServer(app);
  const seen: Array<{ req: object | null; res: object | null }> = [];
  // Before Express takes the request (it re-parents them otherwise): what the server built.
  server.prependListener('request', (req, res) => seen.push({ req: Object.getPrototypeOf(req), res: Object.getPrototypeOf(res) }));
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('hands Express objects whose prototypes are already the app\'s', async () => {
    await get(server, '/things/1');
    expect(seen.at(-1)!.req).toBe(app.request);
    expect(seen.at(-1)!.res).toBe(app.response);
  });

  it('keeps them Node\'s IncomingMessage and ServerResponse', async () => {
    let instances: [boolean, boolean] = [false, false];
    server.prependOnceListener('request', (req, res) => (instances = [req instanceof http.IncomingMessage, res instanceof http.ServerResponse]));
    await get(server, '/things/2');
    expect(instances).toEqual([true, true]);
  });

  it('answers as the app would with app.listen', async () => {
    expect(await get(server, '/things/abc?q=1')).toEqual({ status: 201, type: 'application/json; charset=utf-8', body: JSON.stringify({ id: 'abc', probe: 'yes', q: '1' }) });
    expect((await get(server, '/nothing')).status).toBe(404);
  });
});
