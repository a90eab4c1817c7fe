/**
 * Bundles the law texts in domain/laws/texts/*.md into domain/laws/library.json, which the pure
 * law library imports (a domain module reads no files). Run after adding or replacing a text:
 *
 *   npm run laws:bundle
 *
 * The unit test test/unit/laws/library.test.ts fails while the bundle is out of date.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { bundleLawTexts } from './lib/lawBundle';

const root = join(__dirname, '..');
const bundle = bundleLawTexts(join(root, 'domain/laws/texts'));
writeFileSync(join(root, 'domain/laws/library.json'), `${JSON.stringify(bundle, null, 1)}\n`);
console.log(`domain/laws/library.json: ${bundle.files.length} texts, hash ${bundle.hash}`);
