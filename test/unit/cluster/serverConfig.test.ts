import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clusterLayout } from '../../../scripts/cluster/layout';
import { writeServerConfig } from '../../../scripts/cluster/temporalServer';

/** The production shape's Temporal server configuration: Go's pprof only when asked for, and only on 127.0.0.1. */
describe('Temporal server configuration', () => {
  const written = (env: NodeJS.ProcessEnv) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lr-server-config-'));
    const layout = clusterLayout({ ...env, DATA_DIR: dataDir, CLUSTER_BASE_PORT: '17200' });
    const dir = writeServerConfig(layout);
    const text = fs.readFileSync(path.join(dir, 'development.yaml'), 'utf8');
    const dynamic = fs.readFileSync(path.join(dir, 'dynamicconfig.yaml'), 'utf8');
    fs.rmSync(dataDir, { recursive: true, force: true });
    return { layout, text, dynamic };
  };

  test('no pprof by default', () => {
    const { layout, text } = written({});
    expect(layout.temporal.pprofPort).toBeNull();
    expect(text).not.toContain('pprof');
  });

  test('CLUSTER_TEMPORAL_PPROF: pprof on 127.0.0.1 at base + 22, under global beside the metrics', () => {
    const { layout, text } = written({ CLUSTER_TEMPORAL_PPROF: '1' });
    expect(layout.temporal.pprofPort).toBe(17222);
    expect(text).toMatch(/\nglobal:\n {2}membership:\n(?: {4}.*\n)+ {2}pprof:\n {4}port: 17222\n {4}host: "127\.0\.0\.1"\n {2}metrics:\n/);
    // No other port of the layout is taken by it.
    const taken = [...Object.values(layout.temporal.grpc), ...Object.values(layout.temporal.membership), layout.temporal.httpPort, layout.temporal.metricsPort, layout.frontPort, ...layout.apiPorts, ...layout.workerMetricsPorts, ...layout.workerSdkMetricsPorts];
    expect(taken).not.toContain(17222);
  });

  test('the dynamic configuration: eager activities on, as on the dev server, and the ID length limit', () => {
    const { text, dynamic } = written({});
    expect(text).toContain('dynamicconfig.yaml');
    expect(dynamic).toContain('system.enableActivityEagerExecution:\n  - value: true\n    constraints: {}\n');
    expect(dynamic).toContain('limit.maxIDLength:\n  - value: 255\n');
  });
});
