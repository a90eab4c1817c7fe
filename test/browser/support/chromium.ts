import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (playwright's own browser download needs the internet, which CI does not have). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The Debian packages the browser tests need: the browser, and a CJK font so screenshots show Chinese. */
const PACKAGES = ['chromium', 'fonts-wqy-microhei'];

const hasCjkFont = () => {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

/**
 * Installs Chromium (and a CJK font) from Debian when missing. CI runs as root on a fresh machine; on a
 * developer's machine without root the message says what to install.
 */
export function ensureChromium(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): void {
  if (fs.existsSync(CHROMIUM) && hasCjkFont()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`The browser tests need ${PACKAGES.join(' and ')} (Debian packages). Install them: sudo apt-get install -y ${PACKAGES.join(' ')}`);
  }
  log(`› installing ${PACKAGES.join(', ')} (apt-get) for the browser tests`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    install();
  } catch {
    // A fresh machine may not have the package lists yet.
    execFileSync('apt-get', ['update'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    install();
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
}

/**
 * Headless Chromium with a fresh profile (playwright gives every launch its own temporary --user-data-dir
 * and removes it on close). The flags keep it from reaching out to Google's services, which fail slowly on
 * a closed network.
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Date and time inputs are formatted by the browser in its own language (as on a bureau's machines).
    env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
  return { browser, close: () => browser.close() };
}
