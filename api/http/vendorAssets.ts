import type { Express } from 'express';

/**
 * Third-party browser modules the web app loads, served straight from node_modules under /vendor/ (no
 * build step and no copy in the repository; the installed, locked version is what is served). Only the
 * files listed here are reachable.
 */
export const VENDOR_ASSETS: Record<string, string> = {
  '/vendor/chartist.js': require.resolve('chartist/dist/index.js'),
  '/vendor/chartist.css': require.resolve('chartist/dist/index.css'),
};

export function mountVendorAssets(app: Express): void {
  for (const [url, file] of Object.entries(VENDOR_ASSETS)) {
    app.get(url, (_req, res) => res.sendFile(file, { maxAge: '1d' }));
  }
}
