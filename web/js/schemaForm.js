// @ts-check
/**
 * Forms generated from the command shapes the server publishes (GET /api/v1/openapi.json: the action
 * body's `command` is a union of JSON schemas, one per command type, from the domain's zod schemas). A
 * command without a hand-made form — a new one, or a simple one — gets its fields from its schema: text,
 * long text, choices (labelled from the vocabulary when the values are the procedure's codes), yes/no,
 * numbers, dates, lists of lines or of rows, nested groups; people by name; the version hash prefilled.
 */
import { h } from './dom.js';
import { request } from './api.js';
import { field, valueOf, optional, repeatable, group } from './forms.js';
import { personPicker } from './people.js';
import { hashField } from './versionHashField.js';
import { localInputToIso } from './dom.js';
import {
  KIND_LABELS, FLAG_LABELS, STAGE_LABELS, LEGALITY_OUTCOME_LABELS, FCR_CONCLUSION_LABELS, MEETING_VIEW_LABELS, MEETING_BODY_LABELS,
  CHECKLIST_RESULT_LABELS, RISK_LEVEL_LABELS, GOV_REVIEW_LABELS, CONSULTATION_KIND_LABELS, ROLE_LABELS,
  PROCUREMENT_METHOD_LABELS, DISPUTE_METHOD_LABELS, PARTY_ROLE_LABELS, CONTRACT_CLOSURE_LABELS, TRIPLE_ONE_CATEGORY_LABELS, ENFORCEMENT_GROUND_LABELS,
  IMPLEMENTATION_STATUS_LABELS, EVALUATION_GROUND_LABELS, EVALUATION_CONCLUSION_LABELS, EVALUATION_RECOMMENDATION_LABELS,
} from './labels.js';

/**
 * @typedef {object} JsonSchema
 * @property {string} [type]
 * @property {Record<string, JsonSchema>} [properties]
 * @property {string[]} [required]
 * @property {JsonSchema} [items]
 * @property {unknown[]} [enum]
 * @property {unknown} [const]
 * @property {number} [maxLength]
 * @property {string} [pattern]
 * @property {string} [format]
 * @property {string} [description]
 * @property {string} [title]
 * @property {JsonSchema[]} [oneOf]
 * @property {JsonSchema[]} [anyOf]
 */
/** @typedef {import('./actions.js').ActionContext} ActionContext */
/** @typedef {import('./actions.js').ActionSpec} ActionSpec */
/** @typedef {{ nodes: HTMLElement[], collect: () => unknown }} Part */
/**
 * What a form may say about one of its fields, by the field's key: a field's own spec (label, placeholder, help,
 * value…), `omit` to leave it out (the server fills it in), `initial` rows for a list.
 * @typedef {Partial<import('./forms.js').FieldSpec> & { omit?: boolean, initial?: unknown[] }} FieldOverride
 */

/** Chinese names of the fields commands use, for generated forms (a schema's description wins). @type {Record<string, string>} */
const FIELD_LABELS = {
  reason: '理由', note: '备注', reference: '文号或编号', authority: '机关', channel: '渠道', documentNumber: '文号', signedBy: '签发人',
  archiveRef: '档案号', recipient: '移交单位', granted: '已获批准', outcome: '结论', text: '全文', summary: '摘要', documentId: '文件编号',
  lawyerId: '法律顾问', reviewerId: '审查人员', memberId: '组成人员', headId: '主持人', meetingAt: '会议时间', body: '会议类型', meetingRef: '会议编号或名称',
  missing: '缺少的材料或程序', amendments: '逐条修改意见', clause: '条款', change: '修改意见', flags: '事项标记', openFindings: '待答复问题数',
  findingId: '预审问题', verdict: '答复', approvalAuthority: '批准机关', heldAt: '时间', changes: '修改内容', title: '名称', party: '对象', view: '意见',
  kind: '类别', unit: '单位', opinion: '意见', comment: '说明', date: '日期', from: '起', to: '止', period: '期限', basis: '依据',
  // Contracts (重要合同、重大协议): the particulars, the signing and the closure.
  contractType: '合同类型', parties: '合同主体', name: '名称', role: '身份', creditCode: '统一社会信用代码', representative: '法定代表人或负责人',
  signingAuthority: '签约授权', signatory: '签约人', legalBasis: '法律依据', procurement: '采购程序', method: '方式', price: '价款',
  amount: '金额（元）', paymentTerms: '支付方式和期限', performance: '履行（标的、数量、质量、期限、地点、方式、验收）', liability: '违约责任',
  confidentiality: '保密', required: '须约定保密条款', terms: '保密条款', disputeResolution: '争议解决', forum: '管辖法院或仲裁机构', term: '合同期限',
  contractNumber: '合同编号', counterparty: '合同相对方', value: '合同金额（元）', signedAt: '签订时间', termStart: '履行期限起', termEnd: '履行期限止',
  particulars: '合同要素', renewalMatterId: '续签审查事项编号', days: '天数', approvedBy: '批准人', category: '事项类别', bodyId: '会议机构',
  // Signing and publication: the document's dates (LR-F1) and the reasons the law asks for.
  effectiveAt: '施行日期（可不填：公布后30日）', expiresAt: '有效期至（可不填：最长有效期）', earlyEffectReason: '提前施行的理由（公布后不足30日施行的）',
  retroactiveReason: '溯及既往的理由（施行日期早于公布日期的，立法法第104条）', exceptionEndsAt: '公平竞争审查例外期限届满日',
  adoptionStatement: '公众意见、专家论证意见的采纳情况说明（713号令第32条）', interpretation: '宣传解读的方式与出处（如 新闻发布会、政策解读）',
  // After a major decision (713号令第34条至第37条).
  status: '执行情况', progress: '执行进展', problems: '存在的问题', grounds: '评估情形', evaluator: '评估单位', thirdParty: '委托第三方评估',
  conclusion: '结论', recommendation: '评估建议', publicHeard: '听取公众意见情况', decidedBy: '决定人', law: '法律法规', paragraph: '款', lawVersion: '版本',
  newMatterId: '新事项编号', purpose: '调整类型',
  // The clause-level legal-basis register (合法性依据登记): which law, article, paragraph and item a clause rests on.
  entries: '依据条目', article: '条', item: '项',
};

/** Vocabulary tables a choice's values may come from; the first that knows every value labels it. */
const CHOICE_TABLES = [LEGALITY_OUTCOME_LABELS, FCR_CONCLUSION_LABELS, MEETING_VIEW_LABELS, MEETING_BODY_LABELS, CHECKLIST_RESULT_LABELS, RISK_LEVEL_LABELS, GOV_REVIEW_LABELS, CONSULTATION_KIND_LABELS, FLAG_LABELS, KIND_LABELS, STAGE_LABELS, ROLE_LABELS,
  PROCUREMENT_METHOD_LABELS, DISPUTE_METHOD_LABELS, PARTY_ROLE_LABELS, CONTRACT_CLOSURE_LABELS, TRIPLE_ONE_CATEGORY_LABELS, ENFORCEMENT_GROUND_LABELS,
  IMPLEMENTATION_STATUS_LABELS, EVALUATION_GROUND_LABELS, EVALUATION_CONCLUSION_LABELS, EVALUATION_RECOMMENDATION_LABELS];

/** Fields naming a person, and the role the person is chosen from. @type {Record<string, string>} */
const PERSON_FIELDS = { lawyerId: 'lawyer', reviewerId: 'fcr_reviewer', memberId: 'meeting_member', headId: 'meeting_member' };

/** @type {Promise<Map<string, JsonSchema>> | null} */
let schemas = null;

/**
 * A copy of a schema with every `$ref` to the document's components replaced by the component (named
 * schemas are emitted once, as components). Cycles are cut at the second visit.
 * @param {any} node
 * @param {Record<string, any>} components
 * @param {Set<string>} [seen]
 * @returns {any}
 */
function deref(node, components, seen = new Set()) {
  if (Array.isArray(node)) return node.map((x) => deref(x, components, seen));
  if (!node || typeof node !== 'object') return node;
  const ref = typeof node.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(node.$ref)?.[1] : undefined;
  if (ref) {
    if (seen.has(ref)) return {};
    const { $ref: _ref, ...rest } = node;
    return { ...deref(components[ref] ?? {}, components, new Set([...seen, ref])), ...deref(rest, components, seen) };
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(v, components, seen)]));
}

/** The command schemas by type, from the OpenAPI document (fetched once). */
export function commandSchemas() {
  if (!schemas) {
    schemas = request('GET', '/api/v1/openapi.json', { auth: false }).then((doc) => {
      const components = doc?.components?.schemas ?? {};
      const body = deref(doc?.paths?.['/api/v1/matters/{id}/actions']?.post?.requestBody?.content?.['application/json']?.schema, components);
      /** @type {JsonSchema[]} */
      const variants = body?.properties?.command?.oneOf ?? body?.properties?.command?.anyOf ?? [];
      return new Map(variants.map((v) => [String(v.properties?.type?.const ?? ''), v]));
    });
    schemas.catch(() => { schemas = null; });
  }
  return schemas;
}

/**
 * @param {string} key
 * @param {JsonSchema} s
 */
const labelOf = (key, s) => s.title ?? FIELD_LABELS[key] ?? s.description ?? key;

/** @param {unknown[]} values */
function choiceLabels(values) {
  const table = CHOICE_TABLES.find((t) => values.every((v) => typeof v === 'string' && v in t));
  return values.map((v) => /** @type {[string, string]} */ ([String(v), table?.[String(v)] ?? String(v)]));
}

/**
 * The part of a form for one property.
 * @param {string} key
 * @param {JsonSchema} s
 * @param {string} path
 * @param {boolean} required
 * @param {ActionContext} ctx
 * @param {Record<string, FieldOverride>} overrides by key
 * @returns {Part}
 */
function part(key, s, path, required, ctx, overrides) {
  const { omit: _omit, initial, ...extra } = overrides[key] ?? {};
  const label = extra.label ?? labelOf(key, s);
  if (key === 'versionHash' && s.pattern?.includes('64')) {
    const f = hashField(ctx, path);
    return { nodes: [f], collect: () => valueOf(f) };
  }
  if (PERSON_FIELDS[key] && s.type === 'string') {
    const f = personPicker({ label, path, role: PERSON_FIELDS[key], required });
    return { nodes: [f], collect: () => valueOf(f) };
  }
  if (s.enum) {
    const f = field({ label, path, type: 'select', required, options: choiceLabels(s.enum), ...extra });
    return { nodes: [f], collect: () => valueOf(f) };
  }
  if (s.type === 'boolean') {
    const f = field({ label, path, type: 'checkbox', ...extra });
    return { nodes: [f], collect: () => valueOf(f) };
  }
  if (s.type === 'integer' || s.type === 'number') {
    const f = field({ label, path, type: 'number', required, ...extra });
    return { nodes: [f], collect: () => valueOf(f) };
  }
  if (s.type === 'string') {
    const datetime = s.format === 'date-time';
    const long = (s.maxLength ?? 0) > 500;
    const f = field({ label, path, type: datetime ? 'datetime' : s.format === 'date' ? 'date' : long ? 'textarea' : 'text', required, rows: long ? 3 : undefined, wide: long, ...extra });
    return { nodes: [f], collect: () => (datetime ? localInputToIso(valueOf(f)) : valueOf(f)) };
  }
  if (s.type === 'array' && s.items) {
    const items = s.items;
    if (items.enum) {
      // A list of fixed choices (e.g. the grounds of a post-evaluation): one labelled checkbox per choice.
      const boxes = choiceLabels(items.enum).map(([value, text]) => {
        const box = field({ label: text, path, type: 'checkbox', name: path });
        box.control.value = value;
        /** @type {HTMLInputElement} */ (box.control).checked = Array.isArray(initial) && initial.includes(value);
        return box;
      });
      const el = h('fieldset', { class: 'group flags repeatable choices', dataset: { path }, tabindex: '-1' },
        h('legend', {}, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
        h('p', { class: 'help' }, extra.help ?? (required ? '至少选择一项，可多选。' : '可多选。')),
        boxes, h('p', { class: 'field-error', hidden: true }));
      return { nodes: [el], collect: () => boxes.filter((b) => /** @type {HTMLInputElement} */ (b.control).checked).map((b) => b.control.value) };
    }
    if (items.type === 'object' && items.properties) {
      const columns = Object.entries(items.properties).filter(([k]) => !overrides[k]?.omit).map(([k, p]) => ({
        key: k, label: overrides[k]?.label ?? labelOf(k, p), required: (items.required ?? []).includes(k), placeholder: overrides[k]?.placeholder,
        type: /** @type {import('./forms.js').FieldSpec['type']} */ (p.enum ? 'select' : p.type === 'boolean' ? 'checkbox' : p.type === 'number' || p.type === 'integer' ? 'number' : (p.maxLength ?? 0) > 500 ? 'textarea' : 'text'),
        options: p.enum ? choiceLabels(p.enum) : undefined,
      }));
      const rows = repeatable({ legend: label, path, columns, minRows: required ? 1 : 0, initial: initial ?? [], help: extra.help });
      // An optional column left blank is absent from its row (the API refuses empty text).
      const row = (/** @type {Record<string, unknown>} */ r) => Object.entries(r).reduce((out, [k, v]) => (typeof v === 'boolean' ? Object.assign(out, { [k]: v }) : optional(out, k, v)), /** @type {Record<string, unknown>} */ ({}));
      return { nodes: [rows.el], collect: () => rows.values().map(row) };
    }
    const rows = repeatable({ legend: label, path, columns: [{ label, required: true }], minRows: required ? 1 : 0, initial: initial ?? [], help: extra.help });
    return { nodes: [rows.el], collect: () => rows.values() };
  }
  if (s.type === 'object' && s.properties) {
    // The fields an optional group requires are required only once it is filled in: the server says so then.
    const inner = objectParts(s, path, ctx, overrides, required);
    // A group left empty is absent (an optional term not filled in), not an object missing its fields.
    return { nodes: [group(label, inner.nodes)], collect: () => { const v = inner.collect(); return Object.keys(v).length ? v : undefined; } };
  }
  // Anything else (a shape this generator does not know) as JSON.
  const f = field({ label: `${label}（JSON）`, path, type: 'textarea', required, rows: 3, wide: true });
  return { nodes: [f], collect: () => (valueOf(f) ? JSON.parse(valueOf(f)) : undefined) };
}

/**
 * @param {JsonSchema} s
 * @param {string} path
 * @param {ActionContext} ctx
 * @param {Record<string, FieldOverride>} overrides
 * @param {boolean} [present] false: the object itself is optional, so none of its fields is required in the form
 */
function objectParts(s, path, ctx, overrides, present = true) {
  // A field the form leaves out (`omit`) is not sent: the server fills it in or does without.
  const entries = Object.entries(s.properties ?? {}).filter(([k]) => k !== 'type' && !overrides[k]?.omit);
  const parts = entries.map(([k, p]) => /** @type {const} */ ([k, part(k, p, `${path}.${k}`, present && (s.required ?? []).includes(k), ctx, overrides)]));
  const requiredKeys = new Set(present ? s.required ?? [] : []);
  return {
    nodes: parts.flatMap(([, p]) => p.nodes),
    collect: () => {
      /** @type {Record<string, unknown>} */
      const out = {};
      for (const [k, p] of parts) {
        const v = p.collect();
        // A required list left empty is sent empty: the server then names what it lacks.
        if (typeof v === 'boolean' || (Array.isArray(v) && requiredKeys.has(k))) out[k] = v;
        else optional(out, k, v);
      }
      return out;
    },
  };
}

/**
 * The form of a command from its published schema. `overrides` adds placeholders and help per field, leaves
 * fields out, or gives a list its initial rows.
 * @param {string} type
 * @param {ActionContext} ctx
 * @param {Record<string, FieldOverride>} [overrides]
 * @returns {Promise<ActionSpec>}
 */
export async function schemaForm(type, ctx, overrides = {}) {
  const schema = (await commandSchemas()).get(type);
  if (!schema) throw new Error(`服务器未公布该操作（${type}）的格式。`);
  const fields = objectParts(schema, 'command', ctx, overrides);
  return {
    nodes: fields.nodes.length ? fields.nodes : [h('p', { class: 'help' }, '此操作无需填写内容，确认后提交。')],
    collect: () => ({ command: { ...(/** @type {object} */ (fields.collect())), type } }),
  };
}
