import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { api, person, startTestSystem } from '../integration/support/testSystem';
import { createCast, Driver, type Cast } from '../integration/support/drive';
import { BUREAU_ID } from '../../api/people/demoPeople';
import { launchChromium } from './support/chromium';
import { Browsers, eventually, SHOTS_DIR, type Account } from './support/ui';
import type { System } from '../../app/system';

/**
 * The document register, clean-up and decision catalogue in the web app, as the legal unit uses them: two
 * documents are issued through the HTTP API first (issuing in the browser is the journey's part), then the
 * legal unit opens the register, records the 备案, takes a re-evaluation decision (a refusal shown at the form
 * first), runs a clean-up over its drafting unit with a decision per document and publishes the lists, and
 * keeps the year's catalogue of major decisions (entries, publication, an entry added later with its reason).
 */
describe('the register, clean-up and catalogue in the web app', () => {
  let system: System;
  let http: ReturnType<typeof api>;
  let cast: Cast;
  let drive: Driver;
  let closeBrowser: () => Promise<void>;
  let ui: Browsers;
  let legal: Account;
  const unit = `reg-${crypto.randomUUID().slice(0, 8)}`;
  const unitName = `登记测试科${unit.slice(4)}`;

  beforeAll(async () => {
    const file = path.join(process.env.TEST_ROOT!, `procedure-webreg-${crypto.randomUUID()}.json`);
    fs.writeFileSync(file, JSON.stringify({
      kinds: { normative_document: { legalityReviewMinimum: { amount: 1, unit: 'seconds' }, legalityReviewTimeLimit: { amount: 3600, unit: 'seconds' } } },
      // Documents in force at once, valid up to two hours, and under re-evaluation from their issue (a document is
      // continued only in its re-evaluation or a clean-up, and this test continues one at once).
      documents: { effectiveDelay: { amount: 0, unit: 'seconds' }, maxValidity: { amount: 7200, unit: 'seconds' }, maxValidityProvisional: { amount: 3600, unit: 'seconds' }, reevaluationLead: { amount: 7200, unit: 'seconds' } },
    }));
    system = await startTestSystem({ env: { PROCEDURE_CONFIG_PATH: file } });
    http = api(system);
    // A drafting unit of this file's own: the clean-up takes in only its documents (the database is shared).
    await system.db.prisma.section.create({ data: { id: unit, organisationId: BUREAU_ID, name: unitName } });
    cast = await createCast(system);
    cast = { ...cast, drafter: await person(system, ['drafter'], { sectionId: unit }) };
    drive = new Driver(http, cast);
    legal = { ...cast.legal, displayName: cast.legal.username };
    const launched = await launchChromium();
    closeBrowser = launched.close;
    ui = new Browsers(launched.browser, system.apiUrl!, `${SHOTS_DIR}-register`);
  });

  afterAll(async () => {
    await ui?.closeAll();
    await closeBrowser?.();
    await system?.stop();
  });

  /** A normative document signed (numbered), published and in force, valid for an hour. */
  async function issued(): Promise<{ id: string; number: string }> {
    const id = await drive.toSigning();
    const signed = await drive.ok(id, cast.secretary, { type: 'sign_and_number', versionHash: await drive.hash(id), signedBy: '局长', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await drive.ok(id, cast.secretary, { type: 'publish', channel: '区政府网站', reference: `https://example.gov.cn/${id}` });
    await eventually(async () => (await http.get(`/api/v1/register/${id}`, cast.legal)).body.entry.status, (s) => expect(s).toBe('in_force'), 30_000);
    return { id, number: signed.state.postDecision.signing.documentNumber as string };
  }

  const visible = (page: Page) => page.locator('main').innerText();

  test('the legal unit records the 备案 and a re-evaluation decision, runs a clean-up and keeps the catalogue', async () => {
    const [a, b] = await Promise.all([issued(), issued()]);
    const successor = await drive.register('normative_document', []);

    // ---- The register: every issued document with its number, dates and status.
    const page = await ui.as(legal);
    await page.getByRole('link', { name: '文件登记簿' }).click();
    // Filtered by the drafting unit (kept in the URL): this file's two documents.
    await page.getByLabel('承办科室').selectOption(unit);
    await page.getByRole('button', { name: '筛选' }).click();
    // Once seen to time out in a full clean-clone run (passing in three others and alone): say what the page showed.
    await page.getByRole('region', { name: '登记的文件（2 件）' }).waitFor().catch(async (err: Error) => {
      throw new Error(`${err.message}\nat ${page.url()} the page showed:\n${(await visible(page)).slice(0, 3000)}`);
    });
    expect(page.url()).toContain(`draftingUnit=${unit}`);
    const row = page.locator('tr', { has: page.getByRole('link', { name: a.number, exact: true }) });
    await row.waitFor();
    expect(await row.innerText()).toContain('在施行');
    await ui.screenshot(page, 'register-list');
    await row.getByRole('link', { name: a.number, exact: true }).click();
    await page.getByRole('heading', { name: '施行后事件' }).waitFor();
    await eventually(() => visible(page), (t) => { expect(t).toContain(a.number); expect(t).toContain('公布施行'); expect(t).toContain('留痕链校验：完整'); });

    // ---- 备案 recorded from the register (the matter's file_record).
    await page.getByLabel('备案机关').fill('区司法局');
    await page.getByLabel('备案文号').fill('备〔2026〕88号');
    await page.getByRole('button', { name: '登记报送备案' }).click();
    await page.locator('.flash', { hasText: '已完成：报送备案' }).waitFor();
    expect(await page.locator('section', { has: page.getByRole('heading', { name: '备案' }) }).innerText()).toContain('备〔2026〕88号');

    // ---- The re-evaluation decision: amending names a matter that exists — refused at the form, then continued.
    const decide = page.locator('form.document-decision');
    await decide.getByLabel('决定').selectOption('amend');
    await decide.getByLabel('修改所办事项编号').fill('no-such-matter');
    await decide.getByLabel('理由').fill('上位法修改');
    await decide.getByRole('button', { name: '记录评估决定' }).click();
    await eventually(() => decide.locator('.problem').innerText(), (t) => expect(t).toContain('AMENDING_MATTER_UNKNOWN'));
    await decide.getByLabel('决定').selectOption('continue');
    const newExpiry = new Date(Date.now() + 8 * 3_600_000 + 90 * 60_000).toISOString().slice(0, 16); // Beijing wall time, 90 min on
    await decide.getByLabel('新的有效期至').fill(newExpiry);
    await decide.getByLabel('理由').fill('评估后继续实施');
    await decide.getByRole('button', { name: '记录评估决定' }).click();
    await page.locator('.flash', { hasText: '已完成：评估决定' }).waitFor();
    await eventually(() => visible(page), (t) => { expect(t).toContain('决定继续实施'); expect(t).toContain('评估后继续实施'); });
    await ui.screenshot(page, 'register-document', { fullPage: true });
    // The matter and its register entry link to each other.
    await page.getByRole('link', { name: '查看事项' }).click();
    await page.locator('.matter-head h1').waitFor();
    await page.locator('main').getByRole('link', { name: '文件登记簿', exact: true }).click();
    await page.getByRole('heading', { name: '施行后事件' }).waitFor();
    expect(page.url()).toContain(`#/register/${a.id}`);

    // ---- A clean-up over the drafting unit: both documents, a decision each, publication, the lists.
    await page.getByRole('link', { name: '文件清理' }).first().click();
    await page.getByLabel('清理名称').fill(`清理 ${unit}`);
    await page.getByLabel('承办科室').selectOption(unit);
    await page.getByRole('button', { name: '开始清理' }).click();
    await page.getByRole('heading', { name: `清理 ${unit}` }).waitFor();
    await eventually(() => visible(page), (t) => { expect(t).toContain(a.number); expect(t).toContain(b.number); });
    expect(await page.locator('form.document-decision').count()).toBe(2); // both wait for their decision
    await page.getByRole('button', { name: '公布清理结果' }).click();
    await eventually(() => page.locator('.problem').first().innerText(), (t) => expect(t).toContain('CLEANUP_UNDECIDED'));

    const docA = page.locator(`section.cleanup-doc[data-id="${a.id}"]`);
    await docA.getByLabel('决定').selectOption('repeal');
    await docA.getByLabel('理由').fill('已不适应管理需要');
    await docA.getByRole('button', { name: `记录清理决定：${a.number}` }).click();
    await page.locator('.flash', { hasText: '已完成：清理决定' }).waitFor();
    const docB = page.locator(`section.cleanup-doc[data-id="${b.id}"]`);
    await docB.getByLabel('决定').selectOption('amend');
    await docB.getByLabel('修改所办事项编号').fill(successor);
    await docB.getByLabel('理由').fill('需与上位法衔接');
    await docB.getByRole('button', { name: `记录清理决定：${b.number}` }).click();
    await eventually(() => docB.innerText(), (t) => { expect(t).toContain('需与上位法衔接'); expect(t).toContain(successor); });
    expect(await docB.getByRole('link', { name: successor }).getAttribute('href')).toBe(`#/matters/${successor}`);
    await page.getByRole('button', { name: '公布清理结果' }).click();
    await page.locator('.flash', { hasText: '已完成：公布清理结果' }).waitFor();
    const lists = page.locator('section', { has: page.getByRole('heading', { name: '清理结果（已公布）' }) });
    expect(await lists.getByRole('region', { name: '废止的文件目录' }).innerText()).toContain(a.number);
    expect(await lists.getByRole('region', { name: '拟修改的文件目录' }).innerText()).toContain(b.number);
    await ui.screenshot(page, 'cleanup-published', { fullPage: true });
    const [popup] = await Promise.all([page.context().waitForEvent('page'), lists.getByRole('button', { name: '打印版清单（新窗口）' }).click()]);
    await popup.waitForURL(/^blob:/);
    await eventually(() => popup.locator('body').innerText(), (t) => { expect(t).toContain('废止的文件目录'); expect(t).toContain(a.number); });
    await popup.close();
    // The register shows what the clean-up decided.
    expect((await http.get(`/api/v1/register/${a.id}`, cast.auditor)).body.entry.status).toBe('repealed');

    // ---- The year's catalogue of major decisions: an entry, publication, an entry added later with its reason.
    const year = 2090 + Math.floor(Math.random() * 11);
    await page.getByRole('link', { name: '合同与决策目录' }).click();
    const yearInput = page.locator('#catalogue-year');
    await yearInput.fill(String(year));
    await yearInput.blur(); // the year is taken on change (when the field is left), as a person would
    await page.getByText(`添加${year}年度目录事项`).waitFor();
    await page.getByRole('textbox', { name: '决策事项', exact: true }).fill('文化旅游产业发展规划');
    await page.getByLabel('类别（713号令第3条第1款）').selectOption('2');
    await page.getByRole('textbox', { name: '承办单位', exact: true }).fill(unitName);
    await page.getByRole('button', { name: '添加目录事项' }).click();
    await page.getByRole('region', { name: `${year}年度目录` }).getByText('文化旅游产业发展规划').waitFor();
    await page.getByLabel('党委同意文号').fill(`党委〔${year}〕1号`);
    await page.getByRole('button', { name: '公布目录' }).click();
    await page.getByText(`党委〔${year}〕1号`).waitFor();
    await page.getByRole('textbox', { name: '决策事项', exact: true }).fill('景区门票价格调整');
    await page.getByLabel('类别（713号令第3条第1款）').selectOption('5');
    await page.getByRole('textbox', { name: '承办单位', exact: true }).fill(unitName);
    expect(await page.getByLabel('调整理由').getAttribute('required')).not.toBeNull();
    await page.getByLabel('调整理由').fill('年中新增事项');
    await page.getByRole('button', { name: '添加目录事项' }).click();
    await eventually(() => page.getByRole('region', { name: `${year}年度目录` }).innerText(), (t) => { expect(t).toContain('景区门票价格调整'); expect(t).toContain('年中新增事项'); });
    const catalogue = (await http.get(`/api/v1/catalogue/${year}`, cast.auditor)).body;
    expect(catalogue).toMatchObject({ approvalRef: `党委〔${year}〕1号`, entries: [{ seq: 1, category: 2 }, { seq: 2, category: 5, addedLaterReason: '年中新增事项' }] });
    await ui.screenshot(page, 'catalogue', { fullPage: true });
    expect(ui.pageErrors).toEqual([]);
  }, 300_000); // issuing two documents through the whole procedure, then about forty browser steps on a shared machine
});
