import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, Clock, todayIn } from '@app/calendar';
import {
  ASSIGNMENT_ROLE_LABEL,
  ASSIGNMENT_STATUS_LABEL,
  AssignmentRole,
  AssignmentStatus,
  ITEM_STATUS_LABEL,
  itemStanding,
  ItemStanding,
  Plan,
} from '@app/database';
import { page } from '../common/pagination';
import { attachment } from '../common/attachment';
import { SheetColumn, writeSheet } from '../exports/xlsx';
import { BreakdownQueries, BreakdownRow } from './breakdown.queries';
import {
  OverdueFilter,
  OverdueQuery,
  OverdueRow,
  StatisticsQuery,
  StatisticsRow,
  StatisticsView,
  WarningQuery,
} from './supervision.dto';
import { SupervisionQueries } from './supervision.queries';

/** An export is a meeting handout, not a database dump: past this many rows, filter first. */
export const EXPORT_MAX_ROWS = 100_000;

export interface FileDownload {
  body: Buffer;
  disposition: string;
}

const OVERDUE_COLUMNS: SheetColumn<OverdueRow>[] = [
  { header: '方案', width: 36, value: (r) => r.planTitle },
  { header: '条目', width: 8, value: (r) => `(${r.itemNumberText})` },
  { header: '任务内容', width: 40, value: (r) => r.itemTitle },
  { header: '责任单位', width: 24, value: (r) => r.unitName },
  { header: '角色', width: 8, value: (r) => ASSIGNMENT_ROLE_LABEL[r.role as AssignmentRole] },
  { header: '完成时限', width: 12, value: (r) => r.dueOn },
  { header: '逾期天数', width: 10, value: (r) => r.daysOverdue },
  {
    header: '状态',
    width: 10,
    value: (r) => ASSIGNMENT_STATUS_LABEL[r.status as AssignmentStatus] ?? r.status,
  },
  { header: '进度', width: 8, value: (r) => `${r.progressPercent}%` },
  { header: '最近报送', width: 12, value: (r) => r.lastReportOn },
];

const STAT_GROUP_LABEL = { unit: '单位', plan: '方案', section: '章' } as const;

const statisticsColumns = (
  groupBy: keyof typeof STAT_GROUP_LABEL,
): SheetColumn<StatisticsRow>[] => [
  { header: '排名', width: 8, value: (r) => r.rank },
  { header: STAT_GROUP_LABEL[groupBy], width: 36, value: (r) => r.name },
  { header: '分工数', width: 10, value: (r) => r.assigned },
  { header: '已到期', width: 10, value: (r) => r.due },
  { header: '已办结', width: 10, value: (r) => r.completed },
  { header: '按期办结', width: 10, value: (r) => r.completedOnTime },
  {
    header: '按期完成率',
    width: 12,
    value: (r) => (r.onTimeRate === null ? '—' : `${Math.round(r.onTimeRate * 1000) / 10}%`),
  },
  { header: '逾期', width: 8, value: (r) => r.overdue },
  { header: '逾期未答复督办单', width: 12, value: (r) => r.noticesOverdue },
  { header: '应报送', width: 10, value: (r) => r.reportsDue },
  { header: '应报未报', width: 10, value: (r) => r.reportsMissing },
  { header: '年度目标', width: 10, value: (r) => r.recurringTargets },
  { header: '已达标', width: 10, value: (r) => r.recurringTargetsMet },
];

/** A breakdown row with the item's standing by the one rule, as of the table's date. */
type BreakdownLine = BreakdownRow & { standing: ItemStanding };

const BREAKDOWN_COLUMNS: SheetColumn<BreakdownLine>[] = [
  { header: '任务内容', width: 60, value: (r) => `(${r.numberText})${r.title}` },
  { header: '牵头单位', width: 24, value: (r) => r.leadUnits },
  { header: '配合单位', width: 36, value: (r) => r.coUnits },
  { header: '完成时限', width: 14, value: (r) => r.deadlineText ?? r.dueOn },
  {
    header: '进展情况',
    width: 28,
    value: ({ standing: s }) =>
      s.deciding
        ? `${s.decidingCompleted}/${s.deciding} 个牵头单位办结，进度 ${s.percent}%`
        : '未分工',
  },
  { header: '状态', width: 10, value: (r) => ITEM_STATUS_LABEL[r.standing.status] },
  {
    header: '预警',
    width: 14,
    value: (r) =>
      r.overdue
        ? `红灯（${r.overdue} 个单位逾期）`
        : r.yellow
          ? `黄灯（${r.yellow} 个单位）`
          : '绿灯',
  },
];

@Injectable()
export class SupervisionService {
  constructor(
    private readonly queries: SupervisionQueries,
    private readonly breakdown: BreakdownQueries,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private dates(asOf?: string) {
    const today = todayIn(this.clock);
    return { today, asOf: asOf ?? today };
  }

  async overdue(q: OverdueQuery) {
    const { today, asOf } = this.dates(q.asOf);
    const [rows, total] = await this.queries.overdue(q, asOf, today, {
      limit: q.pageSize,
      offset: q.offset,
    });
    return { ...page(rows, total, q), asOf };
  }

  async warnings(q: WarningQuery) {
    const { today, asOf } = this.dates(q.asOf);
    const [rows, total] = await this.queries.warnings(q, asOf, today);
    return { ...page(rows, total, q), asOf };
  }

  async statistics(q: StatisticsQuery): Promise<StatisticsView> {
    const { asOf } = this.dates(q.asOf);
    return { asOf, groupBy: q.groupBy, rows: await this.queries.statistics(q, q.groupBy, asOf) };
  }

  async overdueWorkbook(q: OverdueFilter): Promise<FileDownload> {
    const { today, asOf } = this.dates(q.asOf);
    const rows = await this.queries.overdueRows(q, asOf, today, EXPORT_MAX_ROWS);
    const body = await writeSheet(
      '逾期清单',
      `逾期任务清单（截至 ${asOf}）`,
      OVERDUE_COLUMNS,
      rows,
    );
    return { body, disposition: attachment(`逾期任务清单-${asOf}.xlsx`) };
  }

  async statisticsWorkbook(q: StatisticsQuery): Promise<FileDownload> {
    const { asOf } = this.dates(q.asOf);
    const rows = await this.queries.statistics(q, q.groupBy, asOf);
    const body = await writeSheet(
      '统计',
      `落实情况统计（按${STAT_GROUP_LABEL[q.groupBy]}，截至 ${asOf}）`,
      statisticsColumns(q.groupBy),
      rows,
    );
    return { body, disposition: attachment(`落实情况统计-${asOf}.xlsx`) };
  }

  async breakdownWorkbook(planId: string, asOfParam?: string): Promise<FileDownload> {
    const { asOf } = this.dates(asOfParam);
    const plan = await this.db.manager.findOne(Plan, { where: { id: planId } });
    if (!plan) throw new NotFoundException('未找到该方案');
    const rows = (await this.breakdown.rows(planId, asOf, 14)).map((r) => ({
      ...r,
      standing: itemStanding(r.shares, asOf),
    }));
    const body = await writeSheet(
      '任务分解表',
      `${plan.title} 任务分解表（截至 ${asOf}）`,
      BREAKDOWN_COLUMNS,
      rows,
    );
    return { body, disposition: attachment(`${plan.title}-任务分解表.xlsx`) };
  }
}
