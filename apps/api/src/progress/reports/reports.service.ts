import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { CLOCK, Clock, periodContaining, PeriodKind, todayIn } from '@app/calendar';
import {
  Assignment,
  AssignmentStatus,
  Item,
  Plan,
  ProgressReport,
  RecurringTarget,
  ReportFrequency,
  ReportStatus,
  Role,
  Tx,
  Unit,
  UnitOfWork,
  DeliveryKind,
  REPORT_STATUS_LABEL as LABEL,
  statusAfterAcceptedReport,
} from '@app/database';
import { composeEvent } from '@app/reminders';
import { AssignmentQueries } from '../../assignments/assignment.queries';
import { EventMail } from '../../reminders/event-mail';
import { Actor, scopeOf } from '../../auth/actor';
import { page, Page, PageQuery } from '../../common/pagination';
import {
  CreateReportDto,
  FigureDto,
  ReportView,
  ReviewReportDto,
  UpdateReportDto,
  VersionDto,
} from './report.dto';
import { EvidenceQueries } from '../evidence/evidence.queries';
import { ReportQueries } from './report.queries';

/** A unit may change a report (and its files) until it is submitted, and again when returned. */
export const EDITABLE = [ReportStatus.Draft, ReportStatus.Returned];

/**
 * Progress reports: the assignment's own unit files, edits while it is a draft (or returned),
 * submits; the leadership office accepts or returns it. Anyone who may see the assignment may
 * read its reports; nobody else learns they exist.
 */
const STALE_REPORT = '该报送已被修改，请刷新后重试';

@Injectable()
export class ReportsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly assignments: AssignmentQueries,
    private readonly queries: ReportQueries,
    private readonly files: EvidenceQueries,
    private readonly mail: EventMail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The assignment if the actor may see it (404 otherwise, as if it did not exist). */
  async visibleAssignment(actor: Actor, assignmentId: string): Promise<Assignment> {
    const assignment = await this.assignments.findOne(scopeOf(actor), assignmentId);
    if (!assignment) throw new NotFoundException('未找到该责任分工');
    return assignment;
  }

  /** Filing and editing belong to the unit that holds the assignment, nobody else. */
  async ownAssignment(actor: Actor, assignmentId: string): Promise<Assignment> {
    const assignment = await this.visibleAssignment(actor, assignmentId);
    if (actor.role !== Role.Unit || assignment.unitId !== actor.unitId) {
      throw new ForbiddenException('只有承担该分工的单位可以填报进展');
    }
    return assignment;
  }

  async list(actor: Actor, assignmentId: string, query: PageQuery): Promise<Page<ReportView>> {
    await this.visibleAssignment(actor, assignmentId);
    const [reports, total] = await this.queries.reportsOf(scopeOf(actor), assignmentId, query);
    return page(await this.views(actor, reports), total, query);
  }

  async get(actor: Actor, id: string): Promise<ReportView> {
    const report = await this.visibleReport(actor, id);
    return (await this.views(actor, [report]))[0];
  }

  async create(actor: Actor, assignmentId: string, dto: CreateReportDto): Promise<ReportView> {
    const assignment = await this.ownAssignment(actor, assignmentId);
    const id = await this.uow.run(actor, async (tx) => {
      const kind = dto.periodKind ?? (await this.defaultFrequency(tx, assignment));
      const period = periodContaining(kind, dto.periodDate);
      if (period.start > todayIn(this.clock)) {
        throw new BadRequestException(`periodDate：${period.label}尚未开始，不能提前填报`);
      }
      const taken = await tx.read.exists(ProgressReport, {
        where: { assignmentId, periodKind: kind, periodStart: period.start },
      });
      if (taken) throw new ConflictException(`${period.label}已有报送，请修改原报送`);
      await this.checkFigures(tx, assignment, dto.figures);
      const { periodKind: _k, periodDate: _d, ...content } = dto;
      const report = await tx.create(ProgressReport, {
        ...content,
        assignmentId,
        periodKind: kind,
        periodStart: period.start,
        periodEnd: period.end,
        createdByUserId: actor.userId,
      });
      return report.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateReportDto): Promise<ReportView> {
    const { version, ...changes } = dto;
    await this.uow.run(actor, async (tx) => {
      const { report, assignment } = await this.lockOwn(tx, actor, id, version);
      this.requireStatus(report, EDITABLE, '修改');
      await this.checkFigures(tx, assignment, changes.figures);
      await tx.update(ProgressReport, report, changes);
    });
    return this.get(actor, id);
  }

  async submit(actor: Actor, id: string, dto: VersionDto): Promise<ReportView> {
    await this.uow.run(actor, async (tx) => {
      const { report } = await this.lockOwn(tx, actor, id, dto.version);
      this.requireStatus(report, EDITABLE, '报送');
      if (!report.workDone.trim())
        throw new BadRequestException('workDone：报送前请填写工作开展情况');
      await tx.update(ProgressReport, report, {
        status: ReportStatus.Submitted,
        submittedAt: this.clock.now(),
      });
    });
    return this.get(actor, id);
  }

  async accept(actor: Actor, id: string, dto: ReviewReportDto): Promise<ReportView> {
    await this.uow.run(actor, async (tx) => {
      const { report, assignment } = await this.lockForReview(tx, id, dto.version);
      await tx.update(ProgressReport, report, {
        status: ReportStatus.Accepted,
        reviewComment: dto.comment ?? null,
        reviewedAt: this.clock.now(),
        reviewedByUserId: actor.userId,
      });
      // The accepted figure becomes the assignment's progress, unless the work is already done;
      // work not started that reports progress is in progress (statusAfterAcceptedReport).
      if (assignment.status !== AssignmentStatus.Completed) {
        const status = statusAfterAcceptedReport(assignment.status, report.percent);
        const changes: Partial<Assignment> = {};
        if (assignment.progressPercent !== report.percent) changes.progressPercent = report.percent;
        if (status !== assignment.status) changes.status = status;
        if (Object.keys(changes).length) await tx.update(Assignment, assignment, changes);
      }
    });
    return this.get(actor, id);
  }

  async sendBack(actor: Actor, id: string, dto: ReviewReportDto): Promise<ReportView> {
    if (!dto.comment?.trim()) throw new BadRequestException('comment：退回时请写明意见');
    await this.uow.run(actor, async (tx) => {
      const { report, assignment } = await this.lockForReview(tx, id, dto.version);
      const returned = await tx.update(ProgressReport, report, {
        status: ReportStatus.Returned,
        reviewComment: dto.comment,
        reviewedAt: this.clock.now(),
        reviewedByUserId: actor.userId,
      });
      await this.mailReturned(tx, returned, assignment);
    });
    return this.get(actor, id);
  }

  /** The unit hears at once that its report came back (one email per return: the version). */
  private async mailReturned(tx: Tx, report: ProgressReport, assignment: Assignment) {
    const unit = await tx.read.findOneOrFail(Unit, { where: { id: assignment.unitId } });
    const item = await tx.read.findOneOrFail(Item, { where: { id: assignment.itemId } });
    const period = periodContaining(report.periodKind as PeriodKind, report.periodStart).label;
    await this.mail.record(tx, [
      {
        unitId: unit.id,
        kind: DeliveryKind.ReportReturned,
        key: `${report.id}:${report.version}`,
        itemCount: 1,
        email: composeEvent(
          `${unit.name}：${period}进展报送被退回`,
          `${unit.name}：贵单位报送的以下进展被领导小组办公室退回，请修改后重新报送。`,
          '退回的进展报送',
          [
            {
              text: `(${item.numberText})${item.title} · ${period}`,
              link: this.mail.link(`/reports/${report.id}/edit`),
            },
          ],
          [`退回意见：${report.reviewComment ?? ''}`],
        ),
      },
    ]);
  }

  /** A report the actor may see, or 404. */
  async visibleReport(actor: Actor, id: string): Promise<ProgressReport> {
    const report = await this.queries.findReport(scopeOf(actor), id);
    if (!report) throw new NotFoundException('未找到该进展报送');
    return report;
  }

  /** Locks a report its own unit is about to change; the version must be the one it read. */
  async lockOwn(tx: Tx, actor: Actor, id: string, version?: number) {
    const report = await this.visibleReport(actor, id);
    const assignment = await this.ownAssignment(actor, report.assignmentId);
    const locked = await tx.lock(ProgressReport, id, {
      missing: '未找到该进展报送',
      version,
      stale: STALE_REPORT,
    });
    return { report: locked, assignment };
  }

  requireStatus(report: ProgressReport, allowed: ReportStatus[], action: string): void {
    if (!allowed.includes(report.status)) {
      throw new ConflictException(
        `报送当前为“${LABEL[report.status]}”，不能${action}；只有${allowed.map((s) => `“${LABEL[s]}”`).join('或')}的报送可以${action}`,
      );
    }
  }

  private async lockForReview(tx: Tx, id: string, version: number) {
    const report = await tx.lock(ProgressReport, id, {
      missing: '未找到该进展报送',
      version,
      stale: STALE_REPORT,
    });
    this.requireStatus(report, [ReportStatus.Submitted], '审核');
    const assignment = await tx.lock(Assignment, report.assignmentId, {
      missing: '未找到该责任分工',
    });
    return { report, assignment };
  }

  private async defaultFrequency(tx: Tx, assignment: Assignment): Promise<ReportFrequency> {
    const item = await tx.read.findOneOrFail(Item, { where: { id: assignment.itemId } });
    if (item.reportFrequency) return item.reportFrequency;
    const plan = await tx.read.findOneOrFail(Plan, { where: { id: assignment.planId } });
    return plan.reportFrequency;
  }

  private async checkFigures(tx: Tx, assignment: Assignment, figures?: FigureDto[]): Promise<void> {
    const tagged = [...new Set((figures ?? []).map((f) => f.targetId).filter(Boolean))] as string[];
    if (!tagged.length) return;
    const targets = await tx.read.find(RecurringTarget, {
      where: { itemId: assignment.itemId },
    });
    const known = new Set(targets.map((t) => t.id));
    if (tagged.some((id) => !known.has(id))) {
      throw new BadRequestException('figures.targetId：只能计入本条目的常态化目标');
    }
  }

  private async views(actor: Actor, reports: ProgressReport[]): Promise<ReportView[]> {
    const files = await this.files.filesOf(
      scopeOf(actor),
      reports.map((r) => r.id),
    );
    return reports.map((r) =>
      ReportView.from(
        r,
        periodContaining(r.periodKind as PeriodKind, r.periodStart).label,
        files.filter((f) => f.reportId === r.id),
      ),
    );
  }
}
