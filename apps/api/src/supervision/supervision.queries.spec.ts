import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplicaReads } from '@app/database';
import { OverdueQuery, StatGroup, WarningQuery } from './supervision.dto';
import { SupervisionQueries } from './supervision.queries';

/*
 * The supervision statements are composed from the shared rules (open work, 应报未报, targets,
 * 签收) into statements of thousands of characters. Their composed text is kept in
 * sql-snapshots/*.sql, so a change anywhere in the rules shows in review as a diff of the SQL the
 * hot path runs. After an intended change: UPDATE_SQL_SNAPSHOTS=1 npx jest supervision.queries.
 */
const DIR = join(__dirname, 'sql-snapshots');
const UPDATE = process.env.UPDATE_SQL_SNAPSHOTS === '1';

/**
 * Records each statement and answers as an empty database would, or with `rows` empty rows for
 * a list (a full page, whose total only the count can tell).
 */
function recorder(rows = 0): { db: ReplicaReads; statements: string[]; prepared: string[] } {
  const statements: string[] = [];
  const prepared: string[] = [];
  const query = async (sql: string) => {
    statements.push(sql);
    return /^\s*SELECT [^\n]*\bAS total\b/.test(sql)
      ? [{ total: 0 }]
      : Array.from({ length: rows }, () => ({}));
  };
  const db = {
    query,
    prepared: (sql: string) => (prepared.push(sql), query(sql)),
    aggregate: query,
  } as unknown as ReplicaReads;
  return { db, statements, prepared };
}

/** Indentation and blank runs are layout, not meaning: one statement, one line per clause. */
const normalise = (sql: string) =>
  sql
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n') + '\n';

function matchesSnapshot(name: string, statements: string[]): void {
  const text = statements.map(normalise).join('\n-- next statement\n');
  const file = join(DIR, `${name}.sql`);
  if (UPDATE) writeFileSync(file, text);
  expect(text).toBe(readFileSync(file, 'utf8'));
}

describe('the supervision statements, as reviewed SQL', () => {
  const AS_OF = '2025-03-10';

  it('overdue: the page in due-date order and its count', async () => {
    const q = new OverdueQuery();
    const { db, statements } = recorder(q.pageSize);
    await new SupervisionQueries(db).overdue(q, AS_OF, AS_OF, {
      limit: q.pageSize,
      offset: q.offset,
    });
    expect(statements).toHaveLength(2);
    matchesSnapshot('overdue', statements);
  });

  it('overdue for one unit', async () => {
    const q = Object.assign(new OverdueQuery(), {
      unitId: '00000000-0000-4000-8000-000000000001',
    });
    const { db, statements } = recorder(q.pageSize);
    await new SupervisionQueries(db).overdue(q, AS_OF, AS_OF, {
      limit: q.pageSize,
      offset: q.offset,
    });
    matchesSnapshot('overdue-unit', statements);
  });

  it('overdue for one unit: the count goes out with the page, not after it', async () => {
    const { db, statements } = recorder(3);
    const q = Object.assign(new OverdueQuery(), {
      unitId: '00000000-0000-4000-8000-000000000001',
    });
    const answer = new SupervisionQueries(db).overdue(q, AS_OF, AS_OF, {
      limit: q.pageSize,
      offset: q.offset,
    });
    // Both were sent before either answer was awaited.
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/count\(\*\)::int AS total/);
    const [rows, total] = await answer;
    expect(rows).toHaveLength(3);
    expect(total).toBe(0); // the recorder's count
  });

  it('overdue for one unit: page and count are prepared as of today, planned for their values as of a past date', async () => {
    const q = Object.assign(new OverdueQuery(), {
      unitId: '00000000-0000-4000-8000-000000000001',
    });
    const window = { limit: q.pageSize, offset: q.offset };
    const today = recorder(q.pageSize);
    await new SupervisionQueries(today.db).overdue(q, AS_OF, AS_OF, window);
    expect(today.prepared).toEqual(today.statements);
    const past = recorder(q.pageSize);
    await new SupervisionQueries(past.db).overdue(q, '2025-01-31', AS_OF, window);
    expect(past.prepared).toEqual([past.statements[0]]);
    expect(past.statements[1]).toMatch(/count\(\*\)::int AS total/);
  });

  it('warnings: red and yellow with their reasons, and the count', async () => {
    const { db, statements } = recorder();
    await new SupervisionQueries(db).warnings(new WarningQuery(), AS_OF, AS_OF);
    expect(statements.length).toBeGreaterThanOrEqual(2);
    matchesSnapshot('warnings', statements);
  });

  it.each(['unit', 'plan', 'section'] as StatGroup[])('statistics by %s', async (groupBy) => {
    const { db, statements } = recorder();
    await new SupervisionQueries(db).statistics({}, groupBy, AS_OF);
    expect(statements).toHaveLength(1);
    matchesSnapshot(`statistics-${groupBy}`, statements);
  });

  it('keeps no snapshot that no test writes', () => {
    expect(readdirSync(DIR).sort()).toEqual(
      [
        'overdue.sql',
        'overdue-unit.sql',
        'statistics-plan.sql',
        'statistics-section.sql',
        'statistics-unit.sql',
        'warnings.sql',
      ].sort(),
    );
  });
});
