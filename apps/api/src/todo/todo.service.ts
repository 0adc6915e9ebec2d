import { Inject, Injectable } from '@nestjs/common';
import {
  calendarWarning,
  CLOCK,
  Clock,
  PeriodKind,
  periodContaining,
  todayIn,
} from '@app/calendar';
import { CalendarSource, NoticeStatus, ReportFrequency, Role } from '@app/database';
import { Actor } from '../auth/actor';
import { NoticeListQuery, NoticeView } from '../supervision/notice.dto';
import { NoticesService } from '../supervision/notices.service';
import { DEFAULT_WARNING_DAYS, WarningQuery } from '../supervision/supervision.dto';
import { SupervisionQueries } from '../supervision/supervision.queries';
import { ReviewEntry, TodoAssignment, TodoReport, TodoView } from './todo.dto';
import { TodoQueries } from './todo.queries';

const label = (kind: string, start: string) => periodContaining(kind as PeriodKind, start).label;

/**
 * 我的待办: what waits for the signed-in user, in one call. It composes the queries the
 * supervision office, the notices and the digest already use; it has no rules of its own.
 */
@Injectable()
export class TodoService {
  constructor(
    private readonly queries: TodoQueries,
    private readonly supervision: SupervisionQueries,
    private readonly notices: NoticesService,
    private readonly calendar: CalendarSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forActor(actor: Actor): Promise<TodoView> {
    const today = todayIn(this.clock);
    const view: TodoView = { role: actor.role, today };
    switch (actor.role) {
      case Role.Unit:
        view.unit = await this.unit(actor, today);
        break;
      case Role.Leadership:
        view.leadership = await this.leadership();
        break;
      case Role.Supervisor:
        view.supervision = await this.supervisionOffice(actor, today);
        break;
      case Role.Admin:
        await this.calendar.refreshIfChanged();
        view.admin = {
          ...(await this.queries.directoryCounts()),
          // The same rule as the health check and the leadership office's digest.
          calendarWarning: calendarWarning(today, this.calendar.calendar())?.message ?? null,
        };
        break;
    }
    return view;
  }

  /** The actor's notices (scoped by the notices service) in the given statuses, by reply date. */
  private async openNotices(actor: Actor, statuses: NoticeStatus[]): Promise<NoticeView[]> {
    const q = Object.assign(new NoticeListQuery(), { pageSize: 500 });
    const page = await this.notices.list(actor, q);
    return page.items.filter((n) => statuses.includes(n.status));
  }

  private async unit(actor: Actor, today: string) {
    const [unacknowledged, assignments, due, returned, notices] = await Promise.all([
      this.queries.unacknowledged(actor.unitId, today),
      this.queries.unitAssignments(actor.unitId, today, DEFAULT_WARNING_DAYS),
      this.queries.unitReportsDue(actor.unitId, today),
      this.queries.reports('returned', actor.unitId),
      this.openNotices(actor, [NoticeStatus.Issued, NoticeStatus.Returned]),
    ]);
    return {
      unacknowledged: unacknowledged.map((u) => ({
        ...u,
        late: Boolean(u.late),
        since: iso(u.since),
      })),
      assignments: assignments.map(({ n: _n, ...a }) => a as unknown as TodoAssignment),
      reportsDue: due.map((r) => ({
        ...r,
        periodKind: r.periodKind as ReportFrequency,
        periodLabel: label(r.periodKind, r.periodStart),
      })),
      returnedReports: returned.map(reportEntry),
      notices,
    };
  }

  private async leadership() {
    const [reports, work, draftPlans, extensions] = await Promise.all([
      this.queries.reports('submitted'),
      this.queries.submittedWork(),
      this.queries.draftPlans(),
      this.queries.pendingExtensions(),
    ]);
    const inbox: ReviewEntry[] = [
      ...reports.map((r) => ({
        kind: 'report' as const,
        reportId: r.reportId,
        assignmentId: r.assignmentId,
        unitName: r.unitName,
        planTitle: r.planTitle,
        itemId: r.itemId,
        itemNumberText: r.itemNumberText,
        itemTitle: r.itemTitle,
        periodLabel: label(r.periodKind, r.periodStart),
        since: iso(r.submittedAt),
      })),
      ...work.map((w) => ({
        kind: 'work' as const,
        reportId: null,
        periodLabel: null,
        ...w,
        since: iso(w.since),
      })),
      ...extensions.map(({ currentDueOn, requestedDueOn, ...e }) => ({
        kind: 'extension' as const,
        reportId: null,
        periodLabel: null,
        extension: `${currentDueOn} → ${requestedDueOn}`,
        ...e,
        since: iso(e.since),
      })),
    ].sort((a, b) => a.since.localeCompare(b.since));
    return { reviewInbox: inbox.slice(0, 100), reviewTotal: inbox.length, draftPlans };
  }

  private async supervisionOffice(actor: Actor, today: string) {
    const top = (level: 'red' | 'yellow') =>
      this.supervision.warnings(
        Object.assign(new WarningQuery(), { level, pageSize: 10 }),
        today,
        today,
      );
    const [overdueByUnit, [red, redTotal], [yellow, yellowTotal], notices] = await Promise.all([
      this.queries.overdueByUnit(today),
      top('red'),
      top('yellow'),
      this.openNotices(actor, [NoticeStatus.Issued, NoticeStatus.Returned, NoticeStatus.Answered]),
    ]);
    return { overdueByUnit, redTotal, yellowTotal, warnings: [...red, ...yellow], notices };
  }
}

function iso(value: Date | string | null): string {
  return value instanceof Date ? value.toISOString() : (value ?? '');
}

function reportEntry(r: Awaited<ReturnType<TodoQueries['reports']>>[number]): TodoReport {
  return {
    reportId: r.reportId,
    assignmentId: r.assignmentId,
    unitName: r.unitName,
    planTitle: r.planTitle,
    itemId: r.itemId,
    itemNumberText: r.itemNumberText,
    itemTitle: r.itemTitle,
    periodLabel: label(r.periodKind, r.periodStart),
    reviewComment: r.reviewComment,
    submittedAt: r.submittedAt ? iso(r.submittedAt) : null,
  };
}
