import { prescreen } from './prescreen';
for (const t of process.argv.slice(2)) { const r = prescreen(t); console.log(t); for (const f of r.findings) console.log('  ', f.code, f.confidence, JSON.stringify(f.excerpt)); }
