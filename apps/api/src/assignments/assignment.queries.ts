import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityMetadata } from 'typeorm';
import { Assignment, hydrate, Item, PreparedStatements, Unit } from '@app/database';
import { AccessScope } from '../auth/actor';
import { acknowledgementSql } from '../chain/acknowledgement';
import { AssignmentListQuery } from './assignment.dto';
import { totalOfLastPage } from '../common/pagination';
import { inScope, scopeCondition, scopeParam } from '../auth/scope-sql';

/** An assignment's row with the names of its item and unit a view shows. */
type Row = Record<string, unknown>;

/** Of the item and the unit, what a view shows, on the aliases `item` and `unit`. */
const NAMES = `item.number AS "item.number", item.number_text AS "item.numberText",
  item.title AS "item.title", unit.name AS "unit.name"`;

/** The same names for a statement that writes the row as `written` and answers it. */
export const WRITTEN_NAMES = {
  select: NAMES,
  joins:
    'JOIN items item ON item.id = written.item_id JOIN units unit ON unit.id = written.unit_id',
};

/**
 * Every read of assignments goes through the caller's scope, inside the SQL: a unit's query
 * cannot return another unit's row whatever filters it sends.
 *
 * Named, prepared statements: these are the reads of every list page and every status update,
 * and PostgreSQL spent more time planning them than running them (see PreparedStatements).
 */
@Injectable()
export class AssignmentQueries {
  /**
   * The assignment whole, and of its item and unit only what a view names: an item's body and a
   * unit's addresses would be read, parsed and mapped on every list page and status update.
   */
  private readonly select: string;
  private readonly metadata: EntityMetadata;
  /** A list's page and count per filters' text (see listTexts). */
  private readonly lists = new Map<string, { page: string; count: string }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly statements: PreparedStatements,
  ) {
    this.metadata = db.getMetadata(Assignment);
    const columns = this.metadata.columns
      .filter((c) => c.isSelect)
      .map((c) => `a.${c.databaseName}`);
    this.select = `SELECT ${columns.join(', ')}, ${NAMES}
        FROM assignments a
        JOIN items item ON item.id = a.item_id
        JOIN units unit ON unit.id = a.unit_id`;
  }

  async list(
    scope: AccessScope,
    q: AssignmentListQuery,
    today: string,
  ): Promise<[Assignment[], number]> {
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const where = ['TRUE', ...scopeCondition(scope, 'a', param)];
    if (q.planId) where.push(`a.plan_id = ${param(q.planId)}`);
    if (q.itemId) where.push(`a.item_id = ${param(q.itemId)}`);
    if (q.unitId) where.push(`a.unit_id = ${param(q.unitId)}`);
    if (q.status) where.push(`a.status = ${param(q.status)}`);
    if (q.role) where.push(`a.role = ${param(q.role)}`);
    if (q.dueBefore) where.push(`a.due_on <= ${param(q.dueBefore)}`);
    if (q.dueAfter) where.push(`a.due_on >= ${param(q.dueAfter)}`);
    if (q.acknowledgement) {
      // Only the filter for late 签收 reads the date; a parameter no text names has no type.
      const on = `$${values.length + 1}::date`;
      const condition = acknowledgementSql('a', q.acknowledgement, on);
      if (condition.includes(on)) values.push(today);
      where.push(condition);
    }
    const filter = where.join(' AND ');
    const texts = this.listTexts(filter, values.length);
    values.push(q.pageSize, q.offset);
    const rows = await this.statements.query<Row>(texts.page, values);
    const total =
      totalOfLastPage(q, rows.length) ??
      (
        await this.statements.query<{ total: number }>(
          texts.count,
          values.slice(0, values.length - 2),
        )
      )[0].total;
    return [rows.map((row) => this.entity(row)), total];
  }

  /**
   * A list's page and count for one set of filters (their text, never their values: a bounded
   * set), built once: a text built anew on every request was hashed anew to find its prepared
   * statement.
   */
  private listTexts(filter: string, filterValues: number): { page: string; count: string } {
    let texts = this.lists.get(filter);
    if (!texts) {
      this.lists.set(
        filter,
        (texts = {
          page: `${this.select} WHERE ${filter}
            ORDER BY a.due_on, item.number, unit.name, a.id
            LIMIT $${filterValues + 1} OFFSET $${filterValues + 2}`,
          // The filters are on the assignment alone, and its joins are many-to-one: the count
          // needs no join.
          count: `SELECT count(*)::int AS total FROM assignments a WHERE ${filter}`,
        }),
      );
    }
    return texts;
  }

  /** In the list's order; one query however many ids (a group can expand to dozens). */
  async findMany(scope: AccessScope, ids: string[]): Promise<Assignment[]> {
    if (!ids.length) return [];
    const rows = await this.statements.query<Row>(
      `${this.select} WHERE a.id = ANY($1::uuid[]) AND ${inScope('a', 2)} ORDER BY unit.name`,
      [ids, scopeParam(scope)],
    );
    return rows.map((row) => this.entity(row));
  }

  async findOne(scope: AccessScope, id: string): Promise<Assignment | null> {
    const [row] = await this.statements.query<Row>(
      `${this.select} WHERE a.id = $1 AND ${inScope('a', 2)}`,
      [id, scopeParam(scope)],
    );
    return row ? this.entity(row) : null;
  }

  /** A row read or written with the names (`WRITTEN_NAMES`) as the entity a view is made from. */
  entity(row: Row): Assignment {
    const assignment = hydrate(this.metadata, this.db.driver, row) as Assignment;
    assignment.item = Object.assign(new Item(), {
      id: assignment.itemId,
      number: row['item.number'],
      numberText: row['item.numberText'],
      title: row['item.title'],
    });
    assignment.unit = Object.assign(new Unit(), {
      id: assignment.unitId,
      name: row['unit.name'],
    });
    return assignment;
  }
}
