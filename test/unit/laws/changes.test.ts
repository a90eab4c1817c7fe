/** What a newer law text did to a cited provision (domain/laws/changes.ts). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { buildLibrary, lawLibrary } from '../../../domain/laws/library';
import { provisionChange } from '../../../domain/laws/changes';

const old = readFileSync(join(__dirname, '../../../domain/laws/texts/旅游法(2018-10-26).md'), 'utf8');
const newer = old
  .replace('第三十一条 旅行社应当按照规定交纳旅游服务质量保证金', '第三十一条 旅行社应当按照国家规定存入旅游服务质量保证金')
  .replace(/\n第一百一十二条[^\n]*\n?/, '\n');
const lib = buildLibrary(
  [
    { file: '旅游法(2018-10-26).md', sha256: 'a', text: old },
    { file: '旅游法(2025-01-01).md', sha256: 'b', text: newer },
  ],
  't',
);

describe('a register entry against a newer law text', () => {
  it('reports a changed article with both wordings', () => {
    const c = provisionChange(lib, { law: '旅游法', article: 31, lawVersion: '2018-10-26' });
    expect(c).toMatchObject({ status: 'changed', from: '2018-10-26', to: '2025-01-01' });
    expect(c.status === 'changed' && c.after).toContain('存入旅游服务质量保证金');
  });

  it('reports a removed article, and an untouched one as unchanged', () => {
    expect(provisionChange(lib, { law: '旅游法', article: 112, lawVersion: '2018-10-26' })).toMatchObject({ status: 'removed', after: null });
    expect(provisionChange(lib, { law: '中华人民共和国旅游法', article: 95, lawVersion: '2018-10-26' }).status).toBe('unchanged');
  });

  it('an entry made under the current text, or of a law we do not ship, is not listed', () => {
    expect(provisionChange(lib, { law: '旅游法', article: 31, lawVersion: '2025-01-01' }).status).toBe('current');
    expect(provisionChange(lib, { law: '娱乐场所管理条例', article: 9, lawVersion: '2020-11-29' }).status).toBe('not_in_library');
    expect(provisionChange(lawLibrary(), { law: '旅游法', article: 31, lawVersion: '2018-10-26' }).status).toBe('current');
  });

  it('a cited version the library no longer holds cannot be confirmed unchanged', () => {
    expect(provisionChange(lawLibrary(), { law: '旅游法', article: 31, lawVersion: '2013-04-25' })).toMatchObject({ status: 'changed', before: null });
  });
});
