/**
 * The written conclusion (公平竞争审查条例第17条: 作出审查结论; 适用第十二条的，应当在审查结论中详细说明),
 * generated from the reviewer's record so that the document and the record can never disagree.
 */
import { ruleSet } from './catalogue';

export interface ConclusionInput {
  matterTitle: string;
  versionNumber: number;
  versionHash: string;
  conclusion: 'no_restrictive_effect' | 'exception_justified' | 'breach_must_revise';
  summary: string;
  reviewerName: string;
  concludedAt: string;
  review?: {
    ruleSetVersion: string;
    standards: ReadonlyArray<{ code: string; answer: 'not_involved' | 'no_restriction' | 'restriction'; note?: string }>;
    consultations: ReadonlyArray<{ party: string; kind: string; view: string }>;
    consultationWaivedReason?: string;
    exception?: { ground: string; reason: string; noLessRestrictiveAlternative: string; periodOrEndCondition: string };
  };
  findings: ReadonlyArray<{ code: string; excerpt: string; status: string; reason?: string }>;
}

const CONCLUSION_TEXT = {
  no_restrictive_effect: '经审查，该政策措施不具有排除、限制竞争效果，可以出台。',
  exception_justified: '经审查，该政策措施具有或者可能具有排除、限制竞争效果，但符合《公平竞争审查条例》第十二条规定的例外情形，可以出台。',
  breach_must_revise: '经审查，该政策措施违反公平竞争审查标准，且不符合例外规定，应当修改后重新审查；未经修改不得出台（条例第十八条）。',
} as const;

const ANSWER_TEXT = { not_involved: '不涉及', no_restriction: '涉及，但不具有排除、限制竞争效果', restriction: '具有或者可能具有排除、限制竞争效果' } as const;
const KIND_TEXT: Record<string, string> = { operator: '经营者', association: '行业协会商会', public: '社会公众', expert: '专家' };

export function writeConclusionDocument(c: ConclusionInput): string {
  const lines: string[] = [];
  lines.push(`# 公平竞争审查结论`, '');
  lines.push(`政策措施：${c.matterTitle}`);
  lines.push(`审查文本：第 ${c.versionNumber} 版（SHA-256 ${c.versionHash}）`);
  lines.push(`审查人员：${c.reviewerName}　审查时间：${c.concludedAt}`);
  if (c.review) lines.push(`审查标准：${ruleSet(c.review.ruleSetVersion).title}（版本 ${c.review.ruleSetVersion}）`);
  lines.push('', '## 一、审查结论', '', CONCLUSION_TEXT[c.conclusion], '', `说明：${c.summary}`);
  if (c.review) {
    const rs = ruleSet(c.review.ruleSetVersion);
    lines.push('', '## 二、逐项审查情况', '', '| 标准 | 条款 | 审查意见 | 说明 |', '|---|---|---|---|');
    for (const st of rs.standards) {
      const a = c.review.standards.find((x) => x.code === st.code);
      lines.push(`| ${st.code} ${st.title} | ${st.article} | ${a ? ANSWER_TEXT[a.answer] : '未审查'} | ${a?.note ?? ''} |`);
    }
    lines.push('', '## 三、听取意见情况（条例第十六条）', '');
    if (c.review.consultations.length === 0) lines.push(`未听取利害关系人意见，理由：${c.review.consultationWaivedReason ?? '未说明'}`);
    for (const p of c.review.consultations) lines.push(`- ${KIND_TEXT[p.kind] ?? p.kind}「${p.party}」：${p.view}`);
    if (c.review.exception) {
      const e = c.review.exception;
      const ground = rs.exception.grounds.find((g) => g.code === e.ground);
      lines.push('', '## 四、适用例外规定的说明（条例第十二条）', '');
      lines.push(`- 例外情形：${ground ? ground.label : e.ground}`);
      lines.push(`- 理由：${e.reason}`);
      lines.push(`- 没有对公平竞争影响更小的替代方案：${e.noLessRestrictiveAlternative}`);
      lines.push(`- 实施期限或者终止条件：${e.periodOrEndCondition}`);
    }
  }
  if (c.findings.length) {
    lines.push('', `## ${c.review?.exception ? '五' : c.review ? '四' : '二'}、自动预审提示及处理`, '');
    const verdict: Record<string, string> = { confirmed: '确认存在问题', dismissed: '排除', open: '未答复' };
    for (const f of c.findings) lines.push(`- ${f.code}「${f.excerpt}」：${verdict[f.status] ?? f.status}${f.reason ? `（${f.reason}）` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
