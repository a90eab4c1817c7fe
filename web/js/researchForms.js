// @ts-check
/** Research items (研究论证材料): one sub-form per kind of item, chosen from a list that marks what is missing. */
import { h, localInputToIso, setChildren } from './dom.js';
import { field, valueOf, optional, repeatable } from './forms.js';
import { ENFORCEMENT_GROUND_LABELS, PARTICIPATION_METHOD_LABELS, RESEARCH_ITEM_LABELS, RISK_LEVEL_LABELS } from './labels.js';

/** @typedef {import('./actions.js').ActionContext} ActionContext */
/** @typedef {import('./actions.js').ActionSpec} ActionSpec */
/** @typedef {{ nodes: HTMLElement[], collect: () => Record<string, unknown> }} ItemForm */

const P = 'command.item';
/** @param {string} label @param {boolean} [required] */
const docField = (label = '文件编号', required = true) => field({ label, path: `${P}.documentId`, required, placeholder: '如 起草说明-2026-1' });

/** @type {Record<string, () => ItemForm>} */
const RESEARCH_FORMS = {
  drafting_explanation: () => {
    const summary = field({ label: '起草说明摘要（目的、依据、过程、主要内容）', path: `${P}.summary`, type: 'textarea', required: true, rows: 4, wide: true });
    const doc = docField();
    return { nodes: [summary, doc], collect: () => ({ kind: 'drafting_explanation', summary: valueOf(summary), documentId: valueOf(doc) }) };
  },
  legal_bases: () => {
    const bases = repeatable({ legend: '法律依据', path: `${P}.bases`, minRows: 1, addLabel: '添加依据', columns: [
      { key: 'title', label: '法律法规名称', required: true },
      { key: 'article', label: '条款（可选）', placeholder: '如 第二十三条' },
    ] });
    const doc = docField('文件编号（可选）', false);
    return { nodes: [bases.el, doc], collect: () => optional({ kind: 'legal_bases', bases: bases.values().map((b) => optional({ title: b.title }, 'article', b.article)) }, 'documentId', valueOf(doc)) };
  },
  internal_consultation: () => {
    const rows = repeatable({
      legend: '会签单位及意见', path: `${P}.consultations`, minRows: 1, addLabel: '添加单位',
      help: '不同意的，须载明争议事项、双方意见及理由（713号令第13条）。',
      columns: [
        { key: 'unit', label: '单位', required: true },
        { key: 'agreed', label: '同意', type: 'checkbox' },
        { key: 'opinion', label: '意见', type: 'textarea', rows: 2, required: true },
        { key: 'issue', label: '争议事项（不同意时）' },
        { key: 'unitPosition', label: '该单位意见' },
        { key: 'drafterPosition', label: '起草单位意见' },
        { key: 'reason', label: '理由' },
      ],
    });
    return {
      nodes: [rows.el],
      collect: () => ({
        kind: 'internal_consultation',
        consultations: rows.values().map((r) => {
          /** @type {Record<string, unknown>} */
          const c = { unit: r.unit, agreed: r.agreed, opinion: r.opinion };
          // The dispute is sent only when something of it was written: the server checks completeness.
          if (r.issue || r.unitPosition || r.drafterPosition || r.reason) c.dispute = { issue: r.issue, unitPosition: r.unitPosition, drafterPosition: r.drafterPosition, reason: r.reason };
          return c;
        }),
      }),
    };
  },
  public_comment: () => {
    const opened = field({ label: '开始时间（北京时间）', path: `${P}.openedAt`, type: 'datetime', required: true });
    const closes = field({ label: '截止时间（北京时间）', path: `${P}.closesAt`, type: 'datetime', required: true, help: '重大行政决策征求意见期限一般不少于30日（713号令第15条）。' });
    const channel = field({ label: '征求意见渠道', path: `${P}.channel`, required: true, placeholder: '如 区政府网站' });
    const shortened = field({ label: '缩短期限的理由（不足30日时）', path: `${P}.shortenedReason`, type: 'textarea', rows: 2, wide: true });
    const parties = field({ label: '听取意见的经营者、行业协会商会（涉企规范性文件，每行一个）', path: `${P}.operatorsAndAssociations.parties`, type: 'textarea', rows: 2, wide: true, help: '与市场主体生产经营活动密切相关的规范性文件应当听取市场主体、行业协会商会意见，期限一般不少于30日（优化营商环境条例第62条）。' });
    const partiesSummary = field({ label: '经营者、行业协会意见摘要', path: `${P}.operatorsAndAssociations.summary`, type: 'textarea', rows: 2, wide: true });
    return {
      nodes: [opened, closes, channel, shortened, parties, partiesSummary],
      collect: () => {
        /** @type {Record<string, unknown>} */
        const item = optional({ kind: 'public_comment', openedAt: localInputToIso(valueOf(opened)), closesAt: localInputToIso(valueOf(closes)), channel: valueOf(channel) }, 'shortenedReason', valueOf(shortened));
        const heard = String(valueOf(parties) ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
        if (heard.length > 0 || valueOf(partiesSummary)) item.operatorsAndAssociations = { parties: heard, summary: valueOf(partiesSummary) };
        return item;
      },
    };
  },
  hearing: () => {
    const sent = field({ label: '听证材料送达时间', path: `${P}.materialsSentAt`, type: 'datetime', required: true, help: '应于听证会7日前送达（713号令第16条）。' });
    const held = field({ label: '听证会时间', path: `${P}.heldAt`, type: 'datetime', required: true });
    const doc = docField('听证报告文件编号');
    const participants = field({ label: '听证参加人（可选）', path: `${P}.participants` });
    const summary = field({ label: '听证意见摘要（可选）', path: `${P}.summary`, type: 'textarea', rows: 2, wide: true });
    return { nodes: [sent, held, doc, participants, summary], collect: () => optional(optional({ kind: 'hearing', materialsSentAt: localInputToIso(valueOf(sent)), heldAt: localInputToIso(valueOf(held)), documentId: valueOf(doc) }, 'participants', valueOf(participants)), 'summary', valueOf(summary)) };
  },
  expert_opinion: () => {
    const name = field({ label: '专家姓名', path: `${P}.expertName`, required: true });
    const inst = field({ label: '所在单位（可选）', path: `${P}.institution` });
    const interest = field({ label: '与决策事项有直接利害关系', path: `${P}.directInterest`, type: 'checkbox', help: '有直接利害关系的专家应当回避（713号令第21条）。' });
    const signed = field({ label: '论证意见已由专家签字', path: `${P}.signed`, type: 'checkbox' });
    const opinion = field({ label: '论证意见', path: `${P}.opinion`, type: 'textarea', required: true, wide: true });
    const doc = docField();
    return { nodes: [name, inst, interest, signed, opinion, doc], collect: () => optional({ kind: 'expert_opinion', expertName: valueOf(name), directInterest: valueOf(interest), signed: valueOf(signed), opinion: valueOf(opinion), documentId: valueOf(doc) }, 'institution', valueOf(inst)) };
  },
  risk_assessment: () => {
    const level = field({ label: '风险等级', path: `${P}.riskLevel`, type: 'select', required: true, options: Object.entries(RISK_LEVEL_LABELS), value: 'low' });
    const ctl = field({ label: '风险可控', path: `${P}.controllable`, type: 'checkbox' });
    const measures = field({ label: '防范化解措施', path: `${P}.measures`, type: 'textarea', required: true, wide: true });
    const doc = docField('风险评估报告文件编号');
    return { nodes: [level, ctl, measures, doc], collect: () => ({ kind: 'risk_assessment', riskLevel: valueOf(level), controllable: valueOf(ctl), measures: valueOf(measures), documentId: valueOf(doc) }) };
  },
  comment_adoption: () => {
    const entries = repeatable({
      legend: '意见采纳情况', path: `${P}.entries`, addLabel: '添加意见', initial: [{}],
      help: '未收到意见的，可不填任何行。不予采纳的须说明理由。',
      columns: [
        { key: 'commentSummary', label: '意见摘要', required: true },
        { key: 'adopted', label: '采纳', type: 'checkbox' },
        { key: 'reason', label: '不采纳理由' },
      ],
    });
    const doc = docField('文件编号（可选）', false);
    return { nodes: [entries.el, doc], collect: () => optional({ kind: 'comment_adoption', entries: entries.values().map((e) => optional({ commentSummary: e.commentSummary, adopted: e.adopted }, 'reason', e.reason)) }, 'documentId', valueOf(doc)) };
  },
  public_participation: () => {
    const method = field({ label: '方式', path: `${P}.method`, type: 'select', required: true, options: Object.entries(PARTICIPATION_METHOD_LABELS), value: 'symposium', help: '公开征求意见、听证会请分别登记（713号令第14条）。' });
    const from = field({ label: '开始时间（北京时间）', path: `${P}.from`, type: 'datetime', required: true });
    const to = field({ label: '结束时间（可选）', path: `${P}.to`, type: 'datetime' });
    const participants = field({ label: '参加人员', path: `${P}.participants`, placeholder: '如 商户代表8人、居民代表6人', help: '参加人员或渠道至少填一项。' });
    const channel = field({ label: '渠道', path: `${P}.channel`, placeholder: '如 政务微信' });
    const summary = field({ label: '意见摘要', path: `${P}.summary`, type: 'textarea', required: true, wide: true });
    const doc = docField('文件编号（可选）', false);
    return {
      nodes: [method, from, to, participants, channel, summary, doc],
      collect: () => {
        const item = { kind: 'public_participation', method: valueOf(method), from: localInputToIso(valueOf(from)), summary: valueOf(summary) };
        const end = valueOf(to);
        return optional(optional(optional(optional(item, 'to', end ? localInputToIso(end) : undefined), 'participants', valueOf(participants)), 'channel', valueOf(channel)), 'documentId', valueOf(doc));
      },
    };
  },
  participation_exemption: () => {
    const ground = field({ label: '依法不予公开的依据', path: `${P}.legalGround`, type: 'textarea', required: true, wide: true, help: '依法不予公开的决策事项可不听取公众意见，须载明法律依据（713号令第14条）。' });
    const doc = docField('文件编号（可选）', false);
    return { nodes: [ground, doc], collect: () => optional({ kind: 'participation_exemption', legalGround: valueOf(ground) }, 'documentId', valueOf(doc)) };
  },
  expert_adoption: () => {
    const summary = field({ label: '专家论证意见的研究采纳情况', path: `${P}.summary`, type: 'textarea', required: true, wide: true, help: '提交集体讨论的材料应包括专家论证意见的研究采纳情况（713号令第29条）。' });
    const doc = docField('文件编号（可选）', false);
    return { nodes: [summary, doc], collect: () => optional({ kind: 'expert_adoption', summary: valueOf(summary) }, 'documentId', valueOf(doc)) };
  },
  procedure_statement: () => {
    const summary = field({ label: '履行法定程序情况', path: `${P}.summary`, type: 'textarea', required: true, rows: 4, wide: true });
    const doc = docField();
    return { nodes: [summary, doc], collect: () => ({ kind: 'procedure_statement', summary: valueOf(summary), documentId: valueOf(doc) }) };
  },
  enforcement_case: () => {
    const caseNumber = field({ label: '案件编号', path: `${P}.caseNumber`, required: true, placeholder: '如 南文旅罚〔2026〕12号' });
    const filedOn = field({ label: '立案日期', path: `${P}.caseFiledOn`, type: 'date', required: true, help: '行政处罚案件自立案之日起90日内作出决定（行政处罚法第60条）。' });
    const ground = field({ label: '法制审核情形', path: `${P}.ground`, type: 'select', required: true, options: Object.entries(ENFORCEMENT_GROUND_LABELS), value: 'public_interest', help: '行政处罚法第58条第1款所列情形之一。' });
    const otherBasis = field({ label: '其他情形的法律、法规依据', path: `${P}.otherBasis`, help: '选择“法律、法规规定应当进行法制审核的其他情形”时填写。' });
    const complex = field({ label: '情节复杂', path: `${P}.complex`, type: 'checkbox', help: '情节复杂或者重大违法行为给予行政处罚的，行政机关负责人应当集体讨论决定（行政处罚法第57条第2款）。' });
    const serious = field({ label: '重大违法行为', path: `${P}.seriousViolation`, type: 'checkbox' });
    const impact = field({ label: '具有一定社会影响（处罚决定应当依法公开）', path: `${P}.socialImpact`, type: 'checkbox', help: '行政处罚法第48条。' });
    const summary = field({ label: '案件情况摘要（当事人、违法事实、拟处理意见）', path: `${P}.summary`, type: 'textarea', required: true, rows: 4, wide: true });
    const syncGround = () => {
      const other = ground.control.value === 'other_statutory';
      otherBasis.control.required = other;
      otherBasis.hidden = !other;
    };
    ground.control.addEventListener('change', syncGround);
    syncGround();
    return {
      nodes: [caseNumber, filedOn, ground, otherBasis, complex, serious, impact, summary],
      collect: () => optional({
        kind: 'enforcement_case', caseNumber: valueOf(caseNumber), caseFiledOn: valueOf(filedOn), ground: valueOf(ground),
        complex: valueOf(complex), seriousViolation: valueOf(serious), socialImpact: valueOf(impact), summary: valueOf(summary),
      }, 'otherBasis', ground.control.value === 'other_statutory' ? valueOf(otherBasis) : undefined),
    };
  },
};

/** A research item's material (domain MaterialKey) where the two names differ. @type {Record<string, string>} */
const MATERIAL_OF_ITEM = { expert_opinion: 'expert_opinions' };

/**
 * Which research items the matter already has, for the "(已登记)" marks in the chooser.
 * @param {import('../types/api').MatterState} state
 * @returns {Record<string, boolean>}
 */
function recordedResearch(state) {
  const r = state.research;
  return {
    drafting_explanation: Boolean(r.draftingExplanation),
    legal_bases: Boolean(r.legalBases),
    internal_consultation: Boolean(r.internalConsultation),
    public_comment: Boolean(r.publicComment),
    hearing: (r.hearings ?? []).length > 0,
    expert_opinion: (r.expertOpinions ?? []).length > 0,
    risk_assessment: Boolean(r.riskAssessment),
    comment_adoption: Boolean(r.commentAdoption),
    procedure_statement: Boolean(r.procedureStatement),
    public_participation: (r.participations ?? []).length > 0,
    participation_exemption: Boolean(r.participationExemption),
    expert_adoption: Boolean(r.expertAdoption),
    enforcement_case: Boolean(r.enforcementCase),
  };
}

/**
 * @param {ActionContext} ctx
 * @returns {ActionSpec}
 */
export function researchItemForm(ctx) {
  const done = recordedResearch(ctx.matter.state);
  const enforcement = ctx.matter.kind === 'enforcement_review';
  // What is still needed comes from the server (domain missingMaterials, the rule the submission gate applies):
  // by kind, flags and a second classification, with hearing the public satisfied by any of its forms.
  const missing = ctx.matter.missingMaterials ?? [];
  /** @param {string} k */
  const wanted = (k) => missing.includes(MATERIAL_OF_ITEM[k] ?? k);
  // The enforcement case comes first for an enforcement review: its filing date starts the 90 days (行政处罚法第60条).
  const order = enforcement ? ['enforcement_case', ...Object.keys(RESEARCH_FORMS).filter((k) => k !== 'enforcement_case')] : Object.keys(RESEARCH_FORMS);
  const firstMissing = order.find((k) => !done[k] && wanted(k)) ?? 'drafting_explanation';
  // Only the items this page has a form for (an item the server adds later is recorded through the API until then);
  // the enforcement case only in an enforcement review, where it means something.
  const offered = Object.entries(RESEARCH_ITEM_LABELS).filter(([k]) => RESEARCH_FORMS[k] && (k !== 'enforcement_case' || enforcement || done[k]));
  const chooser = field({
    label: '材料类型', path: `${P}.kind`, type: 'select', required: true, value: firstMissing,
    options: offered.map(([k, l]) => [k, `${l}${done[k] ? '（已登记，可更新）' : wanted(k) ? '（本事项需要）' : ''}`]),
  });
  const slot = h('div', { class: 'subform' });
  /** @type {ItemForm} */
  let current = RESEARCH_FORMS[firstMissing]();
  const swap = () => {
    current = RESEARCH_FORMS[chooser.control.value]();
    setChildren(slot, ...current.nodes);
  };
  chooser.control.addEventListener('change', swap);
  swap();
  return { nodes: [chooser, slot], collect: () => ({ command: { type: 'record_research_item', item: current.collect() } }) };
}
