/**
 * A worker process for the baseline workflow (bench/procedure/bareWorkflow.ts), as its own process like the
 * app's workers. BARE_TEMPORAL_ADDRESS, BARE_TASK_QUEUE; stops on SIGTERM. BARE_METRICS_PORT: the SDK's metrics
 * exported as ours' workers export them (the same runtime, and the bench reads the task timings from both).
 */
import path from 'node:path';
import { NativeConnection, Worker, Runtime, DefaultLogger } from '@temporalio/worker';
import { sdkPrometheusTelemetry } from '../../platform/temporal/runtime';

async function main() {
  const metricsPort = Number(process.env.BARE_METRICS_PORT ?? 0);
  Runtime.install({ logger: new DefaultLogger('WARN'), ...(metricsPort ? { telemetryOptions: sdkPrometheusTelemetry(metricsPort) } : {}) });
  const connection = await NativeConnection.connect({ address: process.env.BARE_TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection,
    namespace: process.env.BARE_NAMESPACE ?? 'default',
    taskQueue: process.env.BARE_TASK_QUEUE ?? 'bare-bench',
    workflowsPath: path.join(__dirname, 'bareWorkflow.ts'),
    activities: { bareActivity: async (input: { seq: number }) => input.seq },
  });
  process.on('SIGTERM', () => worker.shutdown());
  process.stdout.write('bare worker polling\n');
  await worker.run();
  await connection.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`bare worker failed: ${String(err)}\n`);
  process.exit(1);
});
