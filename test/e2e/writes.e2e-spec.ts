import { createTestApp, demoIds, tableCounts, TestApp } from '../support/test-app';
import { waitFor } from '../support/worker';

async function auditRows(t: TestApp, entityId: string) {
  return t.db.query(
    'SELECT action, entity_type, actor_user_id, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id',
    [entityId],
  );
}

describe('writes: optimistic locking, group expansion and the audit trail', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  beforeAll(async () => {
    t = await createTestApp('2025-03-10');
    ids = await demoIds(t.db);
  });
  afterAll(() => t.close());

  it('answers a stale version with 409 and keeps the winner’s change', async () => {
    const id = await ids.assignment(5, '区市场监管分局');
    const clerk = await t.as('shichangjianguan');
    const read = (await t.http().get(`/assignments/${id}`).set(clerk)).body;
    const first = await t
      .http()
      .patch(`/assignments/${id}`)
      .set(clerk)
      .send({ version: read.version, status: 'in_progress', progressPercent: 30 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(read.version + 1);

    const audits = (await auditRows(t, id)).length;
    const stale = await t
      .http()
      .patch(`/assignments/${id}`)
      .set(clerk)
      .send({ version: read.version, progressPercent: 90 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/已被他人修改/);
    const [row] = await t.db.query(
      'SELECT progress_percent, version FROM assignments WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ progress_percent: 30, version: read.version + 1 });
    expect((await auditRows(t, id)).length).toBe(audits);
  });

  it('lets one of many PATCHes at the same version win, with one audit row, and refuses the rest', async () => {
    const id = await ids.assignment(6, '区市场监管分局');
    const clerk = await t.as('shichangjianguan');
    const read = (await t.http().get(`/assignments/${id}`).set(clerk)).body;
    const audits = (await auditRows(t, id)).length;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t
          .http()
          .patch(`/assignments/${id}`)
          .set(clerk)
          .send({ version: read.version, progressPercent: 40 + i }),
      ),
    );
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(11);
    for (const lost of answers.filter((a) => a.status === 409)) {
      expect(lost.body.message).toMatch(/已被他人修改/);
    }
    const [row] = await t.db.query(
      'SELECT progress_percent, version FROM assignments WHERE id = $1',
      [id],
    );
    expect(row).toEqual({
      progress_percent: won[0].body.progressPercent,
      version: read.version + 1,
    });
    const trail = await auditRows(t, id);
    expect(trail).toHaveLength(audits + 1);
    expect(trail.at(-1).before.progressPercent).toBe(read.progressPercent);
    expect(trail.at(-1).after.progressPercent).toBe(won[0].body.progressPercent);
  });

  it('takes a status move in one statement only from where the caller may move it, and judges the rest on the row', async () => {
    const id = await ids.assignment(10, '区市场监管分局');
    const clerk = await t.as('shichangjianguan');
    const leader = await t.as('leader');
    const patch = (as: typeof clerk, body: object) =>
      t.http().patch(`/assignments/${id}`).set(as).send(body);
    const row = async () =>
      (
        await t.db.query(
          'SELECT status, version, progress_percent, return_reason FROM assignments WHERE id = $1',
          [id],
        )
      )[0];
    const start = (await t.http().get(`/assignments/${id}`).set(clerk)).body;
    // A version past the integer the database keeps is the caller's mistake, said in words.
    const wild = await patch(clerk, { version: 2147483648, progressPercent: 5 });
    expect(wild.status).toBe(400);
    expect(String(wild.body.message)).toMatch(/version：太大/);
    // The status it has already, with a figure: no move, the figure is written.
    const same = await patch(clerk, {
      version: start.version,
      status: start.status,
      progressPercent: 20,
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ status: start.status, progressPercent: 20 });
    // A move the unit may not make (to completed) is refused with the moves it may make.
    const refused = await patch(clerk, { version: same.body.version, status: 'completed' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/不能从.*可改为/);
    const submitted = await patch(clerk, { version: same.body.version, status: 'submitted' });
    expect(submitted.status).toBe(200);
    // A return needs its reason, and without one nothing changes.
    const before = await row();
    const bare = await patch(leader, { version: submitted.body.version, status: 'returned' });
    expect(bare.status).toBe(400);
    expect(bare.body.message).toMatch(/退回时请写明原因/);
    expect(await row()).toEqual(before);
    const returned = await patch(leader, {
      version: submitted.body.version,
      status: 'returned',
      reason: '请补充佐证材料',
    });
    expect(returned.status).toBe(200);
    expect(await row()).toMatchObject({ status: 'returned', return_reason: '请补充佐证材料' });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: '请补充佐证材料' });
  });

  it('audits the row as the update found it, also after a write in between that changed no version', async () => {
    const id = await ids.assignment(11, '区市场监管分局');
    const clerk = await t.as('shichangjianguan');
    const read = (await t.http().get(`/assignments/${id}`).set(clerk)).body;
    const [{ item_id: itemId, plan_id: planId, section_id: sectionId }] = await t.db.query(
      'SELECT a.item_id, a.plan_id, a.section_id FROM assignments a WHERE a.id = $1',
      [id],
    );
    const [{ id: otherSection }] = await t.db.query(
      'SELECT id FROM sections WHERE plan_id = $1 AND id <> $2 ORDER BY id LIMIT 1',
      [planId, sectionId],
    );
    // Moving the item copies its section onto the assignment (a trigger; no version step) and
    // holds the row until it commits, while the PATCH waits for it.
    const move = t.db.createQueryRunner();
    await move.connect();
    try {
      await move.startTransaction();
      await move.query('UPDATE items SET section_id = $2 WHERE id = $1', [itemId, otherSection]);
      const answer = t
        .http()
        .patch(`/assignments/${id}`)
        .set(clerk)
        .send({ version: read.version, progressPercent: 61 })
        .then((res) => res);
      await waitFor('the PATCH to wait for the row', async () => {
        const [{ n }] = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return n > 0;
      });
      await move.commitTransaction();
      expect((await answer).status).toBe(200);
    } finally {
      await move.release();
    }
    const [audit] = await t.db.query(
      `SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'update'
       ORDER BY id DESC LIMIT 1`,
      [id],
    );
    // Not the section of the statement's snapshot: the move is not this clerk's change.
    expect(audit.before).toMatchObject({ sectionId: otherSection, version: read.version });
    expect(audit.after).toMatchObject({ sectionId: otherSection, progressPercent: 61 });
    await t.db.query('UPDATE items SET section_id = $2 WHERE id = $1', [itemId, sectionId]);
  });

  it('records who and what for every create, update and delete, one row each', async () => {
    const admin = await t.as('admin');
    const [{ id: adminId }] = await t.db.query("SELECT id FROM users WHERE username = 'admin'");
    const created = await t
      .http()
      .post('/units')
      .set(admin)
      .send({ name: '区审计测试局', kind: 'department' });
    expect(created.status).toBe(201);
    await t
      .http()
      .patch(`/units/${created.body.id}`)
      .set(admin)
      .send({ shortName: '审计测试' })
      .expect(200);
    await t.http().delete(`/units/${created.body.id}`).set(admin).expect(204);

    const rows = await auditRows(t, created.body.id);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['create', 'update', 'delete']);
    for (const row of rows) {
      expect(row.entity_type).toBe('Unit');
      expect(row.actor_user_id).toBe(adminId);
    }
    expect(rows[0].before).toBeNull();
    expect(rows[0].after.name).toBe('区审计测试局');
    expect(rows[1].before.shortName).toBeNull();
    expect(rows[1].after.shortName).toBe('审计测试');
    expect(rows[2].after).toBeNull();
  });

  it('never writes a password hash into the audit log', async () => {
    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE before::text LIKE '%passwordHash%' OR after::text LIKE '%passwordHash%'",
    );
    expect(n).toBe(0);
  });

  it('expands a group into one assignment per member unit, audited one by one', async () => {
    const leader = await t.as('leader');
    const plan = (
      await t
        .http()
        .post('/plans')
        .set(leader)
        .send({ title: '分组测试方案', defaultDueOn: '2026-06-30' })
    ).body;
    const section = (
      await t
        .http()
        .post(`/plans/${plan.id}/sections`)
        .set(leader)
        .send({ number: 1, numberText: '一', title: '章' })
    ).body;
    const item = (
      await t
        .http()
        .post(`/plans/${plan.id}/items`)
        .set(leader)
        .send({ sectionId: section.id, number: 1, numberText: '一', title: '条目' })
    ).body;
    const [{ id: groupId }] = await t.db.query(
      "SELECT id FROM unit_groups WHERE name = '各镇(街道)'",
    );
    const members: Array<{ unit_id: string }> = await t.db.query(
      'SELECT unit_id FROM unit_group_members WHERE group_id = $1',
      [groupId],
    );
    const before = await tableCounts(t.db);

    const res = await t
      .http()
      .post('/assignments')
      .set(leader)
      .send({ itemId: item.id, groupId, role: 'co' });
    expect(res.status).toBe(201);
    expect(res.body.created.map((a: { unitId: string }) => a.unitId).sort()).toEqual(
      members.map((m) => m.unit_id).sort(),
    );
    expect(res.body.created.every((a: { dueOn: string }) => a.dueOn === '2026-06-30')).toBe(true);
    const after = await tableCounts(t.db);
    expect(after.assignments - before.assignments).toBe(members.length);
    expect(after.audit_log - before.audit_log).toBe(members.length);

    const again = await t
      .http()
      .post('/assignments')
      .set(leader)
      .send({ itemId: item.id, groupId, role: 'co' });
    expect(again.status).toBe(201);
    expect(again.body.created).toEqual([]);
    expect(again.body.skippedUnitIds.sort()).toEqual(members.map((m) => m.unit_id).sort());
  });

  it('records the completion date from the clock when the leadership office accepts', async () => {
    const id = await ids.assignment(7, '区行政服务中心');
    const clerk = await t.as('xingzhengfuwu');
    let version = (await t.http().get(`/assignments/${id}`).set(clerk)).body.version;
    const submitted = await t
      .http()
      .patch(`/assignments/${id}`)
      .set(clerk)
      .send({ version, status: 'submitted' });
    expect(submitted.status).toBe(200);
    version = submitted.body.version;
    t.clock.set('2025-04-01');
    const accepted = await t
      .http()
      .patch(`/assignments/${id}`)
      .set(await t.as('leader'))
      .send({ version, status: 'completed' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'completed',
      completedOn: '2025-04-01',
      progressPercent: 100,
    });
  });
});
