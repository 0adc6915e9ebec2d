import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Queue from 'bull';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { QUEUES } from '@app/queue-contracts';
import { SmtpCatcher, startSmtp } from '../support/smtp';
import { createTestApp, TestApp } from '../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../support/worker';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name), 'utf8');
const NOTICE_2026 = fixture('holiday-notice-2026.txt');
const NOTICE_2027 = fixture('holiday-notice-2027-test.txt');
const FAST = { REMINDER_TICK_CRON: '* * * * * *', QUEUE_STALLED_MS: '2000' };

describe('holidays for any year: notices in, one calendar out', () => {
  let t: TestApp;
  const workers: WorkerProcess[] = [];
  let mail: SmtpCatcher;

  const worker = async (clock: string) => {
    const w = startWorker({ ...FAST, SMTP_URL: mail.url, LUOSHI_CLOCK: clock });
    workers.push(w);
    await w.ready();
    return w;
  };
  const planned = async (period: string) =>
    (
      await t.db.query("SELECT 1 FROM reminder_runs WHERE kind = 'digest' AND period = $1", [
        period,
      ])
    ).length > 0;
  const forgetDigest = async (period: string) => {
    // A digest run writes the supervision office's summary (kind escalation) too.
    await t.db.query(
      "DELETE FROM reminder_deliveries WHERE kind IN ('digest', 'escalation') AND period = $1",
      [period],
    );
    await t.db.query("DELETE FROM reminder_runs WHERE kind = 'digest' AND period = $1", [period]);
  };

  beforeAll(async () => {
    t = await createTestApp('2026-11-15');
    // This file owns 2027: start from the package alone, whatever an earlier run left.
    await t.db.query('DELETE FROM holiday_calendars WHERE year = 2027');
    mail = await startSmtp();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    await queue.obliterate({ force: true });
    await queue.close();
    await mail.close();
    await t.close();
  });

  it('reads the real 2026 notice through the API into exactly the package’s 2026, day for day', async () => {
    const res = await t
      .http()
      .post('/calendar/holiday-notices/preview')
      .set(await t.as('leader'))
      .send({ text: NOTICE_2026 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      year: 2026,
      title: '国务院办公厅关于2026年部分节假日安排的通知',
      warnings: [],
      comparedWith: 'package',
      differences: [],
    });
    // Day for day against the data file chinese-days ships, every day of 2026.
    const holidays = new Set(res.body.holidays.map((d: { date: string }) => d.date));
    const workdays = new Set(res.body.workdays.map((d: { date: string }) => d.date));
    const kind = (date: string, h: { has(d: string): boolean }, w: { has(d: string): boolean }) =>
      h.has(date) ? 'holiday' : w.has(date) ? 'workday' : 'normal';
    const pkgHolidays = new Set(Object.keys(chineseDays.holidays));
    const pkgWorkdays = new Set(Object.keys(chineseDays.workdays));
    const mismatches: string[] = [];
    const counts = { holiday: 0, workday: 0, normal: 0 };
    for (let ms = Date.UTC(2026, 0, 1); ms <= Date.UTC(2026, 11, 31); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const ours = kind(date, holidays, workdays);
      counts[ours] += 1;
      if (ours !== kind(date, pkgHolidays, pkgWorkdays)) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
    expect(counts).toEqual({ holiday: 33, workday: 6, normal: 326 });
    // The preview stored nothing.
    const year = await t
      .http()
      .get('/calendar/years/2026')
      .set(await t.as('leader'));
    expect(year.body.source).toBe('package');
  });

  it('refuses what is not a notice, in Chinese, and stores nothing', async () => {
    const leader = await t.as('leader');
    const before = await t.db.query('SELECT count(*)::int AS n FROM holiday_calendars');
    const empty = await t
      .http()
      .post('/calendar/holiday-notices/preview')
      .set(leader)
      .send({ text: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toEqual(['text：不能为空']);
    const prose = await t
      .http()
      .post('/calendar/holiday-notices/preview')
      .set(leader)
      .send({ text: '关于做好年终考核工作的通知' });
    expect(prose.status).toBe(422);
    expect(prose.body.message).toContain('未找到通知的年份');
    const unknown = await t
      .http()
      .post('/calendar/holiday-notices/preview')
      .set(leader)
      .send({ text: NOTICE_2027, year: 2027 });
    expect(unknown.status).toBe(400);
    const wrongYear = await t
      .http()
      .put('/calendar/years/2028')
      .set(leader)
      .send({ text: NOTICE_2027 });
    expect(wrongYear.status).toBe(422);
    expect(wrongYear.body.message).toBe('通知是2027年的安排，与要保存的2028年不符');
    const badYear = await t
      .http()
      .put('/calendar/years/27')
      .set(leader)
      .send({ text: NOTICE_2027 });
    expect(badYear.status).toBe(400);
    const doubtful = await t
      .http()
      .put('/calendar/years/2027')
      .set(leader)
      .send({ text: NOTICE_2027.replace('1月1日（周五）', '1月1日（周四）') });
    expect(doubtful.status).toBe(422);
    expect(doubtful.body.message[1]).toBe('第 5 行：2027-01-01 是周五，通知写的是周四，请核对');
    const missing = await t.http().get('/calendar/years/2031').set(leader);
    expect(missing.status).toBe(404);
    expect(missing.body.message).toContain('没有2031年的节假日安排');
    expect(await t.db.query('SELECT count(*)::int AS n FROM holiday_calendars')).toEqual(before);
  });

  it('says from 1 November that next year is missing: health degraded but up, the years list, the office’s digest', async () => {
    const health = await t.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.details.postgres.status).toBe('up');
    expect(health.body.details.calendar).toMatchObject({
      status: 'up',
      state: 'degraded',
      missingYear: 2027,
      message: expect.stringContaining('尚未录入2027年节假日安排'),
    });
    const years = await t
      .http()
      .get('/calendar/years')
      .set(await t.as('jingfaju'));
    expect(years.body.warning).toMatchObject({ year: 2027, kind: 'next_year_missing' });
    expect(years.body.package).toEqual({ firstYear: 2004, lastYear: 2026 });
    // The leadership office's digest carries the line, although the office owes no work.
    const office = (
      await t.db.query("SELECT id FROM units WHERE name = '区法治政府建设领导小组办公室'")
    )[0].id;
    const preview = await t
      .http()
      .get(`/reminders/digest-preview?date=2026-11-16&unitId=${office}`)
      .set(await t.as('leader'));
    expect(preview.body.wouldSend).toBe(true);
    expect(preview.body.text).toContain('【系统提示】');
    expect(preview.body.text).toContain('尚未录入2027年节假日安排');
    // Other units' digests do not.
    const unit = await t
      .http()
      .get('/reminders/digest-preview?date=2026-11-16')
      .set(await t.as('jingfaju'));
    expect(unit.body.text).not.toContain('系统提示');
    t.clock.set('2026-10-31');
    expect((await t.http().get('/health')).body.details.calendar).toEqual({
      status: 'up',
      state: 'ok',
    });
    t.clock.set('2026-11-15');
  });

  it('stores a confirmed 2027, audited; a stored year then moves a relative deadline', async () => {
    const leader = await t.as('leader');
    const deadline = () =>
      t.http().get('/calendar/working-days?from=2027-04-30&days=1').set(leader);
    // Package alone: Labour Day 2027 looks like an ordinary Monday, and the answer says so.
    const guessed = await deadline();
    expect(guessed.body).toMatchObject({ date: '2027-05-03', uncoveredYears: [2027] });
    expect(guessed.body.warning).toContain('2027年没有节假日安排数据');

    const preview = await t
      .http()
      .post('/calendar/holiday-notices/preview')
      .set(leader)
      .send({ text: NOTICE_2027 });
    expect(preview.body).toMatchObject({ year: 2027, comparedWith: null, warnings: [] });
    expect(preview.body.holidays).toHaveLength(29);
    const stored = await t
      .http()
      .put('/calendar/years/2027')
      .set(leader)
      .send({ text: NOTICE_2027 });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ year: 2027, source: 'stored', version: 1 });
    expect(stored.body.workdays[0]).toEqual({ date: '2027-01-31', name: '春节' });

    const [audit] = await t.db.query(
      `SELECT action, actor_user_id AS "actor", after FROM audit_log
       WHERE entity_type = 'HolidayCalendarYear' AND entity_id = $1`,
      [(await t.db.query('SELECT id FROM holiday_calendars WHERE year = 2027'))[0].id],
    );
    expect(audit).toMatchObject({ action: 'create', after: { year: 2027 } });
    expect(audit.actor).toBe(
      (await t.db.query("SELECT id FROM users WHERE username = 'leader'"))[0].id,
    );
    expect(audit.after.sourceText).toBeUndefined();

    // Labour Day 2027 runs 05-01..05: one working day after 04-30 is Thursday 05-06.
    expect((await deadline()).body).toEqual({
      from: '2027-04-30',
      days: 1,
      date: '2027-05-06',
      uncoveredYears: [],
    });
    const years = await t
      .http()
      .get('/calendar/years')
      .set(await t.as('supervisor'));
    expect(years.body.years).toContainEqual({ year: 2027, source: 'stored' });
    expect(years.body.years).toContainEqual({ year: 2026, source: 'package' });
    expect(years.body.warning).toBeUndefined();
    expect((await t.http().get('/health')).body.details.calendar.state).toBe('ok');

    // Replacing needs the version the person saw.
    const stale = await t
      .http()
      .put('/calendar/years/2027')
      .set(leader)
      .send({ text: NOTICE_2027 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('version: 1');
    const again = await t
      .http()
      .put('/calendar/years/2027')
      .set(await t.as('admin'))
      .send({ text: NOTICE_2027, version: 1 });
    expect(again.body).toMatchObject({ version: 2, source: 'stored' });
    const read = await t
      .http()
      .get('/calendar/years/2027')
      .set(await t.as('jingfaju'));
    expect(read.body.sourceText).toBe(NOTICE_2027);
  });

  it('moves the digest of Labour Day 2027 to the next working day, in a running worker too', async () => {
    // A worker running while the API stores the year again picks it up on its next tick.
    const running = await worker('2027-04-26T08:00:00+08:00');
    const [{ version }] = await t.db.query(
      'SELECT version FROM holiday_calendars WHERE year = 2027',
    );
    const saved = await t
      .http()
      .put('/calendar/years/2027')
      .set(await t.as('leader'))
      .send({ text: NOTICE_2027, version });
    expect(saved.status).toBe(200);
    await waitFor('the running worker to reload the calendar', async () =>
      /holiday calendar reloaded: package 2004-2026, stored [\d, ]*2027/.test(running.output()),
    ).catch((error) => {
      throw new Error(`${error.message}\n${running.output()}`);
    });
    await running.stop();

    await forgetDigest('2027-04-26');
    await forgetDigest('2027-05-03');
    // Monday 2027-05-03 10:00 is inside the holiday: the newest slot due is still 04-26's.
    const during = await worker('2027-05-03T10:00:00+08:00');
    await waitFor('the 2027-04-26 digest', () => planned('2027-04-26'));
    expect(await planned('2027-05-03')).toBe(false);
    await during.stop();
    // Thursday 2027-05-06 is the first working day after it: 05-03's digest goes out then.
    await worker('2027-05-06T09:00:30+08:00');
    await waitFor('the 2027-05-03 digest, on 2027-05-06', () => planned('2027-05-03'));
  }, 120_000);
});
