import { readableSummary } from '../../../api/dossier/dossierHtml';

describe('a recorded summary in the printed dossier', () => {
  test('a pre-screen finding is named by its code, without the finding id', () => {
    expect(readableSummary('排除预审问题 FCR-C2（b6d82df5-1d6d-5f03-a183-2f34bec98408:v2:1）：不构成限制。')).toBe('排除预审问题 FCR-C2：不构成限制。');
  });
  test('an instant recorded as ISO text reads in Beijing time', () => {
    expect(readableSummary('安排局长办公会：2026-11-30T05:16:57+08:00')).toBe('安排局长办公会：2026-11-30 05:16:57');
    expect(readableSummary('安排局长办公会：2026-11-29T21:16:57.120Z')).toBe('安排局长办公会：2026-11-30 05:16:57');
  });
  test('other text is left as recorded', () => {
    expect(readableSummary('签发编号：南文旅规〔2026〕1号')).toBe('签发编号：南文旅规〔2026〕1号');
  });
});
