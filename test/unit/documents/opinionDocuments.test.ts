/** The generated opinion documents (domain/documents): everything the review record says, escaped, in the dossier's style. */
import { lawyerOpinionHtml } from '../../../domain/documents/lawyerOpinion';
import { legalUnitOpinionHtml } from '../../../domain/documents/legalUnitOpinion';
import { PRINT_STYLE } from '../../../domain/documents/printStyle';
import { CHECKLIST_CODES } from '../../../domain/procedure';

const matter = { id: 'M-1', title: '关于<促进>民宿发展的办法', kind: 'normative_document' as const, draftingUnit: '市场科' };
const version = { number: 2, sha256: 'ab'.repeat(32) };
const findings = [
  { clause: '第三条', code: 'LR-LICENCE', excerpt: '须经区文旅局审批', basis: '《中华人民共和国行政许可法》第十七条', status: 'confirmed' as const, amendment: '删除审批，改为告知性备案' },
  { clause: '第五条', code: 'LR-FEE', excerpt: '交纳质量保证金', basis: '《中华人民共和国立法法》第九十三条第六款', status: 'dismissed' as const, reason: '《旅游法》第三十一条' },
];

describe('the lawyer\'s 合法性审核意见书', () => {
  const html = lawyerOpinionHtml({
    matter,
    version,
    outcome: 'LAWFUL_WITH_AMENDMENTS',
    opinionText: '修改后合法',
    checklist: CHECKLIST_CODES.map((code) => ({ code, result: code === 'LR-P2' ? ('issue' as const) : ('pass' as const), ...(code === 'LR-P2' ? { note: '第三条设定审批' } : {}) })),
    findings,
    register: [{ clause: '第五条', law: '旅游法', article: 31, lawVersion: '2018-10-26' }],
    lawyer: { id: 'law1', name: '陈律师', firm: '某某律师事务所' },
    signOff: { id: 'M-1:k1', signedAt: '2026-01-05T01:00:00.000Z', signature: 'c2ln', publicKey: '-----BEGIN PUBLIC KEY-----', payloadSha256: 'cd'.repeat(32), verifyPath: '/api/v1/matters/M-1/signoffs/M-1:k1/verify' },
  });

  it('names the matter, the version and its SHA-256, the outcome, the lawyer and the firm', () => {
    for (const part of ['合法性审核意见书', '第 2 版', version.sha256, '修改后合法', '陈律师', '某某律师事务所', '规范性文件']) expect(html).toContain(part);
  });

  it('answers the checklist, the findings and the amendments clause by clause, and the register', () => {
    expect(html).toContain('未违法设定许可、处罚、强制、收费等');
    expect(html).toContain('存在问题');
    expect(html).toContain('第三条设定审批');
    expect(html).toMatch(/<li>第三条：删除审批，改为告知性备案<\/li>/);
    expect(html).toContain('排除。理由：《旅游法》第三十一条');
    expect(html).toContain('《旅游法》第31条');
  });

  it('shows the signature and how to verify it, in the dossier\'s style, with user text escaped', () => {
    expect(html).toContain('c2ln');
    expect(html).toContain('/api/v1/matters/M-1/signoffs/M-1:k1/verify');
    expect(html).toContain('cd'.repeat(32));
    expect(html).toContain(`<style>${PRINT_STYLE}</style>`);
    expect(html).toContain('关于&lt;促进&gt;民宿发展的办法');
    expect(html).not.toContain('<促进>');
  });
});

describe('the legal unit\'s review opinion', () => {
  it('states the outcome, amendments, the lawyer\'s signed opinion relied on and the trail entry to verify', () => {
    const html = legalUnitOpinionHtml({
      matter,
      version,
      outcome: 'LAWFUL_WITH_AMENDMENTS',
      text: '经审核，修改后合法',
      amendments: [{ clause: '第三条', change: '删除审批' }],
      missing: [],
      findings,
      lawyerOpinion: { signOffId: 'M-1:k1', lawyerName: '陈律师', outcome: 'LAWFUL_WITH_AMENDMENTS', signedAt: '2026-01-05T01:00:00.000Z' },
      legalUnit: { id: 'lu1', name: '王法制', unit: '区文化和旅游局' },
      concludedAt: '2026-01-06T01:00:00.000Z',
      trail: { seq: 17, hash: 'ef'.repeat(32), verifyPath: '/api/v1/matters/M-1/trail/verify' },
    });
    for (const part of ['合法性审核意见', '<li>第三条：删除审批</li>', '陈律师', 'M-1:k1', '王法制', '第 17 条', 'ef'.repeat(32), '/api/v1/matters/M-1/trail/verify', version.sha256]) expect(html).toContain(part);
  });
});
