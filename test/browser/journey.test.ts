import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { api, person, startTestSystem, type TestPerson } from '../integration/support/testSystem';
import { Driver } from '../integration/support/drive';
import { makeDocx } from '../fixtures/docx';
import { launchChromium } from './support/chromium';
import { privateDatabase } from './support/database';
import { actionPanel, Browsers, eventually, openMatter, PHONE, README_SHOTS_DIR, reloadUntil, submitAction, SHOTS_DIR, type Account } from './support/ui';
import type { System } from '../../app/system';

/**
 * One normative document (ECON) carried from registration to archive through the web app alone, in
 * headless Chromium against the real stack (API, worker, Temporal, PostgreSQL), by each role at their own
 * browser — with a screenshot per step and the lawyer signing on a phone (390×844). The demo clocks make
 * the minimum review time seconds, not days.
 *
 * register (Word upload) → research → fair-competition review with findings → returned → new version
 * (diff) → review concluded → materials accepted → lawyer signs → legality conclusion → meeting scheduled
 * and recorded → signed and numbered → published → 备案 → archived → the auditor verifies, prints the
 * dossier and reads the statistics.
 */
const V1 = [
  '关于促进文化和旅游消费的若干措施',
  '第一条　为促进文化和旅游消费，制定本措施。',
  '第二条　政府采购优先选择本地企业的产品。',
  '第三条　对年度纳税额超过100万元的企业给予奖励。',
  '第四条　本措施自发布之日起施行。',
];
const V2 = [V1[0]!, V1[1]!, '第二条　政府采购平等对待各类经营主体的产品。', V1[3]!, V1[4]!];

type Who = TestPerson & Account;

describe('the web app, every role through one matter', () => {
  let system: System;
  let database: Awaited<ReturnType<typeof privateDatabase>> | undefined;
  let base: string;
  let closeBrowser: () => Promise<void>;
  let ui: Browsers;
  const started = Date.now();
  const timings: Array<[string, number]> = [];
  let lap = Date.now();
  const step = (name: string) => { timings.push([name, Date.now() - lap]); lap = Date.now(); };
  const cast = {} as Record<'drafter' | 'legal' | 'lawyer' | 'fcr' | 'secretary' | 'head' | 'deputy1' | 'deputy2' | 'auditor', Who>;

  beforeAll(async () => {
    database = await privateDatabase();
    system = await startTestSystem({ env: { PROCEDURE_PROFILE: 'demo', DATABASE_URL: database.url, DATABASE_POOL_MAX: '5' } });
    base = system.apiUrl!;
    const make = async (key: keyof typeof cast, roles: Parameters<typeof person>[1], displayName: string, extra: Parameters<typeof person>[2] = {}) => {
      const p = await person(system, roles, { displayName, ...extra });
      cast[key] = { ...p, displayName };
    };
    await Promise.all([
      make('drafter', ['drafter'], '张承办'),
      make('legal', ['legal_unit'], '王法制'),
      make('lawyer', ['lawyer'], '陈律师', { contract: { from: '2020-01-01', to: '2099-12-31' } }),
      make('fcr', ['fcr_reviewer'], '孙审查'),
      make('secretary', ['secretary'], '李秘书'),
      make('head', ['meeting_member'], '赵局长'),
      make('deputy1', ['meeting_member'], '钱副局长'),
      make('deputy2', ['meeting_member'], '周副局长'),
      make('auditor', ['auditor'], '吴审计'),
    ]);
    // The deciding bodies' rosters are data kept by an admin: the 局长办公会 is the head and the two deputies.
    const admin = await person(system, ['admin'], { displayName: '管理员' });
    const roster = [cast.head, cast.deputy1, cast.deputy2].map((m) => ({ userId: m.id, from: '2020-01-01', to: null }));
    for (const kind of ['director_office_meeting', 'party_committee_meeting']) {
      const res = await fetch(`${base}/api/v1/meeting-bodies/${kind}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
        body: JSON.stringify({ kind, name: kind === 'director_office_meeting' ? '局长办公会' : '局党委会', members: roster }),
      });
      expect(res.status).toBe(200);
    }
    const launched = await launchChromium();
    closeBrowser = launched.close;
    ui = new Browsers(launched.browser, base);
    step('start: system, people, browser');
  });

  afterAll(async () => {
    await ui?.closeAll();
    await closeBrowser?.();
    await system?.stop();
    await database?.drop();
    const total = Date.now() - started;
    process.stdout.write(`browser journey: ${Math.round(total / 1000)} s\n${timings.map(([n, ms]) => `  ${(ms / 1000).toFixed(1).padStart(5)} s  ${n}`).join('\n')}\n  screenshots: ${SHOTS_DIR}\n`);
    if (process.env.UPDATE_README_SCREENSHOTS === '1') {
      fs.mkdirSync(README_SHOTS_DIR, { recursive: true });
      for (const [from, to] of [['diff-side-by-side', 'diff.png'], ['statistics', 'statistics.png'], ['phone-lawyer-checklist', 'phone-checklist.png']]) {
        const file = fs.readdirSync(SHOTS_DIR).find((f) => f.endsWith(`-${from}.png`));
        if (file && to) fs.copyFileSync(path.join(SHOTS_DIR, file), path.join(README_SHOTS_DIR, to));
      }
    }
  });

  /** Text of the page as a person reads it (no ids, no codes should show up here). */
  const visibleText = (page: Page) => page.locator('main').innerText();

  test('register → review → decision → issue → 备案 → archive, then the audit', async () => {
    // ---- 1. The drafter registers the matter from a Word document.
    const drafter = await ui.as(cast.drafter);
    await drafter.getByRole('link', { name: '登记新事项' }).first().click();
    await drafter.getByLabel('事项类型').selectOption('normative_document');
    await drafter.getByLabel('涉及经营者经济活动（公平竞争审查）').check();
    const fileInput = drafter.getByLabel('从文件载入（Word .docx 或文本 .txt）');
    // A PDF is refused with a reason a person can act on; a text file in GB18030 is read as such.
    await fileInput.setInputFiles({ name: '措施.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n') });
    await eventually(() => drafter.locator('.upload-status .problem').innerText(), (v) => expect(v).toMatch(/无法载入 措施\.pdf[\s\S]*不支持 PDF 文件[\s\S]*\.docx/));
    await fileInput.setInputFiles({ name: '措施.txt', mimeType: 'text/plain', buffer: Buffer.from('b5dad2bbccf520ceaab4d9bdf8cffbb7d1', 'hex') }); // 第一条 为促进消费
    await eventually(() => drafter.locator('.upload-status').innerText(), (v) => expect(v).toContain('编码 GB18030'));
    await eventually(() => drafter.getByLabel('草案文本（第 1 版）').inputValue(), (v) => expect(v).toBe('第一条 为促进消费'));
    await drafter.getByLabel('从文件载入（Word .docx 或文本 .txt）').setInputFiles({ name: '关于促进文化和旅游消费的若干措施.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await makeDocx(V1) });
    await eventually(() => drafter.locator('.upload-status').innerText(), (v) => expect(v).toContain('5 段，其中 4 条'));
    await eventually(() => drafter.getByLabel('草案文本（第 1 版）').inputValue(), (v) => expect(v).toBe(V1.join('\n')));
    await eventually(() => drafter.getByLabel('事项名称').inputValue(), (v) => expect(v).toBe('关于促进文化和旅游消费的若干措施'));
    await ui.screenshot(drafter, 'drafter-register-from-word');
    await drafter.getByRole('button', { name: '登记并开始研究论证' }).click();
    await drafter.locator('.turn-mine').waitFor();
    const matterId = decodeURIComponent(drafter.url().split('#/matters/')[1] ?? '');
    await eventually(() => drafter.locator('.turn-mine').innerText(), (v) => expect(v).toContain('提交审查'));
    step('drafter registers from .docx');

    // Whose turn: the legal unit may adjust flags, but the matter is not its work.
    const legal = await ui.as(cast.legal);
    await legal.goto(`${base}/#/matters?awaitingMe=true`);
    await legal.locator('.empty, table.worklist').first().waitFor();
    await eventually(() => legal.locator(`tr[data-id="${matterId}"]`).count(), (v) => expect(v).toBe(0));
    await legal.goto(`${base}/#/matters`);
    const row = legal.locator(`tr[data-id="${matterId}"]`);
    await row.waitFor();
    await eventually(() => row.locator('.todo-badge').count(), (v) => expect(v).toBe(0));
    const draftingUnit = await drafter.locator('dl.facts dd').first().innerText();
    await eventually(() => row.innerText(), (v) => expect(v).toContain(draftingUnit)); // the drafting unit by name
    step('legal unit: not its turn during research');

    // ---- 2. Research materials, then submitted for review.
    const research = async (kind: string, fill: (panel: Awaited<ReturnType<typeof actionPanel>>) => Promise<void>) => {
      const panel = await actionPanel(drafter, '登记研究论证材料');
      await panel.getByLabel('材料类型').selectOption(kind);
      await fill(panel);
      await submitAction(drafter, panel, '登记研究论证材料');
    };
    await research('drafting_explanation', async (p) => {
      await p.getByLabel('起草说明摘要（目的、依据、过程、主要内容）').fill('为促进文化和旅游消费，依据有关规定起草本措施。');
      await p.getByLabel('文件编号').fill('起草说明-2026-1');
    });
    await research('legal_bases', async (p) => p.getByLabel('法律法规名称').first().fill('中华人民共和国旅游法'));
    await research('procedure_statement', async (p) => {
      await p.getByLabel('履行法定程序情况').fill('已征求相关科室意见。');
      await p.getByLabel('文件编号').fill('程序说明-2026-1');
    });
    await research('internal_consultation', async (p) => {
      await p.getByLabel('单位').first().fill('财务科');
      await p.getByLabel('同意').first().check();
      await p.getByLabel('意见').first().fill('同意。');
    });
    await eventually(() => drafter.locator('details.action summary code').count(), (v) => expect(v).toBe(0)); // no command codes next to labels
    await eventually(() => visibleText(drafter), (v) => expect(v).not.toContain('documentId'));
    await submitAction(drafter, await actionPanel(drafter, '提交审查'), '提交审查');
    await ui.screenshot(drafter, 'drafter-submitted');
    step('drafter: research and submission');

    // ---- 3. The legal unit assigns the fair-competition reviewer, by name.
    await openMatter(legal, base, matterId);
    await eventually(() => legal.locator('.turn-mine').innerText(), (v) => expect(v).toContain('指定公平竞争审查人员'));
    const assign = await actionPanel(legal, '指定公平竞争审查人员');
    const reviewerSelect = assign.getByLabel('公平竞争审查人员');
    await eventually(() => reviewerSelect.locator('option:checked').innerText(), (v) => expect(v).toContain('孙审查'));
    await submitAction(legal, assign, '指定公平竞争审查人员');
    step('legal unit assigns the reviewer');

    // ---- 4. The reviewer confirms a finding and returns the draft.
    const fcr = await ui.as(cast.fcr);
    await openMatter(fcr, base, matterId);
    await fcr.locator('.prescreen').waitFor();
    await eventually(() => fcr.locator('.prescreen').innerText(), (v) => expect(v).toMatch(/FCR-B3[\s\S]*优先选择本地/));
    const answer = await actionPanel(fcr, '答复预审问题');
    await answer.getByLabel(/待答复的预审问题/).selectOption({ label: await answer.getByLabel(/待答复的预审问题/).locator('option', { hasText: 'FCR-B3' }).innerText() });
    await answer.getByText('确认：确有排除、限制竞争的问题').click();
    await answer.getByLabel('理由', { exact: true }).fill('限定本地企业，排斥外地经营者。');
    await submitAction(fcr, answer, '答复预审问题');
    const back = await actionPanel(fcr, '退回修改');
    await back.getByLabel('退回理由（写明需修改的内容）').fill('第二条限定本地企业，请删去，平等对待各类经营主体。');
    await submitAction(fcr, back, '退回修改');
    step('reviewer: finding confirmed, draft returned');

    // ---- 5. The drafter sees who returned it, when, why and what to do; uploads version 2; compares.
    await openMatter(drafter, base, matterId);
    const returned = drafter.locator('.returned-mine');
    await returned.waitFor();
    const returnedText = await returned.innerText();
    expect(returnedText).toContain('孙审查');
    expect(returnedText).toContain('第二条限定本地企业');
    expect(returnedText).toContain('需要做什么');
    await ui.screenshot(drafter, 'drafter-returned-draft');
    const submitVersion = await actionPanel(drafter, '提交新版本');
    await submitVersion.getByLabel('从文件载入（Word .docx 或文本 .txt）').setInputFiles({ name: '措施（修改稿）.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await makeDocx(V2) });
    await submitVersion.locator('.upload-status .ok-note').waitFor();
    await submitAction(drafter, submitVersion, '提交新版本');
    await drafter.goto(`${base}/#/matters/${matterId}/diff?from=1&to=2`);
    await drafter.locator('.diff-side del').first().waitFor();
    await eventually(() => drafter.locator('.diff-side del').allInnerTexts(), (v) => expect(v).toEqual(['优先选择本地企业']));
    await eventually(() => drafter.locator('.diff-side ins').allInnerTexts(), (v) => expect(v).toEqual(['平等对待各类经营主体']));
    await eventually(() => drafter.locator('.diff-findings').first().innerText(), (v) => expect(v).toContain('FCR-B3'));
    await ui.screenshot(drafter, 'diff-side-by-side');
    await drafter.getByLabel('显示方式').selectOption('inline');
    await drafter.locator('.diff-inline del').first().waitFor();
    await ui.screenshot(drafter, 'diff-inline');
    await openMatter(drafter, base, matterId);
    await submitAction(drafter, await actionPanel(drafter, '提交审查'), '提交审查');
    step('drafter: returned banner, version 2 from Word, diff, resubmitted');

    // ---- 6. The reviewer answers the remaining finding and concludes: the association heard is recorded (no
    //      waiver), a blank extra consultation row does not block; "不涉及" against an answered finding is flagged.
    await openMatter(fcr, base, matterId);
    const dismiss = await actionPanel(fcr, '答复预审问题');
    await dismiss.getByText('排除：不构成问题（须说明理由）').click();
    await dismiss.getByLabel('理由', { exact: true }).fill('奖励面向所有纳税主体，依据上位法设定，不构成限制。');
    await submitAction(fcr, dismiss, '答复预审问题');
    const conclude = await actionPanel(fcr, '出具公平竞争审查结论');
    await conclude.getByRole('button', { name: '其余未答项设为“不涉及”' }).click();
    const flagged = conclude.locator('tr.flagged');
    await flagged.waitFor();
    await eventually(() => flagged.innerText(), (v) => expect(v).toContain('FCR-C2'));
    await eventually(() => conclude.locator('.meeting-status').innerText(), (v) => expect(v).toContain('FCR-C2'));
    await ui.screenshot(fcr, 'fcr-standard-flagged');
    await flagged.getByText('涉及，但不具有排除、限制竞争效果').click();
    await eventually(() => conclude.locator('tr.flagged').count(), (v) => expect(v).toBe(0));
    // Hearing operators and associations has no waiver (条例第16条): the reviewer records who was heard and how.
    const consultations = conclude.locator('fieldset[data-path="command.review.consultations"]');
    const heard = consultations.locator('li.row').first();
    await heard.getByLabel('对象', { exact: true }).fill('区旅游行业协会');
    await heard.getByLabel('类别', { exact: true }).selectOption('association');
    await heard.getByLabel('方式', { exact: true }).selectOption('symposium');
    await heard.getByLabel('意见', { exact: true }).fill('无异议');
    await consultations.getByRole('button', { name: '＋ 添加' }).click(); // left blank
    await eventually(() => consultations.locator('li.row').count(), (n) => expect(n).toBe(2));
    await conclude.getByLabel('结论摘要').fill('经审查，修改后的措施不具有排除、限制竞争效果。');
    await submitAction(fcr, conclude, '出具公平竞争审查结论');
    // A role without the trail permission sees no trail and no button it cannot use.
    await eventually(() => fcr.getByRole('button', { name: '校验留痕' }).count(), (v) => expect(v).toBe(0));
    await eventually(() => fcr.locator('#sec-trail').count(), (v) => expect(v).toBe(0));
    step('reviewer: finding dismissed, flag on 不涉及, conclusion with the association heard');

    // ---- 7. The legal unit accepts the materials and assigns the lawyer by name.
    await openMatter(legal, base, matterId);
    await submitAction(legal, await actionPanel(legal, '受理送审材料'), '受理送审材料');
    const lawyerPanel = await actionPanel(legal, '指定法律顾问');
    await eventually(() => lawyerPanel.getByLabel('法律顾问').locator('option:checked').innerText(), (v) => expect(v).toContain('陈律师'));
    await submitAction(legal, lawyerPanel, '指定法律顾问');
    await legal.goto(`${base}/#/matters`);
    await legal.locator('table.worklist').waitFor();
    await eventually(() => legal.locator(`tr[data-id="${matterId}"]`).innerText(), (v) => expect(v).toContain('陈律师'));
    await ui.screenshot(legal, 'worklist-legal-unit');
    step('legal unit: materials accepted, lawyer assigned');

    // ---- 8. The lawyer signs — on a phone: the checklist as cards, the work list updates afterwards.
    const lawyer = await ui.as(cast.lawyer, PHONE);
    await lawyer.goto(`${base}/#/matters?awaitingMe=true`);
    await lawyer.locator(`tr[data-id="${matterId}"]`).waitFor();
    await eventually(() => lawyer.locator('details.filters').getAttribute('open'), (v) => expect(v).toBeNull()); // the filters fold away on a phone
    await ui.screenshot(lawyer, 'phone-lawyer-worklist');
    await openMatter(lawyer, base, matterId);
    await lawyer.locator('.turn-mine').waitFor();
    await ui.screenshot(lawyer, 'matter-lawyer-turn');
    const sign = await actionPanel(lawyer, '出具法律意见并签署');
    await sign.getByRole('button', { name: '全部设为“符合”' }).click();
    const checklistRow = sign.locator('.checklist-table tbody tr').first();
    // Each point a card across the screen: the point's text and its note field are not squeezed into a column.
    expect((await checklistRow.locator('th').boundingBox())!.width).toBeGreaterThan(240);
    expect((await checklistRow.locator('input[type="text"]').boundingBox())!.width).toBeGreaterThan(240);
    await checklistRow.scrollIntoViewIfNeeded();
    await ui.screenshot(lawyer, 'phone-lawyer-checklist');
    await sign.getByLabel('法律意见全文').fill('经审查，该措施符合法律法规规定，建议出台。');
    await submitAction(lawyer, sign, '出具法律意见并签署');
    await eventually(() => lawyer.locator('details.action[open]').count(), (v) => expect(v).toBe(0)); // the form does not reopen empty
    await eventually(() => lawyer.locator('.turn-mine').count(), (v) => expect(v).toBe(0));
    await eventually(() => lawyer.locator('.readonly-note').innerText(), (v) => expect(v).toContain('法制机构'));
    await lawyer.goto(`${base}/#/matters?awaitingMe=true`);
    await lawyer.locator('.empty').waitFor();
    await eventually(() => lawyer.locator('.empty').innerText(), (v) => expect(v).toContain('目前没有等待您办理的事项'));
    await eventually(() => lawyer.locator('#sec-trail').count(), (v) => expect(v).toBe(0));
    step('lawyer signs on a phone');

    // ---- 9. The legal unit concludes; the minimum review time is shown as an earliest time, never overdue.
    await openMatter(legal, base, matterId);
    const conclusion = await actionPanel(legal, '出具合法性审核意见');
    await conclusion.getByLabel('合法性审核意见书').fill('经审核，该措施合法。');
    await submitAction(legal, conclusion, '出具合法性审核意见');
    const secretary = await ui.as(cast.secretary);
    await openMatter(secretary, base, matterId);
    const minimumRow = secretary.locator('table.deadlines tr', { hasText: '合法性审查最短时间' });
    await reloadUntil(secretary, async () => (await secretary.locator('table.deadlines tr', { hasText: '合法性审查最短时间' }).innerText()).includes('已届满'));
    await eventually(() => minimumRow.innerText(), (v) => expect(v).toContain('最早可办理时间'));
    await eventually(() => visibleText(secretary), (v) => expect(v).not.toContain('已超期'));
    await eventually(() => secretary.locator('.matter-head').innerText(), (v) => expect(v).not.toContain('下一办理期限'));
    await ui.screenshot(secretary, 'secretary-not-before-not-overdue');
    step('legal conclusion; minimum time shown as not-before');

    // ---- 10. The secretary schedules the meeting (prefilled with the earliest allowed time, to the second);
    //      a refusal reads in Chinese with its code on a detail line.
    const schedule = await actionPanel(secretary, '安排集体讨论');
    const when = schedule.getByLabel('会议时间（北京时间）');
    const prefilled = await when.inputValue();
    // A datetime-local input drops ":00" seconds from its value, so a time that falls on a whole
    // minute reads "YYYY-MM-DDTHH:mm" (once in sixty runs); the app reads both forms (localInputToIso).
    expect(prefilled).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/);
    const prefilledMs = Date.parse(`${prefilled}+08:00`);
    expect(prefilledMs - Date.now()).toBeLessThan(60_000); // not an hour ahead
    await when.fill('2020-01-01T09:00:00');
    await schedule.locator('button[type="submit"]').click();
    const refusal = schedule.locator('.problem');
    await refusal.waitFor();
    await eventually(() => refusal.locator('.problem-title').innerText(), (v) => expect(v).not.toMatch(/\d{3}|Precondition|Not allowed/));
    await eventually(() => refusal.locator('.problem-code').innerText(), (v) => expect(v).toMatch(/^代码：[A-Z_a-z]+/));
    await ui.screenshot(secretary, 'refusal-in-chinese');
    await when.fill(prefilled);
    await submitAction(secretary, schedule, '安排集体讨论');
    step('secretary schedules (refusal shown, then accepted)');

    // ---- 11. The meeting is recorded with the members chosen by name.
    await secretary.waitForTimeout(Math.max(0, prefilledMs - Date.now() + 500)); // the meeting must have taken place
    await openMatter(secretary, base, matterId);
    const meeting = await actionPanel(secretary, '记录集体讨论决定');
    await eventually(() => meeting.locator('.meeting-table tbody select[aria-label="组成人员"] option:checked').allInnerTexts(), (names) => expect([...names].sort()).toEqual(['周副局长', '赵局长', '钱副局长'].sort()));
    await meeting.getByLabel('主持人（行政首长，最后发言）').selectOption({ label: '赵局长' });
    await eventually(() => meeting.locator('.meeting-status').innerText(), (v) => expect(v).toMatch(/→ 赵局长（主持人最后发言）/));
    await meeting.getByLabel('会议纪要文件编号').fill('局长办公会纪要〔2026〕3号');
    await ui.screenshot(secretary, 'meeting-by-name');
    await submitAction(secretary, meeting, '记录集体讨论决定');
    step('meeting recorded by name');

    // ---- 12. Signed and numbered, published, 备案, archived.
    const sn = await actionPanel(secretary, '签发编号');
    // The document number comes from the register (统一编号), not from the form.
    await sn.getByLabel('签发人').fill('赵局长');
    await submitAction(secretary, sn, '签发编号');
    const publish = await actionPanel(secretary, '公布');
    await publish.getByLabel('公布渠道').fill('区政府网站');
    await publish.getByLabel('公布地址或文号').fill('https://www.example.gov.cn/zwgk/2026/1');
    await submitAction(secretary, publish, '公布');
    await openMatter(legal, base, matterId);
    const filing = await actionPanel(legal, '报送备案');
    await filing.getByLabel('备案机关').fill('区司法局');
    await filing.getByLabel('备案文号').fill('备〔2026〕12号');
    await submitAction(legal, filing, '报送备案');
    const archive = await actionPanel(legal, '归档');
    await archive.getByLabel('档案号').fill('WL-2026-001');
    await submitAction(legal, archive, '归档');
    await legal.locator('.turn-done').waitFor();
    step('signed, published, filed, archived');

    // ---- 13. The auditor: names and labels in the trail, chain and signature verified, the dossier, statistics.
    const auditor = await ui.as(cast.auditor);
    await openMatter(auditor, base, matterId);
    const trail = auditor.locator('table.trail');
    await trail.waitFor();
    await eventually(() => trail.locator('tbody > tr:not(.trail-details) > td:nth-child(4)').allInnerTexts(), (actions) => {
      expect(actions).toEqual(expect.arrayContaining(['登记立项', '自动预审（公平竞争、合法性）', '出具法律意见并签署', '报送备案', '归档']));
      expect(actions.filter((a) => /^[a-z_]+$/.test(a))).toEqual([]); // no raw action codes
    });
    await eventually(() => trail.locator('tbody > tr:not(.trail-details) > td:nth-child(3)').allInnerTexts(), (actors) => expect(actors.join(' ')).toMatch(/张承办[\s\S]*孙审查[\s\S]*陈律师/));
    await eventually(() => visibleText(auditor), (v) => expect(v).not.toMatch(/u-(drafter|lawyer|fcr_reviewer)-|:v\d+:\d+）|T\d{2}:\d{2}:\d{2}\+08:00/)); // ids only as tooltips, times in words
    await auditor.getByRole('button', { name: '校验留痕' }).click();
    await auditor.locator('.verify-ok', { hasText: '留痕完整' }).waitFor();
    await auditor.locator('article.signoff').getByRole('button', { name: '验证签名' }).first().click();
    await auditor.locator('article.signoff .verify-ok').waitFor();
    await eventually(() => auditor.locator('article.signoff header').first().innerText(), (v) => expect(v).toContain('陈律师'));
    await ui.screenshot(auditor, 'auditor-matter', { fullPage: false });
    const [dossier] = await Promise.all([auditor.context().waitForEvent('page'), auditor.getByRole('button', { name: '打印版卷宗（新窗口）' }).click()]);
    await dossier.waitForLoadState();
    await dossier.locator('h1').waitFor();
    const dossierText = await dossier.locator('body').innerText();
    expect(dossierText).toMatch(/〔2026〕\d+号/);
    for (const expected of ['行政规范性文件', '区政府网站', '区司法局', 'WL-2026-001', '起草说明', '陈律师', '赵局长', '局长办公会', '北京时间']) expect(dossierText).toContain(expected);
    expect(dossierText).not.toMatch(/normative_document|legality_review|submit_lawyer_opinion|director_office_meeting|缺席：；|T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|\+08:00)|:v\d+:\d+）/); // no codes, UTC or ISO times, finding ids
    await ui.screenshot(dossier, 'dossier-printable', { fullPage: true });
    await dossier.close();
    await auditor.getByRole('link', { name: '统计' }).click();
    await auditor.locator('.chart svg').first().waitFor();
    await eventually(() => auditor.locator('.stat-card').first().innerText(), (v) => expect(v).toMatch(/\d+\s*事项/));
    await ui.screenshot(auditor, 'statistics', { fullPage: true });
    step('auditor: trail, signatures, dossier, statistics');

    // ---- 14. Phone pass over the read views: the drafter's work list as labelled cards, the trail as cards.
    const phoneDrafter = await ui.as(cast.drafter, PHONE);
    await phoneDrafter.goto(`${base}/#/matters`);
    const card = phoneDrafter.locator(`tr[data-id="${matterId}"]`);
    await card.waitFor();
    const cell = card.locator('td[data-label="阶段"]');
    // Each cell carries its column's name (the table's header is hidden on a phone).
    const cssLabel = await cell.evaluate((td) => (globalThis as unknown as { getComputedStyle(e: unknown, pseudo: string): { content: string } }).getComputedStyle(td, '::before').content);
    expect(cssLabel).toContain('阶段');
    expect((await card.boundingBox())!.width).toBeGreaterThan(330);
    await ui.screenshot(phoneDrafter, 'phone-drafter-worklist');
    await openMatter(phoneDrafter, base, matterId);
    const trailRow = phoneDrafter.locator('table.trail tbody > tr').first();
    await trailRow.scrollIntoViewIfNeeded();
    expect((await trailRow.boundingBox())!.width).toBeGreaterThan(330);
    await ui.screenshot(phoneDrafter, 'phone-trail-cards');
    step('phone pass');

    expect(ui.pageErrors).toEqual([]);
  }, 300_000);

  test('choosing a person among many: a search box, nothing pre-filled, the choice by name', async () => {
    // The bureau now has more fair-competition reviewers than fit a short list.
    const others = await Promise.all(['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬'].map((n) => person(system, ['fcr_reviewer'], { displayName: `${n}审查员` })));
    const drive = new Driver(api(system), { drafter: cast.drafter, legal: cast.legal, lawyer: cast.lawyer, fcr: cast.fcr, secretary: cast.secretary, auditor: cast.auditor, admin: cast.legal, members: [cast.head, cast.deputy1, cast.deputy2], bodies: { director_office_meeting: 'director_office_meeting', party_committee_meeting: 'party_committee_meeting' } });
    const id = await drive.register('normative_document', ['ECON']);
    await drive.research(id, ['ECON']);
    await drive.ok(id, cast.drafter, { type: 'submit_for_review' });

    const legal = await ui.as(cast.legal);
    await legal.goto(`${base}/#/matters/${id}`);
    await legal.reload(); // the directory is loaded once per page load
    await legal.locator('.matter-head h1').waitFor();
    const assign = await actionPanel(legal, '指定公平竞争审查人员');
    const select = assign.getByLabel('公平竞争审查人员', { exact: true });
    await eventually(() => select.locator('option').count(), (n) => expect(n).toBe(1 + 1 + others.length)); // （未选择）, 孙审查 and the nine
    expect(await select.inputValue()).toBe(''); // more than one candidate: nobody is chosen for the legal unit
    const search = assign.getByLabel('公平竞争审查人员：按姓名搜索');
    await search.fill('孙');
    await eventually(() => select.locator('option:not([hidden]):not([value=""])').allInnerTexts(), (names) => expect(names).toEqual([expect.stringContaining('孙审查')]));
    await eventually(() => select.locator('option:checked').innerText(), (v) => expect(v).toContain('孙审查')); // the one left is chosen
    await ui.screenshot(legal, 'choose-among-many');
    await search.fill('审查员');
    await eventually(() => select.inputValue(), (v) => expect(v).toBe('')); // 孙审查 filtered away: nobody chosen
    await search.fill('');
    await select.selectOption({ label: await select.locator('option', { hasText: '孙审查' }).innerText() });
    await submitAction(legal, assign, '指定公平竞争审查人员');
    await eventually(() => legal.locator('.turn').innerText(), (v) => expect(v).toContain('孙审查'));
    expect(ui.pageErrors).toEqual([]);
  }, 300_000);
});
