import { readFileSync } from 'fs';
import { prescreen } from './prescreen';
const f = process.argv[2]!;
let n=0, pos=0, caught=0, neg=0, fp=0, wrong=0; const per: Record<string,[number,number]> = {};
for (const line of readFileSync(f,'utf8').split('\n')) {
  if (!line.trim()) continue;
  const [codes, text] = line.split('\t') as [string,string];
  const exp = codes==='-'?[]:codes.split(',').map(c=>'FCR-'+c);
  const res = prescreen(text).findings; const got=[...new Set(res.map(x=>x.code))];
  n++;
  if (!exp.length) { neg++; if (got.length) { fp++; console.log('FP  ', got.join(','), text, '|', res.map(r=>r.excerpt).join(' / ')); } continue; }
  pos++;
  for (const c of exp) { per[c] ??= [0,0]; per[c][1]++; if (got.includes(c)) { per[c][0]++; caught++; } else console.log('MISS', c, 'got', got.join(','), text); }
  const w = got.filter(g=>!exp.includes(g)); if (w.length) { wrong++; console.log('WRONG', w.join(','), 'exp', exp.join(','), text, '|', res.filter(r=>w.includes(r.code)).map(r=>r.excerpt).join(' / ')); }
}
console.log(Object.entries(per).sort().map(([k,[a,b]])=>`${k.slice(4)} ${a}/${b}`).join('  '));
console.log(`recall ${(caught/Object.values(per).reduce((a,[,b])=>a+b,0)).toFixed(3)}  FPR ${(fp/neg).toFixed(3)} (${fp}/${neg})  wrong ${wrong}/${pos}`);
