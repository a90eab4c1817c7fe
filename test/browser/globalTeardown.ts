import integrationTeardown from '../integration/globalTeardown';

/** Takes the run's stack down only when the browser project set it up (otherwise the integration project's teardown does). */
export default async function globalTeardown(): Promise<void> {
  if ((globalThis as { __lrBrowserOwnsStack?: boolean }).__lrBrowserOwnsStack) await integrationTeardown();
}
