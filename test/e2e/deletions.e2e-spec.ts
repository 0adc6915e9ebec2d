import { createTestApp, importSeedPlan, shareOf, tableCounts, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/**
 * Every DELETE either refuses what holds work (409 in Chinese, nothing changed) or writes an
 * audit row for every row it takes away, those the database cascades to included.
 */
describe('deletions keep a plan’s history', () => {
  let t: TestApp;
  let planId: string;
  let worked: { id: string; itemId: string; sectionId: string };

  beforeAll(async () => {
    t = await createTestApp();
    planId = await importSeedPlan(t, '删除测试〔2025〕1号');
    // 区经发局 files a draft report on one of its shares: that share now holds work.
    const [row] = await t.db.query(
      `SELECT i.number FROM assignments a JOIN items i ON i.id = a.item_id JOIN units u ON u.id = a.unit_id
        WHERE a.plan_id = $1 AND u.name = '区经发局' ORDER BY i.number LIMIT 1`,
      [planId],
    );
    const share = await shareOf(t, planId, row.number, '区经发局');
    const report = await t
      .http()
      .post(`/assignments/${share.id}/reports`)
      .set(await t.as('jingfaju'))
      .send({ periodDate: '2025-03-01', workDone: '已开展工作', percent: 10 });
    expect(report.status).toBe(201);
    const [item] = await t.db.query('SELECT section_id FROM items WHERE id = $1', [share.itemId]);
    worked = { id: share.id, itemId: share.itemId, sectionId: item.section_id };
  });
  afterAll(() => t.close());

  const leader = () => t.as('leader');
  const deleteRows = (ids: string[]) =>
    t.db.query(
      `SELECT entity_type, entity_id FROM audit_log WHERE action = 'delete' AND entity_id = ANY($1)`,
      [ids],
    );

  it.each([
    ['plan', () => `/plans/${planId}`, '该方案已有工作记录，不能删除；方案不再执行时请归档'],
    ['section', () => `/sections/${worked.sectionId}`, '该章下已有工作记录，不能删除'],
    ['item', () => `/items/${worked.itemId}`, '该条目已有工作记录，不能删除'],
    ['assignment', () => `/assignments/${worked.id}`, '该责任分工已有工作记录，不能删除'],
  ])(
    'refuses to delete a %s that holds work with 409 and changes nothing',
    async (_, path, text) => {
      const before = await tableCounts(t.db);
      const res = await t
        .http()
        .delete(path())
        .set(await leader());
      expect(res.status).toBe(409);
      expect(res.body.message).toContain(text);
      expect(res.body.message).toContain('1 项责任分工已有进展、报送、督办、延期申请或催办');
      expect(await tableCounts(t.db)).toEqual(before);
    },
  );

  it('refuses an assignment whose status moved even without a report', async () => {
    // Taken from the worked share's own section, so the sections left without work stay so
    // for the section deletion below, whatever order the ids fall in.
    const [row] = await t.db.query(
      `SELECT a.id, a.version FROM assignments a JOIN items i ON i.id = a.item_id
        WHERE i.section_id = $1 AND a.id <> $2
          AND NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.assignment_id = a.id)
        ORDER BY a.id LIMIT 1`,
      [worked.sectionId, worked.id],
    );
    await t
      .http()
      .patch(`/assignments/${row.id}`)
      .set(await leader())
      .send({ version: row.version, status: 'in_progress', progressPercent: 20 })
      .expect(200);
    expect(
      (
        await t
          .http()
          .delete(`/assignments/${row.id}`)
          .set(await leader())
      ).status,
    ).toBe(409);
  });

  it('archives a plan instead: its history stays and it leaves the overdue lists', async () => {
    const [plan] = await t.db.query('SELECT id FROM plans WHERE id = $1', [planId]);
    const res = await t
      .http()
      .patch(`/plans/${plan.id}`)
      .set(await leader())
      .send({ status: 'archived' });
    expect([res.status, res.body.status]).toEqual([200, 'archived']);
    const [{ count }] = await t.db.query(
      'SELECT count(*)::int AS count FROM progress_reports WHERE assignment_id = $1',
      [worked.id],
    );
    expect(count).toBe(1);
  });

  it('deletes a section without work with an audit row for every row it takes away', async () => {
    const [section] = await t.db.query(
      `SELECT s.id FROM sections s WHERE s.plan_id = $1 AND s.id <> $2
          AND EXISTS (SELECT 1 FROM items i JOIN assignments a ON a.item_id = i.id WHERE i.section_id = s.id)
        ORDER BY s.number LIMIT 1`,
      [planId, worked.sectionId],
    );
    const items = (
      await t.db.query('SELECT id FROM items WHERE section_id = $1', [section.id])
    ).map((r: { id: string }) => r.id);
    const children = async (table: string) =>
      (await t.db.query(`SELECT id FROM ${table} WHERE item_id = ANY($1)`, [items])).map(
        (r: { id: string }) => r.id,
      );
    const assignments = await children('assignments');
    const targets = await children('recurring_targets');
    const tasks = await children('tasks');
    expect(assignments.length).toBeGreaterThan(0);

    expect(
      (
        await t
          .http()
          .delete(`/sections/${section.id}`)
          .set(await leader())
      ).status,
    ).toBe(204);

    const rows = await deleteRows([section.id, ...items, ...assignments, ...targets, ...tasks]);
    const byType = (type: string) =>
      rows
        .filter((r: { entity_type: string }) => r.entity_type === type)
        .map((r: { entity_id: string }) => r.entity_id)
        .sort();
    expect(byType('Section')).toEqual([section.id]);
    expect(byType('Item')).toEqual([...items].sort());
    expect(byType('Assignment')).toEqual([...assignments].sort());
    expect(byType('RecurringTarget')).toEqual([...targets].sort());
    expect(byType('Task')).toEqual([...tasks].sort());
    const [{ left }] = await t.db.query(
      'SELECT count(*)::int AS left FROM assignments WHERE id = ANY($1)',
      [assignments],
    );
    expect(left).toBe(0);
  });

  it('deletes a plan without work with an audit row for each of its sections, items and assignments', async () => {
    const other = await importSeedPlan(t, '删除测试〔2025〕2号');
    const ids = async (sql: string) =>
      (await t.db.query(sql, [other])).map((r: { id: string }) => r.id) as string[];
    const sections = await ids('SELECT id FROM sections WHERE plan_id = $1');
    const items = await ids('SELECT id FROM items WHERE plan_id = $1');
    const assignments = await ids('SELECT id FROM assignments WHERE plan_id = $1');
    expect(
      (
        await t
          .http()
          .delete(`/plans/${other}`)
          .set(await leader())
      ).status,
    ).toBe(204);
    const rows = await deleteRows([other, ...sections, ...items, ...assignments]);
    expect(rows).toHaveLength(1 + sections.length + items.length + assignments.length);
  });

  describe('units', () => {
    const admin = () => t.as('admin');
    const newUnit = async (body: object) => {
      const res = await t
        .http()
        .post('/units')
        .set(await admin())
        .send({ kind: 'department', ...body });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };

    it('refuses a unit that holds assignments or accounts, and says to deactivate it', async () => {
      const [unit] = await t.db.query("SELECT id FROM units WHERE name = '区经发局'");
      const bearer = await admin();
      const before = await tableCounts(t.db);
      const res = await t.http().delete(`/units/${unit.id}`).set(bearer);
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/^该单位已有责任分工 \d+ 条、用户账号 \d+ 条/);
      expect(res.body.message).toContain('请停用（将 active 改为 false）');
      expect(await tableCounts(t.db)).toEqual(before);
    });

    it('deletes an unused unit, auditing the groups it leaves and the units it parented', async () => {
      const parent = await newUnit({ name: '删除测试上级单位' });
      const child = await newUnit({ name: '删除测试下级单位', parentId: parent });
      const group = await t
        .http()
        .post('/groups')
        .set(await admin())
        .send({ name: '删除测试组', memberIds: [parent, child] });
      expect(group.status).toBe(201);

      expect(
        (
          await t
            .http()
            .delete(`/units/${parent}`)
            .set(await admin())
        ).status,
      ).toBe(204);

      const rows = await t.db.query(
        `SELECT action, entity_type, entity_id, before, after FROM audit_log
          WHERE entity_id = ANY($1) ORDER BY id`,
        [[parent, child, group.body.id]],
      );
      const last = rows.slice(-3);
      expect(
        last.map((r: { action: string; entity_type: string }) => [r.action, r.entity_type]),
      ).toEqual([
        ['update', 'UnitGroup'],
        ['update', 'Unit'],
        ['delete', 'Unit'],
      ]);
      expect(last[0].after.memberIds).toEqual([child]);
      expect(last[1]).toMatchObject({ entity_id: child, after: { parentId: null } });
      const members = await t
        .http()
        .get(`/groups/${group.body.id}`)
        .set(await admin());
      expect(
        members.body.memberIds ?? members.body.members.map((m: { id: string }) => m.id),
      ).toEqual([child]);
    });
  });

  describe('users', () => {
    it('refuses an account that has signed in, and deletes one that never did', async () => {
      const admin = await t.as('admin');
      const [unit] = await t.db.query("SELECT id FROM units WHERE name = '区统计局'");
      const make = async (username: string) =>
        (
          await t.http().post('/users').set(admin).send({
            username,
            displayName: '删除测试',
            password: 'Delete-Test-1',
            role: 'unit',
            unitId: unit.id,
          })
        ).body.id as string;
      const used = await make('del-used');
      await t
        .http()
        .post('/auth/login')
        .send({ username: 'del-used', password: 'Delete-Test-1' })
        .expect(200);
      const res = await t.http().delete(`/users/${used}`).set(admin);
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('该用户已有登录或操作记录，不能删除');

      const unused = await make('del-unused');
      expect((await t.http().delete(`/users/${unused}`).set(admin)).status).toBe(204);
      const [row] = await t.db.query(
        "SELECT before FROM audit_log WHERE action = 'delete' AND entity_id = $1",
        [unused],
      );
      expect(row.before).toMatchObject({ username: 'del-unused' });
      expect(row.before.passwordHash).toBeUndefined();
    });
  });

  it('refuses to delete evidence of a submitted report; a draft’s goes with an audit row', async () => {
    const clerk = await t.as('jingfaju');
    const [report] = await t.db.query(
      'SELECT id, version FROM progress_reports WHERE assignment_id = $1',
      [worked.id],
    );
    const upload = () =>
      t
        .http()
        .post(`/reports/${report.id}/files`)
        .set(clerk)
        .attach('file', Buffer.from('%PDF-1.7\n'), '台账.pdf');
    const draftFile = (await upload()).body.id;
    expect((await t.http().delete(`/files/${draftFile}`).set(clerk)).status).toBe(204);
    expect(await deleteRows([draftFile])).toEqual([
      { entity_type: 'EvidenceFile', entity_id: draftFile },
    ]);

    const kept = (await upload()).body.id;
    await t
      .http()
      .post(`/reports/${report.id}/submit`)
      .set(clerk)
      .send({ version: report.version })
      .expect(200);
    const res = await t.http().delete(`/files/${kept}`).set(clerk);
    expect(res.status).toBe(409);
    const [{ count }] = await t.db.query(
      'SELECT count(*)::int AS count FROM evidence_files WHERE id = $1',
      [kept],
    );
    expect(count).toBe(1);
  });

  it('deletes a group with its members named in the audit row', async () => {
    const admin = await t.as('admin');
    const [unit] = await t.db.query("SELECT id FROM units WHERE name = '区统计局'");
    const group = await t
      .http()
      .post('/groups')
      .set(admin)
      .send({ name: '删除测试组二', memberIds: [unit.id] });
    expect((await t.http().delete(`/groups/${group.body.id}`).set(admin)).status).toBe(204);
    const [row] = await t.db.query(
      "SELECT before FROM audit_log WHERE action = 'delete' AND entity_id = $1",
      [group.body.id],
    );
    expect(row.before.memberIds).toEqual([unit.id]);
  });
});
