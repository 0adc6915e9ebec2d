import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, Clock, periodContaining, todayIn } from '@app/calendar';
import {
  AssessmentSettings,
  NOTICE_LEVEL_LABEL,
  NOTICE_STATUS_LABEL,
  STALE_VERSION_MESSAGE,
  UnitOfWork,
} from '@app/database';
import { Actor, scopeOf } from '../auth/actor';
import { attachment, download } from '../common/attachment';
import { renderBulletinDocx } from '../documents/bulletin-docx';
import { DOCX_TYPE } from '../documents/official-docx';
import { SheetColumn, writeSheet, XLSX_TYPE } from '../exports/xlsx';
import { NoticesService } from '../supervision/notices.service';
import { OverdueFilter } from '../supervision/supervision.dto';
import { SupervisionQueries } from '../supervision/supervision.queries';
import { EXPORT_MAX_ROWS } from '../supervision/supervision.service';
import {
  AssessmentQuery,
  PeriodView,
  RulesView,
  ScoresView,
  UnitScoreDetail,
  UnitScoreView,
  UpdateRulesDto,
} from './assessment.dto';
import { AssessmentQueries } from './assessment.queries';
import {
  AssessmentRules,
  DEFAULT_RULES,
  mergeRules,
  PART_KEYS,
  PART_LABEL,
  rankByScore,
  scoreUnit,
  UnitRows,
} from './rules';

const SETTINGS_ID = 'default';

interface Scored {
  period: PeriodView;
  asOf: string;
  rows: Array<UnitScoreView & { parts: NonNullable<UnitScoreView['parts']> }>;
}

/** 考评 and 情况通报: scores per unit for a period, their ranking, and the documents made of them. */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly queries: AssessmentQueries,
    private readonly supervision: SupervisionQueries,
    private readonly notices: NoticesService,
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private settings(): Promise<AssessmentSettings | null> {
    return this.db.manager.findOne(AssessmentSettings, { where: { id: SETTINGS_ID } });
  }

  async rules(): Promise<RulesView> {
    const row = await this.settings();
    return {
      rules: mergeRules(row?.rules as never),
      defaults: DEFAULT_RULES,
      version: row?.version ?? null,
    };
  }

  async updateRules(actor: Actor, dto: UpdateRulesDto): Promise<RulesView> {
    await this.uow.run(actor, async (tx) => {
      const current = await tx.read.findOne(AssessmentSettings, {
        where: { id: SETTINGS_ID },
        lock: { mode: 'pessimistic_write' },
      });
      if ((current?.version ?? undefined) !== dto.version)
        throw new ConflictException(STALE_VERSION_MESSAGE);
      const rules = mergeRules({
        ...(current?.rules ?? {}),
        ...merge(current?.rules, dto.rules as Record<string, unknown>),
      });
      if (!PART_KEYS.some((k) => rules[k].weight > 0)) {
        throw new BadRequestException('rules：至少一项的分值须大于 0');
      }
      const values = {
        rules: rules as unknown as Record<string, unknown>,
        updatedByUserId: actor.userId,
      };
      if (current) await tx.update(AssessmentSettings, current, values);
      else await tx.create(AssessmentSettings, { id: SETTINGS_ID, ...values } as never);
    });
    return this.rules();
  }

  /** The period asked for and the day it is judged on. */
  private period(q: AssessmentQuery): { period: PeriodView; asOf: string } {
    const today = todayIn(this.clock);
    const p = periodContaining(q.periodKind, q.date ?? q.asOf ?? today);
    const asOf = q.asOf ?? (p.end < today ? p.end : today);
    if (asOf < p.start) {
      throw new BadRequestException(`asOf：截至日期不能早于考评周期的开始（${p.start}）`);
    }
    if (asOf > p.end) {
      throw new BadRequestException(`asOf：截至日期不能晚于考评周期的结束（${p.end}）`);
    }
    return { period: { kind: q.periodKind, start: p.start, end: p.end, label: p.label }, asOf };
  }

  private async score(q: AssessmentQuery): Promise<Scored> {
    const { period, asOf } = this.period(q);
    const [units, stored, due, overdue, reports, notices, acknowledgements] = await Promise.all([
      this.queries.units(),
      this.settings(),
      this.queries.due(period.start, asOf),
      this.queries.overdue(asOf),
      this.queries.reports(period.start, asOf),
      this.queries.notices(period.start, asOf),
      this.queries.acknowledgements(period.start, asOf),
    ]);
    const rules: AssessmentRules = mergeRules(stored?.rules as never);
    // Each unit's rows, sorted out in one pass.
    const buckets = new Map<string, UnitRows>();
    const of = (unitId: string): UnitRows => {
      let rows = buckets.get(unitId);
      if (!rows) buckets.set(unitId, (rows = emptyRows()));
      return rows;
    };
    for (const r of due) of(r.unitId).due.push(r);
    for (const r of overdue) of(r.unitId).overdue.push(r);
    for (const r of reports) of(r.unitId).reports.push(r);
    for (const r of notices) of(r.unitId).notices.push(r);
    for (const r of acknowledgements) (of(r.unitId).acknowledgements ??= []).push(r);
    const scored = units.map((u) => ({
      unitId: u.id,
      unitName: u.name,
      ...scoreUnit(buckets.get(u.id) ?? emptyRows(), rules),
    }));
    return { period, asOf, rows: rankByScore(scored) };
  }

  /** The ranking; a unit sees every unit's score and rank, but only its own parts. */
  async scores(actor: Actor, q: AssessmentQuery): Promise<ScoresView> {
    const { period, asOf, rows } = await this.score(q);
    const scope = scopeOf(actor);
    return {
      period,
      asOf,
      rows: rows.map((r) => ({
        ...r,
        parts: scope.kind === 'unit' && r.unitId !== scope.unitId ? null : r.parts,
      })),
    };
  }

  async unitScore(actor: Actor, unitId: string, q: AssessmentQuery): Promise<UnitScoreDetail> {
    const scope = scopeOf(actor);
    if (scope.kind === 'unit' && scope.unitId !== unitId) {
      throw new NotFoundException('未找到该单位的考评');
    }
    const { period, asOf, rows } = await this.score(q);
    const score = rows.find((r) => r.unitId === unitId);
    if (!score) throw new NotFoundException('未找到该单位的考评');
    return { period, asOf, score };
  }

  async rankingWorkbook(q: AssessmentQuery) {
    const { period, asOf, rows } = await this.score(q);
    const columns: SheetColumn<Scored['rows'][number]>[] = [
      { header: '名次', width: 8, value: (r) => r.rank },
      { header: '单位', width: 28, value: (r) => r.unitName },
      { header: '得分', width: 10, value: (r) => r.score },
      { header: '满分', width: 8, value: (r) => r.maxScore },
      ...PART_KEYS.map((key): SheetColumn<Scored['rows'][number]> => ({
        header: PART_LABEL[key],
        width: 14,
        value: (r) => {
          const part = r.parts.find((p) => p.key === key)!;
          return part.available ? part.points : '不计分';
        },
      })),
      {
        header: '计分说明',
        width: 80,
        value: (r) => r.parts.map((p) => `${p.label}：${p.explanation}`).join('\n'),
      },
    ];
    const body = await writeSheet(
      '考评排名',
      `${period.label}考评排名（截至 ${asOf}）`,
      columns,
      rows,
    );
    return download(body, XLSX_TYPE, attachment(`考评排名-${period.label}.xlsx`));
  }

  /** 情况通报 for the period: figures, ranking, red work, notices and answers, praise. */
  async bulletin(actor: Actor, q: AssessmentQuery) {
    const { period, asOf, rows } = await this.score(q);
    const today = todayIn(this.clock);
    const overdueQuery = Object.assign(new OverdueFilter(), { sort: 'unit', asOf });
    const [[red], early, issued] = await Promise.all([
      this.supervision.overdue(overdueQuery, asOf, today, { limit: EXPORT_MAX_ROWS, offset: 0 }),
      this.queries.completedEarly(period.start, asOf),
      this.queries.issuedNotices(period.start, asOf),
    ]);
    const notices = await Promise.all(issued.map((n) => this.notices.get(actor, n.id)));
    const sum = (key: string, field: string) =>
      rows.reduce((n, r) => n + (r.parts.find((p) => p.key === key)?.counts[field] ?? 0), 0);
    const office = (
      await this.db.query('SELECT u.name FROM units u WHERE u.id = $1', [actor.unitId])
    )[0]?.name as string | undefined;
    const body = await renderBulletinDocx({
      periodLabel: period.label,
      asOf,
      officeName: office ?? '督查室',
      issuedOn: today,
      figures: {
        units: rows.length,
        due: sum('onTimeCompletion', 'owed'),
        dueOnTime: sum('onTimeCompletion', 'done'),
        overdueItems: red.length,
        overdueUnits: new Set(red.map((r) => r.unitId)).size,
        reportsOwed: sum('reportsOnTime', 'owed'),
        reportsFiled: sum('reportsOnTime', 'done'),
        noticesIssued: notices.length,
        noticesAnswered: notices.filter((n) => n.answers.length > 0).length,
        completedEarly: early.length,
      },
      ranking: rows.map((r) => ({
        rank: r.rank,
        unitName: r.unitName,
        score: r.score,
        maxScore: r.maxScore,
      })),
      red: red.map((r) => ({
        unitName: r.unitName,
        planTitle: r.planTitle,
        item: `(${r.itemNumberText})${r.itemTitle}`,
        dueOn: r.dueOn,
        daysOverdue: r.daysOverdue,
      })),
      notices: notices.map((n) => ({
        number: n.number,
        level: NOTICE_LEVEL_LABEL[n.level],
        unitName: n.unitName,
        replyBy: n.replyBy,
        status: NOTICE_STATUS_LABEL[n.status],
        answers: n.answers.map((a) => ({
          on: todayIn({ now: () => new Date(a.answeredAt) }),
          text: a.text,
        })),
      })),
      praise: early.map((e) => ({
        unitName: e.unitName,
        item: `(${e.itemNumberText})${e.itemTitle}`,
        dueOn: e.dueOn,
        completedOn: e.completedOn,
        daysEarly: e.daysEarly,
      })),
    });
    return download(body, DOCX_TYPE, attachment(`${period.label}情况通报.docx`));
  }
}

function emptyRows(): UnitRows {
  return { due: [], overdue: [], reports: [], notices: [], acknowledgements: [] };
}

/** The stored rules with the given parts' fields laid over them. */
function merge(
  stored: Record<string, unknown> | undefined,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(stored ?? {}) };
  for (const [key, value] of Object.entries(given)) {
    if (value && typeof value === 'object') {
      out[key] = { ...((stored?.[key] as object) ?? {}), ...(value as object) };
    }
  }
  return out;
}
