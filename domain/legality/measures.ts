/**
 * The sanctions a text names and the authority it makes act, so that a clause can be compared with
 * the provision it restates or cites: a normative document that repeats a law may not add a kind
 * of penalty the law does not set for that wrong (行政处罚法第十六条: other normative documents may
 * not set penalties), nor hand the power to a body the law does not name (行政处罚法第十七条:
 * penalties are imposed by the administrative organs with that power, within their statutory remit).
 */

export type SanctionKind =
  | 'fine'
  | 'warning'
  | 'criticism'
  | 'confiscateGains'
  | 'confiscateProperty'
  | 'suspendLicence'
  | 'revokeLicence'
  | 'downgrade'
  | 'suspendBusiness'
  | 'closure'
  | 'bar'
  | 'detention'
  | 'exposure'
  | 'creditRecord'
  | 'blacklist';

/** The kinds of 行政处罚法第九条 and the disguised ones the pre-screen knows, with the words that name them. */
const SANCTIONS: ReadonlyArray<readonly [SanctionKind, RegExp, string]> = [
  // "加处罚款" is enforcement of a fine (行政强制法第四十五条), not a fine.
  ['fine', /(?<!加处|加收)罚款|罚金/, '罚款'],
  ['warning', /警告(?!标)/, '警告'],
  ['criticism', /通报批评/, '通报批评'],
  ['confiscateGains', /没收[^，。；]{0,4}违法所得/, '没收违法所得'],
  ['confiscateProperty', /没收(?![^，。；]{0,4}违法所得)(?!的)/, '没收财物'],
  ['suspendLicence', /暂扣/, '暂扣证照'],
  ['revokeLicence', /吊销/, '吊销证照'],
  ['downgrade', /降低资质等级|降级|降星|摘牌/, '降低资质等级'],
  ['suspendBusiness', /停业|停产|停止营业|停止经营|暂停营业|暂停经营/, '责令停产停业'],
  ['closure', /责令关闭|予以关闭|关停/, '责令关闭'],
  ['bar', /不得重新申请|限制从业|限制开展生产经营活动|禁止[^，。；]{0,6}从事/, '限制从业'],
  ['detention', /拘留/, '行政拘留'],
  ['exposure', /曝光|公开通报|予以公告|向社会公布/, '公告、曝光'],
  ['creditRecord', /信用档案|信用记录/, '记入信用档案'],
  ['blacklist', /黑名单|失信名单|联合惩戒|信用惩戒/, '列入黑名单、联合惩戒'],
];

/** The sanctions a text names. */
export function sanctionsIn(text: string): Set<SanctionKind> {
  return new Set(SANCTIONS.filter(([, re]) => re.test(text)).map(([kind]) => kind));
}

export function sanctionName(kind: SanctionKind): string {
  return SANCTIONS.find(([k]) => k === kind)![2];
}

export type AuthorityKind = 'tourism' | 'market' | 'scenic' | 'publicSecurity' | 'urban' | 'township' | 'sports' | 'government' | 'any';

/** Bodies by their remit; a district's own names ("区文旅局") are read as the kind of body the law names. */
const AUTHORITIES: ReadonlyArray<readonly [AuthorityKind, RegExp]> = [
  ['tourism', /旅游主管部门|文化和旅游|文化广电|文广旅|文旅|旅游局|文化市场综合执法|旅游行政管理部门/],
  ['market', /市场监督管理|市场监管|工商行政管理|工商/],
  ['scenic', /景区主管部门|景区管理|景区管委会|风景名胜区管理/],
  ['publicSecurity', /公安/],
  ['urban', /城管|城市管理|城市综合执法/],
  ['township', /街道|乡镇|镇人民政府|乡人民政府|镇政府|村委会|居委会|社区/],
  ['sports', /体育/],
  ['government', /人民政府|政府/],
  // "有关部门", "有关主管部门", "行政机关": whichever body has the power.
  ['any', /有关部门|有关主管部门|主管部门|行政机关|执法部门/],
];

// "由区文旅局处…", "由旅游主管部门或者市场监督管理部门责令改正": the acting body after 由.
// The name ends in a body's suffix, so "由街道办事处处…" reads 街道办事处, not 街道办事.
const ACTOR =
  /由([^，。；、]{1,40}?(?:局|部门|办事处|办|委员会|管委会|委|政府|机关|支队|大队|中队|执法队|中心|所|站|处|院))(?=依照|依据|根据|按照|依法|责令|处以?|并处|给予|予以|没收|吊销|暂扣|对|作出|实施|决定|记入|列入|公告|通报|警告)/g;

export interface Authority {
  /** as written: '区文旅局', '旅游主管部门或者市场监督管理部门' */
  text: string;
  kinds: Set<AuthorityKind>;
}

/** The bodies a text makes act ("由…处…"), each with its kinds; empty when it names none. */
export function actingAuthorities(text: string): Authority[] {
  const out: Authority[] = [];
  ACTOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ACTOR.exec(text)) !== null) {
    const name = m[1]!;
    const kinds = new Set<AuthorityKind>();
    // "由区文旅局会同区市场监管局处…": the body that acts is the one before 会同; the others assist.
    for (const part of name.split(/会同|联合|配合/)[0]!.split(/或者|或|和|及|以及|、/)) {
      const kind = AUTHORITIES.find(([, re]) => re.test(part))?.[0];
      if (kind) kinds.add(kind);
    }
    if (kinds.size > 0) out.push({ text: name, kinds });
  }
  return out;
}

/**
 * May a body of kind `actor` act where the law names `named`? The same remit, or a law that leaves it
 * to "有关部门"; a scenic area's competent department is, in a district, usually its tourism bureau.
 */
export function authorityWithin(actor: AuthorityKind, named: ReadonlySet<AuthorityKind>): boolean {
  if (named.has(actor) || named.has('any')) return true;
  return actor === 'tourism' && named.has('scenic');
}
