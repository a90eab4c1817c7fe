/**
 * What the rest of a sentence says about a wording that may create a measure: who it binds, whether
 * it is forbidden rather than imposed, whether it is only encouraged or offered, whether it is a
 * condition of a benefit, and which legal basis governs it (cited provisions or a generic
 * "依法 / 依照有关法律法规" within its reach). Detectors read the sentence's setting from here; the
 * pre-screen applies one clearing policy to all of them.
 */
import { type Citation, findCitations } from '../laws/references';
import { departmentalTitle } from '../text/issuers';
import type { Sentence } from '../text/sentences';
import type { LegalityCode } from './catalogue';
import { BENEFIT, EXTERNAL, GOVERNMENT, INTERNAL, LOCAL_TITLE, NATIONAL_TITLE, NEGATOR } from './lexicon';

export type Party = 'external' | 'government' | 'internal' | 'unknown';

export interface Span {
  start: number;
  end: number;
}

/** The legal basis within reach of a wording (offsets relative to the sentence). */
export interface BasisReading {
  /** cited laws in the same provision (after a "除…外，还…" only those after it) */
  citations: Citation[];
  /** "依法", "依照有关法律、法规", "按照国家有关规定", "法律、法规规定的"… governing the wording */
  generic: string | null;
  /** "除依法…外，还须…": the wording goes beyond what the law provides */
  beyond: boolean;
}

const PROVISION_BREAK = /[；;]/g;
const PHRASE_BREAK = /[，,；;：:]/g;
const EXTERNAL_RE = new RegExp(EXTERNAL);
const GOVERNMENT_RE = new RegExp(GOVERNMENT);
const INTERNAL_RE = new RegExp(INTERNAL);
// The duty or permission word that separates a subject from what it must (not) do.
const MODAL = /应当|必须|须|需|一律|不得|禁止|严禁|可以|可|有权|方可|实行|进行|参加|每年/;

// "依照有关法律、法规的规定", "按照国家有关规定", "法律、法规另有规定的", "依照其规定", "法定".
const GENERIC_BASIS = new RegExp(
  '(?:依照|依据|根据|按照|遵照|适用)(?:有关|相关|国家)?(?:法律|行政法规|法规|法律法规|法律、法规|法律、行政法规|国家(?:有关|相关)?(?:规定|标准)|' +
    '国家和(?:省|市)[^，。；]{0,4}规定|国务院(?:有关)?(?:规定|决定)|其规定|该规定|该法|该条例|上位法|法定)' +
    '|法律、(?:行政)?法规(?:另有|已有|已经|已)?(?:规定|设定)|法律法规(?:另有|已有|已)?规定|法定(?!代表)|经国务院批准|依法(?:应当|须|必须)?',
);
// "依法" only governs the wording it stands right before ("依法取得…许可证", "依法查封").
const REACH_OF_YIFA = 10;

// "除依法办理相关手续外，还须…", "除按照规定报公安机关安全许可外，还应当…", "另行交纳…": more than the law asks.
const BEYOND = /除[^。；;]{0,40}?外[，,]?[^。；;]{0,4}?(?:还|另|另行|再|并|也|同时|仍)|(?:另行|额外|另外|再行|加收)(?=[^，,。；;]{0,12}(?:交纳|缴纳|收取|取得|申领|办理|审批|设立|交存|缴存|保证金|费|许可|审核))/g;
// "情节严重的，…", "逾期不改正的，…": a provision that continues the sanction of the one before it.
const CONTINUATION = /^(?:情节(?:严重|较重|特别严重|恶劣)的|逾期不(?:改正|整改|履行)的|拒不改正的|造成[^，,]{0,12}的|构成犯罪的|违法所得[^，,]{0,12}的|直至|并)/;

const NEGATED_BEFORE = new RegExp(`${NEGATOR}[^，,。；;]{0,40}$`);
const SOFT_LEAD = new RegExp(`^(?:[^，,。；;]{0,12}?)(?:鼓励|支持|倡导|提倡|引导|欢迎|号召)`);
const PERMISSION = new RegExp(`(?:可以|可|自愿|自主|有权)(?!以)`);
const MANDATORY = /应当|必须|须|需|一律|不得|禁止|严禁|方可|才能/;
const BENEFIT_RE = new RegExp(BENEFIT);
const DEFINITION = /所称|是指|的种类(?:包括|有|为|是)|种类[:：]|系指|指的是|本办法(?:自|有效期|适用于|由)|本规定(?:自|有效期|适用于|由)|为了[^。]{0,60}制定本|适用于本(?:区|县|市)|自\d{4}年[^。]{0,12}(?:起施行|起实施)/;

// "查封、扣押的期限不得超过三十日", "罚款决定书": the measure named as the object of a procedure.
const PROCEDURE_NOUN = /^(?:[、和或]\S{1,4})*(?:的)?(?:期限|决定书|清单|程序|时限|决定前|决定之前|决定的|笔录|听证|告知书|催告)/;
// "…的，应当事先送达决定书 / 告知当事人 / 报经负责人批准": what the administration must do first.
const PROCEDURE_DUTY = /^[，,]?(?:[^，。；]{0,10})?(?:应当|须|必须)(?:事先|先|及时|当场)?(?:送达|告知|出示|制作|听取|报告|报经|经[^，。；]{0,8}批准|通知|说明理由|记录|组织听证|催告|妥善保管|返还|解除|移送)/;

/** Earliest party word in a chunk of text. */
export function partyIn(text: string): Party {
  const e = EXTERNAL_RE.exec(text);
  const g = GOVERNMENT_RE.exec(text);
  const i = INTERNAL_RE.exec(text);
  const first = Math.min(e?.index ?? Infinity, g?.index ?? Infinity, i?.index ?? Infinity);
  if (first === Infinity) return 'unknown';
  if (i && i.index === first) return 'internal';
  if (e && e.index === first) return 'external';
  return 'government';
}

// "经镇人民政府批准", "向区文旅局申请", "报…审批", "由…负责": the body named there approves or acts, it is not bound.
const AGENT_PHRASE = /^(?:须|需|应当|必须|应)?(?:事先|提前)?(?:经|报经|报请|报|向|由|通过|取得|获得|持有|凭|按照|依照|根据)/;

/** The party a phrase makes its subject: named before its duty word, unless the phrase names an approver or agent. */
function subjectOf(phrase: string): Party {
  // "对区文旅局的决定有异议的": the body after 对 is the topic, not who is bound.
  if (/^对/.test(phrase)) return 'unknown';
  const text = phrase.replace(/^(?:在|凡|其)/, '');
  if (AGENT_PHRASE.test(text)) return 'unknown';
  const modal = MODAL.exec(text);
  return partyIn(modal ? text.slice(0, modal.index) : text);
}

export class ClauseContext {
  private provisions?: Span[];
  private phrases?: Span[];
  private cites?: Citation[];

  constructor(readonly sentence: Sentence) {}

  get text(): string {
    return this.sentence.text;
  }

  private spans(re: RegExp): Span[] {
    const out: Span[] = [];
    let start = 0;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.text)) !== null) {
      out.push({ start, end: m.index });
      start = m.index + 1;
    }
    out.push({ start, end: this.text.length });
    return out;
  }

  /** The provision (semicolon-delimited part of the sentence) holding offset `at`. */
  provisionAt(at: number): Span {
    this.provisions ??= this.spans(PROVISION_BREAK);
    return this.provisions.find((p) => at >= p.start && at <= p.end) ?? { start: 0, end: this.text.length };
  }

  /** The comma-delimited phrase holding offset `at`. */
  phraseAt(at: number): Span {
    this.phrases ??= this.spans(PHRASE_BREAK);
    return this.phrases.find((p) => at >= p.start && at <= p.end) ?? { start: 0, end: this.text.length };
  }

  citations(): Citation[] {
    return (this.cites ??= findCitations(this.text));
  }

  /**
   * Who the wording at `at` binds: the party named before the duty word of its phrase, else the
   * nearest party named in the provision's earlier phrases ("在景区内开展商业拍摄的，应当…").
   */
  bearerAt(at: number): Party {
    const prov = this.provisionAt(at);
    const phrase = this.phraseAt(at);
    const own = subjectOf(this.text.slice(phrase.start, at));
    if (own !== 'unknown') return own;
    // earlier phrases of the provision, nearest first
    const before = this.text.slice(prov.start, phrase.start).split(/[，,：:]/).filter((p) => p.length > 0).reverse();
    for (const p of before) {
      const party = subjectOf(p);
      if (party !== 'unknown') return party;
    }
    return 'unknown';
  }

  /** The wording at [from, to) is what a prohibition forbids ("不得设定罚款", "不收取任何费用", "免收…费"). */
  negated(from: number): boolean {
    const phrase = this.phraseAt(from);
    const lead = this.text.slice(phrase.start, from);
    return NEGATED_BEFORE.test(lead);
  }

  /** A checklist question ("是否…") or an abolition describes the measure; it creates none. */
  questioned(from: number): boolean {
    return /是否/.test(this.text.slice(this.provisionAt(from).start, from));
  }

  /**
   * The measure is named as the subject of the administration's own procedure ("决定实施代履行的，应当事先
   * 送达决定书", "查封的期限", "作出罚款决定前应当告知"): it is presupposed, not created here.
   */
  procedural(from: number, to: number): boolean {
    const after = this.text.slice(to, to + 40);
    if (PROCEDURE_NOUN.test(after)) return true;
    const phrase = this.phraseAt(from);
    const rest = this.text.slice(phrase.end, phrase.end + 40);
    return /的$/.test(this.text.slice(phrase.start, phrase.end)) && PROCEDURE_DUTY.test(rest) && !/[处罚没吊扣封]/.test(rest.slice(0, 4));
  }

  /** Definitions, scope, purpose and commencement clauses create nothing. */
  definitional(): boolean {
    return DEFINITION.test(this.text);
  }

  /** Only encouraged, offered or permitted to the party ("鼓励…自愿申请", "景区可以推行…"). */
  soft(from: number): boolean {
    const prov = this.provisionAt(from);
    const text = this.text.slice(prov.start, prov.end);
    if (SOFT_LEAD.test(text) && !MANDATORY.test(text)) return true;
    const phrase = this.phraseAt(from);
    const lead = this.text.slice(phrase.start, from);
    return PERMISSION.test(lead) && !MANDATORY.test(lead) && this.bearerAt(from) !== 'government';
  }

  /** The wording is a condition of a subsidy, reward or other benefit the party asks for. */
  benefit(from: number): boolean {
    const prov = this.provisionAt(from);
    return BENEFIT_RE.test(this.text.slice(prov.start, prov.end));
  }

  /** The legal basis within reach of the wording at [from, to). */
  basisFor(from: number, to: number): BasisReading {
    const prov = this.provisionAt(from);
    let scopeStart = prov.start;
    let beyond = false;
    BEYOND.lastIndex = 0;
    let b: RegExpExecArray | null;
    const provText = this.text.slice(prov.start, prov.end);
    while ((b = BEYOND.exec(provText)) !== null) {
      const start = prov.start + b.index;
      const end = start + b[0].length;
      if (start < to) {
        beyond = true;
        scopeStart = Math.max(scopeStart, Math.min(end, from));
      }
    }
    let citations = this.citations().filter((c) => c.start >= scopeStart && c.end <= prov.end);
    let generic = this.genericBasis(from, to, scopeStart);
    // "…依照《条例》第三十一条给予警告；情节严重的，责令停业整顿": the basis carries over.
    if (!beyond && citations.length === 0 && !generic && prov.start > 0 && CONTINUATION.test(provText)) {
      const previous = this.provisionAt(prov.start - 1);
      citations = this.citations().filter((c) => c.start >= previous.start && c.end <= previous.end);
      generic = this.genericBasis(previous.start, previous.end, previous.start);
    }
    return { citations, generic, beyond };
  }

  private genericBasis(from: number, to: number, scopeStart: number): string | null {
    const phrase = this.phraseAt(from);
    const prov = this.provisionAt(from);
    // The wording's own phrase, and lead phrases of the provision that name the basis for what follows.
    const candidates: Span[] = [{ start: Math.max(phrase.start, scopeStart), end: Math.max(to, phrase.end) }];
    const leads = this.text.slice(Math.max(prov.start, scopeStart), phrase.start);
    let offset = Math.max(prov.start, scopeStart);
    for (const part of leads.split(/[，,：:]/)) {
      const lead = /^(?:依照|依据|根据|按照|遵照)|规定的$|规定$|另有规定的$|已有[^，]{0,8}规定的$/.test(part) || (/的$/.test(part) && GENERIC_BASIS.test(part) && !/^依法/.test(part.replace(/^[^依]*/, '')));
      if (lead) candidates.push({ start: offset, end: offset + part.length });
      offset += part.length + 1;
    }
    for (const span of candidates) {
      const chunk = this.text.slice(span.start, span.end);
      const m = GENERIC_BASIS.exec(chunk);
      if (!m) continue;
      if (m[0].startsWith('依法')) {
        // "依法" reaches only the wording right after it.
        const at = span.start + m.index;
        if (at > to || from - (at + m[0].length) > REACH_OF_YIFA) continue;
      }
      return m[0];
    }
    return null;
  }
}

/** A cited title can found a measure only if it is a national law or regulation, not a local policy. */
export function canBeBasis(title: string): boolean {
  return NATIONAL_TITLE.test(title) && !LOCAL_TITLE.test(title);
}

/**
 * Measures only a law or a regulation can set: a licence (行政许可法第十四条至第十七条: 规章 at most a
 * provincial temporary one) and a compulsory measure (行政强制法第十条第四款: 法律、法规以外的其他规范性
 * 文件不得设定). A title naming a department or local government as its issuer (《文化和旅游部…管理办法》)
 * is no basis for them. A 部门规章 may set warnings, 通报批评 and limited fines (行政处罚法第十三条), fees
 * are approved by State Council departments, and a rule may detail duties a law sets (立法法第九十一条),
 * so for the other codes such a title is read as before.
 */
const SET_BY_LAW_ONLY: ReadonlySet<LegalityCode> = new Set<LegalityCode>(['LR-LICENCE', 'LR-COMPULSION']);

/** canBeBasis for a given measure: a departmental document founds no licence or compulsory measure. */
export function canBeBasisFor(code: LegalityCode, title: string): boolean {
  return canBeBasis(title) && !(SET_BY_LAW_ONLY.has(code) && departmentalTitle(title));
}
