/**
 * Every refusal the procedure can give: a stable code, an HTTP-like status (403 permission, 409 stage
 * or conflict, 422 precondition/gate) and a human reason in Chinese and English naming the rule, so
 * the API can explain a refusal with the same text the workflow's Update validator used.
 */

import type { Refusal } from './types';

interface RefusalSpec {
  status: 403 | 409 | 422;
  zh: string;
  en: string;
  /** The rule relied on (article or configuration). */
  basis?: string;
}

export const REFUSALS = {
  FORBIDDEN: { status: 403, zh: '无权执行该操作', en: 'You may not perform this action' },
  MATTER_CLOSED: { status: 409, zh: '事项已办结，不能再操作', en: 'The matter is closed' },
  WRONG_STAGE: { status: 409, zh: '当前环节不能执行该操作', en: 'This action is not available at the current stage' },
  STALE_VERSION: {
    status: 409,
    zh: '所针对的版本不是当前版本，意见须针对当前文本',
    en: 'The version referred to is not the current version; opinions bind to the exact current text',
  },
  NOT_APPLICABLE: { status: 409, zh: '该步骤不适用于本事项', en: 'This step does not apply to this matter' },
  ALREADY_DONE: { status: 409, zh: '该步骤已完成', en: 'This step has already been done' },
  INVALID_INPUT: { status: 422, zh: '提交内容不完整或格式不正确', en: 'The submitted data is incomplete or malformed' },
  INVALID_DATETIME: {
    status: 422,
    zh: '时间格式不正确，应为带时区的ISO时间',
    en: 'Invalid time: expected an ISO datetime with an offset',
  },
  CALENDAR_YEAR_MISSING: {
    status: 422,
    zh: '缺少该年度节假日安排，无法计算工作日，请管理员导入国务院办公厅节假日通知',
    en: 'No holiday data for the year: working days cannot be computed until an admin loads that year',
  },
  INVALID_VERSION_HASH: {
    status: 422,
    zh: '版本摘要应为64位小写十六进制SHA-256值',
    en: 'The version hash must be a lowercase hex SHA-256 (64 characters)',
  },
  VERSION_NUMBER_OUT_OF_SEQUENCE: {
    status: 422,
    zh: '版本号必须紧接当前版本号',
    en: 'The version number must follow the current version number',
  },
  VERSION_UNCHANGED: {
    status: 422,
    zh: '新版本与当前版本内容相同',
    en: 'The new version has the same content as the current version',
  },
  FLAG_NOT_APPLICABLE: {
    status: 422,
    zh: '该标记不适用于此类事项',
    en: 'This flag does not apply to this kind of matter',
  },
  CONSULTATION_DISPUTE_UNRECORDED: {
    status: 422,
    zh: '会签未取得一致的，应当载明争议的主要问题、各方意见及理由',
    en: 'Where consultation did not reach agreement, the dispute, both positions and the reasons must be recorded',
    basis: '713号令第13条',
  },
  COMMENT_WINDOW_TOO_SHORT: {
    status: 422,
    zh: '公开征求意见期限短于规定期限，且未说明缩短理由',
    en: 'The public comment window is shorter than the minimum and no reason for shortening is recorded',
    basis: '重大行政决策：713号令第15条（一般不少于30日）；与市场主体生产经营活动密切相关的规范性文件：优化营商环境条例第62条（一般不少于30日）；其他规范性文件：国办发〔2018〕37号（一般不少于7个工作日，属实践做法、可配置）',
  },
  OPERATORS_NOT_HEARD: {
    status: 422,
    zh: '与市场主体生产经营活动密切相关的规范性文件，应当充分听取市场主体、行业协会商会的意见：请登记听取意见的经营者、行业协会及意见摘要',
    en: "A normative document closely related to operators' business must hear operators and trade associations: record the parties heard and a summary",
    basis: '优化营商环境条例第62条',
  },
  PUBLIC_PARTICIPATION_MISSING: {
    status: 422,
    zh: '重大行政决策应当采取便于社会公众参与的方式充分听取意见（依法不予公开的除外，须载明依据）',
    en: 'A major decision must hear the public (by at least one method), unless it is 依法不予公开 with its legal ground recorded',
    basis: '重大行政决策程序暂行条例第14条',
  },
  PARTICIPANTS_OR_CHANNEL_MISSING: {
    status: 422,
    zh: '听取公众意见应载明参加人员或者渠道',
    en: 'Hearing the public: record who took part or the channel used',
    basis: '重大行政决策程序暂行条例第14条',
  },
  EXEMPTION_WITH_OPEN_COMMENT: {
    status: 422,
    zh: '本事项标记为涉及公众权益（须公开征求意见），不能同时登记依法不予公开；如确属依法不予公开，请先说明理由取消该标记（PUBLIC标记的适用属本系统做法）',
    en: 'The matter is flagged PUBLIC (an open comment is required), which contradicts 依法不予公开; remove the flag with a reason first (the PUBLIC flag is our practice)',
    basis: '重大行政决策程序暂行条例第14条、第15条',
  },
  EXPERT_OPINIONS_MISSING: {
    status: 422,
    zh: '尚未登记专家论证意见，无从说明采纳情况',
    en: 'No expert opinion is on record to state the adoption of',
    basis: '重大行政决策程序暂行条例第19条、第29条',
  },
  COMMENT_WINDOW_OPEN: {
    status: 422,
    zh: '公开征求意见期限尚未届满',
    en: 'The public comment window has not closed yet',
    basis: '713号令第15条、第18条',
  },
  PUBLIC_COMMENT_MISSING: {
    status: 422,
    zh: '尚未登记公开征求意见或其他听取公众意见的情况',
    en: 'No public comment window (or other hearing of the public) has been recorded',
    basis: '713号令第14条、第15条',
  },
  ADOPTION_REASON_MISSING: {
    status: 422,
    zh: '意见未予采纳的，应当说明理由',
    en: 'A comment that is not adopted needs a reason',
    basis: '713号令第18条',
  },
  HEARING_NOTICE_TOO_SHORT: {
    status: 422,
    zh: '听证会材料应当于召开听证会7日前送达听证参加人',
    en: 'Hearing materials must reach the participants at least 7 days before the hearing',
    basis: '713号令第16条',
  },
  EXPERT_DIRECT_INTEREST: {
    status: 422,
    zh: '不得选择与决策事项有直接利害关系的专家、专业机构',
    en: 'Experts with a direct interest in the matter may not be used',
    basis: '713号令第20条',
  },
  EXPERT_OPINION_UNSIGNED: {
    status: 422,
    zh: '书面论证意见应当署名、盖章',
    en: 'Written expert opinions must be signed (and sealed)',
    basis: '713号令第19条',
  },
  RISK_NOT_CONTROLLABLE: {
    status: 422,
    zh: '风险评估认为风险不可控的，须调整决策草案等确保风险可控后方可作出决策：请提交调整后的新版本并重新评估',
    en: 'The risk assessment judged the risk not controllable: no decision until the draft is adjusted (a new version) and a new assessment finds it controllable',
    basis: '重大行政决策程序暂行条例第24条',
  },
  RISK_DRAFT_NOT_ADJUSTED: {
    status: 422,
    zh: '风险不可控的结论须在调整决策草案后重新评估：当前版本即被评估为不可控的版本，请先提交调整后的新版本',
    en: 'The risk was judged not controllable on this very version: adjust the draft (submit a new version) before a new assessment can find it controllable',
    basis: '重大行政决策程序暂行条例第24条',
  },
  FCR_FINDINGS_OPEN: {
    status: 422,
    zh: '公平竞争审查尚有未答复的问题，不能出具审查结论',
    en: 'Pre-screen findings on the current version are still unanswered; the conclusion cannot be recorded',
    basis: '公平竞争审查条例第17条（评估对公平竞争影响后作出审查结论）',
  },
  FCR_FINDINGS_NOT_SETTABLE: {
    status: 409,
    zh: '待答复的公平竞争审查问题由系统对当前版本的自动预审产生，只能逐项答复，不能手工设定或清零（本系统规则，非法定）',
    en: 'Open fair-competition findings are the automated pre-screen findings on the current version; they are answered one by one, never set or zeroed by hand (our practice, not law)',
  },
  ECON_REMOVAL_NEEDS_LEGAL_UNIT: {
    status: 403,
    zh: '公平竞争审查已开始或自动预审提示了问题，取消“涉及经营者经济活动”标记须由法制机构（非本事项起草人）说明理由作出决定，预审问题保留在案（本系统规则；未经审查的政策措施不得出台）',
    en: 'Once the fair-competition review has started or the pre-screen has findings, removing ECON is the legal unit\'s decision (not a drafter or version author of the matter), with a reason; the findings stay on record (our practice; a measure not reviewed must not be issued)',
    basis: '公平竞争审查条例第18条',
  },
  ENFORCEMENT_GROUND_BASIS_MISSING: {
    status: 422,
    zh: '以“法律、法规规定应当进行法制审核的其他情形”送审的，应当写明该法律、法规条款',
    en: 'The ground "other cases the law requires" needs the provision named (otherBasis)',
    basis: '行政处罚法第58条第1款第4项',
  },
  ENFORCEMENT_REVIEWER_UNQUALIFIED: {
    status: 403,
    zh: '初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格：该人员未登记法律职业资格，不能承担本案法制审核',
    en: 'A first-time 法制审核 reviewer of penalty decisions must hold the legal professional qualification; this person has none on record',
    basis: '行政处罚法第58条第2款',
  },
  ENFORCEMENT_NOT_REVIEWER: {
    status: 403,
    zh: '法制审核意见由承担本案法制审核的人员出具',
    en: 'The review opinion is given by the person assigned to the 法制审核 of this case (who took the materials)',
    basis: '行政处罚法第58条第1款（本系统规则：审核人员确定后由其出具意见）',
  },
  ENFORCEMENT_CHECKLIST_INCOMPLETE: {
    status: 422,
    zh: '法制审核应当逐项审核执法主体、管辖权、案件事实、证据、程序、法律适用、裁量基准和执法文书；有问题的不能审核通过',
    en: 'The review answers every enforcement point (subject, jurisdiction, facts, evidence, procedure, law applied, discretion standard, documents); with an issue it cannot pass',
    basis: '行政处罚法第58条；国办发〔2018〕118号（审核内容，实践规范）',
  },
  ENFORCEMENT_NOT_APPLICABLE: {
    status: 409,
    zh: '仅适用于按行政处罚法第57–60条办理的重大执法决定法制审核',
    en: 'Only for a major enforcement decision review under 行政处罚法 arts. 57–60',
  },
  MATERIALS_INCOMPLETE: {
    status: 422,
    zh: '送审材料不齐全，不能开始合法性审核',
    en: 'The materials are incomplete; the legality review cannot start',
    basis: '713号令第26条',
  },
  SEPARATION_OF_DUTIES: {
    status: 422,
    zh: '违反职责分离：起草人不得审核本事项，法制机构人员不得兼任本事项法律顾问',
    en: 'Separation of duties: the drafter may not review the matter, and the legal unit may not also be its lawyer',
  },
  LAWYER_NOT_ASSIGNED: {
    status: 422,
    zh: '尚未指定法律顾问',
    en: 'No retained lawyer has been assigned',
    basis: '713号令第28条',
  },
  LAWYER_OPINION_MISSING: {
    status: 422,
    zh: '合法性审查应当组织法律顾问针对当前文本提出法律意见',
    en: "The legality review needs the retained lawyer's signed opinion on the current text",
    basis: '713号令第28条',
  },
  LAWYER_OPINION_UNLAWFUL: {
    status: 422,
    zh: '法律顾问意见认为不合法，不得作出合法结论或提交集体讨论',
    en: "The lawyer's opinion finds the text unlawful; it may not be concluded lawful, put to discussion or decided",
    basis: '中办发〔2016〕30号《关于推行法律顾问制度和公职律师公司律师制度的意见》',
  },
  LAWYER_OPINION_NOT_LAWFUL: {
    status: 422,
    zh: '法律顾问对当前文本的意见不是“合法”：应按意见修改后由法律顾问重新出具意见，或由法制机构对本文本作出说明理由的审核意见',
    en: "The lawyer's opinion on the current text is not LAWFUL: amend the text for a new opinion, or the legal unit concludes on this text stating why it departs",
    basis: '中办发〔2016〕30号；重大行政决策程序暂行条例第28条',
  },
  FINAL_TEXT_REVIEWER: {
    status: 403,
    zh: '执法决定的定稿由承担本案法制审核的人员核对',
    en: 'The final text of an enforcement decision is checked by the person assigned to its 法制审核',
    basis: '行政处罚法第58条',
  },
  CONTRACT_SIGNING_IN_FUTURE: {
    status: 422,
    zh: '合同签订时间不能晚于登记之时：签订后方可登记',
    en: 'A signing is recorded once made: its time is not later than now',
    basis: '中办发〔2016〕30号（重要合同签订前由法律顾问审查）',
  },
  CASE_FILING_DATE_FIXED: {
    status: 409,
    zh: '立案日期已登记，办案期限自立案之日起计算，不能改为更晚的日期',
    en: 'The filing date is on record and the time limit runs from it: it may be corrected to an earlier date, never moved later',
    basis: '行政处罚法第60条',
  },
  // Refused at the API's edge (api/matters/linkedIds.ts), which reads what the matter's workflow does not hold:
  // the people named, the other matters.
  ASSIGNEE_NOT_ELIGIBLE: {
    status: 422,
    zh: '所指定的人员不能承担该职责：须为在用账号并具有相应角色，法律顾问还须在有效聘用合同期内',
    en: 'The person named cannot take this on: an active account holding the role, and for a lawyer a contract in force today',
  },
  CASE_ALREADY_UNDER_REVIEW: {
    status: 409,
    zh: '该案件正在另一事项中进行法制审核，同一案件不得另行送审',
    en: 'The case is under review in another matter: one case is reviewed in one matter',
    basis: '行政处罚法第58条、第60条',
  },
  RENEWAL_MATTER_UNSUITABLE: {
    status: 422,
    zh: '续签应由本科室另一件合同审查事项审查，且该事项未被撤回、不予通过或不予出台',
    en: 'A renewal is reviewed in another contract review of the same drafting unit that has not been withdrawn, rejected or not issued',
    basis: '中办发〔2016〕30号（重要合同签订前由法律顾问审查）',
  },
  LAWYER_REPLACEMENT_REASON_REQUIRED: {
    status: 422,
    zh: '法律顾问已出具不合法意见，更换法律顾问应当说明理由',
    en: 'A lawyer who found the matter unlawful is replaced only with a stated reason (reason)',
    basis: '中办发〔2016〕30号',
  },
  ENFORCEMENT_CASE_REVIEWED: {
    status: 409,
    zh: '法制审核已对该案件情况作出结论，案件情况（情节复杂、重大违法、社会影响等）只能在退回研究论证后修改并重新审核',
    en: 'The 法制审核 concluded on this case record: its facts (complex, serious, social impact) change only back in research, for a new review',
    basis: '行政处罚法第57条、第58条',
  },
  COLLECTIVE_DISCUSSION_REQUIRED: {
    status: 422,
    zh: '情节复杂或者重大违法行为给予行政处罚的，行政机关负责人应当集体讨论决定，不能由负责人径行签发',
    en: 'A complex or seriously unlawful case is decided by the heads collectively, not signed by the head alone',
    basis: '行政处罚法第57条第2款',
  },
  WITHDRAW_AFTER_SIGNING: {
    status: 409,
    zh: '文件已签发并统一编号，不能撤回；须履行备案、归档义务，停止执行的通过文件登记簿废止',
    en: 'The document is signed and numbered: it cannot be withdrawn. It owes its filing and archiving; to end it, repeal it through the register',
    basis: '国办发〔2018〕37号（统一登记、统一编号、统一印发）；重大行政决策程序暂行条例第33条',
  },
  IMPLEMENTATION_NOT_COMPLETABLE: {
    status: 409,
    zh: '决策执行尚不能记为完毕',
    en: 'The implementation cannot be recorded as complete yet',
    basis: '重大行政决策程序暂行条例第34条、第36条、第37条',
  },
  ADJUSTMENT_PENDING: {
    status: 409,
    zh: '调整或停止执行该决策的程序正在进行，须待其作出决策或终结后再启动新的程序',
    en: 'A procedure adjusting or stopping this decision is under way: start another once it has decided or ended',
    basis: '重大行政决策程序暂行条例第37条',
  },
  CONTRACT_PARTICULARS_NOT_REVIEWED: {
    status: 422,
    zh: '合同要素在法律顾问意见或法制机构审核结论之后变更，签订的须是经审核的要素；请重新审核',
    en: 'The contract particulars changed after the lawyer\'s opinion or the legal unit\'s conclusion; only reviewed particulars may be signed. Review them again',
    basis: '中办发〔2016〕30号',
  },
  CONTRACT_TERM_MISMATCH: {
    status: 422,
    zh: '签订的合同期限超出审核时登记的期限',
    en: 'The signed term runs beyond the term reviewed',
    basis: '中办发〔2016〕30号',
  },
  HEAD_MAY_NOT_CHAIR: {
    status: 422,
    zh: '记录的会议主持人（行政首长）不在当日名单中可以主持会议的人员之列',
    en: 'The head named in the record is not among those the roster lets chair the meeting on that day',
    basis: '重大行政决策程序暂行条例第30条',
  },
  CATEGORY_CHANGED: {
    status: 409,
    zh: '“三重一大”事项类别是事项本身的属性，改期或再次上会不得更改（人事任免须三分之二以上委员到会）',
    en: 'The “三重一大” category belongs to the matter: a re-scheduling or a later sitting may not change it (personnel appointments need two thirds of the members present)',
    basis: '中国共产党党委（党组）工作条例',
  },
  CATEGORY_MISMATCH: {
    status: 409,
    zh: '议题为人事任免，应按“人事任免”类别安排上会（须三分之二以上委员到会）',
    en: 'The item is a personnel appointment: it is scheduled in that “三重一大” category (two thirds of the members present)',
    basis: '中国共产党党委（党组）工作条例；党政领导干部选拔任用工作条例',
  },
  FLAG_REMOVAL_NEEDS_LEGAL_UNIT: {
    status: 403,
    zh: '该标记由法制机构加注，或合法性审查已经开始：只能由法制机构（非本事项起草人）说明理由取消；标记不能免除法定义务',
    en: 'The legal unit added this flag, or the legality review has started; only the legal unit (not a drafter or version author of the matter) may remove it, with a reason. A flag never switches off a statutory duty',
  },
  ECON_REMOVAL_AFTER_BREACH: {
    status: 422,
    zh: '公平竞争审查书面结论认定当前文本违反审查标准，不得取消“涉及经营者经济活动”标记使其出台；应当修改文本后重新审查',
    en: 'The written fair-competition conclusion finds the current text in breach of a standard; ECON cannot be removed to let it through. Revise the text and review it again',
    basis: '公平竞争审查条例第18条',
  },
  COMMENT_ADOPTION_BEFORE_CLOSE: {
    status: 422,
    zh: '意见采纳情况须在公开征求意见期限届满后，对收到的意见研究说明；现有采纳说明早于征求意见截止',
    en: 'The statement of how the opinions were adopted must come after the public comment window closed; the one on record predates the close',
    basis: '713号令第18条、第29条',
  },
  CHECKLIST_INCOMPLETE: {
    status: 422,
    zh: '法律意见应逐项回应审核要点（LR-*）',
    en: 'The opinion must answer every checklist item (LR-*)',
  },
  LEGAL_UNIT_CHECKLIST_INCOMPLETE: {
    status: 422,
    zh: '合法性审查意见由法制机构负责：须逐项（LR-*）作出本机构的判断，存在问题的须说明理由',
    en: "The legal unit answers for its opinion: its own answer on every checklist point (LR-*), with the reason for each issue",
    basis: '713号令第28条',
  },
  ISSUE_NOT_CURED: {
    status: 422,
    zh: '审核要点LR-P2（不得设定行政许可、处罚、强制措施、收费）或LR-C1（不得减损权利、增加义务）存在问题的，须记录纠正该问题的修改意见，否则不能认为合法',
    en: 'An issue on LR-P2 (no licence, penalty, compulsion or fee created) or LR-C1 (no rights reduced or duties added) is incompatible with a lawful outcome unless the amendment that cures it is recorded',
    basis: '行政许可法第十七条；行政处罚法第十六条；行政强制法第十条、第十三条；国办发〔2018〕37号',
  },
  LAWFUL_WITH_OPEN_ISSUE: {
    status: 422,
    zh: '结论为“合法”而审核要点记录了问题：须记录纠正的修改意见；国家尚无明确规定的探索性改革决策事项，可以明示法律风险',
    en: 'A LAWFUL conclusion whose checklist records an issue needs the amendment that cures it, or — for an exploratory reform with no clear national rule — the legal risk stated',
    basis: '713号令第25条',
  },
  EXPLORATORY_REFORM_NOT_APPLICABLE: {
    status: 422,
    zh: '明示法律风险提交讨论仅适用于国家尚无明确规定的探索性改革决策事项（重大行政决策），且结论须为合法或修改后合法',
    en: 'Stating the legal risk to go forward applies to exploratory reform decisions (major decisions) concluded lawful or lawful with amendments only',
    basis: '713号令第25条第二款',
  },
  DEPARTURE_FROM_LAWYER_UNEXPLAINED: {
    status: 422,
    zh: '合法性审查意见与法律顾问的法律意见不一致的（结论或审核要点），应当说明理由',
    en: "Where the legal unit's conclusion departs from the lawyer's opinion (outcome or a checklist answer), it must say why",
    basis: '713号令第28条',
  },
  AMENDMENTS_MISSING: {
    status: 422,
    zh: '修改后合法的，应当逐条列明修改意见',
    en: 'LAWFUL_WITH_AMENDMENTS needs the amendments clause by clause',
  },
  AMENDED_VERSION_MISSING: {
    status: 422,
    zh: '尚未提交按审核意见修改后的新版本',
    en: 'No amended version has been submitted since the conclusion',
    basis: '713号令第28条',
  },
  NOT_AMENDMENT_ROUND: {
    status: 409,
    zh: '当前没有待确认的修改意见',
    en: 'There is no LAWFUL_WITH_AMENDMENTS conclusion awaiting confirmation',
  },
  LEGALITY_GATE: {
    status: 422,
    zh: '未经合法性审查或者经审查不合法的，不得提交集体讨论：须有针对当前版本的“合法”结论，或已确认按意见修改的“修改后合法”结论',
    en: 'No meeting without a legality conclusion of LAWFUL (or LAWFUL_WITH_AMENDMENTS with the amendments confirmed) on the current version',
    basis: '713号令第25条',
  },
  LEGALITY_FINDINGS_OPEN: {
    status: 422,
    zh: '合法性预审尚有未答复的问题，法律顾问不能出具意见：请逐条确认（并提出修改意见）或说明理由予以排除',
    en: 'Legality pre-screen findings on the current text are unanswered; the lawyer answers each (confirmed with an amendment, or dismissed with a reason) before signing the opinion',
    basis: '713号令第28条（法律顾问对合法性提出意见）',
  },
  LEGALITY_AMENDMENT_MISSING: {
    status: 422,
    zh: '确认合法性预审问题须提出修改意见',
    en: 'Confirming a legality finding needs the amendment proposed for the clause',
  },
  LEGALITY_DISMISSAL_REASON_MISSING: {
    status: 422,
    zh: '排除合法性预审问题须说明理由',
    en: 'Dismissing a legality finding needs a reason',
  },
  BASIS_REGISTER_INVALID: {
    status: 422,
    zh: '合法性依据登记有误',
    en: 'The legal-basis register is not valid',
  },
  FCR_DISMISSAL_REASON_MISSING: {
    status: 422,
    zh: '排除预审问题须说明理由',
    en: 'Dismissing a pre-screen finding needs a reason',
    basis: '公平竞争审查条例第17条',
  },
  FCR_REVIEW_INCOMPLETE: {
    status: 422,
    zh: '审查记录不完整：须逐项回应审查标准、听取利害关系人意见，结论须与记录一致，适用例外的须说明理由、替代方案和实施期限',
    en: 'The review record is incomplete: every standard answered, parties heard, a conclusion consistent with the record, an exception fully justified',
    basis: '公平竞争审查条例第12条、第16条、第17条',
  },
  FCR_GATE: {
    status: 422,
    zh: '涉及经营者经济活动的，须有针对当前版本的公平竞争审查结论（不具有排除限制竞争效果或符合例外规定），否则不得提交讨论或出台',
    en: 'A matter touching economic activity needs a fair-competition conclusion (no_restrictive_effect or exception_justified) on the current version before the meeting and before issue',
    basis: '公平竞争审查条例第17条、第18条；713号令第29条',
  },
  FCR_FLAG_UNDECIDED: {
    status: 422,
    zh: '自动预审在当前版本中发现可能排除、限制竞争的表述，本事项未标记“涉及经营者经济活动”：须由法制机构先决定是否增加该标记（增加后须经公平竞争审查），或说明理由确认不涉及',
    en: 'The pre-screen found wording on the current version that may restrict competition, on a matter not flagged ECON: the legal unit first decides the flag (set_flags: add ECON, or confirm the flags with a reason)',
    basis: '公平竞争审查条例第18条',
  },
  EXEMPTION_AFTER_REVIEW: {
    status: 409,
    zh: '合法性审查已对决策程序作出审查，不得再登记依法不予公开而免于公众参与；确需登记的，应退回重新审查',
    en: 'The legality review has judged the procedure: an exemption from hearing the public (依法不予公开) is no longer recorded; return the matter for a new review first',
    basis: '重大行政决策程序暂行条例第14条、第25条',
  },
  LEGALITY_MIN_TIME: {
    status: 422,
    zh: '应当保证必要的合法性审查时间，会议日期早于最短审查期限届满（补充材料期间不计入）',
    en: 'The meeting date is before the minimum legality review time has run (clock stops excluded)',
    basis: '713号令第26条',
  },
  MEETING_DATE_PAST: { status: 422, zh: '会议时间已过', en: 'The meeting time is in the past' },
  MEETING_BEFORE_ITS_PREREQUISITES: {
    status: 422,
    zh: '会议举行时间不得早于列入议程（安排会议）的时间，也不得早于其所依赖的审查结论作出的时间（本系统做法）',
    en: 'A meeting cannot have been held before it was scheduled or before the reviews it depends on were concluded (our practice, following the order of 713号令第25条、第29条)',
    basis: '713号令第25条、第29条；本局做法',
  },
  ROSTER_INCONSISTENT: {
    status: 422,
    zh: '出席、缺席人员应与会议组成人员一致且不重复',
    en: 'Attendees and absentees must together be exactly the members, without overlap',
  },
  ROSTER_NOT_THE_BODY: {
    status: 422,
    zh: '会议组成人员应为该会议机构在会议当日的组成人员名单（由管理员维护），不得自行填写',
    en: "The members must be the body's roster on the day held (admin-managed data), not a list typed in",
    basis: '会议议事规则（配置）；713号令第30条',
  },
  ROSTER_UNAVAILABLE: {
    status: 422,
    zh: '无法取得会议机构在会议当日的组成人员名单',
    en: "The body's roster on the day held is not available",
  },
  BODY_NOT_COMPETENT: {
    status: 422,
    zh: '该类事项不由此会议机构决定',
    en: 'This kind of matter is not decided by this body',
    basis: '713号令第30条、第31条（重大行政决策由行政机关领导班子会议决定，向党委请示报告）；三重一大事项由党委会决定（本局规定，配置）',
  },
  CATEGORY_REQUIRED: {
    status: 422,
    zh: '提交党委会的“三重一大”事项应注明类别：人事任免、重大建设项目或重大资金使用',
    en: 'A Party-committee item names its category: personnel appointment, major project or major funds',
    basis: '本局“三重一大”决策制度（配置）',
  },
  NO_MAJORITY_OF_ALL_MEMBERS: {
    status: 422,
    zh: '党委会实行民主集中制，以超过应到会委员半数同意为通过；未达到的，不能作出决定（只能暂缓）',
    en: 'The Party committee decides by a majority of all its members (democratic centralism); without it the item can only be deferred',
    basis: '中国共产党党委（党组）工作条例；党政领导干部选拔任用工作条例（本局做法，配置）',
  },
  OUTCOME_NOT_THE_VOTE: {
    status: 422,
    zh: '党委会的决定应为表决通过的意见，书记不能个人决定',
    en: "The Party committee's decision is the view its members voted for; the secretary does not decide alone",
    basis: '中国共产党党委（党组）工作条例（民主集中制）',
  },
  QUORUM_NOT_MET: {
    status: 422,
    zh: '出席人数未达到法定人数',
    en: 'The quorum is not met',
    basis: '会议议事规则（配置）',
  },
  RECUSED_MEMBER_GAVE_VIEW: {
    status: 422,
    zh: '回避人员不得发表意见',
    en: 'A recused member may not give a view',
  },
  DRAFTER_NOT_RECUSED: {
    status: 422,
    zh: '本事项起草人为会议组成人员的，应当回避',
    en: "The matter's drafter sits on the body and must recuse",
  },
  VIEWS_MISSING: {
    status: 422,
    zh: '出席且未回避的组成人员均应发表意见',
    en: 'Every attending, non-recused member must give a view',
    basis: '713号令第30条',
  },
  VIEW_FROM_NON_ATTENDEE: {
    status: 422,
    zh: '未出席人员的意见不能作为会议发言记录',
    en: 'Only attendees can give views at the meeting',
  },
  HEAD_NOT_ATTENDING: {
    status: 422,
    zh: '主持会议的行政首长应为出席的组成人员',
    en: 'The head must be an attending member',
    basis: '713号令第30条',
  },
  HEAD_NOT_LAST: {
    status: 422,
    zh: '行政首长应当最后发表意见',
    en: 'The head must give their view last',
    basis: '713号令第30条',
  },
  OUTCOME_NOT_HEAD_VIEW: {
    status: 422,
    zh: '决定由行政首长在集体讨论基础上作出，应与其最后发表的意见一致',
    en: "The outcome is the head's decision and must match the head's view",
    basis: '713号令第30条',
  },
  DEPARTURE_REASON_MISSING: {
    status: 422,
    zh: '决定与会议组成人员多数人意见不一致的，应当说明理由',
    en: 'The outcome departs from the majority of members and needs a stated reason',
    basis: '713号令第30条',
  },
  DISSENT_NOT_MINUTED: {
    status: 422,
    zh: '不同意见应当如实载明',
    en: 'A dissenting view must be minuted with its content',
    basis: '713号令第30条',
  },
  CHANGES_MISSING: {
    status: 422,
    zh: '修改后同意的，应当列明修改内容',
    en: 'approve_with_changes needs the changes listed',
  },
  FINAL_VERSION_MISSING: {
    status: 422,
    zh: '会议要求修改的，应当提交按会议意见修改后的定稿',
    en: 'The meeting required changes: submit the final version incorporating them',
  },
  PARTY_REPORT_MISSING: {
    status: 422,
    zh: '重大行政决策出台前应当向同级党委请示报告',
    en: 'A major decision must be reported to the Party committee before it is issued',
    basis: '713号令第31条',
  },
  GOVERNMENT_REVIEW_MISSING: {
    status: 422,
    zh: '以区政府名义出台的，须经区政府审查同意',
    en: "A document issued in the district government's name needs the government's approval first",
  },
  VERSION_NOT_DECIDED: {
    status: 422,
    zh: '签发的版本应为会议决定的版本（或已核对的定稿）',
    en: 'Only the version the meeting decided on (or the confirmed final text) may be signed',
    basis: '713号令第30条',
  },
  NOT_SIGNED: { status: 422, zh: '尚未签发编号', en: 'Not signed and numbered yet' },
  DOCUMENT_NUMBER_ASSIGNED: { status: 422, zh: '文号由发文登记统一编号，不得自行填写', en: 'The register assigns the document number (统一编号); do not give one', basis: '国办发〔2018〕37号' },
  EFFECTIVE_BEFORE_PUBLICATION: { status: 422, zh: '施行日期早于公布日期（溯及既往），仅限为更好保护公民、法人和其他组织权益而作的特别规定，须说明理由', en: 'The document would take effect before its publication (retroactive): only a special provision that better protects rights and interests, with its reason (retroactiveReason)', basis: '立法法第104条；合法性审核要点LR-C1' },
  EFFECTIVE_TOO_EARLY: { status: 422, zh: '施行日期早于公布后30日，须说明理由', en: 'The document takes effect sooner than the configured delay after publication: state the reason', basis: '国办发〔2018〕37号 (practice)' },
  VALIDITY_TOO_LONG: { status: 422, zh: '有效期超过上限（一般不超过5年，暂行、试行不超过2年）', en: 'The validity period is longer than allowed (5 years; 2 for 暂行/试行)', basis: 'practice' },
  EXCEPTION_END_REQUIRED: { status: 422, zh: '公平竞争审查适用例外规定的，须载明例外期限届满日期（签发时尚未届满）', en: 'The fair-competition exception needs its end date (exceptionEndsAt)', basis: '公平竞争审查条例第12条' },
  AMENDMENTS_PENDING: {
    status: 422,
    zh: '审核中提出了修改意见（含须纠正的LR-P2、LR-C1问题和已确认的预审问题），结论应为“修改后合法”，文本修改并经确认后方可提请集体讨论',
    en: 'Changes to the text are recorded (amendments, an LR-P2 / LR-C1 issue, a confirmed pre-screen finding): the outcome is LAWFUL_WITH_AMENDMENTS, and the changed text is confirmed before the meeting',
    basis: '重大行政决策程序暂行条例第25条',
  },
  PUBLICATION_EXPLANATION_REQUIRED: {
    status: 422,
    zh: '社会公众普遍关心或者专业性、技术性较强的重大行政决策，公布时应当说明公众意见、专家论证意见的采纳情况，并通过新闻发布会、接受访谈等方式进行宣传解读',
    en: 'A major decision of public concern (PUBLIC) or technical character (TECH) is published with how opinions were adopted (adoptionStatement) and how it is explained to the public (interpretation)',
    basis: '重大行政决策程序暂行条例第32条',
  },
  CASE_TIME_LIMIT_PASSED: {
    status: 409,
    zh: '办案期限已届满，不能再登记延长；逾期作出决定的，应如实记录',
    en: 'The case time limit has already run out: an extension is approved before it ends, not after',
    basis: '行政处罚法第60条',
  },
  PUBLICATION_REQUIRED: {
    status: 422,
    zh: '应当公布：仅已依法认定不予公开（并记录依据）的重大行政决策可以不公布；行政规范性文件一律公布',
    en: 'This decision is published: only a major decision exempted as 依法不予公开 (its ground recorded) goes unpublished; a normative document always is',
    basis: '重大行政决策程序暂行条例第32条',
  },
  NOT_PUBLISHED: {
    status: 422,
    zh: '尚未公布，备案自公布之日起计算',
    en: 'Not published yet; filing follows publication',
  },
  CONTRACT_PARTY_MISMATCH: {
    status: 422,
    zh: '签约相对方应为经审查的合同相对方',
    en: 'The counterparty signed with must be the counterparty named in the reviewed particulars',
  },
  CONTRACT_VALUE_MISMATCH: {
    status: 422,
    zh: '签订金额应与经审查的合同价款一致；价款变化的，应修改后重新审查',
    en: 'The value signed must be the reviewed price; a changed price is reviewed again',
  },
  IMPLEMENTING_UNIT_MISSING: {
    status: 422,
    zh: '决策机关应当先明确决策执行单位',
    en: 'The decision organ must first name the implementing unit',
    basis: '713号令第34条',
  },
  EVALUATION_NOT_ORDERED: { status: 422, zh: '尚未组织决策后评估', en: 'No post-evaluation has been ordered', basis: '713号令第36条' },
  IMPLEMENTATION_SUSPENDED: { status: 409, zh: '决策已中止执行，不能报告正常执行；可报告存在的问题或情况变化，或先恢复执行', en: 'The implementation is suspended: report problems or changes, or resume it first', basis: '713号令第37条' },
  NOT_SUSPENDED: { status: 409, zh: '决策未中止执行', en: 'The implementation is not suspended' },
  CONTRACT_TERM_INVALID: { status: 422, zh: '合同期限不正确：终止时间应晚于起始时间', en: 'The term must end after it starts' },
} as const satisfies Record<string, RefusalSpec>;

export type RefusalCode = keyof typeof REFUSALS;

/** A refusal with the catalogue text, the basis, and an optional detail (which items, which dates). */
export function refuse(code: RefusalCode, detail?: string): Refusal {
  const spec: RefusalSpec = REFUSALS[code];
  const basis = spec.basis ? `（${spec.basis}）` : '';
  const extra = detail ? `: ${detail}` : '';
  return { ok: false, status: spec.status, code, reason: `${spec.zh}${basis} / ${spec.en}${extra}` };
}
