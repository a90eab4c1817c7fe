import { z } from 'zod';
import type { AnyRoute } from './route';
import './namedSchemas';

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    requestId: { type: 'string' },
  },
};

type Io = 'input' | 'output';

/**
 * Schemas registered by name (zod's `.meta({ id })`) become components: every use of one is a `$ref`.
 * A schema can read differently as a request (input) and as an answer (output: defaults applied), so
 * each has both forms; the input form's name ends in `Input`.
 */
const componentName = (id: string, io: Io) => (io === 'input' ? `${id}Input` : id);
const refTo = (io: Io) => (id: string) => `#/components/schemas/${componentName(id, io)}`;
const options = (io: Io) => ({ io, unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as const;

/** `#/$defs/<id>` (zod's place for named schemas) → the component of that name. */
function pointToComponents(value: unknown, io: Io): unknown {
  if (Array.isArray(value)) return value.map((v) => pointToComponents(v, io));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$defs' || k === '$schema' || k === '$id') continue; // named schemas are emitted once, as components
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\/(.+)$/, (_m, id: string) => refTo(io)(id)) : pointToComponents(v, io);
  }
  return out;
}

function jsonSchema(schema: z.ZodType, io: Io): Record<string, unknown> {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id === 'string') return { $ref: refTo(io)(id) };
  return pointToComponents(z.toJSONSchema(schema, options(io)), io) as Record<string, unknown>;
}

/** Only the components the document refers to (directly or through other components). */
function referenced(paths: unknown, all: Record<string, unknown>): Record<string, unknown> {
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      const name = k === '$ref' && typeof v === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(v)?.[1] : undefined;
      if (name && !used.has(name)) {
        used.add(name);
        visit(all[name]);
      } else visit(v);
    }
  };
  visit(paths);
  return Object.fromEntries(Object.entries(all).filter(([name]) => used.has(name)));
}

function components(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const io of ['output', 'input'] as const) {
    const { schemas } = z.toJSONSchema(z.globalRegistry, { ...options(io), uri: (id) => `#/$defs/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
    for (const [id, schema] of Object.entries(schemas)) {
      const { id: _id, ...rest } = pointToComponents(schema, io) as Record<string, unknown>;
      out[componentName(id, io)] = rest;
    }
  }
  return out;
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: AnyRoute[], info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    for (const h of r.headers ?? []) parameters.push({ name: h.name, in: 'header', required: h.required ?? false, description: h.description, schema: { type: 'string' } });
    const responses: Record<string, unknown> = {};
    for (const [status, resp] of Object.entries(r.responses)) {
      responses[status] = {
        description: resp.description,
        ...(resp.schema ? { content: { [resp.contentType ?? 'application/json']: { schema: jsonSchema(resp.schema, 'output') } } } : {}),
      };
    }
    responses.default = { description: 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      tags: r.tags,
      ...(r.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      // Every other authenticated operation answers 403 PASSWORD_CHANGE_REQUIRED while the person's password is one an administrator set.
      ...(r.beforePasswordChange ? { 'x-answers-before-password-change': true } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      ...(r.rawBody ? { requestBody: { required: true, description: r.rawBody.description, content: Object.fromEntries(r.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'legality-review API', version: info.version, description: 'Legality review of normative documents and major administrative decisions (合法性审核). A password an administrator resets is temporary: until its holder changes it (POST /api/v1/auth/password) every authenticated operation not marked `x-answers-before-password-change` answers 403 with code PASSWORD_CHANGE_REQUIRED.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: { Problem: problemSchema, ...referenced(paths, components()) } },
    paths,
  };
}
