import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  closeLeftOpen,
  launchBrowser,
  newPage,
  openAs,
  opened,
  screenshot,
  signIn,
} from '../support/browser';
import { excelBreakdown } from '../support/table-fixtures';
import { createTestApp, SEED_PLAN, shareOf, TestApp } from '../support/test-app';

/*
 * The console in a real browser (Debian's Chromium through playwright-core), served by the real
 * API from dist/web (run-all.sh builds it first), clicked through as each role would. The steps
 * build on one another, in order: import → report → return → correct → accept → supervise →
 * answer. Screenshots of every main page land in test/screenshots/.
 */
const DOC = '漯开文〔2026〕901号';
/** A title of its own: another suite imports the same workbook under its default title. */
const TABLE_TITLE = '经开区工作台导入任务分解表';

/** The option an antd Select shows as chosen (its content box holds the label and the input). */
const selectedOf = async (combobox: Locator): Promise<string> =>
  (
    await combobox
      .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select-content ")][1]')
      .innerText()
  ).trim();

/**
 * Opens an antd Select's list and returns its options once the list has rendered, opening it
 * again if a busy machine let the first click land while the page was still settling.
 */
async function openOptions(page: Page, combobox: Locator): Promise<Locator> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const options = open.locator('.ant-select-item-option');
  for (let attempt = 1; ; attempt++) {
    if ((await open.count()) === 0) await combobox.click();
    try {
      await options.first().waitFor({ timeout: 3000 });
      return options;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Chooses an option of an antd Select the way a user does, and again if a busy machine let the
 * click land while the list was still opening (then nothing is chosen and the Select is closed).
 * `typed` is what a user types first in a searchable Select: its list is virtual, so an option
 * far down is drawn only once the text narrows the list.
 */
async function choose(page: Page, combobox: Locator, title: string, typed?: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    if ((await open.count()) === 0) await combobox.click();
    if (typed) await combobox.fill(typed);
    await open.locator(`[title="${title}"]`).click();
    for (let wait = 0; wait < 20; wait++) {
      if ((await selectedOf(combobox)) === title) {
        // Closed, not closing: the next click or screenshot meets the page, not the list.
        await open.waitFor({ state: 'detached' });
        return;
      }
      await page.waitForTimeout(100);
    }
    if (attempt === 3) throw new Error(`could not choose ${title}`);
  }
}

/**
 * Presses a button of a confirmation (antd's confirm dialog or popconfirm) once it has finished
 * opening, and again while it stays open, in case a busy machine lost the press anyway. It
 * closes once the handler has run, so a second press never runs it twice; while the handler
 * runs, the button is loading and ignores presses.
 */
async function confirmWith(dialog: Locator, button: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await (await opened(dialog)).getByRole('button', { name: button }).click();
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe('the web console in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let planId: string;
  let share: { id: string; itemId: string };
  const unitOf = async (assignmentId: string): Promise<string> =>
    (await t.db.query('SELECT unit_id FROM assignments WHERE id = $1', [assignmentId]))[0].unit_id;
  const unitIdOf = async (username: string): Promise<string> =>
    (await t.db.query('SELECT unit_id FROM users WHERE username = $1', [username]))[0].unit_id;
  /** Every assignment a page links to. */
  const linkedAssignments = async (page: Page): Promise<string[]> =>
    page.$$eval('a[href^="/assignments/"]', (links) =>
      links.map((a) => (a.getAttribute('href') ?? '').split('/')[2]),
    );

  beforeAll(async () => {
    t = await createTestApp('2025-03-10');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 60_000);
  afterEach(closeLeftOpen);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves the console at / and on a deep link, and the API beside it', async () => {
    const page = await t.http().get('//items/00000000-0000-4000-8000-000000000000');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    const api = await t.http().get('/no-such-endpoint');
    expect(api.status).toBe(404);
    expect(api.body.message).toBeTruthy();
  });

  it('the leadership office imports the seed plan text and commits it', async () => {
    const { context, page } = await newPage(browser, base);
    await page.goto('/import');
    await page.waitForURL('**/login?next=%2Fimport');
    await screenshot(page, '01-login');
    await signIn(page, 'leader');
    expect(new URL(page.url()).pathname).toBe('/import');
    await page.getByLabel('方案全文').fill(SEED_PLAN.replace('漯开文〔202257', DOC));
    await page.getByRole('button', { name: '解析预览' }).click();
    await page.getByText('方案信息').waitFor();
    await page.getByText('10 章，37 条').waitFor();
    await screenshot(page, '05-import-preview');
    await page.getByLabel('立即实施').check();
    await page.getByRole('button', { name: '确认导入' }).click();
    // 353 assignments in one transaction: give the shared test machine time.
    await page.getByText('方案已导入').waitFor({ timeout: 120_000 });
    await page.getByText(/条目：新建 37/).waitFor();
    await page.getByRole('button', { name: '查看方案' }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planId = new URL(page.url()).pathname.split('/')[2];
    const [{ doc_number }] = await t.db.query('SELECT doc_number FROM plans WHERE id = $1', [
      planId,
    ]);
    expect(doc_number).toBe(DOC);
    await page.getByText('区行政服务中心').first().waitFor();
    await screenshot(page, '04-plan');
    share = await shareOf(t, planId, 7, '区行政服务中心');
    await context.close();
  }, 120_000);

  it('a unit starts its work and files a report with a figure and a file', async () => {
    const { context, page } = await newPage(browser, base);
    await openAs(page, 'xingzhengfuwu', '/');
    await page.getByText('本单位的任务').waitFor();
    await screenshot(page, '02-todo-unit');
    await page.goto(`/assignments/${share.id}`);
    await page.getByRole('button', { name: '开始办理' }).click();
    await page.getByText('推进中').first().waitFor();
    await page.getByRole('button', { name: '填报进展' }).click();
    // The period is filled in once the server's today arrives; saving before would be refused.
    await page.locator('input[value="2025年2月"]').waitFor();
    await page.getByLabel('工作开展情况').fill('政务服务事项全部进驻大厅');
    await page.getByRole('button', { name: '添加一项数据' }).click();
    await page.getByLabel('第1项数据的名称').fill('进驻事项');
    await page.getByLabel('第1项数据的数值').fill('312');
    await page.getByLabel('第1项数据的单位').fill('项');
    await page.getByLabel('完成百分比').fill('60');
    await screenshot(page, '07-report-form');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}\/edit$/);
    await page.locator('input[type=file]').setInputFiles({
      name: '进驻清单.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('进驻事项清单：312项\n'),
    });
    // The file in the report's list (the upload's toast names it too).
    await page.locator('.ant-list-item', { hasText: '进驻清单.txt' }).waitFor();
    await page.getByRole('button', { name: '提交报送' }).click();
    await page.waitForURL(`**/assignments/${share.id}`);
    await page.getByText('已报送待审核').waitFor();
    const [report] = await t.db.query(
      'SELECT status, figures, period_start FROM progress_reports WHERE assignment_id = $1',
      [share.id],
    );
    expect(report).toMatchObject({
      status: 'submitted',
      period_start: '2025-02-01',
      figures: [{ name: '进驻事项', value: 312, unit: '项' }],
    });
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int FROM evidence_files f JOIN progress_reports r ON r.id = f.report_id
       WHERE r.assignment_id = $1`,
      [share.id],
    );
    expect(count).toBe(1);
    await screenshot(page, '06-assignment');
    await context.close();
  }, 120_000);

  it('the leader returns it, the unit corrects and resubmits, the leader accepts and the light turns green', async () => {
    const leader = await newPage(browser, base);
    await openAs(leader.page, 'leader', '/');
    await leader.page.getByText('待审核').first().waitFor();
    await screenshot(leader.page, '03-todo-leader');
    await leader.page.goto(`/assignments/${share.id}`);
    await leader.page.getByLabel('审核意见').fill('请补充数据来源');
    await leader.page.getByRole('button', { name: '退回', exact: true }).click();
    await leader.page.getByText('请补充数据来源').last().waitFor();

    const [{ id: reportId }] = await t.db.query(
      'SELECT id FROM progress_reports WHERE assignment_id = $1',
      [share.id],
    );
    const unit = await newPage(browser, base);
    await openAs(unit.page, 'xingzhengfuwu', '/');
    await unit.page.locator(`a[href="/reports/${reportId}/edit"]`).click();
    await unit.page.getByText('退回意见：请补充数据来源').waitFor();
    await unit.page
      .getByLabel('工作开展情况')
      .fill('政务服务事项全部进驻大厅（数据来源：大厅进驻台账）');
    await unit.page.getByRole('button', { name: '提交报送' }).click();
    await unit.page.waitForURL(`**/assignments/${share.id}`);
    await unit.page.getByText('已报送待审核').waitFor();

    await leader.page.reload();
    // The button bears the same words as the status it leads to: wait for the API's answer.
    const accepted = leader.page.waitForResponse(
      (r) => r.url().endsWith(`/api/reports/${reportId}/accept`) && r.request().method() === 'POST',
    );
    await leader.page.getByRole('button', { name: '审核通过', exact: true }).click();
    expect((await accepted).status()).toBe(200);
    const [{ status }] = await t.db.query('SELECT status FROM progress_reports WHERE id = $1', [
      reportId,
    ]);
    expect(status).toBe('accepted');

    // The unit says the work is done; the leader accepts it: overdue (red) becomes completed.
    await unit.page.reload();
    await unit.page.getByRole('button', { name: '报告已完成' }).click();
    await unit.page.getByText('已报完成').first().waitFor();
    await leader.page.reload();
    await leader.page.getByText('红灯').first().waitFor();
    await leader.page.getByRole('button', { name: '审核通过（办结）' }).click();
    await leader.page.getByText('绿灯').first().waitFor();
    await leader.page.getByText('逾期办结').waitFor();
    expect(await leader.page.getByText('红灯').count()).toBe(0);
    await leader.context.close();
    await unit.context.close();
  }, 180_000);

  it('the supervisor filters overdue work as of a date, downloads the xlsx and issues a notice', async () => {
    const { context, page } = await newPage(browser, base);
    await openAs(page, 'supervisor', '/');
    await page.getByText('各单位逾期数').waitFor();
    await screenshot(page, '08-todo-supervisor');
    expect(await page.getByRole('link', { name: '督查督办' }).count()).toBe(1);
    // From the plan page's overdue list (several plans share the seed's title), then by clicking.
    await page.goto(`/supervision?tab=overdue&planId=${planId}`);
    await choose(
      page,
      page.getByLabel('单位', { exact: true }),
      '区行政服务中心',
      '区行政服务中心',
    );
    await page.waitForURL(/unitId=/);
    const asOf = page.getByLabel('截至日期', { exact: true });
    await asOf.click();
    await asOf.fill('2024-06-30');
    await asOf.press('Enter');
    await page.waitForURL(/asOf=2024-06-30/);
    await page.getByText('截至 2024-06-30').waitFor();
    const unitId = await unitIdOf('xingzhengfuwu');
    // The date chosen right after the unit keeps the unit (it once replaced the address with the
    // filters of the last render, before the unit's, and every unit's rows came back).
    expect(new URL(page.url()).searchParams.get('unitId')).toBe(unitId);
    const rows = page.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const shown = await rows.locator('td:nth-child(2)').allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    expect([...new Set(shown)]).toEqual(['区行政服务中心']);
    // The picker stays open after Enter; the picture is of the list, not of a closing calendar.
    await page.getByRole('heading', { name: '督查督办' }).click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({
      state: 'hidden',
    });
    await screenshot(page, '09-supervision-overdue');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^逾期任务清单-2024-06-30\.xlsx$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString()).toBe('PK');

    const row = rows
      .filter({ hasText: '（三十二）' })
      .filter({ hasText: '区行政服务中心' })
      .first();
    await row.locator('input[type=checkbox]').check({ force: true });
    await page.getByRole('button', { name: '发督办单' }).click();
    await page.getByLabel('督办事由').fill('第三十二项逾期未完成，请说明原因和完成时间');
    const replyBy = page.getByLabel('答复期限');
    await replyBy.fill('2025-03-20');
    // Enter takes the date and sends the form, as the 发出 button does.
    await replyBy.press('Enter');
    await page.getByText('督办单已发出').waitFor();
    const [notice] = await t.db.query(
      `SELECT unit_id, reply_by, status FROM supervision_notices WHERE reason LIKE '第三十二项%'`,
    );
    expect(notice).toMatchObject({ unit_id: unitId, reply_by: '2025-03-20', status: 'issued' });

    await page.getByRole('tab', { name: '统计排名' }).click();
    await page.getByText('按期完成率排名').waitFor();
    await screenshot(page, '10-supervision-statistics');
    await context.close();
  }, 180_000);

  it('the unit answers the notice from its to-do page', async () => {
    const [{ id }] = await t.db.query(
      `SELECT id FROM supervision_notices WHERE reason LIKE '第三十二项%'`,
    );
    const { context, page } = await newPage(browser, base);
    await openAs(page, 'xingzhengfuwu', '/');
    await page.getByText('督办单待答复').waitFor();
    await page.locator(`a[href="/notices/${id}"]`).first().click();
    await page.getByLabel('答复内容').fill('已制定整改计划，4月底前完成');
    await page.getByRole('button', { name: '提交答复' }).click();
    await page.getByText('已答复待审').waitFor();
    await screenshot(page, '11-notice');
    const [notice] = await t.db.query(
      'SELECT status, answer_text FROM supervision_notices WHERE id = $1',
      [id],
    );
    expect(notice).toEqual({ status: 'answered', answer_text: '已制定整改计划，4月底前完成' });
    await context.close();
  }, 120_000);

  it('a link from a digest email opens the item page after sign-in', async () => {
    const unitId = await unitIdOf('xingzhengfuwu');
    const preview = await t
      .http()
      .get(`/reminders/digest-preview?date=2025-03-10&unitId=${unitId}`)
      .set(await t.as('leader'));
    expect(preview.status).toBe(200);
    const link = /href="[^"]*?(\/items\/[0-9a-f-]{36})"/.exec(preview.body.html);
    expect(link).not.toBeNull();
    const path = link![1];
    const { context, page } = await newPage(browser, base);
    await page.goto(path);
    await page.waitForURL(/\/login\?next=/);
    await signIn(page, 'xingzhengfuwu');
    expect(new URL(page.url()).pathname).toBe(path);
    const [item] = await t.db.query('SELECT number_text, title FROM items WHERE id = $1', [
      path.split('/')[2],
    ]);
    await page.getByRole('heading', { name: `（${item.number_text}）${item.title}` }).waitFor();
    await page.getByText('条目内容').waitFor();
    await screenshot(page, '12-item-from-email');
    await context.close();
  }, 120_000);

  it('a unit user never sees another unit’s work on any screen', async () => {
    const mine = await unitIdOf('jingfaju');
    const { context, page } = await newPage(browser, base);
    await openAs(page, 'jingfaju', '/');
    await page.getByText('本单位的任务').waitFor();
    const onTodo = await linkedAssignments(page);
    expect(onTodo.length).toBeGreaterThan(0);
    for (const id of onTodo) expect(await unitOf(id)).toBe(mine);
    expect(await page.getByRole('link', { name: '督查督办' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '导入方案' }).count()).toBe(0);

    await page.goto(`/plans/${planId}`);
    await page.locator('a[href^="/assignments/"]').first().waitFor();
    const onPlan = await linkedAssignments(page);
    expect(onPlan.length).toBeGreaterThan(0);
    for (const id of onPlan) expect(await unitOf(id)).toBe(mine);
    expect(await page.getByText('区行政服务中心').count()).toBe(0);

    await page.goto(`/assignments/${share.id}`);
    await page.getByText('未找到该责任分工').waitFor();
    await page.goto('/supervision');
    await page.getByText('无权执行此操作').first().waitFor();
    await page.goto('/notices');
    await page.getByText('督办单').first().waitFor();
    expect(await page.getByText('第三十二项').count()).toBe(0);

    // The same to-do list on a phone.
    const phone = await newPage(browser, base, { width: 390, height: 844 });
    await openAs(phone.page, 'xingzhengfuwu', '/');
    await phone.page.getByText('本单位的任务').waitFor();
    await screenshot(phone.page, '13-todo-unit-phone');
    await phone.page.goto(`/assignments/${share.id}/reports/new`);
    await phone.page.getByLabel('工作开展情况').waitFor();
    await screenshot(phone.page, '14-report-form-phone');
    await phone.context.close();
    await context.close();
  }, 120_000);

  it('the remaining pages render for the roles that use them', async () => {
    const admin = await newPage(browser, base);
    await openAs(admin.page, 'admin', '/admin/units');
    // Other suites add units before this one runs: any row proves the list renders.
    await admin.page.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(admin.page, '15-admin-units');
    await admin.page.goto('/admin/users');
    await admin.page.getByText('leader', { exact: true }).waitFor();
    await screenshot(admin.page, '16-admin-users');
    await admin.context.close();

    const leader = await newPage(browser, base);
    await openAs(leader.page, 'leader', '/annual-report');
    // This suite's own plan, found by its document number among the plans sharing its title;
    // the year is the server's last year (2024), within the plan's 2022—2025.
    const [own] = await t.db.query('SELECT title FROM plans WHERE doc_number = $1', [DOC]);
    await choose(
      leader.page,
      leader.page.getByLabel('方案', { exact: true }),
      `${own.title}（${DOC}）`,
      DOC,
    );
    expect(await leader.page.getByLabel('年度', { exact: true }).inputValue()).toBe('2024');
    await leader.page.locator('pre').waitFor({ timeout: 60_000 });
    await screenshot(leader.page, '17-annual-report');
    // Dates start from the server's today (2025-03-10, a Monday), not this computer's.
    await leader.page.goto('/assessment');
    await leader.page.locator('input[aria-label="周期内日期"][value="2025-03-10"]').waitFor();
    await leader.page.goto('/reminders');
    await leader.page.locator('input[aria-label="周报日期"][value="2025-03-10"]').waitFor();
    await leader.page.getByRole('tab', { name: '周报邮件预览' }).click();
    await choose(
      leader.page,
      leader.page.getByLabel('单位', { exact: true }),
      '区行政服务中心',
      '区行政服务中心',
    );
    await leader.page.getByText('收件人').waitFor();
    await screenshot(leader.page, '18-digest-preview');
    await leader.context.close();
  }, 120_000);

  it('a temporary password is changed first, then the user goes on; the user menu changes it too', async () => {
    const username = 'console-newcomer';
    const created = await t
      .http()
      .post('/users')
      .set(await t.as('admin'))
      .send({
        username,
        displayName: '新同事',
        password: 'Temp#2025a',
        role: 'unit',
        unitId: await unitIdOf('jingfaju'),
      });
    expect(created.status).toBe(201);
    const mustChange = async () =>
      (
        await t.db.query('SELECT must_change_password AS m FROM users WHERE username = $1', [
          username,
        ])
      )[0].m;
    const signInWith = async (page: Page, password: string) => {
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录', exact: true }).click();
    };
    const change = async (page: Page, from: string, to: string) => {
      await page.getByLabel('当前密码').fill(from);
      await page.getByLabel('新密码', { exact: true }).fill(to);
      await page.getByLabel('确认新密码').fill(to);
      await page.getByRole('button', { name: '确认修改' }).click();
    };

    // A new account's first sign-in, on the way to a page: the password page first, then there.
    const { context, page } = await newPage(browser, base);
    await page.goto('/notices');
    await page.waitForURL('**/login?next=%2Fnotices');
    await signInWith(page, 'Temp#2025a');
    await page.waitForURL('**/password?next=%2Fnotices');
    await page.getByText('您正在使用临时密码').waitFor();
    expect(await page.getByRole('link', { name: '督办单' }).count()).toBe(0);
    // A password the policy refuses: the API's words, nothing changed.
    await change(page, 'Temp#2025a', 'Aa123456');
    await page.getByRole('alert').filter({ hasText: '过于常见' }).waitFor();
    await screenshot(page, '19-password-forced');
    expect(await mustChange()).toBe(true);
    await change(page, 'Temp#2025a', 'Luoshi#2026b');
    await page.waitForURL('**/notices');
    await page.getByRole('heading', { name: '督办单' }).waitFor();
    expect(await mustChange()).toBe(false);

    // By choice, from the user menu, and back to the page the user was on.
    await page.getByRole('button', { name: '用户菜单' }).click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    await page.waitForURL('**/password?next=%2Fnotices');
    expect(await page.getByText('您正在使用临时密码').count()).toBe(0);
    await change(page, 'Luoshi#2026b', 'Luoshi#2026c');
    await page.waitForURL('**/notices');
    const login = await t.http().post('/auth/login').send({ username, password: 'Luoshi#2026c' });
    expect(login.status).toBe(200);

    // An administrator's reset ends the session; the next sign-in goes by the password page.
    // The clerk has closed the tab (an open one would race the test to sign-in with its own
    // refresh) and later opens a bookmark in a new one: same browser, same stored session.
    await page.close();
    const [{ id }] = await t.db.query('SELECT id FROM users WHERE username = $1', [username]);
    const reset = await t
      .http()
      .post(`/users/${id}/password-reset`)
      .set(await t.as('admin'))
      .send({ temporaryPassword: 'Reset#2026d' });
    expect(reset.status).toBe(200);
    // Its first call finds the session ended: the navigation is waited for until under way.
    const tab = await context.newPage();
    await tab.goto('/reminders', { waitUntil: 'commit' });
    await tab.waitForURL(/\/login\?.*reason=expired/);
    await tab.getByText('登录已过期，请重新登录').waitFor();
    expect(new URL(tab.url()).searchParams.get('next')).toBe('/reminders');
    await signInWith(tab, 'Reset#2026d');
    await tab.waitForURL('**/password?next=%2Freminders');
    await change(tab, 'Reset#2026d', 'Luoshi#2026e');
    await tab.waitForURL('**/reminders');
    await tab.getByRole('heading', { name: '催办提醒' }).waitFor();
    expect(await mustChange()).toBe(false);
    await context.close();
  }, 120_000);

  it('imports a table file: reads each column, takes a correction, fills the gaps, commits', async () => {
    const { context, page } = await newPage(browser, base);
    await openAs(page, 'leader', '/import');
    await page.getByRole('tab', { name: '上传文件' }).click();
    // What to do with the files the import cannot read, said before anyone tries one.
    await page
      .getByText('WPS 的 .wps、.et 文件请先另存为 .docx 或 .xlsx', { exact: false })
      .waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: '任务分解表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await excelBreakdown(TABLE_TITLE),
    });
    await page.getByText('表格各列的读取').waitFor();
    const deadline = page.getByLabel('“完成时限”列读作');
    await expect(selectedOf(deadline)).resolves.toBe('完成时限');
    await expect(selectedOf(page.getByLabel('“牵头单位”列读作'))).resolves.toBe('牵头单位');

    // Every kind a column can be read as is listed at once: no virtual list that stops at eight.
    const kinds = await openOptions(page, deadline);
    expect(await kinds.count()).toBe(11);
    await page.waitForTimeout(400); // the list's opening animation, for the picture only
    await screenshot(page, '21-import-column-kinds');

    // The office drops the 完成时限 column (it holds 每年, no date) and reads the file again.
    await choose(page, deadline, '不读取');
    await page.getByRole('button', { name: '按更正重新读取' }).click();
    await page.getByText('已更正 1 列').waitFor({ state: 'detached' });
    await expect(selectedOf(deadline)).resolves.toBe('不读取');
    // Now nothing dates the items: the gaps are fields, the default date required.
    await page.getByText(/文本缺少的内容/).waitFor();
    await page.getByLabel('默认完成时限').waitFor();
    await screenshot(page, '20-import-table-gaps');

    // Checked before it is filled in: the API's words for what is missing, nothing written.
    await page.getByRole('button', { name: '检查能否导入' }).click();
    await page.getByText('还不能导入').waitFor();
    await page.getByRole('status').filter({ hasText: '完成时限' }).waitFor();
    const byTitle = 'SELECT count(*)::int AS n FROM plans WHERE title = $1';
    expect((await t.db.query(byTitle, [TABLE_TITLE]))[0].n).toBe(0);

    const pick = async (label: string | RegExp, date: string) => {
      const input = page.getByLabel(label).first();
      await input.click();
      await input.fill(date);
      await input.press('Enter');
    };
    // The workbook's first row is its title; were it not read, the title would be a field too.
    if (await page.getByLabel('方案标题').count()) {
      await page.getByLabel('方案标题').fill(TABLE_TITLE);
    }
    await pick('默认完成时限', '2025-12-31');
    const firstItem = page.getByLabel(/^条目（.+）的完成时限$/).first();
    const firstLabel = (await firstItem.getAttribute('aria-label'))!;
    await pick(firstLabel, '2025-11-30');
    await page.getByRole('button', { name: '检查能否导入' }).click();
    await page.getByText(/^可以导入/).waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('方案已导入').waitFor({ timeout: 60_000 });

    const [plan] = await t.db.query(
      'SELECT id, default_due_on AS "defaultDueOn" FROM plans WHERE title = $1',
      [TABLE_TITLE],
    );
    expect(plan.defaultDueOn).toBe('2025-12-31');
    const dates = await t.db.query(
      `SELECT i.number_text AS n, array_agg(DISTINCT a.due_on::text) AS due FROM assignments a
       JOIN items i ON i.id = a.item_id WHERE a.plan_id = $1 GROUP BY i.number, i.number_text
       ORDER BY i.number`,
      [plan.id],
    );
    expect(dates.length).toBeGreaterThan(1);
    expect(`条目（${dates[0].n}）的完成时限`).toBe(firstLabel);
    expect(dates[0].due).toEqual(['2025-11-30']);
    for (const row of dates.slice(1)) expect(row.due).toEqual(['2025-12-31']);
    await context.close();
  }, 120_000);

  it('the leader edits and deletes chapters and items (a refused deletion says why) and sends the digest by hand', async () => {
    const leader = await t.as('leader');
    const post = async (path: string, body: object) => {
      const res = await t.http().post(path).set(leader).send(body);
      expect(res.status).toBe(201);
      return res.body;
    };
    const plan = await post('/plans', { title: '工作台编辑测试方案', defaultDueOn: '2025-12-31' });
    const first = await post(`/plans/${plan.id}/sections`, {
      number: 1,
      numberText: '一',
      title: '重点任务',
    });
    const second = await post(`/plans/${plan.id}/sections`, {
      number: 2,
      numberText: '二',
      title: '保障措施',
    });
    const item = (sectionId: string, number: number, numberText: string, title: string) =>
      post(`/plans/${plan.id}/items`, { sectionId, number, numberText, title, body: title });
    const worked = await item(first.id, 1, '一', '甲项任务');
    const spare = await item(first.id, 2, '二', '乙项任务');
    const underSecond = await item(second.id, 3, '三', '丙项任务');
    // Work on item 一: the API refuses to delete it.
    const share = await post('/assignments', {
      itemId: worked.id,
      unitId: await unitIdOf('jingfaju'),
      role: 'lead',
    });
    const moved = await t
      .http()
      .patch(`/assignments/${share.created[0].id}`)
      .set(leader)
      .send({ version: share.created[0].version, progressPercent: 10 });
    expect(moved.status).toBe(200);
    const exists = async (table: 'items' | 'sections', id: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = $1`, [id]))[0].n === 1;

    const { context, page } = await newPage(browser, base);
    await openAs(page, 'leader', `/plans/${plan.id}`);
    await page.getByRole('button', { name: '编辑条目（二）', exact: true }).click();
    const itemDialog = await opened(page.getByRole('dialog', { name: '编辑条目' }));
    await itemDialog.getByLabel('条目标题').fill('乙项任务（修订）');
    await screenshot(page, '21-item-edit');
    await itemDialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('乙项任务（修订）').waitFor();
    expect((await t.db.query('SELECT title FROM items WHERE id = $1', [spare.id]))[0].title).toBe(
      '乙项任务（修订）',
    );
    await page.getByRole('button', { name: '编辑第二章', exact: true }).click();
    const sectionDialog = await opened(page.getByRole('dialog', { name: '编辑章' }));
    await sectionDialog.getByLabel('章标题').fill('组织保障');
    await sectionDialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('二、组织保障').waitFor();

    const remove = async (what: string) => {
      await page.getByRole('button', { name: `删除${what}`, exact: true }).click();
      await confirmWith(page.locator('.ant-modal-confirm'), '删除');
    };
    await remove('条目（一）');
    await page.getByText('该条目已有工作记录，不能删除').waitFor();
    expect(await exists('items', worked.id)).toBe(true);
    await remove('条目（二）');
    await page.getByText('已删除条目（二）').waitFor();
    expect(await exists('items', spare.id)).toBe(false);
    await remove('第二章');
    await page.getByText('已删除第二章').waitFor();
    expect(await exists('sections', second.id)).toBe(false);
    expect(await exists('items', underSecond.id)).toBe(false);

    // 立即发送周报: whatever the API answers is shown.
    await page.getByRole('link', { name: '催办提醒' }).click();
    await page.getByRole('button', { name: '立即发送周报' }).click();
    await confirmWith(page.locator('.ant-popconfirm'), '发送');
    const answer = page.getByRole('status').filter({ hasText: /周报|催办|邮件/ });
    await answer.waitFor();
    await screenshot(page, '22-digest-run');
    await context.close();

    // A unit is not offered it (the API would refuse it).
    const unit = await newPage(browser, base);
    await openAs(unit.page, 'jingfaju', '/reminders');
    await unit.page.getByRole('tab', { name: '发送记录' }).waitFor();
    expect(await unit.page.getByRole('button', { name: '立即发送周报' }).count()).toBe(0);
    await unit.context.close();
  }, 120_000);
  it('shows every time in Asia/Shanghai, even in a browser set to another zone', async () => {
    // Work given on 2025-03-10 and signed for at the first minute of 03-13 in Beijing, which is
    // still 03-12 16:00 in UTC: the day a clerk reads must be the office's day.
    const leader = await t.as('leader');
    const post = async (path: string, body: object, as = leader) => {
      const res = await t.http().post(path).set(as).send(body);
      expect(res.status).toBeLessThan(300);
      return res.body;
    };
    const plan = await post('/plans', { title: '时间显示测试方案', defaultDueOn: '2025-12-31' });
    const section = await post(`/plans/${plan.id}/sections`, {
      number: 1,
      numberText: '一',
      title: '重点任务',
    });
    const item = await post(`/plans/${plan.id}/items`, {
      sectionId: section.id,
      number: 1,
      numberText: '一',
      title: '时间显示任务',
    });
    const {
      created: [share],
    } = await post('/assignments', {
      itemId: item.id,
      unitId: await unitIdOf('jingfaju'),
      role: 'lead',
    });
    t.clock.set('2025-03-13');
    try {
      const signed = await post(`/assignments/${share.id}/acknowledge`, {}, await t.as('jingfaju'));
      expect(signed.acknowledgedAt).toBe('2025-03-12T16:00:00.000Z');
    } finally {
      t.clock.set('2025-03-10');
    }

    const { context, page } = await newPage(browser, base, undefined, 'UTC');
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
    await openAs(page, 'jingfaju', `/assignments/${share.id}`);
    await page.getByText('已签收 2025-03-13 00:00').waitFor();
    // The timeline's lines were written at the real time: each shows its minute in Beijing
    // (UTC+8 all year), never the UTC one.
    await page.getByText('签收任务').waitFor();
    const written: Array<{ at: Date }> = await t.db.query(
      'SELECT at FROM audit_log WHERE assignment_id = $1 ORDER BY id',
      [share.id],
    );
    expect(written.length).toBeGreaterThanOrEqual(2);
    const minute = (d: Date, hours: number) =>
      new Date(d.getTime() + hours * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    const text = await page.locator('main').innerText();
    for (const { at } of written) {
      expect(text).toContain(minute(at, 8));
      expect(text).not.toContain(minute(at, 0));
    }
    expect(text).not.toContain('2025-03-12 16:00');
    await context.close();
  }, 60_000);
});
