import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Plan, PlanImport, UnitOfWork } from '@app/database';
import {
  commitPlanImport,
  ImportDecisionError,
  loadDirectory,
  resolveUnits,
} from '@app/plan-import';
import { parsePlan, ParseResult, PlanParseError } from '@app/plan-parser';
import { Actor } from '../auth/actor';
import {
  CommitImportDto,
  ImportPlanDto,
  ImportPreviewView,
  ImportResultView,
} from './plan-import.dto';
import { extractPlanText, UploadedPlanFile } from './plan-text';

/** The parser's and the importer's refusals are about the document, not the request's form. */
function asHttpError(error: unknown): never {
  if (error instanceof PlanParseError) throw new UnprocessableEntityException(error.message);
  if (error instanceof ImportDecisionError) throw new UnprocessableEntityException(error.problems);
  throw error;
}

@Injectable()
export class PlanImportService {
  constructor(
    private readonly uow: UnitOfWork,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async preview(
    actor: Actor,
    dto: ImportPlanDto,
    file: UploadedPlanFile | undefined,
  ): Promise<ImportPreviewView> {
    if (Boolean(file) === (dto.text !== undefined)) {
      throw new BadRequestException('请提供方案全文 text 或上传文件 file（二选一）');
    }
    const text = file ? await extractPlanText(file, this.config.zip) : dto.text!;
    const sourceName =
      dto.sourceName ?? (file ? Buffer.from(file.originalname, 'latin1').toString('utf8') : null);
    let result: ParseResult;
    try {
      result = parsePlan(text, { directory: await loadDirectory(this.db.manager) });
    } catch (error) {
      asHttpError(error);
    }
    const row = await this.uow.run(actor, async (tx) => {
      const existing = result.plan.docNumber
        ? await tx.manager.findOne(Plan, { where: { docNumber: result.plan.docNumber } })
        : null;
      return tx.create(PlanImport, {
        createdByUserId: actor.userId,
        sourceName,
        sourceText: text,
        result: JSON.parse(JSON.stringify(result)),
        docNumber: result.plan.docNumber ?? null,
        planId: existing?.id ?? null,
      });
    });
    return ImportPreviewView.from(row, resolveUnits(result));
  }

  async get(id: string): Promise<ImportPreviewView> {
    const row = await this.db.manager.findOne(PlanImport, { where: { id } });
    if (!row) throw new NotFoundException('未找到该导入预览');
    return ImportPreviewView.from(row, resolveUnits(row.result as unknown as ParseResult));
  }

  async commit(actor: Actor, dto: CommitImportDto): Promise<ImportResultView> {
    try {
      const summary = await this.uow.run(actor, async (tx) => {
        const preview = await tx.manager.findOne(PlanImport, {
          where: { id: dto.previewId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!preview) throw new NotFoundException('未找到该导入预览');
        if (preview.committedAt) {
          throw new ConflictException('该预览已经导入过；如需再次导入，请重新上传生成新的预览');
        }
        // Parsed again against today's directory: a unit added or renamed since the preview counts.
        const result = await commitPlanImport(tx, preview.sourceText, {
          decisions: dto.decisions,
          title: dto.title,
          status: dto.status,
        });
        await tx.update(PlanImport, preview, { planId: result.planId, committedAt: new Date() });
        return result;
      });
      return ImportResultView.from(summary);
    } catch (error) {
      asHttpError(error);
    }
  }
}
