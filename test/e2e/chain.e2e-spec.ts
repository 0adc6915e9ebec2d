import Queue from 'bull';
import { QUEUES } from '@app/queue-contracts';
import { SmtpCatcher, startSmtp } from '../support/smtp';
import { useSuiteDatabase } from '../support/databases';
import { createTestApp, importSeedPlan, shareOf, TestApp } from '../support/test-app';
import { startWorker, waitFor, WorkerProcess } from '../support/worker';

const FAST = {
  REMINDER_TICK_CRON: '* * * * * *',
  QUEUE_STALLED_MS: '2000',
  MAIL_SENDING_TIMEOUT_MS: '3000',
  MAIL_ATTEMPTS: '2',
  MAIL_BACKOFF_MS: '200',
};
const TODAY = '2025-03-10';
/** Two working days after Monday 2025-03-10 (ACKNOWLEDGE_WORKING_DAYS' default). */
const ACK_BY = '2025-03-12';

type Delivery = { id: string; unitName: string; status: string; recipients: string[] };

describe('督办 chain: 签收, 延期申请, 催办 and immediate emails', () => {
  let t: TestApp;
  let planId: string;
  const workers: WorkerProcess[] = [];
  const catchers: SmtpCatcher[] = [];

  const worker = async (smtp: SmtpCatcher) => {
    const w = startWorker({ ...FAST, SMTP_URL: smtp.url, LUOSHI_CLOCK: `${TODAY}T10:00:00+08:00` });
    workers.push(w);
    await w.ready();
    return w;
  };
  const smtp = async (options?: Parameters<typeof startSmtp>[0]) => {
    const s = await startSmtp(options);
    catchers.push(s);
    return s;
  };
  const deliveries = (kind: string, period: string): Promise<Delivery[]> =>
    t.db.query(
      `SELECT d.id, u.name AS "unitName", d.status, d.recipients
       FROM reminder_deliveries d JOIN units u ON u.id = d.unit_id
       WHERE d.kind = $1 AND d.period = $2 ORDER BY u.name`,
      [kind, period],
    );
  /** Waits until every delivery of the event is sent, and returns them. */
  const sent = async (kind: string, period: string, count: number) => {
    await waitFor(`${kind} ${period} sent`, async () => {
      const rows = await deliveries(kind, period);
      return rows.length === count && rows.every((d) => d.status === 'sent');
    });
    return deliveries(kind, period);
  };
  const messagesOf = (s: SmtpCatcher, rows: Delivery[]) => {
    const ids = new Set(rows.map((d) => `<${d.id}@luoshi.reminders>`));
    return s.messages.filter((m) => ids.has(m.messageId ?? ''));
  };
  const as = (login: string) => t.as(login);
  const todo = async (login: string) =>
    (
      await t
        .http()
        .get('/me/todo')
        .set(await as(login))
    ).body;
  /** The n-th share (by item number) of a unit on the test's plan; each test takes its own. */
  const nth = async (n: number, unitName: string) => {
    const rows: Array<{ number: number }> = await t.db.query(
      `SELECT i.number FROM assignments a JOIN items i ON i.id = a.item_id
       JOIN units u ON u.id = a.unit_id WHERE a.plan_id = $1 AND u.name = $2 ORDER BY i.number`,
      [planId, unitName],
    );
    return shareOf(t, planId, rows[n].number, unitName);
  };
  /** An open share of a unit on the test's plan, its due date set by the leadership office. */
  const openShare = async (n: number, unitName: string, dueOn?: string) => {
    const share = await nth(n, unitName);
    if (!dueOn) return share;
    const res = await t
      .http()
      .patch(`/assignments/${share.id}`)
      .set(await as('leader'))
      .send({ version: share.version, dueOn });
    expect(res.status).toBe(200);
    return { ...share, version: res.body.version as number };
  };

  // Its workers plan the digest of TODAY's week: in a database of its own, so the suite that
  // asks for that digest by hand (reminders) never finds it planned already.
  let leaveDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    leaveDatabase = await useSuiteDatabase('luoshi_chain');
    t = await createTestApp(TODAY);
    planId = await importSeedPlan(t, '漯开文〔2025〕16号');
  }, 60_000);
  afterEach(async () => {
    t.clock.set(TODAY);
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(catchers.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    await queue.obliterate({ force: true });
    await queue.close();
    await t?.close();
    await leaveDatabase?.();
  });

  it('shows new work 未签收 until a user of its unit signs for it, late after the limit', async () => {
    const share = await nth(0, '区行政服务中心');
    const leader = await as('leader');
    const clerk = await as('xingzhengfuwu');
    const view = await t.http().get(`/assignments/${share.id}`).set(clerk);
    expect(view.body).toMatchObject({
      acknowledgedAt: null,
      acknowledgeBy: ACK_BY,
      acknowledgementLate: false,
    });
    const lateOnPage = async () =>
      (await t.http().get(`/assignments/${share.id}`).set(clerk)).body.acknowledgementLate;

    const waiting = (await todo('xingzhengfuwu')).unit.unacknowledged;
    expect(waiting).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'assignment', id: share.id, late: false }),
      ]),
    );
    const listed = async (filter: string) =>
      (
        await t
          .http()
          .get(`/assignments?planId=${planId}&acknowledgement=${filter}&pageSize=500`)
          .set(leader)
      ).body.items.map((a: { id: string }) => a.id);
    expect(await listed('unacknowledged')).toContain(share.id);
    expect(await listed('late')).not.toContain(share.id);

    // Past the limit: late for the offices, in the unit's to-do and in the statistics.
    t.clock.set('2025-03-13');
    expect(await listed('late')).toContain(share.id);
    expect(await lateOnPage()).toBe(true);
    expect((await todo('xingzhengfuwu')).unit.unacknowledged).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: share.id, late: true })]),
    );
    const statRow = async () =>
      (
        await t
          .http()
          .get(`/supervision/statistics?groupBy=unit&planId=${planId}`)
          .set(await as('supervisor'))
      ).body.rows.find((r: { name: string }) => r.name === '区行政服务中心');
    const before = await statRow();
    expect(before.acknowledgementLate).toBeGreaterThan(0);

    // Another unit cannot sign for it; its own clerk can, once.
    const foreign = await t
      .http()
      .post(`/assignments/${share.id}/acknowledge`)
      .set(await as('renlaoju'));
    expect(foreign.status).toBe(404);
    const signed = await t.http().post(`/assignments/${share.id}/acknowledge`).set(clerk);
    expect(signed.status).toBe(200);
    expect(signed.body.acknowledgedAt).toBe('2025-03-12T16:00:00.000Z');
    t.clock.set('2025-03-14');
    const again = await t.http().post(`/assignments/${share.id}/acknowledge`).set(clerk);
    expect(again.body.acknowledgedAt).toBe(signed.body.acknowledgedAt);
    expect(await lateOnPage()).toBe(false);
    expect(await listed('unacknowledged')).not.toContain(share.id);
    expect(await listed('acknowledged')).toContain(share.id);
    expect((await statRow()).acknowledgementLate).toBe(before.acknowledgementLate - 1);
    expect(
      (await todo('xingzhengfuwu')).unit.unacknowledged.map((u: { id: string }) => u.id),
    ).not.toContain(share.id);
    const timeline = await t.http().get(`/assignments/${share.id}/timeline`).set(leader);
    expect(
      timeline.body.items.filter((e: { summary: string }) => e.summary === '签收任务'),
    ).toHaveLength(1);
  });

  it('asks a notice to be signed for by its unit alone, filterable for the offices', async () => {
    const share = await nth(1, '区行政服务中心');
    const unitId = (await t.db.query("SELECT id FROM units WHERE name = '区行政服务中心'"))[0].id;
    const supervisor = await as('supervisor');
    const issued = await t
      .http()
      .post('/supervision/notices')
      .set(supervisor)
      .send({ unitId, assignmentIds: [share.id], reason: '请说明进展', replyBy: '2025-03-20' });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ acknowledgedAt: null, acknowledgeBy: ACK_BY });
    const unsigned = async () =>
      (
        await t
          .http()
          .get('/supervision/notices?acknowledgement=unacknowledged&pageSize=500')
          .set(supervisor)
      ).body.items.map((n: { id: string }) => n.id);
    expect(await unsigned()).toContain(issued.body.id);
    expect((await todo('xingzhengfuwu')).unit.unacknowledged).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'notice', id: issued.body.id })]),
    );
    const foreign = await t
      .http()
      .post(`/supervision/notices/${issued.body.id}/acknowledge`)
      .set(await as('renlaoju'));
    expect(foreign.status).toBe(404);
    const signed = await t
      .http()
      .post(`/supervision/notices/${issued.body.id}/acknowledge`)
      .set(await as('xingzhengfuwu'));
    expect(signed.status).toBe(200);
    expect(signed.body.acknowledgedAt).not.toBeNull();
    expect(await unsigned()).not.toContain(issued.body.id);
  });

  it('moves the due date on an approved extension and keeps the original; a refused one changes nothing', async () => {
    const clerk = await as('xingzhengfuwu');
    const leader = await as('leader');
    const approved = await openShare(2, '区行政服务中心', '2025-03-12');
    const refused = await openShare(3, '区行政服务中心', '2025-03-12');
    const ask = (id: string, body: object, who = clerk) =>
      t.http().post(`/assignments/${id}/extension-requests`).set(who).send(body);

    expect(
      (await ask(approved.id, { requestedDueOn: '2025-03-11', reason: '来不及' })).status,
    ).toBe(400);
    const first = await ask(approved.id, {
      requestedDueOn: '2025-04-30',
      reason: '用地审批未完成',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'pending', currentDueOn: '2025-03-12' });
    expect((await ask(approved.id, { requestedDueOn: '2025-05-30', reason: '再延' })).status).toBe(
      409,
    );
    expect(
      (
        await ask(
          approved.id,
          { requestedDueOn: '2025-04-30', reason: '代申请' },
          await as('renlaoju'),
        )
      ).status,
    ).toBe(404);
    const second = await ask(refused.id, { requestedDueOn: '2025-04-30', reason: '人手不足' });
    expect(second.status).toBe(201);

    // Pending requests wait in the leadership office's review inbox; another unit sees none.
    const inbox = (await todo('leader')).leadership.reviewInbox;
    expect(inbox).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'extension',
          extensionRequestId: first.body.id,
          extension: '2025-03-12 → 2025-04-30',
        }),
      ]),
    );
    const other = await as('renlaoju');
    expect((await t.http().get(`/extension-requests/${first.body.id}`).set(other)).status).toBe(
      404,
    );
    const otherList = await t.http().get('/extension-requests').set(other);
    expect(otherList.body.items.map((r: { id: string }) => r.id)).not.toContain(first.body.id);

    const decide = (id: string, step: string, body: object) =>
      t.http().post(`/extension-requests/${id}/${step}`).set(leader).send(body);
    expect((await decide(second.body.id, 'refuse', { version: 1 })).status).toBe(400);
    const yes = await decide(first.body.id, 'approve', { version: 1, comment: '同意' });
    expect(yes.status).toBe(200);
    expect(yes.body.status).toBe('approved');
    expect((await decide(first.body.id, 'refuse', { version: 2, comment: '不' })).status).toBe(409);
    const no = await decide(second.body.id, 'refuse', { version: 1, comment: '请按期完成' });
    expect(no.body).toMatchObject({ status: 'refused', decisionComment: '请按期完成' });

    const moved = (await t.http().get(`/assignments/${approved.id}`).set(leader)).body;
    expect(moved).toMatchObject({ dueOn: '2025-04-30', originalDueOn: '2025-03-12' });
    const kept = (await t.http().get(`/assignments/${refused.id}`).set(leader)).body;
    expect(kept).toMatchObject({ dueOn: '2025-03-12', originalDueOn: null });
    const overdue = (
      await t
        .http()
        .get(`/supervision/overdue?planId=${planId}&asOf=2025-03-20&pageSize=500`)
        .set(leader)
    ).body.items.map((r: { assignmentId: string }) => r.assignmentId);
    expect(overdue).toContain(refused.id);
    expect(overdue).not.toContain(approved.id);
    const timeline = (await t.http().get(`/assignments/${approved.id}/timeline`).set(clerk)).body
      .items;
    const summaries = timeline.map((e: { summary: string }) => e.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        '申请延期：完成时限 2025-03-12 → 2025-04-30，理由：用地审批未完成',
        '延期申请已同意（申请延至 2025-04-30），意见：同意',
        '完成时限：2025-03-12 → 2025-04-30',
      ]),
    );

    // Completed after the original date but within the new one: on time, not on the original.
    t.clock.set('2025-03-20');
    const stats = async () =>
      (
        await t.http().get(`/supervision/statistics?groupBy=unit&planId=${planId}`).set(leader)
      ).body.rows.find((r: { name: string }) => r.name === '区行政服务中心');
    const before = await stats();
    expect(before.extended).toBe(1);
    const submitted = await t
      .http()
      .patch(`/assignments/${approved.id}`)
      .set(clerk)
      .send({ version: moved.version, status: 'submitted' });
    expect(submitted.status).toBe(200);
    const done = await t
      .http()
      .patch(`/assignments/${approved.id}`)
      .set(leader)
      .send({ version: submitted.body.version, status: 'completed' });
    expect(done.body).toMatchObject({ completedLate: false, completedOnOriginalTime: false });
    const after = await stats();
    expect(after.completedOnTime).toBe(before.completedOnTime + 1);
    expect(after.completedOnOriginalTime).toBe(before.completedOnOriginalTime);

    // Past the due date a unit cannot ask any more.
    expect((await ask(refused.id, { requestedDueOn: '2025-04-30', reason: '再申请' })).status).toBe(
      409,
    );
  });

  it('mails a chase and each event once to the right unit, with a link to the console page', async () => {
    const mail = await smtp();
    await worker(mail);
    const leader = await as('leader');
    const a = await nth(4, '区行政服务中心');
    const b = await nth(5, '区行政服务中心');
    const c = await nth(0, '区人劳局');
    const chased = await t
      .http()
      .post('/chases')
      .set(await as('supervisor'))
      .send({ assignmentIds: [a.id, b.id, c.id], message: '请本周内报送进展' });
    expect(chased.status).toBe(201);
    expect(chased.body.assignments).toBe(3);
    const chaseRows = await sent('chase', chased.body.batchId, 2);
    const messages = messagesOf(mail, chaseRows);
    expect(messages).toHaveLength(2);
    const to = messages.map((m) => mail.to(m).sort());
    expect(to).toEqual(
      expect.arrayContaining([
        expect.arrayContaining(['xingzhengfuwu@luoshi.example']),
        expect.arrayContaining(['renlaoju@luoshi.example']),
      ]),
    );
    const toCenter = messages.find((m) => mail.to(m).includes('xingzhengfuwu@luoshi.example'))!;
    expect(toCenter.text).toContain(`/assignments/${a.id}`);
    expect(toCenter.text).toContain(`/assignments/${b.id}`);
    expect(toCenter.text).not.toContain(`/assignments/${c.id}`);
    expect(mail.to(toCenter)).not.toContain('renlaoju@luoshi.example');
    const timeline = (await t.http().get(`/assignments/${a.id}/timeline`).set(leader)).body.items;
    expect(timeline.map((e: { summary: string }) => e.summary)).toContain('催办：请本周内报送进展');
    // A unit sees its own chases only.
    const own = await t
      .http()
      .get('/chases')
      .set(await as('renlaoju'));
    expect(own.body.items.map((r: { assignmentId: string }) => r.assignmentId)).toEqual([c.id]);

    // A returned report.
    const clerk = await as('xingzhengfuwu');
    const draft = await t.http().post(`/assignments/${a.id}/reports`).set(clerk).send({
      periodDate: '2025-02-14',
      workDone: '完成窗口整合',
      percent: 40,
    });
    const submitted = await t
      .http()
      .post(`/reports/${draft.body.id}/submit`)
      .set(clerk)
      .send({ version: draft.body.version });
    const returned = await t
      .http()
      .post(`/reports/${draft.body.id}/return`)
      .set(leader)
      .send({ version: submitted.body.version, comment: '请补充数据' });
    expect(returned.status).toBe(200);
    const reportRows = await sent(
      'report_returned',
      `${draft.body.id}:${returned.body.version}`,
      1,
    );
    const [reportMail] = messagesOf(mail, reportRows);
    expect(mail.to(reportMail)).toContain('xingzhengfuwu@luoshi.example');
    expect(reportMail.text).toContain(`/reports/${draft.body.id}/edit`);
    expect(reportMail.text).toContain('请补充数据');

    // A notice issued, then its answer sent back.
    const unitId = (await t.db.query("SELECT id FROM units WHERE name = '区人劳局'"))[0].id;
    const supervisor = await as('supervisor');
    const notice = await t
      .http()
      .post('/supervision/notices')
      .set(supervisor)
      .send({ unitId, assignmentIds: [c.id], reason: '逾期说明', replyBy: '2025-03-20' });
    const issuedRows = await sent('notice_issued', notice.body.id, 1);
    expect(mail.to(messagesOf(mail, issuedRows)[0])).toContain('renlaoju@luoshi.example');
    const answered = await t
      .http()
      .post(`/supervision/notices/${notice.body.id}/answer`)
      .set(await as('renlaoju'))
      .send({ version: notice.body.version, answer: '已整改' });
    const back = await t
      .http()
      .post(`/supervision/notices/${notice.body.id}/return`)
      .set(supervisor)
      .send({ version: answered.body.version, comment: '请附佐证' });
    expect(back.status).toBe(200);
    const backRows = await sent('notice_returned', `${notice.body.id}:${back.body.version}`, 1);
    const [backMail] = messagesOf(mail, backRows);
    expect(backMail.text).toContain(`/notices/${notice.body.id}`);
    expect(backMail.text).toContain('请附佐证');

    // An extension decided.
    const d = await openShare(6, '区行政服务中心', '2025-06-30');
    const asked = await t
      .http()
      .post(`/assignments/${d.id}/extension-requests`)
      .set(clerk)
      .send({ requestedDueOn: '2025-09-30', reason: '资金未到位' });
    await t
      .http()
      .post(`/extension-requests/${asked.body.id}/refuse`)
      .set(leader)
      .send({ version: 1, comment: '请按原时限完成' });
    const decidedRows = await sent('extension_decided', asked.body.id, 1);
    const [decided] = messagesOf(mail, decidedRows);
    expect(decided.subject).toContain('延期申请未同意');
    expect(decided.text).toContain(`/assignments/${d.id}`);

    // Each event went out exactly once.
    const all = [...chaseRows, ...reportRows, ...issuedRows, ...backRows, ...decidedRows];
    const ids = all.map((r) => `<${r.id}@luoshi.reminders>`);
    expect(mail.messages.filter((m) => ids.includes(m.messageId ?? ''))).toHaveLength(all.length);
    // The deliveries list of a unit shows its own immediate emails, never another's.
    const listed = await t
      .http()
      .get('/reminders/deliveries?kind=chase')
      .set(await as('renlaoju'));
    expect(listed.body.items.every((r: { unitName: string }) => r.unitName === '区人劳局')).toBe(
      true,
    );
    // A chase is sent for an event, not for a date: the list gives it no 周期, not its batch id.
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(listed.body.items.map((r: { periodDate: string | null }) => r.periodDate)).toEqual(
      listed.body.items.map(() => null),
    );
  }, 120_000);

  it('sends each unit one chase with two workers, and finishes after a worker is killed', async () => {
    const mail = await smtp({ delayMs: 150 });
    const first = await worker(mail);
    await worker(mail);
    const shares: string[] = (
      await t.db.query(
        `SELECT DISTINCT ON (a.unit_id) a.id FROM assignments a
         WHERE a.plan_id = $1 AND a.completed_on IS NULL ORDER BY a.unit_id, a.id LIMIT 12`,
        [planId],
      )
    ).map((r: { id: string }) => r.id);
    expect(shares.length).toBeGreaterThan(8);
    const chased = await t
      .http()
      .post('/chases')
      .set(await as('leader'))
      .send({ assignmentIds: shares, message: '限期办理' });
    expect(chased.status).toBe(201);
    const period = chased.body.batchId;
    await waitFor('a few messages', async () => {
      const rows = await deliveries('chase', period);
      return messagesOf(mail, rows).length >= 2;
    });
    await first.kill();
    const atKill = await deliveries('chase', period);
    const inFlight = new Set(
      atKill.filter((d) => d.status === 'sending').map((d) => `<${d.id}@luoshi.reminders>`),
    );
    await worker(mail);
    const rows = await sent('chase', period, shares.length);
    const messages = messagesOf(mail, rows);
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(shares.length);
    const seen = new Set<string>();
    const repeated = messages
      .map((m) => m.messageId!)
      .filter((id) => seen.has(id) || !seen.add(id));
    // Only a message in flight at the kill may go out twice (same Message-ID); see reminders.
    expect(repeated.filter((id) => !inFlight.has(id))).toEqual([]);
    for (const m of messages) expect(mail.to(m).length).toBeGreaterThan(0);
  }, 120_000);
});
