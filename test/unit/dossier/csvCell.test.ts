import { csvCell } from '../../../api/dossier/buildDossier';

describe('CSV cells', () => {
  test('a cell a spreadsheet would run as a formula starts with an apostrophe', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/);
  });
  test('other cells are unchanged, quoted only when they must be', () => {
    expect(csvCell('合法')).toBe('合法');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });
});
