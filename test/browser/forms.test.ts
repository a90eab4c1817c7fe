import { api, person, startTestSystem, type TestPerson } from '../integration/support/testSystem';
import { CHECKLIST, createCast, Driver } from '../integration/support/drive';
import { launchChromium } from './support/chromium';
import { privateDatabase } from './support/database';
import { actionPanel, Browsers, eventually, openMatter, submitAction, type Account } from './support/ui';
import { CONTRACT_CHECKLIST_CODES } from '../../domain/contracts';
import type { System } from '../../app/system';

/**
 * What the API accepts, sent from the web app's own forms (every item usable from both): a normative document
 * registered as also a major decision with its catalogue link (it then owes both kinds' steps), an enforcement
 * case recorded with its filing date and its 90 days extended (行政处罚法第58条、第60条), the legal
 * qualification an admin records for a 法制审核 reviewer, a deciding body's roster, a "三重一大" matter put to
 * the Party committee with its category and recorded on the roster of the day, and a contract registered, its
 * particulars recorded and its signing recorded (counterparty, value, term) from the forms.
 */
type Who = TestPerson & Account;

describe('the web app sends what the API accepts', () => {
  let system: System;
  let database: Awaited<ReturnType<typeof privateDatabase>> | undefined;
  let base: string;
  let closeBrowser: () => Promise<void>;
  let ui: Browsers;
  let http: ReturnType<typeof api>;
  const cast = {} as Record<'drafter' | 'legal' | 'admin', Who>;

  beforeAll(async () => {
    database = await privateDatabase();
    system = await startTestSystem({ env: { PROCEDURE_PROFILE: 'demo', DATABASE_URL: database.url, DATABASE_POOL_MAX: '3' } });
    base = system.apiUrl!;
    http = api(system);
    const make = async (key: keyof typeof cast, roles: Parameters<typeof person>[1], displayName: string) => {
      cast[key] = { ...(await person(system, roles, { displayName })), displayName };
    };
    await Promise.all([make('drafter', ['drafter'], '张承办'), make('legal', ['legal_unit'], '王法制'), make('admin', ['admin'], '管理员')]);
    const launched = await launchChromium();
    closeBrowser = launched.close;
    ui = new Browsers(launched.browser, base);
  });

  afterAll(async () => {
    await ui?.closeAll();
    await closeBrowser?.();
    await system?.stop();
    await database?.drop();
  });

  test('a normative document that is also a major decision, not in the catalogue: registered through the form, it owes both kinds\' steps', async () => {
    const drafter = await ui.as(cast.drafter);
    await drafter.getByRole('link', { name: '登记新事项' }).first().click();
    await drafter.getByLabel('事项名称').fill('关于促进乡村旅游发展的扶持政策');
    await drafter.getByLabel('事项类型').selectOption('normative_document');
    const catalogue = drafter.locator('fieldset.catalogue-link');
    expect(await catalogue.isHidden()).toBe(true); // only for a major decision
    await drafter.getByLabel(/^同时属于重大行政决策/).check();
    await catalogue.waitFor();
    await eventually(() => catalogue.locator('[role="status"]').innerText(), (v) => expect(v).not.toContain('正在载入'));
    await catalogue.getByLabel('未列入目录的理由').fill('年中新增事项，由法制机构补充列入目录。');
    await drafter.getByLabel('草案文本（第 1 版）').fill('第一条　为促进乡村旅游发展，制定本政策。\n第二条　本政策自发布之日起施行。');
    await drafter.getByRole('button', { name: '登记并开始研究论证' }).click();
    await drafter.locator('.matter-head h1', { hasText: '关于促进乡村旅游发展的扶持政策' }).waitFor({ timeout: 60_000 });
    const matterId = decodeURIComponent(drafter.url().split('#/matters/')[1] ?? '');

    // What the server registered: both classifications and the reason it is not listed.
    const view = (await http.get(`/api/v1/matters/${matterId}`, cast.drafter)).body;
    expect(view.kind).toBe('normative_document');
    expect(view.alsoMajorDecision).toBe(true);
    expect(view.state.catalogue).toEqual({ notListedReason: '年中新增事项，由法制机构补充列入目录。' });

    // What the page shows: the second classification, the catalogue, and the steps of both kinds.
    const head = drafter.locator('.matter-head');
    await eventually(() => head.locator('.matter-meta').innerText(), (v) => expect(v).toMatch(/行政规范性文件[\s\S]*同时属于重大行政决策/));
    await eventually(() => head.locator('dl.facts').innerText(), (v) => expect(v).toContain('未列入年度目录：年中新增事项'));
    await head.locator('details.plan summary').click();
    const steps = await head.locator('details.plan li').allInnerTexts();
    expect(steps.some((s) => s.startsWith('听取公众意见'))).toBe(true); // the major decision's (713号令第14条)
    expect(steps.some((s) => s.startsWith('向党委请示报告'))).toBe(true); // the major decision's (713号令第31条)
    expect(steps.some((s) => s.startsWith('报送备案'))).toBe(true); // the normative document's
    // The research form marks what the submission gate will ask for, from the server's missingMaterials:
    // hearing the public is needed here (a major decision) though the PUBLIC flag was not set.
    expect(view.missingMaterials).toEqual(expect.arrayContaining(['drafting_explanation', 'public_participation']));
    const research = await actionPanel(drafter, '登记研究论证材料');
    const chooser = research.getByLabel('材料类型');
    expect(await chooser.locator('option[value="public_participation"]').innerText()).toContain('（本事项需要）');
    expect(await chooser.locator('option[value="hearing"]').innerText()).not.toContain('（本事项需要）');
    await ui.screenshot(drafter, 'dual-matter-registered');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('an enforcement review: the case with its filing date recorded through the matter page, then its 90 days extended', async () => {
    const drive = new Driver(http, { drafter: cast.drafter, legal: cast.legal, lawyer: cast.legal, fcr: cast.legal, secretary: cast.legal, auditor: cast.legal, admin: cast.admin, members: [], bodies: { director_office_meeting: 'director_office_meeting', party_committee_meeting: 'party_committee_meeting' } });
    const id = await drive.register('enforcement_review', []);
    const filedOn = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);

    const drafter = await ui.as(cast.drafter);
    await openMatter(drafter, base, id);
    const research = await actionPanel(drafter, '登记研究论证材料');
    // The case comes first in an enforcement review (its filing date starts the 90 days).
    expect(await research.getByLabel('材料类型').inputValue()).toBe('enforcement_case');
    await research.getByLabel('案件编号').fill('文旅立〔2026〕7号');
    await research.getByLabel('立案日期').fill(filedOn);
    await research.getByLabel('法制审核情形').selectOption('hearing_held');
    await research.getByLabel('具有一定社会影响（处罚决定应当依法公开）').check();
    await research.getByLabel('案件情况摘要（当事人、违法事实、拟处理意见）').fill('某旅行社未按规定签订旅游合同，经听证拟处较大数额罚款。');
    await submitAction(drafter, research, '登记研究论证材料');
    await eventually(() => drafter.locator('.enforcement-case').innerText(), (v) => expect(v).toMatch(new RegExp(`文旅立〔2026〕7号[\\s\\S]*${filedOn}[\\s\\S]*经过听证程序`)));
    const recorded = (await http.get(`/api/v1/matters/${id}`, cast.drafter)).body.state.research.enforcementCase;
    expect(recorded).toMatchObject({ caseNumber: '文旅立〔2026〕7号', caseFiledOn: filedOn, ground: 'hearing_held', complex: false, seriousViolation: false, socialImpact: true });

    // The 90 days of art. 60, extended with who approved it and on what basis.
    const extend = await actionPanel(drafter, '登记办案期限延长');
    await extend.getByLabel('延长天数（日）').fill('30');
    await extend.getByLabel('延长理由').fill('需补充检验鉴定。');
    await extend.getByLabel('批准人（行政机关负责人）').fill('赵局长');
    await extend.getByLabel('延长依据（法律、法规、规章条款）').fill('《文化市场综合行政执法管理办法》');
    await submitAction(drafter, extend, '登记办案期限延长（行政处罚法第60条）');
    await eventually(() => drafter.locator('.case-extensions').innerText(), (v) => expect(v).toContain('办案期限延长 30 日（赵局长批准'));
    const extensions = (await http.get(`/api/v1/matters/${id}`, cast.drafter)).body.state.legality.caseExtensions;
    expect(extensions).toEqual([expect.objectContaining({ days: 30, approvedBy: '赵局长', basis: '《文化市场综合行政执法管理办法》' })]);
    await ui.screenshot(drafter, 'enforcement-case-recorded');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('a "三重一大" matter: the Party committee proposed, its roster chosen and the item\'s category given when scheduling; the record prefilled from the roster', async () => {
    const crew = await createCast(system, 3);
    const names = crew.members.map((m) => m.username);
    const drive = new Driver(http, crew);
    const id = await drive.toLegalityReview('collective_matter', []);
    await drive.ok(id, crew.legal, { type: 'record_legality_conclusion', versionHash: await drive.hash(id), outcome: 'LAWFUL', text: '无法律障碍', checklist: CHECKLIST });

    const secretary = await ui.as({ ...crew.secretary, displayName: crew.secretary.username });
    await openMatter(secretary, base, id);
    const schedule = await actionPanel(secretary, '安排集体讨论');
    expect(await schedule.getByLabel('会议类型').inputValue()).toBe('party_committee_meeting'); // the kind's deciding body
    const body = schedule.getByLabel(/^会议机构/);
    await eventually(() => body.locator('option').allInnerTexts(), (v) => expect(v).toContain('party_committee_meeting'));
    await body.selectOption(crew.bodies.party_committee_meeting);
    await schedule.getByLabel('“三重一大”事项类别').selectOption('major_funds');
    const meetingAt = Date.parse(`${await schedule.getByLabel('会议时间（北京时间）').inputValue()}+08:00`);
    await submitAction(secretary, schedule, '安排集体讨论');
    const scheduled = (await http.get(`/api/v1/matters/${id}`, crew.secretary)).body.state.meeting.scheduled;
    expect(scheduled).toMatchObject({ body: 'party_committee_meeting', bodyId: crew.bodies.party_committee_meeting, category: 'major_funds' });

    await secretary.waitForTimeout(Math.max(0, meetingAt - Date.now() + 500)); // the meeting must have taken place
    await openMatter(secretary, base, id);
    const meeting = await actionPanel(secretary, '记录集体讨论决定');
    await eventually(() => meeting.locator('.meeting-body').innerText(), (v) => expect(v).toContain('事项类别：重大资金使用'));
    await eventually(() => meeting.locator('.meeting-table tbody select[aria-label="组成人员"] option:checked').allInnerTexts(), (v) => expect([...v].sort()).toEqual([...names].sort()));
    await meeting.getByLabel('主持人（行政首长，最后发言）').selectOption(crew.members[0]!.id);
    await meeting.getByLabel('会议纪要文件编号').fill('党委会纪要〔2026〕2号');
    await submitAction(secretary, meeting, '记录集体讨论决定');
    const record = (await http.get(`/api/v1/matters/${id}`, crew.secretary)).body.state.meeting.records[0];
    expect(record).toMatchObject({ body: 'party_committee_meeting', bodyId: crew.bodies.party_committee_meeting, category: 'major_funds', outcome: 'approve' });
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('an important contract: registered, its particulars and then its signing (counterparty, value, term) recorded through the forms', async () => {
    const crew = await createCast(system, 1);
    const drive = new Driver(http, crew);
    const drafter = await ui.as({ ...crew.drafter, displayName: crew.drafter.username });
    await drafter.getByRole('link', { name: '登记新事项' }).first().click();
    await drafter.getByLabel('事项名称').fill('智慧文旅平台技术服务合同');
    await drafter.getByLabel('事项类型').selectOption('contract_review');
    await drafter.getByLabel('草案文本（第 1 版）').fill('技术服务合同\n甲方：区文化和旅游局　乙方：某某信息技术有限公司\n第一条 合同价款为人民币肆拾捌万元整。');
    await drafter.getByRole('button', { name: '登记并开始研究论证' }).click();
    await drafter.locator('.matter-head h1', { hasText: '智慧文旅平台技术服务合同' }).waitFor({ timeout: 60_000 });
    const id = decodeURIComponent(drafter.url().split('#/matters/')[1] ?? '');

    const particulars = await actionPanel(drafter, '登记合同要素');
    const group = (legend: string) => particulars.getByRole('group', { name: legend, exact: true });
    await particulars.getByLabel('合同类型').fill('技术服务合同');
    const parties = group('合同主体');
    await parties.getByLabel('名称').first().fill('区文化和旅游局');
    await parties.getByLabel('身份').first().selectOption('bureau');
    await parties.getByRole('button', { name: /添加/ }).click();
    await parties.getByLabel('名称').nth(1).fill('某某信息技术有限公司');
    await parties.getByLabel('身份').nth(1).selectOption('counterparty');
    await group('签约授权').getByLabel('签约人').fill('局长');
    await group('签约授权').getByLabel('授权依据（法定代表人或书面授权委托）').fill('法定代表人签署');
    await particulars.getByLabel('法律依据').fill('民法典合同编；政府采购法第26条');
    await group('采购程序').getByLabel('方式').selectOption('competitive_consultation');
    await group('采购程序').getByLabel('采购项目编号或公告').fill('TJCG-2026-001');
    await group('价款').getByLabel('金额（元）').fill('480000');
    await group('价款').getByLabel('支付方式和期限').fill('验收合格后30日内一次性支付');
    await particulars.getByLabel(/^履行/).fill('2026年12月31日前完成部署并验收');
    await particulars.getByLabel('违约责任').fill('违约金按日万分之五，双方对等');
    await group('保密').getByLabel('须约定保密条款').check();
    await group('保密').getByLabel('保密条款', { exact: true }).fill('对游客个人信息负保密义务');
    await group('争议解决').getByLabel('方式').selectOption('litigation');
    await group('争议解决').getByLabel('管辖法院或仲裁机构').fill('甲方所在地人民法院');
    await submitAction(drafter, particulars, '登记合同要素');
    const recorded = (await http.get(`/api/v1/matters/${id}`, crew.drafter)).body.state.contract.particulars;
    expect(recorded).toMatchObject({ contractType: '技术服务合同', price: { amount: 480000 }, procurement: { method: 'competitive_consultation', reference: 'TJCG-2026-001' }, confidentiality: { required: true } });
    expect(recorded.term).toBeUndefined(); // the optional term left empty is absent, not an empty object

    // The review through the API: the lawyer's CT-* opinion and the legal unit's conclusion open the signing.
    await drive.ok(id, crew.drafter, { type: 'submit_for_review' });
    await drive.ok(id, crew.legal, { type: 'accept_materials' });
    await drive.ok(id, crew.legal, { type: 'assign_lawyer', lawyerId: crew.lawyer.id });
    await drive.answerLegalityFindings(id);
    const hash = await drive.hash(id);
    await drive.ok(id, crew.lawyer, { type: 'submit_lawyer_opinion', versionHash: hash, outcome: 'LAWFUL', text: '可以签订', checklist: CONTRACT_CHECKLIST_CODES.map((code) => ({ code, result: 'pass' })) });
    await drive.ok(id, crew.legal, { type: 'record_legality_conclusion', versionHash: hash, outcome: 'LAWFUL', text: '同意签订' });

    await openMatter(drafter, base, id);
    const signing = await actionPanel(drafter, '登记合同签订');
    expect(await signing.getByLabel('合同相对方').inputValue()).toBe('某某信息技术有限公司'); // from the particulars
    expect(Number(await signing.getByLabel('合同金额（元）').inputValue())).toBe(480000);
    await signing.getByLabel('合同编号').fill('HT-2026-007');
    // Signed after the review cleared it, this minute (Beijing wall time); one dated before it would be recorded and marked.
    await signing.getByLabel('签订时间（北京时间）').fill(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 16));
    await signing.getByLabel('签约人').fill('局长');
    await signing.getByLabel('履行期限起（北京时间）').fill('2026-12-01T00:00');
    await signing.getByLabel('履行期限止（北京时间）').fill('2027-11-30T00:00');
    await submitAction(drafter, signing, '登记合同签订');
    const register = (await http.get('/api/v1/contracts', crew.legal)).body.items.find((e: { matterId: string }) => e.matterId === id);
    expect(register).toMatchObject({ status: 'in_force', signedBeforeReview: false, counterparty: '某某信息技术有限公司', value: 480000, contractNumber: 'HT-2026-007', termStart: '2026-12-01T00:00:00+08:00', termEnd: '2027-11-30T00:00:00+08:00' });
    // The matter page shows the particulars and the signed contract as recorded, codes by their labels.
    await eventually(() => drafter.locator('.contract').innerText(), (v) => {
      expect(v).toMatch(/合同要素[\s\S]*某某信息技术有限公司（合同相对方）[\s\S]*竞争性磋商 · TJCG-2026-001[\s\S]*480,000 元/);
      expect(v).toMatch(/合同签订[\s\S]*HT-2026-007[\s\S]*局长[\s\S]*2026\/12\/01/);
    });
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('the legality pre-screen in the web app: the drafter adds to the legal-basis register without losing what it held, the lawyer sees the finding, answers it 不成立 with the reason, then signs', async () => {
    const crew = await createCast(system, 1);
    const drive = new Driver(http, crew);
    // 第二条 creates a licence (设定行政许可) without a legal basis: the legality pre-screen finds it.
    const text = ['第一条 为规范剧本娱乐经营活动，根据《中华人民共和国旅游法》等法律法规，制定本办法。', '第二条 在本区开办剧本杀门店的，须经区文化和旅游局审批同意后方可营业。', '第三条 本办法自发布之日起施行。'].join('\n');
    const id = await drive.register('normative_document', [], text);
    await drive.research(id, []);

    // The register is replaced whole by each submit: the form starts from the register as it stands.
    await drive.ok(id, crew.drafter, { type: 'set_legal_basis_register', entries: [{ clause: '第一条', law: '中华人民共和国旅游法', article: 1 }] });
    const drafter = await ui.as({ ...crew.drafter, displayName: crew.drafter.username });
    await openMatter(drafter, base, id);
    const register = await actionPanel(drafter, '登记条款合法性依据');
    expect(await register.getByLabel('条款', { exact: true }).first().inputValue()).toBe('第一条');
    expect(await register.getByLabel('法律、行政法规').first().inputValue()).toBe('中华人民共和国旅游法');
    expect(await register.getByLabel('条', { exact: true }).first().inputValue()).toBe('1');
    await register.getByRole('button', { name: /添加一行/ }).click();
    await register.getByLabel('条款', { exact: true }).nth(1).fill('第一条');
    await register.getByLabel('法律、行政法规').nth(1).fill('娱乐场所管理条例');
    await register.getByLabel('条', { exact: true }).nth(1).fill('1');
    await submitAction(drafter, register, '登记条款合法性依据');
    const registered = (await http.get(`/api/v1/matters/${id}`, crew.drafter)).body.state.legalityPrescreen.register;
    expect(registered).toMatchObject({ revision: 2, entries: [{ clause: '第一条', law: '中华人民共和国旅游法', article: 1 }, { clause: '第一条', law: '娱乐场所管理条例', article: 1 }] });

    await drive.ok(id, crew.drafter, { type: 'submit_for_review' });
    await drive.ok(id, crew.legal, { type: 'accept_materials' });
    await drive.ok(id, crew.legal, { type: 'assign_lawyer', lawyerId: crew.lawyer.id });
    // The current text is screened again with the register of revision 2 (in the workflow, right after the change).
    await eventually(async () => (await http.get(`/api/v1/matters/${id}/legality`, crew.lawyer)).body, (v) => {
      expect(v.runs.some((r: { kind: string; registerRevision: number }) => r.kind === 'legality' && r.registerRevision === 2)).toBe(true);
      expect(v.findings.filter((f: { current: boolean; status: string }) => f.current && f.status === 'open').map((f: { code: string }) => f.code)).toEqual(['LR-LICENCE']);
    });

    // The lawyer sees the finding in the legality section, by its name, with the wording and why.
    const lawyer = await ui.as({ ...crew.lawyer, displayName: crew.lawyer.username });
    await openMatter(lawyer, base, id);
    const finding = lawyer.locator('ol.legality-findings > li', { hasText: '须经区文化和旅游局审批同意后方可营业' });
    await finding.waitFor();
    expect(await finding.innerText()).toMatch(/待答复[\s\S]*第二条[\s\S]*设定行政许可/);
    // The opinion form says why it cannot be signed yet.
    const early = await actionPanel(lawyer, '出具法律意见并签署');
    await eventually(() => early.locator('.warn').first().innerText(), (v) => expect(v).toContain('尚有 1 项合法性预审问题未答复'));

    await finding.locator('summary', { hasText: '答复此问题' }).click();
    await finding.getByLabel('不成立（说明理由）').check();
    await finding.getByLabel('不成立的理由').fill('开办剧本娱乐经营场所的审批系《娱乐场所管理条例》第九条的规定，本条系重述上位法。');
    await ui.screenshot(lawyer, 'legality-finding-answer');
    await submitAction(lawyer, finding, '答复合法性预审问题');
    const answered = lawyer.locator('ol.legality-findings > li', { hasText: '须经区文化和旅游局审批同意后方可营业' });
    await eventually(() => answered.innerText(), (v) => expect(v).toMatch(/不成立[\s\S]*《娱乐场所管理条例》第九条/));
    expect(await answered.locator('details.finding-answer').count()).toBe(0);
    const dismissed = (await http.get(`/api/v1/matters/${id}/legality`, crew.lawyer)).body.findings.find((f: { current: boolean }) => f.current);
    expect(dismissed).toMatchObject({ status: 'dismissed', answeredBy: crew.lawyer.id, reason: expect.stringContaining('第九条') });

    // Now the opinion is accepted.
    const sign = await actionPanel(lawyer, '出具法律意见并签署');
    expect(await sign.locator('.warn', { hasText: '未答复' }).count()).toBe(0);
    await sign.getByRole('button', { name: /全部设为/ }).click();
    await sign.getByLabel('法律意见全文').fill('经审查，本办法符合法律、法规规定。');
    await submitAction(lawyer, sign, '出具法律意见并签署');
    const opinions = (await http.get(`/api/v1/matters/${id}`, crew.lawyer)).body.state.legality.opinions;
    expect(opinions).toEqual([expect.objectContaining({ lawyerId: crew.lawyer.id, outcome: 'LAWFUL', void: false })]);
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('the legal unit replaces a lawyer who found the matter unlawful: the assignment form asks for the reason (更换理由)', async () => {
    const crew = await createCast(system, 1);
    const drive = new Driver(http, crew);
    const second = await person(system, ['lawyer'], { displayName: '林律师', contract: { from: '2020-01-01', to: '2099-12-31' } });
    const id = await drive.toLegalityReview('normative_document', []);
    await drive.ok(id, crew.legal, { type: 'assign_lawyer', lawyerId: crew.lawyer.id });
    await drive.answerLegalityFindings(id);
    await drive.ok(id, crew.lawyer, { type: 'submit_lawyer_opinion', versionHash: await drive.hash(id), outcome: 'UNLAWFUL', text: '不合法', checklist: CHECKLIST });

    const legal = await ui.as({ ...crew.legal, displayName: crew.legal.username });
    await openMatter(legal, base, id);
    const panel = await actionPanel(legal, '指定法律顾问');
    const reason = panel.getByLabel('更换理由');
    await reason.waitFor();
    await panel.getByLabel('法律顾问', { exact: true }).selectOption(second.id);
    expect(await reason.getAttribute('required')).not.toBeNull();
    await reason.fill('原法律顾问与本事项存在利害关系，申请回避。');
    await submitAction(legal, panel, '指定法律顾问');
    expect((await http.get(`/api/v1/matters/${id}`, crew.legal)).body.state.legality.lawyerId).toBe(second.id);
    const trail = (await http.get(`/api/v1/matters/${id}/trail`, crew.auditor)).body.items as Array<{ action: string; summary?: string | null; reason: string | null }>;
    const replaced = trail.filter((t) => t.action === 'assign_lawyer').at(-1);
    expect(`${replaced?.summary ?? ''} ${replaced?.reason ?? ''}`).toContain('利害关系');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('an issued major decision adjusted (713号令第37条): the drafter\'s form registers the new, linked matter and opens it', async () => {
    const crew = await createCast(system, 2);
    const drive = new Driver(http, crew);
    const id = await drive.toLegalityReview('major_decision', []);
    await drive.lawful(id);
    // The demo profile's minimum review time (seconds) has to pass before the meeting; then the meeting time itself.
    await eventually(async () => (await http.act(id, crew.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_500).toISOString(), body: 'director_office_meeting', bodyId: crew.bodies.director_office_meeting })).status, (s) => expect(s).toBe(200), 60_000);
    await eventually(async () => (await http.act(id, crew.secretary, { type: 'record_meeting', record: drive.meetingRecord('approve', ['approve']) })).status, (s) => expect(s).toBe(200), 60_000);
    await drive.ok(id, crew.secretary, { type: 'report_to_party', reference: '请示〔2026〕9号' });
    await drive.ok(id, crew.secretary, { type: 'sign_and_number', versionHash: await drive.hash(id), signedBy: '局长' });
    await drive.ok(id, crew.secretary, { type: 'publish', channel: '区政府网站', reference: `https://example.gov.cn/${id}` });
    expect((await drive.ok(id, crew.secretary, { type: 'archive', archiveRef: 'DA-9' })).state.stage).toBe('issued');

    const drafter = await ui.as({ ...crew.drafter, displayName: crew.drafter.username });
    await openMatter(drafter, base, id);
    const panel = await actionPanel(drafter, '启动决策调整程序');
    await panel.getByLabel('调整类型').selectOption('adjust');
    await panel.getByLabel('调整或停止执行的理由').fill('后评估建议调整票价');
    await panel.getByLabel('新事项名称').fill('关于调整景区门票价格的决定');
    await panel.getByLabel('调整后的决策草案（或停止执行的决定）').fill('一、景区门票价格调整为每人六十元。\n二、本决定自公布之日起施行。');
    await panel.locator('button[type="submit"]').click();
    await drafter.locator('.matter-head h1', { hasText: '关于调整景区门票价格的决定' }).waitFor({ timeout: 60_000 });
    const newId = decodeURIComponent(drafter.url().split('#/matters/')[1] ?? '');
    expect(newId).not.toBe(id);
    const adjusted = (await http.get(`/api/v1/matters/${newId}`, crew.drafter)).body;
    expect(adjusted).toMatchObject({ kind: 'major_decision', stage: 'research' });
    const original = (await http.get(`/api/v1/matters/${id}/trail`, crew.auditor)).body.items.map((t: { action: string }) => t.action);
    expect(original).toContain('record_adjustment');

    // The new matter links back to the decision it adjusts; the original lists the procedure adjusting it.
    const back = drafter.locator('.matter-head .pair', { hasText: '重大调整的原决策' }).locator(`a[href="#/matters/${id}"]`);
    await eventually(() => back.innerText(), (v) => expect(v).toContain('major_decision')); // the original's title, once read
    await back.click();
    await drafter.locator('.matter-head h1', { hasText: 'major_decision' }).waitFor();
    const adjusting = drafter.locator('ul.adjustments li', { has: drafter.locator(`a[href="#/matters/${newId}"]`) });
    await eventually(() => adjusting.innerText(), (v) => expect(v).toMatch(/重大调整[\s\S]*关于调整景区门票价格的决定[\s\S]*后评估建议调整票价[\s\S]*程序进行中/));
    await ui.screenshot(drafter, 'implementation-adjusting', { fullPage: true });
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('a technical major decision published from the web (713号令第32条): the adoption statement drafted from the record, the 解读 asked for; the implementation forms in Chinese', async () => {
    const crew = await createCast(system, 2);
    const drive = new Driver(http, crew);
    const id = await drive.toLegalityReview('major_decision', ['TECH']);
    await drive.lawful(id);
    await eventually(async () => (await http.act(id, crew.secretary, { type: 'schedule_meeting', meetingAt: new Date(Date.now() + 1_500).toISOString(), body: 'director_office_meeting', bodyId: crew.bodies.director_office_meeting })).status, (s) => expect(s).toBe(200), 60_000);
    await eventually(async () => (await http.act(id, crew.secretary, { type: 'record_meeting', record: drive.meetingRecord('approve', ['approve']) })).status, (s) => expect(s).toBe(200), 60_000);
    await drive.ok(id, crew.secretary, { type: 'report_to_party', reference: '请示〔2026〕11号' });

    // Signed from the form: the register numbers the document (统一编号), so the form asks for no number.
    const secretary = await ui.as({ ...crew.secretary, displayName: crew.secretary.username });
    await openMatter(secretary, base, id);
    const sign = await actionPanel(secretary, '签发编号');
    expect(await sign.getByLabel('文号', { exact: true }).count()).toBe(0);
    expect(await sign.locator('.help').first().innerText()).toContain('文号无需填写');
    await sign.getByLabel('签发人').fill('局长');
    await submitAction(secretary, sign, '签发编号');
    expect((await http.get(`/api/v1/matters/${id}`, crew.secretary)).body.state.postDecision.signing.documentNumber).toEqual(expect.any(String));

    const publish = await actionPanel(secretary, '公布');
    const statement = publish.getByLabel('公众意见、专家论证意见的采纳情况说明');
    expect(await statement.inputValue()).toContain('专家论证意见采纳情况：专家意见已采纳'); // from the expert_adoption item
    await publish.getByLabel('公布渠道').fill('区政府网站');
    await publish.getByLabel('公布地址或文号').fill(`https://example.gov.cn/${id}`);
    await publish.locator('button[type="submit"]').click();
    await eventually(() => publish.locator('.problem .problem-code').innerText(), (v) => expect(v).toContain('PUBLICATION_EXPLANATION_REQUIRED'));
    await publish.getByLabel('宣传解读的方式与出处').fill('政策解读（区政府网站）');
    await submitAction(secretary, publish, '公布');
    await eventually(async () => (await http.get(`/api/v1/matters/${id}`, crew.secretary)).body.state.postDecision.publication, (p) => expect(p).toMatchObject({ interpretation: '政策解读（区政府网站）', adoptionStatement: expect.stringContaining('专家意见已采纳') }));

    // The implementation's generated forms speak Chinese: labels and choices from the vocabulary.
    await drive.ok(id, crew.secretary, { type: 'archive', archiveRef: 'DA-11' });
    await drive.ok(id, crew.secretary, { type: 'designate_implementing_unit', unit: '产业发展科' });
    const drafter = await ui.as({ ...crew.drafter, displayName: crew.drafter.username });
    await openMatter(drafter, base, id);
    const report = await actionPanel(drafter, '报告决策执行情况');
    const status = report.getByLabel('执行情况');
    expect(await status.locator('option').allInnerTexts()).toEqual(expect.arrayContaining(['正常执行', '客观情况发生重大变化']));
    await report.getByLabel('执行进展').fill('门票价格已按决定调整');
    await submitAction(drafter, report, '报告决策执行情况');

    // A post-evaluation's grounds are fixed choices (713号令第36条): checkboxes labelled from the vocabulary.
    const legal = await ui.as({ ...crew.legal, displayName: crew.legal.username });
    await openMatter(legal, base, id);
    const evaluation = await actionPanel(legal, '组织决策后评估');
    const grounds = evaluation.getByRole('group', { name: /评估情形/ });
    expect(await grounds.getByRole('checkbox').count()).toBe(3);
    await grounds.getByLabel('公民、法人或者其他组织提出较多意见').check();
    await grounds.getByLabel('决策机关认为有必要').check();
    await evaluation.getByLabel('评估单位').fill('区发展研究中心');
    await submitAction(legal, evaluation, '组织决策后评估');
    const implementation = (await http.get(`/api/v1/matters/${id}`, crew.legal)).body.state.implementation;
    expect(implementation.evaluations).toEqual([expect.objectContaining({ grounds: ['many_opinions', 'deemed_necessary'], evaluator: '区发展研究中心', thirdParty: false, result: null })]);

    // The matter page shows the implementation as recorded, and says the decision is being carried out, not 办结.
    const section = legal.locator('.subsection', { has: legal.locator('h3', { hasText: '决策执行' }) }).first();
    await eventually(() => section.innerText(), (v) => expect(v).toMatch(/产业发展科[\s\S]*正常执行[\s\S]*门票价格已按决定调整[\s\S]*评估中[\s\S]*公民、法人或者其他组织提出较多意见；决策机关认为有必要[\s\S]*区发展研究中心/));
    expect(await legal.locator('.turn').innerText()).toContain('执行中');
    expect(await legal.locator('main').innerText()).not.toContain('已办结');
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('an admin records a reviewer\'s legal qualification (法律职业资格) on the people page', async () => {
    const admin = await ui.as(cast.admin);
    await admin.goto(`${base}/#/admin`);
    await admin.getByRole('button', { name: `编辑 ${cast.legal.username}` }).click();
    const form = admin.locator('form.edit-user');
    await form.getByLabel(/^具有法律职业资格/).check();
    await form.getByRole('button', { name: `保存 ${cast.legal.username}` }).click();
    await eventually(async () => (await http.get('/api/v1/users', cast.admin)).body.items.find((u: { id: string }) => u.id === cast.legal.id)?.legalQualification, (v) => expect(v).toBe(true));
    await eventually(() => admin.locator('table.users tr', { hasText: cast.legal.username }).first().innerText(), (v) => expect(v).toContain('法律职业资格'));

    // The deciding bodies' rosters are kept on the same page (a meeting's record must name the roster of its day).
    const fresh = admin.locator('details.meeting-body', { has: admin.locator('summary', { hasText: '新建会议机构' }) });
    await fresh.locator('summary').click();
    await fresh.getByLabel('机构编号').fill('forms-test-office');
    await fresh.getByLabel('机构名称').fill('局长办公会（测试）');
    await fresh.getByRole('button', { name: '＋ 添加组成人员' }).click();
    const row = fresh.locator('li.row').first();
    await row.getByLabel('人员').selectOption(cast.legal.id);
    await row.getByLabel('任职起').fill('2026-01-01');
    // Who may chair (and in the administrative meeting decide) is part of the seat (713号令第30条).
    await row.getByLabel(/^可主持会议/).check();
    await fresh.getByRole('button', { name: '新建会议机构' }).click();
    await eventually(async () => (await http.get('/api/v1/meeting-bodies', cast.admin)).body.items.find((b: { id: string }) => b.id === 'forms-test-office'),
      (b) => expect(b).toMatchObject({ kind: 'director_office_meeting', name: '局长办公会（测试）', members: [{ userId: cast.legal.id, from: '2026-01-01', to: null, chairs: true }] }));
    await admin.locator('details.meeting-body summary', { hasText: '局长办公会（测试）' }).waitFor();

    // Both changes are on the record of administrators' changes, with who made them, and the chain checks out.
    await admin.goto(`${base}/#/admin-events`);
    await admin.getByText('记录完整').waitFor();
    const records = admin.locator('table tbody tr');
    await eventually(() => records.allInnerTexts(), (rows) => {
      expect(rows.some((r) => r.includes('修改人员') && r.includes('法律职业资格：否 → 是') && r.includes('管理员'))).toBe(true);
      expect(rows.some((r) => r.includes('设置决策机构组成人员') && r.includes('局长办公会（测试）：1 人（新建）'))).toBe(true);
    });
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('a password the admin resets on the people page is temporary: its holder sees only the change form (修改密码), changes it, and goes on', async () => {
    const holder: Who = { ...(await person(system, ['drafter'], { displayName: '赵重设' })), displayName: '赵重设' };
    const admin = await ui.as(cast.admin);
    await admin.goto(`${base}/#/admin`);
    await admin.getByRole('button', { name: `编辑 ${holder.username}` }).click();
    const form = admin.locator('form.edit-user');
    await form.getByLabel(/^重设密码/).fill('temporary-pass-1');
    await form.getByRole('button', { name: `保存 ${holder.username}` }).click();
    await eventually(() => admin.locator('table.users tr', { hasText: holder.username }).first().innerText(), (v) => expect(v).toContain('待本人修改密码'));

    // Logged in with the temporary password: no navigation, the change form, and nothing else answers.
    const page = await ui.as({ ...holder, password: 'temporary-pass-1' });
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    expect(await page.locator('#nav a').count()).toBe(0);
    await page.goto(`${base}/#/matters`);
    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    await ui.screenshot(page, 'password-change-required');
    // A wrong current password is named next to its field; the session stays.
    await page.getByLabel('当前（临时）密码').fill('not-the-temporary-one');
    await page.getByLabel(/^新密码/).fill('holders-own-pass-1');
    await page.getByLabel('再次输入新密码').fill('holders-own-pass-1');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.locator('.field-error', { hasText: 'is not your current password' }).waitFor();
    await page.getByLabel('当前（临时）密码').fill('temporary-pass-1');
    await page.getByRole('button', { name: '修改密码' }).click();
    // Then on where they were going, with the whole app.
    await page.locator('#nav a', { hasText: '事项列表' }).waitFor();
    await eventually(async () => page.url(), (u) => expect(u).toContain('#/matters'));
    expect((await http.post('/api/v1/auth/login', null, { username: holder.username, password: 'holders-own-pass-1' })).body.passwordChangeRequired).toBe(false);

    // The record: the admin's reset, then the holder's own change.
    await admin.goto(`${base}/#/admin-events`);
    await eventually(() => admin.locator('table tbody tr').allInnerTexts(), (rows) => {
      expect(rows.some((r) => r.includes('本人修改密码') && r.includes('赵重设') && r.includes('替换管理员设置的临时密码'))).toBe(true);
      expect(rows.some((r) => r.includes('修改人员') && r.includes('重设密码（临时）') && r.includes('管理员'))).toBe(true);
    });
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
