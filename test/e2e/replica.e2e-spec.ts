import { Client } from 'pg';
import { ReplicaReads, UnitOfWork } from '@app/database';
import { migrateAndSeed } from '../support/databases';
import {
  ScratchPostgres,
  ScratchReplica,
  startScratchPostgres,
  startScratchReplica,
} from '../support/scratch-postgres';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/worker';

/**
 * DATABASE_READ_URL on a real streaming replica (pg_basebackup -R of a scratch PostgreSQL):
 * supervision reads come from the replica, writes and everything read in a write's
 * transaction from the primary, and a write shows in the supervision lists once replayed.
 */
describe('a streaming replica behind DATABASE_READ_URL', () => {
  let primary: ScratchPostgres;
  let replica: ScratchReplica;
  let replicaAdmin: Client;
  let t: TestApp;

  beforeAll(async () => {
    primary = await startScratchPostgres();
    await migrateAndSeed(primary.url);
    replica = await startScratchReplica(primary);
    replicaAdmin = replica.admin();
    await replicaAdmin.connect();
    t = await createTestApp('2025-03-10', {
      databaseUrl: primary.url,
      database: { readUrl: replica.url },
    });
  }, 180_000);
  afterAll(async () => {
    await replicaAdmin?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await replicaAdmin?.end();
    await t?.close();
    await replica?.destroy();
    await primary?.destroy();
  });

  const inRecovery = (rows: Array<{ standby: boolean }>) => rows[0].standby;
  const RECOVERY = 'SELECT pg_is_in_recovery() AS standby';

  it('sends ReplicaReads to the replica and transactions and plain reads to the primary', async () => {
    expect(inRecovery(await t.app.get(ReplicaReads).query(RECOVERY))).toBe(true);
    expect(inRecovery(await t.db.query(RECOVERY))).toBe(false);
    const inTx = await t.app
      .get(UnitOfWork)
      .run({ userId: null, unitId: null }, async (tx) => inRecovery(await tx.read.query(RECOVERY)));
    expect(inTx).toBe(false);
  });

  it('serves the overdue list from the replica, and shows a write once it is replayed', async () => {
    const [open] = await t.db.query(
      `SELECT a.id, a.version, a.unit_id AS "unitId" FROM assignments a
       WHERE a.completed_on IS NULL AND a.due_on > '2025-03-10' ORDER BY a.id LIMIT 1`,
    );
    const supervisor = await t.as('supervisor');
    const overdueIds = async () => {
      const res = await t
        .http()
        .get('/supervision/overdue')
        .query({ unitId: open.unitId, pageSize: 100 })
        .set(supervisor);
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ assignmentId: string }>).map((r) => r.assignmentId);
    };
    expect(await overdueIds()).not.toContain(open.id);

    // Replay paused: the replica keeps the state before the write, the primary takes the write.
    await replicaAdmin.query('SELECT pg_wal_replay_pause()');
    const write = await t
      .http()
      .patch(`/assignments/${open.id}`)
      .set(await t.as('leader'))
      .send({ version: open.version, dueOn: '2025-01-31' });
    expect(write.status).toBe(200);
    // Read back on the primary (the write's own answer and a plain GET).
    expect(write.body.dueOn).toBe('2025-01-31');
    expect(await overdueIds()).not.toContain(open.id);

    await replicaAdmin.query('SELECT pg_wal_replay_resume()');
    await waitFor('the replica to replay the write', async () =>
      (await overdueIds()).includes(open.id),
    );
    const [stored] = await t.db.query('SELECT due_on AS "dueOn" FROM assignments WHERE id = $1', [
      open.id,
    ]);
    expect(stored.dueOn).toBe('2025-01-31');
  });
});
