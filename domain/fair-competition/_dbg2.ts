import { PROCUREMENT } from './lexicon';
const t = process.argv[2]!; const m = new RegExp(PROCUREMENT).exec(t); console.log(m && m[0], m?.index);
