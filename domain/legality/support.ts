/**
 * Does a provision of a law say what a clause relies on it for? A cited article must name the kind
 * of measure the clause creates (a fine needs an article about fines), must set it rather than only
 * list or allocate the power to set it, must concern the same regulated party, a fine must lie within
 * the article's range, and a penalty may not add a sanction the article does not set.
 *
 * A law cited without an article ("依照《旅游法》有关规定") is read article by article
 * (`supportInLaw`): naming a law is no basis unless some article of it sets the measure.
 */
import type { Law } from '../laws/types';
import type { LegalityCode } from './catalogue';
import { departuresFrom } from './departures';
import { moneyIn } from './amounts';
import { sanctionsIn } from './measures';

const MEASURE_WORDS: Readonly<Record<LegalityCode, RegExp>> = {
  'LR-LICENCE': /许可|批准|审批|核准|登记|备案|资格|资质|认定|注册|验收|同意|准予|证|执照|开放条件/,
  'LR-PENALTY': /罚款|处罚|没收|吊销|暂扣|停业|停产|关闭|警告|通报批评|拘留|降低资质|撤销|信用档案|记入|不得重新申请|限制从业/,
  'LR-COMPULSION': /查封|扣押|冻结|强制|加处罚款|滞纳金|划拨|拍卖|代履行|停止供电|停止供水|登记保存|限制|制止|措施/,
  'LR-FEE': /费|保证金|押金|收取|交纳|缴纳|基金|保险/,
  'LR-OBLIGATION': /应当|必须|不得|须|义务|禁止|配合/,
};

// "本法所称行政强制，包括…": a definition sets nothing.
const DEFINITION = /^[^。]{0,6}(?:本法|本条例|本规定)所称|^[^。]{0,20}是指/;
// "下列事项可以设定行政许可", "其他规范性文件一律不得设定行政处罚", "行政强制措施的种类：".
const SETTING_POWER = /(?:可以|不得|一律不得|只能|方可|由)[^，。；]{0,16}设定|的种类[:：]|执行的方式[:：]/;

/** Parties an article or a clause may be about; an article about one says nothing about another. */
const PARTIES: ReadonlyArray<readonly [string, RegExp]> = [
  ['旅行社', /旅行社|组团社|地接社/],
  ['导游领队', /导游|领队/],
  ['景区', /景区|游览场所/],
  ['住宿', /民宿|住宿|酒店|宾馆|饭店/],
  ['网吧', /网吧|上网服务/],
  ['娱乐场所', /娱乐场所|歌舞|KTV|游艺/],
  ['演出', /演出|演艺/],
  ['体育', /健身|游泳|体育|拓展训练|户外运动/],
  ['培训机构', /培训机构|办学/],
  ['文物', /文物|博物馆/],
  ['出版', /出版|书摊|图书/],
  ['广告', /广告/],
  ['车辆船舶', /车辆|包车|客运|游船|船只|船舶/],
];
/** Words by which an article speaks of every party. */
const ANY_PARTY = /旅游经营者|经营者|当事人|公民、法人或者其他组织|单位和个人|单位或者个人|有关单位|被许可人|申请人|行政相对人|市场主体|违法行为/;

function partiesIn(text: string): Set<string> {
  return new Set(PARTIES.filter(([, re]) => re.test(text)).map(([name]) => name));
}

export type Support = { ok: true } | { ok: false; why: string; /** the provision concerns this measure and party, but its amounts or sanctions differ */ near?: boolean };

export interface SupportOptions {
  /**
   * Reading a whole law for an article that sets the measure: the article must name the clause's
   * regulated party (or every party), and a fine in yuan needs a range in the article.
   */
  strict?: boolean;
}

/**
 * Whether `provision` (the cited words) supports the measure `code` that `clause` creates.
 * `label` names the provision in the explanation ("《旅游法》第三十一条").
 */
export function supports(code: LegalityCode, provision: string, clause: string, label: string, options: SupportOptions = {}): Support {
  const excerpt = provision.length > 60 ? `${provision.slice(0, 60)}……` : provision;
  if (!MEASURE_WORDS[code].test(provision)) return { ok: false, why: `${label}规定的是“${excerpt}”，并未规定条文所设的这一措施` };
  if (DEFINITION.test(provision)) return { ok: false, why: `${label}是定义条款（“${excerpt}”），本身没有设定条文所设的措施` };
  if (SETTING_POWER.test(provision)) return { ok: false, why: `${label}规定的是这类措施的种类或者设定权限（“${excerpt}”），本身没有设定条文所设的措施` };
  const mine = partiesIn(clause);
  const theirs = partiesIn(provision);
  const anyParty = ANY_PARTY.test(provision);
  if (mine.size > 0 && theirs.size > 0 && ![...mine].some((p) => theirs.has(p)) && !anyParty) {
    return { ok: false, why: `${label}针对的是${[...theirs].join('、')}（“${excerpt}”），不涉及条文所规范的${[...mine].join('、')}` };
  }
  // Reading a whole law, an article supports only a clause about a party it names (or every party): a
  // fine for 旅行社 says nothing about a 剧本杀 shop, which no party word of ours names.
  if (options.strict && !anyParty && (mine.size > 0 ? ![...mine].some((p) => theirs.has(p)) : theirs.size > 0)) {
    return { ok: false, why: `${label}针对的${theirs.size > 0 ? `是${[...theirs].join('、')}` : '对象不明'}，不涉及条文所规范的对象` };
  }
  if (options.strict && code !== 'LR-PENALTY') {
    // Reading a whole law, the kind of measure named somewhere in an article is not enough: the article
    // must set this measure (a licence, this charge, this compulsory measure, this duty) — as a penalty
    // must be set within its range (below).
    const set = setsMeasure(code, provision, clause);
    if (!set.ok) return { ok: false, why: `${label}${set.why}`, ...(set.near ? { near: true } : {}) };
  }
  if (code === 'LR-PENALTY') {
    // 行政处罚法第十六条: a normative document may not set a penalty, so it may neither raise nor widen the
    // range the law sets nor add a sanction to it.
    const departures = departuresFrom(clause, provision, label, { amountRequired: options.strict === true, authority: true });
    if (departures.length > 0) {
      // Near: the article sets the same kind of sanction, with amounts when the clause names amounts.
      const set = sanctionsIn(provision);
      const sameKind = [...sanctionsIn(clause)].some((k) => set.has(k));
      const amounts = !moneyIn(clause).some((a) => a.fine) || moneyIn(provision).some((a) => a.fine && !a.conditional);
      // Departing from the article it relies on is also inconsistency with higher law (合法性审核清单 LR-C2).
      return { ok: false, why: `${departures.join('；')}，与上位法不一致（合法性审核清单 LR-C2）`, near: sameKind && amounts };
    }
  }
  return { ok: true };
}

const CITATION = /(?:依照|依据|根据|按照|遵照)?《[^》]*(?:法|条例|规定|办法|细则|决定)》(?:第[^，。；]{1,12}?条)?(?:的|有关|相关|等)*(?:法律|法规)?(?:的)?(?:规定)?/g;

/** The sentences (and semicolon parts) of a provision. */
function sentencesOf(text: string): string[] {
  return text.split(/[。；;\n]/).filter((t) => t.length > 0);
}

/**
 * Does a sentence of the article speak of the clause's party (or of every party)? A clause whose party
 * no word of ours names ("剧本杀门店") is tied to a sentence only by a word of what it regulates: a
 * licence for 高风险旅游项目 says nothing about a script-game shop.
 */
function aboutParty(sentence: string, mine: ReadonlySet<string>, clause: string): boolean {
  const theirs = partiesIn(sentence);
  if (mine.size > 0) return ANY_PARTY.test(sentence) || [...mine].some((p) => theirs.has(p));
  if (theirs.size > 0 && !ANY_PARTY.test(sentence)) return false;
  const words = contentWords(sentence, OBJECT_NOISE);
  return [...contentWords(clause, OBJECT_NOISE)].some((w) => words.has(w));
}

type MeasureCheck = { ok: true } | { ok: false; why: string; near?: boolean };

// 行政许可法第二条: a licence is the administration's consent before an activity — an article sets one
// when it requires a permit, approval or certificate to be obtained, or forbids acting without it.
const LICENCE_SET =
  /(?:取得|领取|申领|持有|申请取得)[^。；，]{0,24}?(?:许可证?|批准|核准|证书|资格证?|执照|[\u4e00-\u9fa5]{1,4}证)|(?:经|报经|须经)[^。；，]{0,20}?(?:批准|许可|核准|同意|审批)|未(?:经|取得)[^。；]{0,30}?(?:许可|批准|核准|资格|证)[^。；]{0,30}?(?:不得|的[，,])|(?:应当|须|必须)[^。；，]{0,16}?(?:申请|办理)[^。；，]{0,16}?(?:许可|登记|备案|审批)|实行[^。；，]{0,12}?(?:许可|审批|登记|备案)(?:制度|管理)/;
/** What kind of consent a clause or article asks for; an article setting a filing does not set an approval. */
const GATE_KINDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['consent', /许可|批准|审批|核准|同意|准入|证|资格|执照|认定/],
  ['filing', /备案/],
  ['registration', /登记|注册/],
];
function gateKinds(text: string): Set<string> {
  return new Set(GATE_KINDS.filter(([, re]) => re.test(text)).map(([k]) => k));
}

// 收费 or 保证金 an article lays on a party: "旅行社应当按照规定交纳旅游服务质量保证金".
const FEE_SET = /(?:交纳|缴纳|收取|支付|交存|缴存|存入|计收)[^。；，]{0,24}?(?:费|保证金|押金|风险金|基金)/;
// A named charge: two characters of its name before the head ("管理费", "质量保证金"); "…救助的费用" names none.
const CHARGE_NAME = /((?:(?![的和及等或与之])[\u4e00-\u9fa5]){2})(费(?!用)|保证金|押金|风险金|基金)/g;
/** The charges a text names: '管理费', '质量保证金'. */
function chargesIn(text: string): string[] {
  const out = new Set<string>();
  CHARGE_NAME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CHARGE_NAME.exec(text)) !== null) out.add(`${m[1]}${m[2]}`);
  return [...out];
}

// 行政强制法第二条、第九条、第十二条: the measures by name. An article sets one when it lets or tells the
// administration take it ("可以查封", "可以依法加处罚款或者滞纳金", "可以代履行"), not when it limits or
// forbids it ("查封、扣押限于涉案的场所", "不得查封") or names who may set it.
const COMPULSION_MEASURES = ['查封', '扣押', '冻结', '扣留', '封存', '先行登记保存', '划拨', '拍卖', '代履行', '加处罚款', '滞纳金', '强制拆除', '强制清除', '强制带离', '停止供电', '停止供水'];
const GRANTS = /(?:可以|有权|应当|予以|责令)(?!不)/;

// Words too general to tie a clause to an article: modals, references, the parties' generic names, the
// authorities, periods.
const DUTY_NOISE = /应|当|必|须|得|按|照|规定|有关|区文|文旅|旅局|经营|营者|旅游|主管|部门|本区|区内|每月|每年|旅行|行社|民宿|景区|依照|依法/;
// …and, to tie a clause to what an article regulates, the measure words themselves.
const OBJECT_NOISE = new RegExp(`${DUTY_NOISE.source}|审批|批准|许可|取得|方可|同意|后方|证|资格|登记|备案|开业|营业|从事|活动`);
const DUTY_SET = /应当|必须|须|不得|禁止|实行|实施/;
// The duty itself follows the modal; "向区文旅局" names where it is owed, not what it is.
const DUTY_MODAL = /应当|必须|须|需|不得/;
const OWED_TO = /向[^，。；]{0,12}?(?:局|部门|政府|中心|管委会|办公室|机关)/g;

function contentWords(text: string, noise: RegExp = DUTY_NOISE): Set<string> {
  const out = new Set<string>();
  const t = text.replace(/[^\u4e00-\u9fa5]/g, ' ');
  for (let i = 0; i + 2 <= t.length; i++) {
    const w = t.slice(i, i + 2);
    if (!/\s/.test(w) && !noise.test(w)) out.add(w);
  }
  return out;
}

/** What a clause obliges the party to do: the words after its modal, without the body it is owed to. */
function dutyOf(clause: string): string {
  const m = DUTY_MODAL.exec(clause);
  return (m ? clause.slice(m.index + m[0].length) : clause).replace(OWED_TO, ' ');
}

/**
 * Whether some sentence of `provision` sets the measure `code` that `clause` creates, for the clause's
 * party: for a licence, a consent of the same kind; for a fee, the same charge; for compulsion, the same
 * measure granted to the administration; for a duty, a duty with the same content. `near` marks an
 * article that sets the same kind of measure for the party with other particulars (another charge).
 */
function setsMeasure(code: LegalityCode, provision: string, cited: string): MeasureCheck {
  // The citation itself ("依照《行政强制法》有关规定") says nothing about what the clause regulates.
  const clause = cited.replace(CITATION, ' ');
  const mine = partiesIn(clause);
  const sentences = sentencesOf(provision).filter((s) => aboutParty(s, mine, clause));
  switch (code) {
    case 'LR-LICENCE': {
      const wanted = gateKinds(clause);
      for (const s of sentences) {
        const m = LICENCE_SET.exec(s);
        if (!m) continue;
        const kinds = gateKinds(m[0]);
        if (wanted.size === 0 || [...wanted].some((k) => kinds.has(k))) return { ok: true };
      }
      return { ok: false, why: '没有为条文所规范的对象设定条文所要求的许可、批准或者证照' };
    }
    case 'LR-FEE': {
      const wanted = chargesIn(clause);
      let other: string | undefined;
      for (const s of sentences) {
        if (!FEE_SET.test(s) || /不得|禁止|免收|免征/.test(s.slice(0, s.search(FEE_SET)))) continue;
        const theirs = chargesIn(s);
        if (wanted.length === 0 || wanted.some((w) => theirs.some((t) => t.endsWith(w) || w.endsWith(t)))) return { ok: true };
        other ??= theirs.join('、');
      }
      return other
        ? { ok: false, why: `规定的是${other}，不是条文所设的${wanted.join('、')}`, near: true }
        : { ok: false, why: `没有为条文所规范的对象设定${wanted.length > 0 ? wanted.join('、') : '这一收费'}` };
    }
    case 'LR-COMPULSION': {
      const wanted = COMPULSION_MEASURES.filter((w) => clause.includes(w));
      // A measure none of these names (拖移车辆, 断网) is supported by no article read this way: the law
      // must name it (行政强制法第十条).
      for (const s of sentences) {
        for (const w of wanted) {
          const at = s.indexOf(w);
          if (at < 0) continue;
          // "将查封、扣押、冻结的财物一并移送": the measure named as a noun, already taken, is not granted.
          if (/^(?:[、和或及](?:查封|扣押|冻结|扣留|封存|划拨|拍卖))*的/.test(s.slice(at + w.length))) continue;
          const lead = s.slice(Math.max(0, at - 12), at);
          if (GRANTS.test(lead) && !/不得|禁止|不予/.test(lead)) return { ok: true };
        }
      }
      return { ok: false, why: `没有授权行政机关实施条文所设的${wanted.length > 0 ? wanted.join('、') : '行政强制'}` };
    }
    case 'LR-OBLIGATION': {
      const wanted = contentWords(dutyOf(clause));
      for (const s of sentences) {
        if (!DUTY_SET.test(s)) continue;
        const shared = [...contentWords(s)].filter((w) => wanted.has(w));
        if (shared.length >= 2) return { ok: true };
      }
      return { ok: false, why: '没有为条文所规范的对象设定条文所要求的这一义务' };
    }
    default:
      return { ok: true };
  }
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  const t = text.replace(/[\s，。；：、（）《》“”]/g, '');
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/**
 * Whether some article of `law`, cited without an article ("依照《旅游法》有关规定"), supports the
 * measure: naming a law is no basis unless one of its articles sets this measure for this party within
 * its range. The reason given, when none does, names the nearest article (same measure and party,
 * other amounts or sanctions).
 */
export function supportInLaw(code: LegalityCode, law: Law, clause: string): Support {
  // The nearest is the near miss whose words the clause shares most (two-character overlap).
  let near: { why: string; score: number } | undefined;
  const grams = bigrams(clause);
  for (const article of law.articles) {
    const s = supports(code, article.text, clause, `《${law.shortTitle}》${article.label}`, { strict: true });
    if (s.ok) return s;
    if (!s.near) continue;
    const theirs = bigrams(article.text);
    const score = [...grams].filter((g) => theirs.has(g)).length;
    if (near === undefined || score > near.score) near = { why: s.why, score };
  }
  const what = code === 'LR-PENALTY' ? '对同一对象设定同一种类处罚、且数额在其幅度以内' : '对同一对象设定这一措施';
  const why = `所引《${law.shortTitle}》未写明条款；逐条比对，该法没有${what}的条款${near ? `，最接近的：${near.why}` : ''}`;
  return { ok: false, why };
}
