/**
 * Who issued a cited document, read from its title: 《文化和旅游部…管理办法》, 《国家发展改革委 文化和旅游部
 * …》, 《天津市文化和旅游局…办法》 and 《天津市人民政府关于…》 name a department or a local government as
 * their issuer, so they are departmental or local-government documents — at most a 规章 (规章制定程序条例
 * 第七条: a rule is named 规定 or 办法, never 条例), never a law or an administrative regulation. A title
 * that names no issuer says nothing either way: administrative regulations too are named 规定 or 办法
 * (行政法规制定程序条例第五条; 《无证无照经营查处办法》 is one), so both pre-screens leave those alone.
 * Shared by the fair-competition and legality pre-screens.
 */

/** The ministries of the State Council (and the former 文化部 / 国家旅游局 names still cited). */
const MINISTRY =
  '(?:外交|国防|教育|科学技术|科技|工业和信息化|公安|国家安全|民政|司法|财政|人力资源和社会保障|人力资源社会保障|自然资源|生态环境|住房和城乡建设|住房城乡建设|' +
  '交通运输|水利|农业农村|商务|文化和旅游|文化|退役军人事务|应急管理|卫生健康)部';
/** Commissions of the State Council. */
const COMMISSION = '(?:国家)?(?:发展和改革委员会|发展改革委|发改委|卫生健康委员会|卫生健康委|卫健委|民族事务委员会|民委)|国务院国资委';
/** Administrations and bureaus directly under the State Council. */
const NATIONAL_AGENCY = '国家[\\u4e00-\\u9fa5]{1,8}?(?:总局|局|署)|海关总署|审计署|市场监管总局|税务总局|中国人民银行';
/** A province's or city's government or one of its departments: "天津市文化和旅游局", "河北省人民政府办公厅". */
const LOCAL_DEPARTMENT =
  '[\\u4e00-\\u9fa5]{2,8}?(?:省|市|自治区|州|盟)(?:人民政府(?:办公厅|办公室)?|(?:文化和旅游|文化广电和旅游|文化广电旅游|文旅|旅游|商务|体育|文物|市场监督管理|市场监管|' +
  '交通运输|住房和城乡建设|住房城乡建设|公安|财政|发展和改革|发展改革|自然资源|生态环境|农业农村|卫生健康|教育|民政|应急管理|税务|人力资源和社会保障|人力资源社会保障)(?:厅|局|委员会|委))';
const DEPARTMENT_ISSUER = new RegExp(`^(?:中华人民共和国)?(?:${MINISTRY}|${COMMISSION}|${NATIONAL_AGENCY}|${LOCAL_DEPARTMENT})`);

/**
 * Does the title (without 《》) name a department or a local government as its issuer? A 条例 is a
 * regulation whatever its title starts with.
 */
export function departmentalTitle(title: string): boolean {
  const t = title.replace(/[《》\s]/g, '');
  return DEPARTMENT_ISSUER.test(t) && !/条例$/.test(t);
}
