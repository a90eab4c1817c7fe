import integrationSetup from '../integration/globalSetup';
import { ensureChromium } from './support/chromium';

/** The browser tests' set-up: Debian's Chromium when missing, then the same real stack as the integration tests. */
export default async function globalSetup(): Promise<void> {
  ensureChromium();
  await integrationSetup();
}
