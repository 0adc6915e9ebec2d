import { Injectable, NotFoundException } from '@nestjs/common';
import { periodContaining, PeriodKind } from '@app/calendar';
import {
  ASSIGNMENT_ROLE_LABEL,
  AssignmentRole,
  NOTICE_LEVEL_LABEL,
  NOTICE_STATUS_LABEL,
  NoticeLevel,
  NoticeStatus,
  EXTENSION_STATUS_LABEL,
  ExtensionStatus,
  REPORT_STATUS_LABEL,
  ReportStatus,
} from '@app/database';
import { Actor, scopeOf } from '../../auth/actor';
import { page, Page, PageQuery } from '../../common/pagination';
import { STATUS_LABEL } from '../../assignments/assignment-status';
import { PlanQueries } from '../../plans/plan.queries';
import { ReportsService } from '../reports/reports.service';
import { TimelineEvent } from './timeline.dto';
import { HistoryRow, TimelineQueries } from './timeline.queries';

type AuditRow = HistoryRow;

/** 2025年2月 for a monthly report; the start date if the row is not one we can read. */
function periodLabel(kind: string, start: string): string {
  try {
    return periodContaining(kind as PeriodKind, start).label;
  } catch {
    return `${start} 起的`;
  }
}

const QUIET = new Set(['updatedAt', 'createdAt', 'version']);

function changesOf(row: AuditRow): Record<string, [unknown, unknown]> {
  if (row.action !== 'update' || !row.before || !row.after) return {};
  const keys = new Set([...Object.keys(row.before), ...Object.keys(row.after)]);
  return Object.fromEntries(
    [...keys]
      .filter(
        (k) => !QUIET.has(k) && JSON.stringify(row.before![k]) !== JSON.stringify(row.after![k]),
      )
      .map((k) => [k, [row.before![k] ?? null, row.after![k] ?? null]]),
  );
}

/** One sentence a clerk understands for each audit row. */
function summarise(row: AuditRow, changes: Record<string, [unknown, unknown]>): string {
  const state = (row.after ?? row.before ?? {}) as Record<string, string>;
  switch (row.entityType) {
    case 'Assignment': {
      if (row.action === 'create')
        return `分配任务（${ASSIGNMENT_ROLE_LABEL[state.role as AssignmentRole]}），完成时限 ${state.dueOn}`;
      if (row.action === 'delete') return '取消该责任分工';
      const parts: string[] = [];
      if (changes.acknowledgedAt?.[1]) parts.push('签收任务');
      if (changes.status) {
        const [from, to] = changes.status as [keyof typeof STATUS_LABEL, keyof typeof STATUS_LABEL];
        parts.push(`状态：${STATUS_LABEL[from]} → ${STATUS_LABEL[to]}`);
      }
      if (changes.returnReason?.[1]) parts.push(`退回原因：${changes.returnReason[1]}`);
      if (changes.dueOn) parts.push(`完成时限：${changes.dueOn[0]} → ${changes.dueOn[1]}`);
      if (changes.progressPercent)
        parts.push(`进度：${changes.progressPercent[0]}% → ${changes.progressPercent[1]}%`);
      if (changes.role)
        parts.push(`角色：${ASSIGNMENT_ROLE_LABEL[changes.role[1] as AssignmentRole]}`);
      return parts.join('；') || '更新责任分工';
    }
    case 'ProgressReport': {
      const period = `${periodLabel(state.periodKind, state.periodStart)}进展报送`;
      if (row.action === 'create') return `填报${period}（草稿）`;
      if (changes.status) {
        const to = String(changes.status[1]);
        const comment = state.reviewComment && to !== 'submitted' ? `：${state.reviewComment}` : '';
        return `${period}${REPORT_STATUS_LABEL[to as ReportStatus] ?? to}${comment}`;
      }
      return `修改${period}`;
    }
    case 'ExtensionRequest': {
      if (row.action === 'create')
        return `申请延期：完成时限 ${state.currentDueOn} → ${state.requestedDueOn}，理由：${state.reason}`;
      if (changes.status) {
        const verdict = EXTENSION_STATUS_LABEL[state.status as ExtensionStatus] ?? state.status;
        const comment = state.decisionComment ? `，意见：${state.decisionComment}` : '';
        return `延期申请${verdict}（申请延至 ${state.requestedDueOn}）${comment}`;
      }
      return '修改延期申请';
    }
    case 'Chase':
      return `催办：${state.message}`;
    case 'EvidenceFile':
      return row.action === 'delete' ? `删除附件 ${state.fileName}` : `上传附件 ${state.fileName}`;
    case 'SupervisionNotice': {
      const number = `督办〔${state.numberYear}〕${state.numberSerial}号`;
      const level = (l: unknown) => NOTICE_LEVEL_LABEL[l as NoticeLevel] ?? String(l);
      if (row.action === 'create')
        return `下发${level(state.level)}督办单 ${number}，答复期限 ${state.replyBy}`;
      const parts: string[] = [];
      if (changes.level)
        parts.push(`等级：${level(changes.level[0])} → ${level(changes.level[1])}`);
      if (changes.status) {
        const to = changes.status[1] as NoticeStatus;
        parts.push(`${NOTICE_STATUS_LABEL[to] ?? to}`);
      }
      return `督办单 ${number}${parts.length ? `：${parts.join('；')}` : '更新'}`;
    }
    case 'NoticeAnswer': {
      if (row.action === 'create')
        return `答复督办单${state.noticeNumber ? ` ${state.noticeNumber}` : ''}`;
      if (changes.outcome)
        return `督办答复${changes.outcome[1] === 'returned' ? '被退回' : '办结'}${state.reviewComment ? `：${state.reviewComment}` : ''}`;
      return '督办答复更新';
    }
    case 'NoticeAnswerFile':
      return row.action === 'delete'
        ? `删除督办答复附件 ${state.fileName}`
        : `上传督办答复附件 ${state.fileName}`;
    case 'Item': {
      if (row.action !== 'update') return row.action === 'create' ? '创建条目' : '删除条目';
      const what = changes.dueOn ? `：完成时限 ${changes.dueOn[0]} → ${changes.dueOn[1]}` : '';
      return `修改条目${what}`;
    }
    default:
      return `${row.action} ${row.entityType}`;
  }
}

/** The history of an assignment or an item, read from the audit trail in the order it happened. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly reports: ReportsService,
    private readonly plans: PlanQueries,
    private readonly queries: TimelineQueries,
  ) {}

  async forAssignment(actor: Actor, id: string, query: PageQuery): Promise<Page<TimelineEvent>> {
    await this.reports.visibleAssignment(actor, id);
    const [rows, total] = await this.queries.assignmentHistory(scopeOf(actor), id, query);
    return page(this.events(rows), total, query);
  }

  /** A unit sees its own share of the item's history; the offices see every unit's. */
  async forItem(actor: Actor, id: string, query: PageQuery): Promise<Page<TimelineEvent>> {
    const scope = scopeOf(actor);
    if (!(await this.plans.findItem(scope, id))) throw new NotFoundException('未找到该条目');
    const [rows, total] = await this.queries.itemHistory(scope, id, query);
    return page(this.events(rows), total, query);
  }

  private events(rows: AuditRow[]): TimelineEvent[] {
    return rows.map((row) => {
      const changes = changesOf(row);
      return Object.assign(new TimelineEvent(), {
        at: row.at,
        username: row.username,
        displayName: row.displayName,
        entityType: row.entityType,
        entityId: row.entityId,
        assignmentId: row.assignmentId,
        unitName: row.unitName,
        action: row.action,
        summary: summarise(row, changes),
        changes,
      });
    });
  }
}
