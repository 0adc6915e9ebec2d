import { Unit, UnitKind, UnitOfWork } from '@app/database';
import { FileStorage } from '../../apps/api/src/progress/evidence/file-storage';
import { createTestApp, importSeedPlan, shareOf, TestApp } from '../support/test-app';

describe('after-commit work that fails does not undo or hide a committed write', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('2025-03-10');
  });
  afterAll(() => t.close());

  it('answers success and keeps the row when every after-commit attempt throws', async () => {
    let attempts = 0;
    const name = '区提交后钩子测试局';
    const id = await t.app.get(UnitOfWork).run({ userId: null, unitId: null }, async (tx) => {
      const unit = await tx.create(Unit, { name, kind: UnitKind.Department });
      tx.onCommit(() => {
        attempts++;
        throw new Error('queue unavailable');
      });
      return unit.id;
    });
    expect(attempts).toBe(2);
    const rows = await t.db.query('SELECT name FROM units WHERE id = $1', [id]);
    expect(rows).toEqual([{ name }]);
  });

  it('a DELETE whose stored file cannot be removed still answers 204 and deletes the row', async () => {
    const planId = await importSeedPlan(t, '漯开文〔2025〕162号');
    const share = await shareOf(t, planId, 7, '区行政服务中心');
    const clerk = await t.as('xingzhengfuwu');
    const draft = await t
      .http()
      .post(`/assignments/${share.id}/reports`)
      .set(clerk)
      .send({ periodDate: '2025-02-14', workDone: '进驻大厅', percent: 10 });
    expect(draft.status).toBe(201);
    const upload = await t
      .http()
      .post(`/reports/${draft.body.id}/files`)
      .set(clerk)
      .attach('file', Buffer.from('清单\n'), '清单.txt');
    expect(upload.status).toBe(201);

    const remove = jest
      .spyOn(t.app.get(FileStorage), 'remove')
      .mockRejectedValue(new Error('disk gone'));
    try {
      const deleted = await t.http().delete(`/files/${upload.body.id}`).set(clerk);
      expect(deleted.status).toBe(204);
      // Tried again once before it was logged and left.
      expect(remove).toHaveBeenCalledTimes(2);
    } finally {
      remove.mockRestore();
    }
    const rows = await t.db.query('SELECT id FROM evidence_files WHERE id = $1', [upload.body.id]);
    expect(rows).toEqual([]);
  });
});
