/**
 * Does a provision of a law say what a clause relies on it for? A cited article must name the kind
 * of measure the clause creates (a fine needs an article about fines), must set it rather than only
 * list or allocate the power to set it, must concern the same regulated party, and a fine may not
 * exceed the article's range.
 */
import { parseChineseNumber } from '../text/chineseNumber';
import type { LegalityCode } from './catalogue';

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

const YUAN = /([\d０-９.]+|[零〇一二两三四五六七八九十百千万]+)(万)?元/g;

/** Amounts of money in yuan named in a text: "五千元" 5000, "2万元" 20000, "一万五千元" 15000. */
export function amountsIn(text: string): number[] {
  const out: number[] = [];
  YUAN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YUAN.exec(text)) !== null) {
    const raw = m[1]!;
    let value: number | undefined;
    if (/^[\d０-９.]+$/.test(raw)) value = Number(raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
    else if (raw.includes('万')) {
      const [hi, lo] = raw.split('万');
      const h = parseChineseNumber(hi!);
      const l = lo ? parseChineseNumber(lo) : 0;
      value = h !== undefined && l !== undefined ? h * 10000 + l : undefined;
    } else value = parseChineseNumber(raw);
    if (value !== undefined && Number.isFinite(value)) out.push(m[2] ? value * 10000 : value);
  }
  return out;
}

/** The highest fixed fine in a provision ("一万元以上十万元以下罚款" → 100000), if it names one. */
function maximumFine(text: string): number | undefined {
  const ranges = [...text.matchAll(/([^，。；]{0,14}元)以上([^，。；]{0,14}元)以下(?:的)?罚款|处([^，。；]{0,14}元)以下(?:的)?罚款/g)];
  const tops = ranges.flatMap((r) => amountsIn(r[2] ?? r[3] ?? ''));
  return tops.length > 0 ? Math.max(...tops) : undefined;
}

export type Support = { ok: true } | { ok: false; why: string };

/**
 * Whether `provision` (the cited words) supports the measure `code` that `clause` creates.
 * `label` names the provision in the explanation ("《旅游法》第三十一条").
 */
export function supports(code: LegalityCode, provision: string, clause: string, label: string): Support {
  const excerpt = provision.length > 60 ? `${provision.slice(0, 60)}……` : provision;
  if (!MEASURE_WORDS[code].test(provision)) return { ok: false, why: `${label}规定的是“${excerpt}”，并未规定条文所设的这一措施` };
  if (DEFINITION.test(provision)) return { ok: false, why: `${label}是定义条款（“${excerpt}”），本身没有设定条文所设的措施` };
  if (SETTING_POWER.test(provision)) return { ok: false, why: `${label}规定的是这类措施的种类或者设定权限（“${excerpt}”），本身没有设定条文所设的措施` };
  const mine = partiesIn(clause);
  const theirs = partiesIn(provision);
  if (mine.size > 0 && theirs.size > 0 && ![...mine].some((p) => theirs.has(p)) && !ANY_PARTY.test(provision)) {
    return { ok: false, why: `${label}针对的是${[...theirs].join('、')}（“${excerpt}”），不涉及条文所规范的${[...mine].join('、')}` };
  }
  if (code === 'LR-PENALTY') {
    const top = maximumFine(provision);
    const asked = amountsIn(clause.replace(/违法所得[^，。；]{0,20}/g, ''));
    if (top !== undefined && asked.length > 0 && Math.max(...asked) > top) {
      return { ok: false, why: `条文规定的罚款数额（最高${Math.max(...asked)}元）超出${label}规定的幅度（最高${top}元）` };
    }
  }
  return { ok: true };
}
