import { openApiDocument } from '../../../api/http/openapi';
import { matterRoutes } from '../../../api/routes/matters';
import { signOffRoutes } from '../../../api/routes/signOffs';
import { dossierRoutes } from '../../../api/routes/dossier';
import type { ApiDeps } from '../../../api/deps';

// Building the routes reads nothing from the dependencies; the handlers are never called here.
const deps = {} as ApiDeps;
const doc = openApiDocument([...matterRoutes(deps), ...signOffRoutes(deps), ...dossierRoutes(deps)], { version: 'test' }) as {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
};

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (k === '$ref' && typeof v === 'string' ? out.push(v) : refs(v, out));
  return out;
}

describe('the OpenAPI document names its main schemas', () => {
  test('the command, the trail entry and the matter are components, used by $ref', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Command', 'ActionCommandInput', 'ResearchItemInput', 'TrailEntry', 'StateChange', 'Matter', 'MatterState', 'ActionResult', 'TrailVerdict']));
    const act = doc.paths['/api/v1/matters/{id}/actions']!.post!;
    expect(act.requestBody!.content['application/json']!.schema).toMatchObject({ properties: { command: { $ref: '#/components/schemas/ActionCommandInput' } } });
    expect(act.responses['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ActionResult' });
    expect(doc.paths['/api/v1/matters/{id}']!.get!.responses['200']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Matter' });
  });

  test('every $ref points to a component that exists, and no component is unused', () => {
    const all = refs(doc);
    for (const r of all) expect(doc.components.schemas).toHaveProperty([r.replace('#/components/schemas/', '')]);
    const used = new Set(all.map((r) => r.replace('#/components/schemas/', '')));
    expect(Object.keys(doc.components.schemas).filter((name) => !used.has(name) && name !== 'Problem')).toEqual([]);
  });

  test('trail entries are typed by their kind: a person\'s action carries the command', () => {
    const entry = JSON.stringify(doc.components.schemas.TrailEntry);
    expect(entry).toContain('"#/components/schemas/Command"');
    expect(entry).toContain('deadline_reminder');
  });
});
