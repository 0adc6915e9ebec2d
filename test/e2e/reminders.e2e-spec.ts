import { execFileSync } from 'node:child_process';
import Queue from 'bull';
import { QUEUES, REMINDER_JOBS } from '@app/queue-contracts';
import { openWorkSql } from '@app/database';
import {
  createOwnDatabase,
  dropOwnDatabase,
  migrateAndSeed,
  useSuiteDatabase,
} from '../support/databases';
import { E2E_INSTALLED_AT, setInstalledAt } from '../support/installation';
import { ScratchRedis, startScratchRedis } from '../support/scratch-redis';
import { SmtpCatcher, startSmtp } from '../support/smtp';
import { createTestApp, importSeedPlan, shareOf, TestApp } from '../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../support/worker';
import { workerScoped } from '../support/workers';

const FAST = {
  REMINDER_TICK_CRON: '* * * * * *',
  QUEUE_STALLED_MS: '2000',
  MAIL_SENDING_TIMEOUT_MS: '3000',
  MAIL_ATTEMPTS: '2',
  MAIL_BACKOFF_MS: '200',
};

describe('reminders: digest, alerts, escalation — once, even when things fail', () => {
  let t: TestApp;
  let planId: string;
  const workers: WorkerProcess[] = [];
  const catchers: SmtpCatcher[] = [];

  const worker = async (smtp: SmtpCatcher, clock: string, env: Record<string, string> = {}) => {
    const w = startWorker({ ...FAST, SMTP_URL: smtp.url, LUOSHI_CLOCK: clock, ...env });
    workers.push(w);
    await w.ready();
    return w;
  };
  const smtp = async (options?: Parameters<typeof startSmtp>[0]) => {
    const s = await startSmtp(options);
    catchers.push(s);
    return s;
  };
  const deliveries = (kind: string, period: string) =>
    t.db.query(
      `SELECT d.id, d.unit_id AS "unitId", u.name AS "unitName", d.status, d.attempts, d.cc,
              d.recipients, d.message_id AS "messageId", d.last_error AS "lastError"
       FROM reminder_deliveries d JOIN units u ON u.id = d.unit_id
       WHERE d.kind = $1 AND d.period = $2 ORDER BY u.name`,
      [kind, period],
    ) as Promise<Array<Record<string, string & string[]>>>;
  /**
   * Waits until a period's deliveries are all final, and returns those that were sendable (a
   * unit without any address is recorded failed at planning and never reaches SMTP).
   */
  const runDone = async (period: string, statuses = ['sent']) => {
    await waitFor(
      `digest ${period} planned`,
      async () =>
        (
          await t.db.query("SELECT 1 FROM reminder_runs WHERE kind = 'digest' AND period = $1", [
            period,
          ])
        ).length > 0,
    );
    // The run's summary to the supervision office (kind escalation) is part of the run too.
    await waitFor(`digest ${period} delivered`, async () =>
      [...(await deliveries('digest', period)), ...(await deliveries('escalation', period))].every(
        (d) => d.recipients.length === 0 || statuses.includes(d.status),
      ),
    );
    return (await deliveries('digest', period)).filter((d) => d.recipients.length > 0);
  };
  const trigger = async (date: string) => {
    const res = await t
      .http()
      .post('/reminders/digest-runs')
      .set(await t.as('leader'))
      .send({ date });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ period: date, queued: true, units: expect.any(Number) });
    expect(res.body.units).toBeGreaterThan(5);
  };
  /** The messages a period's deliveries sent, told apart by the Message-ID each delivery sets. */
  const sentFor = async (s: SmtpCatcher, kind: string, period: string) => {
    const ids = new Set((await deliveries(kind, period)).map((d) => `<${d.id}@luoshi.reminders>`));
    return s.messages.filter((m) => ids.has(m.messageId ?? ''));
  };
  const ofPeriod = (s: SmtpCatcher, period: string) => sentFor(s, 'digest', period);

  // A Redis of the suite's own: one test shuts it down, which must not touch the suites that
  // other Jest workers run meanwhile on the shared one. The API, the workers this suite starts
  // and its own queue handles all read REDIS_URL.
  // A database of its own too: other suites' workers plan digests on the clocks this one plays.
  let redis: ScratchRedis;
  const sharedRedisUrl = process.env.REDIS_URL;
  let leaveDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    leaveDatabase = await useSuiteDatabase('luoshi_reminders');
    redis = await startScratchRedis();
    process.env.REDIS_URL = redis.url;
    t = await createTestApp('2025-03-10');
    planId = await importSeedPlan(t, '漯开文〔2025〕81号');
  }, 60_000);

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(catchers.splice(0).map((c) => c.close()));
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    await queue.obliterate({ force: true });
    await queue.close();
  });
  afterAll(async () => {
    await t?.close();
    await redis?.destroy();
    process.env.REDIS_URL = sharedRedisUrl;
    await leaveDatabase?.();
  });

  it('keeps one repeatable tick for several workers, and replaces it when the cron changes', async () => {
    const mail = await smtp();
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    const ticks = async () =>
      (await queue.getRepeatableJobs()).filter((j) => j.name === REMINDER_JOBS.tick);
    try {
      const clock = '2025-03-09T08:00:00+08:00';
      const cron = { REMINDER_TICK_CRON: '*/5 * * * *' };
      const pair = await Promise.all([worker(mail, clock, cron), worker(mail, clock, cron)]);
      expect((await ticks()).map((j) => j.cron)).toEqual(['*/5 * * * *']);
      await Promise.all(pair.map((w) => w.stop()));
      await worker(mail, clock, { REMINDER_TICK_CRON: '*/10 * * * *' });
      expect((await ticks()).map((j) => j.cron)).toEqual(['*/10 * * * *']);
    } finally {
      await queue.close();
    }
  }, 120_000);

  it('sends one digest per unit that owes work, none to the others, with items and days overdue', async () => {
    const admin = await t.as('admin');
    // A unit that owes work but has no address at all: its digest must be recorded as failed.
    const mute = await t
      .http()
      .post('/units')
      .set(admin)
      .send({ name: '区无邮箱测试局', kind: 'department', emails: [] });
    expect(mute.status).toBe(201);
    const assigned = await t
      .http()
      .post('/assignments')
      .set(await t.as('leader'))
      .send({
        itemId: (await shareOf(t, planId, 23, '区人劳局')).itemId,
        unitId: mute.body.id,
        role: 'co',
      });
    expect(assigned.status).toBe(201);
    // The copy on escalation: the supervision office's users too, no inactive office.
    const [{ id: office }] = await t.db.query(
      "SELECT id FROM units WHERE kind = 'supervision_office' AND active ORDER BY name LIMIT 1",
    );
    const clerk = await t.http().post('/users').set(admin).send({
      username: 'dcs-clerk',
      displayName: '督查室干事',
      password: 'Supervise-Copy-7',
      role: 'supervisor',
      unitId: office,
      email: 'dcs-clerk@luoshi.example',
    });
    expect(clerk.status).toBe(201);
    const retired = await t
      .http()
      .post('/units')
      .set(admin)
      .send({
        name: '原督查室（已撤销）',
        kind: 'supervision_office',
        emails: ['old-dcs@luoshi.example'],
        active: false,
      });
    expect(retired.status).toBe(201);

    const mail = await smtp();
    await worker(mail, '2025-03-10T08:00:00+08:00');
    await trigger('2025-03-10');
    const sent = await runDone('2025-03-10');

    const owing: Array<{ unit_id: string }> = await t.db.query(
      `SELECT DISTINCT a.unit_id FROM assignments a JOIN plans p ON p.id = a.plan_id
       WHERE ${openWorkSql()}
       UNION SELECT unit_id FROM supervision_notices WHERE status IN ('issued', 'returned')`,
    );
    const all = await deliveries('digest', '2025-03-10');
    expect(all.map((d) => d.unitId).sort()).toEqual(owing.map((o) => o.unit_id).sort());
    const unaddressed = all.filter((d) => d.recipients.length === 0);
    expect(unaddressed.map((d) => d.unitName)).toContain('区无邮箱测试局');
    for (const d of unaddressed) {
      expect(d).toMatchObject({
        status: 'failed',
        lastError: expect.stringContaining('没有任何邮箱'),
      });
    }
    expect(sent.map((d) => d.unitName)).not.toContain('区法治政府建设领导小组办公室');
    const messages = await ofPeriod(mail, '2025-03-10');
    expect(messages).toHaveLength(sent.length);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(sent.length);

    const share = await shareOf(t, planId, 23, '区人劳局');
    const toRenlao = messages.filter((m) => mail.to(m).includes('renlaoju@luoshi.example'));
    expect(toRenlao).toHaveLength(1);
    const [renlao] = toRenlao;
    expect(renlao.subject).toMatch(/^【落实督办】区人劳局：\d+ 项任务已逾期/);
    expect(renlao.text).toContain(
      '(二十三)发挥行政复议化解行政争议主渠道作用（牵头），完成时限 2022-12-31，已逾期 800 天',
    );
    // Each item once, with all that is owed on it (issue 15.6): every item link appears once.
    const links = renlao.text!.match(/\/items\/[0-9a-f-]{36}/g) ?? [];
    expect(links.length).toBeGreaterThan(1);
    expect(new Set(links).size).toBe(links.length);
    expect(renlao.text).toMatch(/已逾期 800 天；\d{4}年\d{1,2}月进展尚未报送/);
    expect(renlao.html).toContain(`/items/${share.itemId}`);
    const [renlaoRow] = all.filter((d) => d.unitName === '区人劳局');
    const [{ itemCount }] = await t.db.query(
      'SELECT item_count AS "itemCount" FROM reminder_deliveries WHERE id = $1',
      [renlaoRow.id],
    );
    expect(itemCount).toBe(links.length);

    // Overdue for more than 7 days: no unit's digest copies the supervision office; it gets one
    // summary for the run (issue 15.5), once through the delivery table, to its active users.
    const cc = [renlao.cc ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
    expect(cc).toEqual([]);
    expect(all.every((d) => d.cc.length === 0)).toBe(true);
    const summaries = await deliveries('escalation', '2025-03-10');
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({ unitId: office, status: 'sent', cc: [] });
    const [summary] = await sentFor(mail, 'escalation', '2025-03-10');
    const summaryTo = mail.to(summary);
    expect(summaryTo).toEqual(
      expect.arrayContaining(['supervisor@luoshi.example', 'dcs-clerk@luoshi.example']),
    );
    expect(summaryTo).not.toContain('old-dcs@luoshi.example');
    const copiedTo = messages.flatMap((m) =>
      [m.cc ?? []].flat().flatMap((a) => a.value.map((v) => v.address)),
    );
    expect(copiedTo).toEqual([]);
    expect(summary.subject).toMatch(
      /^【落实督办】督查室汇总：\d+ 个单位有任务逾期超过 7 天（2025-03-10）$/,
    );
    expect(summary.text).toMatch(/【区人劳局（逾期 \d+ 项）】/);
    expect(summary.text).toContain(
      '(二十三)发挥行政复议化解行政争议主渠道作用（牵头），完成时限 2022-12-31，已逾期 800 天',
    );
    expect(summary.text).not.toContain('区无邮箱测试局（逾期 0 项）');

    // The preview and the email sent follow one recipients rule.
    const row = all.find((d) => d.unitName === '区人劳局')!;
    const preview = await t
      .http()
      .get(`/reminders/digest-preview?date=2025-03-10&unitId=${row.unitId}`)
      .set(await t.as('leader'));
    expect(preview.status).toBe(200);
    expect({ recipients: preview.body.recipients, cc: preview.body.cc }).toEqual({
      recipients: row.recipients,
      cc: row.cc,
    });
    expect(preview.body.subject).toBe(renlao.subject);
  }, 120_000);

  it('runs a digest by hand only for the week’s slot, and says when a run sends nothing', async () => {
    const leader = await t.as('leader');
    const run = (date: string) =>
      t.http().post('/reminders/digest-runs').set(leader).send({ date });
    // A Tuesday would have been a second digest that week: refused, naming the week's slot.
    const tuesday = await run('2025-03-11');
    expect(tuesday.status).toBe(400);
    expect(tuesday.body.message).toContain('2025-03-11 不是每周催办日');
    expect(tuesday.body.message).toContain('2025-03-10（周一）');
    // The slot of 2025-03-10 was run by the test before: nothing is sent again, and it says so.
    const again = await run('2025-03-10');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ period: '2025-03-10', queued: false, units: 0 });
    expect(again.body.message).toContain('已生成过');
    expect(await t.db.query("SELECT 1 FROM reminder_runs WHERE period = '2025-03-11'")).toEqual([]);
  });

  it('says a digest that would mail nobody sends nothing, and records no run', async () => {
    // The demo data alone, in a database of its own: other suites' plans (some with no start
    // date, which owe reports from any week) cannot make the week busy.
    const db = workerScoped('luoshi_quiet_digest');
    const url = await createOwnDatabase(db);
    let quiet: TestApp | undefined;
    try {
      await migrateAndSeed(url);
      quiet = await createTestApp('2025-03-10', { databaseUrl: url });
      // A week before any plan of the demo: nobody owes anything, nothing is queued.
      const res = await quiet
        .http()
        .post('/reminders/digest-runs')
        .set(await quiet.as('leader'))
        .send({ date: '2005-03-07' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ period: '2005-03-07', queued: false, units: 0 });
      expect(res.body.message).toContain('没有单位有待办事项');
      expect(await quiet.db.query('SELECT 1 FROM reminder_runs')).toEqual([]);
    } finally {
      await quiet?.close();
      await dropOwnDatabase(db);
    }
  }, 120_000);

  it('lets two workers run the same digest and still sends each unit one email', async () => {
    const mail = await smtp();
    await Promise.all([
      worker(mail, '2025-03-10T08:00:00+08:00'),
      worker(mail, '2025-03-10T08:00:00+08:00'),
    ]);
    // Two people asking at once: both may be queued (the run's key lets one through), or the
    // later one is told the week's digest is already made.
    const leader = await t.as('leader');
    const both = await Promise.all(
      [1, 2].map(() =>
        t.http().post('/reminders/digest-runs').set(leader).send({ date: '2025-03-17' }),
      ),
    );
    expect(both.map((r) => r.status)).toContain(202);
    for (const r of both) expect([200, 202]).toContain(r.status);
    const sent = await runDone('2025-03-17');
    const messages = await ofPeriod(mail, '2025-03-17');
    expect(sent.length).toBeGreaterThan(5);
    expect(messages).toHaveLength(sent.length);
    const perUnit = new Map<string, number>();
    for (const m of messages)
      for (const to of mail.to(m)) perUnit.set(to, (perUnit.get(to) ?? 0) + 1);
    expect([...perUnit.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);

  it('finishes a run after the worker is killed in the middle, sending none twice', async () => {
    const mail = await smtp({ delayMs: 150 });
    const first = await worker(mail, '2025-03-10T08:00:00+08:00');
    await trigger('2025-03-24');
    await waitFor('a few messages', async () => (await ofPeriod(mail, '2025-03-24')).length >= 3);
    await first.kill();
    const before = (await ofPeriod(mail, '2025-03-24')).length;
    const atKill = await deliveries('digest', '2025-03-24');
    expect(atKill.filter((d) => d.status !== 'sent').length).toBeGreaterThan(0);
    // SMTP itself cannot promise more: a message whose last byte reached the server just before
    // the kill, but whose 'sent' was never recorded, goes out again (with the same Message-ID, so
    // mail clients show it once). Only a delivery that was in flight at the kill may repeat.
    const inFlight = new Set(
      atKill.filter((d) => d.status === 'sending').map((d) => `<${d.id}@luoshi.reminders>`),
    );
    await worker(mail, '2025-03-10T08:00:00+08:00');
    const sent = await runDone('2025-03-24');
    const messages = await ofPeriod(mail, '2025-03-24');
    expect(messages.length).toBeGreaterThan(before);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(sent.length);
    const seen = new Set<string>();
    const repeated = messages
      .map((m) => m.messageId!)
      .filter((id) => seen.has(id) || !seen.add(id));
    expect(repeated.filter((id) => !inFlight.has(id))).toEqual([]);
  }, 120_000);

  it('survives Redis going down during a run: every unit gets its email once', async () => {
    const mail = await smtp({ delayMs: 150 });
    await worker(mail, '2025-03-10T08:00:00+08:00');
    await trigger('2025-03-31');
    await waitFor('a few messages', async () => (await ofPeriod(mail, '2025-03-31')).length >= 3);
    const port = new URL(process.env.REDIS_URL!).port;
    execFileSync('redis-cli', ['-p', port, 'shutdown'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    // Meanwhile a run asked for by hand is refused plainly, not left hanging.
    const refused = await t
      .http()
      .post('/reminders/digest-runs')
      .set(await t.as('leader'))
      .send({ date: '2025-05-05' });
    expect(refused.status).toBe(503);
    expect(refused.body.message).toContain('消息队列暂时不可用');
    await redis.start();
    const sent = await runDone('2025-03-31');
    const messages = await ofPeriod(mail, '2025-03-31');
    expect(messages).toHaveLength(sent.length);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(sent.length);
  }, 120_000);

  it('retries when SMTP refuses, then records the failure where the office can see it', async () => {
    const mail = await smtp({ refuse: true });
    await worker(mail, '2025-03-10T08:00:00+08:00');
    await trigger('2025-04-07');
    const failed = await runDone('2025-04-07', ['failed']);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((d) => Number(d.attempts) === 2)).toBe(true);
    const res = await t
      .http()
      .get('/reminders/deliveries?period=2025-04-07&kind=digest&status=failed&pageSize=500')
      .set(await t.as('supervisor'));
    expect(
      res.body.items.filter((d: { recipients: string[] }) => d.recipients.length),
    ).toHaveLength(failed.length);
    const refused = res.body.items.find((d: { recipients: string[] }) => d.recipients.length);
    expect(refused.lastError).toMatch(/第 2 次发送失败.*550/);
    expect(mail.messages).toHaveLength(0);
  }, 120_000);

  it('sends to the addresses the server takes and records the ones it refused', async () => {
    const mail = await smtp({ refuseRecipients: ['renlaoju@luoshi.example'] });
    // A second address the server takes (digests copy nobody now, issue 15.5): the message goes
    // there, and the refused one is recorded.
    const second = 'renlaoju-office@luoshi.example';
    await t.db.query("UPDATE units SET emails = array_append(emails, $1) WHERE name = '区人劳局'", [
      second,
    ]);
    await worker(mail, '2025-03-10T08:00:00+08:00');
    try {
      await trigger('2025-04-21');
      await runDone('2025-04-21');
    } finally {
      await t.db.query(
        "UPDATE units SET emails = array_remove(emails, $1) WHERE name = '区人劳局'",
        [second],
      );
    }
    const [renlao] = (await deliveries('digest', '2025-04-21')).filter(
      (d) => d.unitName === '区人劳局',
    );
    expect(renlao).toMatchObject({
      status: 'sent',
      lastError: '以下地址拒收：renlaoju@luoshi.example',
    });
    const [message] = (await ofPeriod(mail, '2025-04-21')).filter(
      (m) => m.messageId === `<${renlao.id}@luoshi.reminders>`,
    );
    expect(message.subject).toContain('区人劳局');
    expect(mail.to(message)).toContain(second);
    const res = await t
      .http()
      .get('/reminders/deliveries?period=2025-04-21&pageSize=500')
      .set(await t.as('renlaoju'));
    expect(res.body.items).toEqual([
      expect.objectContaining({
        status: 'sent',
        lastError: '以下地址拒收：renlaoju@luoshi.example',
        periodDate: '2025-04-21',
      }),
    ]);
  }, 120_000);

  it('queues lost mail again but not mail still waiting in a job, and sends jobs of the version before batches', async () => {
    const mail = await smtp();
    const [unit] = await t.db.query("SELECT id FROM units WHERE name = '区人劳局'");
    // Three rows planned a minute ago, as a chase writes them: one whose job waits (delayed) in
    // the queue, one whose job was lost, and one queued as a single send-delivery job.
    const row = async (period: string): Promise<string> =>
      (
        await t.db.query(
          `INSERT INTO reminder_deliveries
             (unit_id, kind, period, recipients, subject, text_body, html_body, item_count, updated_at)
           VALUES ($1, 'chase', $2, ARRAY['renlaoju@luoshi.example'], '催办：' || $2, '正文',
                   '<p>正文</p>', 1, now() - interval '1 minute')
           RETURNING id`,
          [unit.id, period],
        )
      )[0].id;
    const [waiting, lost, legacy] = [
      await row('batch-waiting'),
      await row('batch-lost'),
      await row('batch-legacy'),
    ];
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    try {
      await queue.add(REMINDER_JOBS.send, { deliveryIds: [waiting] }, { delay: 600_000 });
      const legacyJob = await queue.add(
        REMINDER_JOBS.sendOne,
        { deliveryId: legacy },
        { attempts: 2 },
      );
      await worker(mail, '2025-03-10T08:00:00+08:00');
      const status = async (id: string) =>
        (await t.db.query('SELECT status FROM reminder_deliveries WHERE id = $1', [id]))[0].status;
      await waitFor('the lost and the legacy rows sent', async () =>
        (await Promise.all([status(lost), status(legacy)])).every((s) => s === 'sent'),
      );
      // Ticks ran (the lost row went out through one); the waiting row is still in its one job.
      expect(await status(waiting)).toBe('pending');
      const holding = (await queue.getJobs(['waiting', 'delayed', 'active'])).filter((j) =>
        (j?.data.deliveryIds ?? []).includes(waiting),
      );
      expect(holding).toHaveLength(1);
      const ids = (s: string) =>
        mail.messages.filter((m) => m.messageId === `<${s}@luoshi.reminders>`);
      expect(ids(lost)).toHaveLength(1);
      expect(ids(legacy)).toHaveLength(1);
      expect(ids(waiting)).toHaveLength(0);
      // Sent by its own job, not by a tick that took it for lost after the job had failed.
      expect(await legacyJob.getState()).toBe('completed');
    } finally {
      await queue.close();
      await t.db.query("DELETE FROM reminder_deliveries WHERE period LIKE 'batch-%'");
    }
  }, 120_000);

  it('retries only the message of a batch the server refused, and counts that row’s own tries', async () => {
    const mail = await smtp({ refuseRecipients: ['refused@luoshi.example'] });
    const units: Array<{ id: string }> = await t.db.query(
      "SELECT id FROM units WHERE name IN ('区人劳局', '区经发局', '区财政局') ORDER BY name",
    );
    expect(units).toHaveLength(3);
    const addresses = ['a@luoshi.example', 'refused@luoshi.example', 'c@luoshi.example'];
    const ids: string[] = [];
    for (const [i, unit] of units.entries()) {
      const [{ id }] = await t.db.query(
        `INSERT INTO reminder_deliveries
           (unit_id, kind, period, recipients, subject, text_body, html_body, item_count)
         VALUES ($1, 'chase', 'batch-partial', ARRAY[$2], '催办', '正文', '<p>正文</p>', 1)
         RETURNING id`,
        [unit.id, addresses[i]],
      );
      ids.push(id);
    }
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    try {
      await queue.add(
        REMINDER_JOBS.send,
        { deliveryIds: ids },
        { attempts: 2, backoff: { type: 'fixed', delay: 200 } },
      );
      await worker(mail, '2025-03-10T08:00:00+08:00');
      const rows = async () =>
        (await t.db.query(
          `SELECT id, status, attempts, last_error AS "lastError" FROM reminder_deliveries
           WHERE period = 'batch-partial'`,
        )) as Array<{ id: string; status: string; attempts: number; lastError: string | null }>;
      await waitFor('the batch final', async () =>
        (await rows()).every((r) => r.status === 'sent' || r.status === 'failed'),
      );
      const byId = new Map((await rows()).map((r) => [r.id, r]));
      expect(byId.get(ids[0])).toMatchObject({ status: 'sent', attempts: 1 });
      expect(byId.get(ids[2])).toMatchObject({ status: 'sent', attempts: 1 });
      expect(byId.get(ids[1])).toMatchObject({ status: 'failed', attempts: 2 });
      expect(byId.get(ids[1])!.lastError).toMatch(/^第 2 次发送失败/);
      const sent = (id: string) =>
        mail.messages.filter((m) => m.messageId === `<${id}@luoshi.reminders>`);
      expect(sent(ids[0])).toHaveLength(1);
      expect(sent(ids[2])).toHaveLength(1);
      expect(sent(ids[1])).toHaveLength(0);
    } finally {
      await queue.close();
      await t.db.query("DELETE FROM reminder_deliveries WHERE period = 'batch-partial'");
    }
  }, 120_000);

  it('moves a holiday Monday’s digest to the next working day', async () => {
    const mail = await smtp();
    const planned = async (period: string) =>
      (
        await t.db.query("SELECT 1 FROM reminder_runs WHERE kind = 'digest' AND period = $1", [
          period,
        ])
      ).length > 0;
    const during = await worker(mail, '2025-10-06T10:00:00+08:00');
    await waitFor('the 2025-09-29 digest', () => planned('2025-09-29'));
    expect(await planned('2025-10-06')).toBe(false);
    await during.stop();
    await worker(mail, '2025-10-09T09:00:30+08:00');
    await waitFor('the 2025-10-06 digest, on 2025-10-09', () => planned('2025-10-06'));
  }, 120_000);

  it('catches up at start: a worker started after the slot plans the missed digest at once', async () => {
    // A real miss: installed on 2025-04-07, this file's plan assigned on 2025-04-08, then no
    // worker ran through Monday 2025-04-14 09:00. (The demo plan's shares were made today,
    // after that slot, so the caught-up digest leaves them out.)
    await setInstalledAt(t.db, '2025-04-07T10:00:00+08:00');
    await t.db.query(
      `UPDATE assignments SET created_at = '2025-04-08T10:00:00+08:00' WHERE plan_id = $1`,
      [planId],
    );
    try {
      const mail = await smtp();
      // A yearly tick: only the tick asked for at start can plan this Monday's digest.
      await worker(mail, '2025-04-14T15:00:00+08:00', { REMINDER_TICK_CRON: '0 0 1 1 *' });
      const sent = await runDone('2025-04-14');
      expect(sent.length).toBeGreaterThan(5);
      expect(await ofPeriod(mail, '2025-04-14')).toHaveLength(sent.length);
      const withWork: Array<{ unit_id: string }> = await t.db.query(
        `SELECT DISTINCT unit_id FROM assignments WHERE plan_id = $1 AND status <> 'completed'`,
        [planId],
      );
      const planned = await deliveries('digest', '2025-04-14');
      expect(planned.map((d) => d.unitId).sort()).toEqual(withWork.map((w) => w.unit_id).sort());
    } finally {
      await setInstalledAt(t.db, E2E_INSTALLED_AT);
    }
  }, 120_000);

  it('does not catch up a slot from before the installation, nor alerts of days before it', async () => {
    // Installed at 12:00 on Monday 2025-05-12, three hours after that day's 09:00 slot.
    await setInstalledAt(t.db, '2025-05-12T12:00:00+08:00');
    try {
      const mail = await smtp();
      const w = await worker(mail, '2025-05-12T15:00:00+08:00', {
        REMINDER_TICK_CRON: '0 0 1 1 *',
      });
      await waitFor('the start tick to pass the slot by', async () =>
        w.output().includes('not catching up digest 2025-05-12'),
      );
      expect(w.output()).toContain('alerts 2025-05-10, alerts 2025-05-11, alerts 2025-05-12');
      const runs = await t.db.query(
        `SELECT kind, period FROM reminder_runs WHERE period IN ('2025-05-10', '2025-05-11', '2025-05-12')`,
      );
      expect(runs).toEqual([]);
      expect(mail.messages).toHaveLength(0);
    } finally {
      await setInstalledAt(t.db, E2E_INSTALLED_AT);
    }
  }, 120_000);

  it('alerts 30, 7 and 1 days before a due date and the day after it', async () => {
    const leader = await t.as('leader');
    const plan = (
      await t
        .http()
        .post('/plans')
        .set(leader)
        .send({ title: '预警提醒测试', status: 'active', periodStart: '2025-01-01' })
    ).body.id;
    const section = (
      await t
        .http()
        .post(`/plans/${plan}/sections`)
        .set(leader)
        .send({ number: 1, numberText: '一', title: '章' })
    ).body.id;
    const unitId = (await t.db.query("SELECT id FROM units WHERE name = '区统计局'"))[0].id;
    const due = {
      in30: '2025-07-01',
      in7: '2025-06-08',
      in1: '2025-06-02',
      yesterday: '2025-05-31',
      in4: '2025-06-05',
    };
    let n = 0;
    for (const [title, dueOn] of Object.entries(due)) {
      const item = (
        await t
          .http()
          .post(`/plans/${plan}/items`)
          .set(leader)
          .send({ sectionId: section, number: ++n, numberText: String(n), title, dueOn })
      ).body.id;
      await t
        .http()
        .post('/assignments')
        .set(leader)
        .send({ itemId: item, unitId, role: 'lead' })
        .expect(201);
    }
    const mail = await smtp();
    await worker(mail, '2025-06-01T10:00:00+08:00');
    await waitFor('alerts of 2025-06-01', async () =>
      (await deliveries('alert', '2025-06-01')).some(
        (d) => d.unitName === '区统计局' && d.status === 'sent',
      ),
    );
    const [alert] = (await sentFor(mail, 'alert', '2025-06-01')).filter((m) =>
      mail.to(m).includes('tongji@luoshi.example'),
    );
    expect(alert.subject).toBe('【落实督办】区统计局：1 项任务昨日到期未办结（2025-06-01）');
    for (const title of ['in30', 'in7', 'in1', 'yesterday'])
      expect(alert.text).toContain(`(${Object.keys(due).indexOf(title) + 1})${title}`);
    expect(alert.text).not.toContain('in4');
    expect(alert.text).toContain('还有 30 天到期');
    expect(alert.text).toContain('还有 7 天到期');
    expect(alert.text).toContain('还有 1 天到期');
  }, 120_000);

  it('keeps deliveries and previews in the unit’s scope and checks its input', async () => {
    const clerk = await t.as('jingfaju');
    const mine = await t.http().get('/reminders/deliveries?pageSize=500').set(clerk);
    expect(mine.status).toBe(200);
    expect(new Set(mine.body.items.map((d: { unitName: string }) => d.unitName))).toEqual(
      mine.body.items.length ? new Set(['区经发局']) : new Set(),
    );
    const other = (await t.db.query("SELECT id FROM units WHERE name = '区人劳局'"))[0].id;
    expect(
      (await t.http().get(`/reminders/digest-preview?date=2025-03-10&unitId=${other}`).set(clerk))
        .status,
    ).toBe(404);
    const own = await t.http().get('/reminders/digest-preview?date=2025-03-10').set(clerk);
    expect(own.body).toMatchObject({
      wouldSend: true,
      recipients: expect.arrayContaining(['jingfaju@luoshi.example']),
    });
    expect(own.body.subject).toContain('区经发局');
    expect(
      (await t.http().post('/reminders/digest-runs').set(clerk).send({ date: '2025-03-10' }))
        .status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .post('/reminders/digest-runs')
          .set(await t.as('supervisor'))
          .send({ date: '2025-03-10' })
      ).status,
    ).toBe(403);
    const bad = await t
      .http()
      .post('/reminders/digest-runs')
      .set(await t.as('leader'))
      .send({ date: '2025-13-01' });
    expect(bad.status).toBe(400);
    const sup = await t
      .http()
      .get(`/reminders/digest-preview?date=2025-03-10&unitId=${other}`)
      .set(await t.as('supervisor'));
    expect(sup.status).toBe(200);
  });
});
