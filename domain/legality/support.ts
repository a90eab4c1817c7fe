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
