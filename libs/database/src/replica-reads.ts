import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreparedStatements } from './prepared-statements';

/** Enough for the statistics of 10,000 units; per statement, and only for the aggregates. */
export const AGGREGATE_WORK_MEM = '32MB';

/**
 * The reads that may be served by a streaming replica (DATABASE_READ_URL): supervision lists and
 * statistics, exports, annual reports. They are heavy, read-only, and a second of replication
 * lag does not change what a meeting table says. Without a replica they run on the primary.
 *
 * Everything else stays on the primary: TypeORM's replication is configured with
 * `defaultMode: 'master'` (see dataSourceOptions), so a plain `find()` or `query()` still reads
 * the primary, and a unit of work's transaction always runs there (reads inside a write see the
 * write and take its locks). Only what is injected with this class reads the replica.
 */
@Injectable()
export class ReplicaReads {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly statements: PreparedStatements,
  ) {}

  /**
   * One statement on the replica, prepared once per connection (see PreparedStatements): for
   * the list pages read most often, whose text names only the filters a request uses, so each
   * text's generic plan stays the plan of its filters.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  prepared<T = any>(sql: string, parameters: unknown[]): Promise<T[]> {
    return this.statements.query<T>(sql, parameters, 'replica');
  }

  /** One statement on the replica (TypeORM picks among `slaves`; the primary without one). */
  // `any` by default, as DataSource.query: the callers name their row types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async query<T = any>(sql: string, parameters?: unknown[]): Promise<T> {
    const runner = this.db.createQueryRunner('slave');
    try {
      return (await runner.query(sql, parameters)) as T;
    } finally {
      await runner.release();
    }
  }

  /**
   * One statement that aggregates every assignment (statistics by unit, plan or section), with
   * a larger work_mem for its own read-only transaction only. With PostgreSQL's default of
   * 4 MB its hash tables spill to disk from a few thousand units on, and its time grows faster
   * than the data: at 10,000 units and 1.5 million assignments the statistics by unit wrote
   * 24 MB of batches and took 10.4 s against 8.8 s in memory (needing 13 and 18 MB).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async aggregate<T = any>(sql: string, parameters?: unknown[]): Promise<T> {
    const runner = this.db.createQueryRunner('slave');
    try {
      await runner.query('BEGIN READ ONLY');
      try {
        await runner.query(`SET LOCAL work_mem = '${AGGREGATE_WORK_MEM}'`);
        const rows = (await runner.query(sql, parameters)) as T;
        await runner.query('COMMIT');
        return rows;
      } catch (error) {
        await runner.query('ROLLBACK');
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  /** Whether a replica is configured at all (health and the start-up log say so). */
  get replicated(): boolean {
    return 'replication' in this.db.options && !!this.db.options.replication;
  }
}
