import integrationSetup from '../integration/globalSetup';
import { ensureChromium } from './support/chromium';

/**
 * The browser tests' set-up: Debian's Chromium when missing, then the same real stack as the integration
 * tests — set up once per run: when the integration project's set-up already ran in this jest process
 * (`npm test`), its Temporal server and database are the run's, and a second pair would only be left behind.
 */
export default async function globalSetup(): Promise<void> {
  ensureChromium();
  if ((globalThis as { __lrTest?: unknown }).__lrTest) return;
  await integrationSetup();
  (globalThis as { __lrBrowserOwnsStack?: boolean }).__lrBrowserOwnsStack = true;
}
