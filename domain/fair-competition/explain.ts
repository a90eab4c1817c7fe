/**
 * The plain-Chinese explanation a reviewer reads next to a finding: what the wording does,
 * which standard it may breach (with the citation they would write in the conclusion), and why
 * the flag was lowered, if it was.
 */
import { type FcrStandard, citation } from './catalogue';
import type { Mitigation } from './context';

const LOWERING_NOTES: Partial<Record<Mitigation, string>> = {
  legalBasis: '条文援引了法律法规或国家规定，请核实该依据是否确实要求这一措施。',
  openCompetition: '条文提到以公开竞争方式确定经营者，但仍含排他性表述，请核实。',
  exceptionGround: '条文涉及条例第十二条所列国家安全、科技进步、节能环保、救灾救助等情形；如拟适用例外，须说明没有影响更小的替代方案、设定实施期限或终止条件，并在审查结论中详细说明。',
  soft: '条文为鼓励、引导性表述，请核实实际执行中是否形成限制。',
  departmentalRule:
    '条文援引的是部门规章或部门文件，不是法律、行政法规，不能单独设定审批（行政许可法第十七条）；部门规章只能在上位法设定的许可范围内作出具体规定（第十六条第三款），请核实并援引其所执行的法律、行政法规条款。',
};

export function explain(standard: FcrStandard, reason: string, lowered: readonly Mitigation[]): string {
  const parts = [`${reason}，可能构成${citation(standard)}规定的“${standard.title}”。`];
  if (standard.group === 'C') {
    parts.push('如有法律、行政法规依据或者经国务院批准，请在审查结论中注明依据。');
  }
  for (const m of lowered) {
    const note = LOWERING_NOTES[m];
    if (note) parts.push(note);
  }
  return parts.join('');
}
