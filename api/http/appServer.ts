import http from 'node:http';
import type { Express } from 'express';

/**
 * The HTTP server of an Express app, whose requests and responses are built with the app's own prototypes.
 *
 * Why: Express 5 re-parents every request and response as it takes them (`Object.setPrototypeOf(req,
 * app.request)` in `app.handle`), and with that V8 keeps them alive across young-generation collections.
 * Measured with a minimal Express 5 app at 250 requests a second (docs/benchmarks.md, read path): ~7.7 KB
 * promoted to the old generation per request and scavenges pausing it ~3 ms on average, against 0.7 KB and
 * 0.8 ms for a bare node:http server answering the same JSON. Built here with the prototypes Express would
 * set, the objects need no change (V8 returns early when the prototype is already the one given): 0.7–0.8 KB
 * and 0.6–0.7 ms with the Express app. Under the read benchmark the API's scavenges had paused it 12–30 ms
 * every half second, the largest part of the tail at 500 requests a second.
 */
export function createAppServer(app: Express): http.Server {
  // Node builds each request and response with these classes. Their prototypes inherit from the app's (so
  // Express's helpers and `req.app` are found as before) and become the app's: Express then sets on each
  // object the prototype it already has. (Object.assign: Express's typings declare its request and response
  // apart from Node's classes, e.g. `method` always set; at run time these prototypes carry all of both.)
  class AppRequest extends http.IncomingMessage {}
  class AppResponse extends http.ServerResponse {}
  Object.setPrototypeOf(AppRequest.prototype, app.request);
  Object.setPrototypeOf(AppResponse.prototype, app.response);
  Object.assign(app, { request: AppRequest.prototype, response: AppResponse.prototype });
  return http.createServer({ IncomingMessage: AppRequest, ServerResponse: AppResponse }, app);
}
