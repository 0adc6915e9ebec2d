import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { NoticeAnswer, NoticeAnswerFile, NoticeLevel, ReadManager, User } from '@app/database';
import { NoticeAnswerView } from './notice.dto';
import { overdueOn, yellowOn } from './sql';
import { DEFAULT_WARNING_DAYS } from './supervision.dto';

/** One item a notice names, as the printed notice lists it. */
export interface NoticeDocumentItem {
  planTitle: string;
  itemNumberText: string;
  itemTitle: string;
  dueOn: string;
  /** Days past the due date on the day of printing; 0 when not overdue or done. */
  daysOverdue: number;
}

@Injectable()
export class NoticeQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The colour the warning lights suggest for a notice about these assignments on day d, by the
   * supervision lists' own rules (sql.ts): red when any is overdue, yellow when any is due soon
   * and behind or misses a report due, else blue (the notice is a reminder ahead of the date).
   */
  async suggestLevel(read: ReadManager, assignmentIds: string[], d: string): Promise<NoticeLevel> {
    const [row] = await read.query(
      `SELECT max(CASE WHEN ${overdueOn('$2::date')} THEN 3
                       WHEN ${yellowOn('$2::date', '$3')} THEN 2 ELSE 1 END)::int AS level
       FROM assignments a JOIN plans p ON p.id = a.plan_id JOIN items i ON i.id = a.item_id
       WHERE a.id = ANY($1::uuid[])`,
      [assignmentIds, d, DEFAULT_WARNING_DAYS],
    );
    return [NoticeLevel.Blue, NoticeLevel.Yellow, NoticeLevel.Red][(row?.level ?? 1) - 1];
  }

  /** The next number of an office in a year, taken inside the issuing transaction. */
  async nextSerial(read: ReadManager, officeUnitId: string, year: number): Promise<number> {
    const [row] = await read.query(
      `INSERT INTO notice_number_counters (office_unit_id, year, last_serial) VALUES ($1, $2, 1)
       ON CONFLICT (office_unit_id, year)
       DO UPDATE SET last_serial = notice_number_counters.last_serial + 1
       RETURNING last_serial AS serial`,
      [officeUnitId, year],
    );
    return row.serial;
  }

  /** Every answer of these notices, oldest first, with its files and who wrote it. */
  async answers(noticeIds: string[]): Promise<Map<string, NoticeAnswerView[]>> {
    const byNotice = new Map<string, NoticeAnswerView[]>();
    if (!noticeIds.length) return byNotice;
    const answers = await this.db.manager.find(NoticeAnswer, {
      where: { noticeId: In(noticeIds) },
      order: { answeredAt: 'ASC', createdAt: 'ASC' },
    });
    const files = answers.length
      ? await this.db.manager.find(NoticeAnswerFile, {
          where: { answerId: In(answers.map((a) => a.id)) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const userIds = [
      ...new Set(answers.map((a) => a.answeredByUserId).filter((x): x is string => !!x)),
    ];
    const users = userIds.length
      ? await this.db.manager.find(User, { where: { id: In(userIds) } })
      : [];
    const names = new Map(users.map((u) => [u.id, u.displayName || u.username]));
    for (const a of answers) {
      const list = byNotice.get(a.noticeId) ?? [];
      list.push(
        NoticeAnswerView.from(
          a,
          files.filter((f) => f.answerId === a.id),
          a.answeredByUserId ? (names.get(a.answeredByUserId) ?? null) : null,
        ),
      );
      byNotice.set(a.noticeId, list);
    }
    return byNotice;
  }

  /** The items a notice names, in the plan's order, with days overdue on day d. */
  documentItems(noticeId: string, d: string): Promise<NoticeDocumentItem[]> {
    return this.db.query(
      `SELECT p.title AS "planTitle", i.number_text AS "itemNumberText", i.title AS "itemTitle",
              a.due_on AS "dueOn",
              CASE WHEN ${overdueOn('$2::date')} THEN ($2::date - a.due_on) ELSE 0 END::int AS "daysOverdue"
       FROM supervision_notice_assignments na
       JOIN assignments a ON a.id = na.assignment_id
       JOIN items i ON i.id = a.item_id JOIN plans p ON p.id = a.plan_id
       WHERE na.notice_id = $1
       ORDER BY p.title, i.number`,
      [noticeId, d],
    );
  }
}
