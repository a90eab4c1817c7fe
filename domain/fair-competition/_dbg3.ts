import { readFileSync, readdirSync } from 'fs';
import { prescreen } from './prescreen';
for (const dir of ['/work/shared/domain/laws', '/work/shared/domain/samples']) for (const f of readdirSync(dir)) {
  const t = readFileSync(dir + '/' + f, 'utf8'); const r = prescreen(t);
  console.log(`== ${f}: ${r.findings.length} findings (${t.length} chars)`);
  for (const x of r.findings.slice(0, 12)) console.log('   ', x.code, x.confidence, x.clause, JSON.stringify(x.excerpt));
}
