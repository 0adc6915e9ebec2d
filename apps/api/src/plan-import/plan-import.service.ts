import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Plan, PlanImport, Tx, UnitOfWork } from '@app/database';
import {
  commitPlanImport,
  CommitOptions,
  describeResolutions,
  ImportDecisionError,
  ImportSummary,
  loadDirectory,
  PlanDocument,
  PlanFileError,
  readPlanFile,
  readPlanText,
  renderPlanSource,
  resolveUnits,
  SourceTable,
  TableColumn,
} from '@app/plan-import';
import { parsePlan, ParseResult, PlanParseError } from '@app/plan-parser';
import { Actor } from '../auth/actor';
import { AcknowledgeDeadline } from '../chain/acknowledgement';
import {
  ColumnOverrideDto,
  CommitImportDto,
  ImportPlanDto,
  ImportPreviewView,
  ImportResultView,
} from './plan-import.dto';
import { UploadedPlanFile } from './plan-text';

/** The parser's and the importer's refusals are about the document, not the request's form. */
function asHttpError(error: unknown): never {
  if (error instanceof PlanParseError) throw new UnprocessableEntityException(error.message);
  if (error instanceof ImportDecisionError) throw new UnprocessableEntityException(error.problems);
  if (error instanceof PlanFileError) {
    if (error.reason === 'unsupported') throw new UnsupportedMediaTypeException(error.message);
    throw new BadRequestException(error.message);
  }
  throw error;
}

/** Thrown inside a dry run's transaction so it rolls back; never leaves this file. */
const ROLLBACK = Symbol('dry run');

@Injectable()
export class PlanImportService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly db: DataSource,
    private readonly acknowledgeDeadline: AcknowledgeDeadline,
  ) {}

  async preview(
    actor: Actor,
    dto: ImportPlanDto,
    file: UploadedPlanFile | undefined,
  ): Promise<ImportPreviewView> {
    if (Boolean(file) === (dto.text !== undefined)) {
      throw new BadRequestException('请提供方案全文 text 或上传文件 file（二选一）');
    }
    const fileName = file ? Buffer.from(file.originalname, 'latin1').toString('utf8') : null;
    let doc: PlanDocument;
    let result: ParseResult;
    let text: string;
    let columns: TableColumn[] | undefined;
    try {
      doc = file ? await readPlanFile(file.buffer, fileName!) : readPlanText(dto.text!);
      ({ text, columns } = renderPlanSource(doc, dto.columnMapping));
      result = parsePlan(text, { directory: await loadDirectory(this.db.manager) });
    } catch (error) {
      asHttpError(error);
    }
    const row = await this.uow.run(actor, async (tx) => {
      // The plan a commit would update: by doc number, else the one plan of the same title.
      const sameTitle =
        !result.plan.docNumber && result.plan.title
          ? await tx.read.find(Plan, {
              where: { title: result.plan.title, docNumber: IsNull() },
              take: 2,
            })
          : [];
      const existing = result.plan.docNumber
        ? await tx.read.findOne(Plan, { where: { docNumber: result.plan.docNumber } })
        : sameTitle.length === 1
          ? sameTitle[0]
          : null;
      return tx.create(PlanImport, {
        createdByUserId: actor.userId,
        sourceName: dto.sourceName ?? fileName,
        sourceText: text,
        // Kept with the columns as read now (corrections included); a commit may correct again.
        sourceTable: (doc.table ? { ...doc.table, columns } : null) as unknown as Record<
          string,
          unknown
        > | null,
        result: JSON.parse(JSON.stringify(result)),
        docNumber: result.plan.docNumber ?? null,
        planId: existing?.id ?? null,
      });
    });
    return this.view(actor, row, columns);
  }

  async get(actor: Actor, id: string): Promise<ImportPreviewView> {
    const row = await this.db.manager.findOne(PlanImport, { where: { id } });
    if (!row) throw new NotFoundException('未找到该导入预览');
    const columns = row.sourceTable
      ? renderPlanSource(this.document(row), undefined).columns
      : undefined;
    return this.view(actor, row, columns);
  }

  async commit(actor: Actor, dto: CommitImportDto): Promise<ImportResultView> {
    try {
      if (dto.dryRun) {
        const preview = await this.db.manager.findOne(PlanImport, {
          where: { id: dto.previewId },
        });
        if (!preview) throw new NotFoundException('未找到该导入预览');
        return ImportResultView.from(
          await this.dryRun(actor, this.textFor(preview, dto.columnMapping), this.options(dto)),
          true,
        );
      }
      const acknowledgeBy = await this.acknowledgeDeadline.forToday();
      const summary = await this.uow.run(actor, async (tx) => {
        const preview = await tx.lock(PlanImport, dto.previewId, {
          missing: '未找到该导入预览',
        });
        if (preview.committedAt) {
          throw new ConflictException('该预览已经导入过；如需再次导入，请重新上传生成新的预览');
        }
        // Parsed again against today's directory: a unit added or renamed since the preview counts.
        const result = await commitPlanImport(tx, this.textFor(preview, dto.columnMapping), {
          ...this.options(dto),
          acknowledgeBy,
        });
        await tx.update(PlanImport, preview, {
          planId: result.planId,
          committedAt: new Date(),
          written: result.written as unknown as Record<string, unknown>,
        });
        return result;
      });
      return ImportResultView.from(summary);
    } catch (error) {
      asHttpError(error);
    }
  }

  private options(dto: CommitImportDto): CommitOptions {
    return {
      decisions: dto.decisions,
      title: dto.title,
      status: dto.status,
      planId: dto.planId,
      itemDueDates: dto.itemDueDates,
      plan: {
        ...(dto.docNumber ? { docNumber: dto.docNumber.trim() } : {}),
        ...(dto.issuers?.length ? { issuers: dto.issuers.map((i) => i.trim()) } : {}),
        ...(dto.issuedOn ? { issuedOn: dto.issuedOn } : {}),
        ...(dto.periodStart ? { periodStart: dto.periodStart } : {}),
        ...(dto.periodEnd ? { periodEnd: dto.periodEnd } : {}),
        ...(dto.defaultDueOn ? { defaultDueOn: dto.defaultDueOn } : {}),
      },
    };
  }

  private document(row: PlanImport): PlanDocument {
    return {
      text: row.sourceText,
      ...(row.sourceTable ? { table: row.sourceTable as unknown as SourceTable } : {}),
    };
  }

  /** The preview's text, or the table rendered again with the office's corrected columns. */
  private textFor(row: PlanImport, mapping: ColumnOverrideDto[] | undefined): string {
    if (!mapping?.length) return row.sourceText;
    if (!row.sourceTable) {
      throw new BadRequestException('该预览不是从表格读取的，不能更正列的含义');
    }
    return renderPlanSource(this.document(row), mapping).text;
  }

  /** The commit worked out in a transaction that is rolled back: exact counts, nothing kept. */
  private async dryRun(actor: Actor, text: string, options: CommitOptions): Promise<ImportSummary> {
    let summary: ImportSummary | undefined;
    await this.db
      .transaction(async (manager) => {
        summary = await commitPlanImport(new Tx(manager, actor), text, {
          ...options,
          dryRun: true,
        });
        throw ROLLBACK;
      })
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      });
    return summary!;
  }

  private async view(
    actor: Actor,
    row: PlanImport,
    columns: TableColumn[] | undefined,
  ): Promise<ImportPreviewView> {
    const result = row.result as unknown as ParseResult;
    const [units, outcome] = await Promise.all([
      describeResolutions(this.db.manager, resolveUnits(result)),
      this.dryRun(actor, row.sourceText, {}).catch(asHttpError),
    ]);
    return ImportPreviewView.from(row, units, outcome, columns);
  }
}
