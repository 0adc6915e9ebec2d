import {
  BadRequestException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  StreamableFile,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { EvidenceFile, UnitOfWork } from '@app/database';
import { Actor, scopeOf } from '../../auth/actor';
import { FileStorage } from './file-storage';
import { checkEvidenceFile, uploadedName } from './file-types';
import { EvidenceView, UploadedEvidence } from './evidence.dto';
import { EvidenceQueries } from './evidence.queries';
import { EDITABLE, ReportsService } from '../reports/reports.service';

/**
 * Evidence on a report. The bytes go to storage before the row is written; if the row is not
 * written (refused, stale, crash of the transaction) the stored bytes are removed again, so a
 * refused upload leaves nothing behind.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger('Evidence');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly reports: ReportsService,
    private readonly storage: FileStorage,
    private readonly queries: EvidenceQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async upload(
    actor: Actor,
    reportId: string,
    file: UploadedEvidence | undefined,
  ): Promise<EvidenceView> {
    if (!file) throw new BadRequestException('file：请在 multipart 字段 file 中上传文件');
    if (file.size > this.config.uploadMaxBytes) {
      throw new PayloadTooLargeException(`文件太大：上限 ${this.config.uploadMaxBytes} 字节`);
    }
    const fileName = uploadedName(file.originalname);
    // Scope and status first, so nothing is stored for a request that will be refused.
    const report = await this.reports.visibleReport(actor, reportId);
    await this.reports.ownAssignment(actor, report.assignmentId);
    this.reports.requireStatus(report, EDITABLE, '添加附件');
    // ZIP containers (.docx, .xlsx, .ofd, .zip) that would unzip to a bomb are refused (413/422)
    // here too, so no later reader (and no one who downloads it) gets it.
    const { contentType } = await checkEvidenceFile(fileName, file.buffer, this.config.zip);

    const row = await this.storage.storeThenRecord(file.buffer, (stored) =>
      this.uow.run(actor, async (tx) => {
        const { report: locked } = await this.reports.lockOwn(tx, actor, reportId);
        this.reports.requireStatus(locked, EDITABLE, '添加附件');
        return tx.create(EvidenceFile, {
          reportId,
          assignmentId: locked.assignmentId,
          fileName,
          contentType,
          size: file.size,
          sha256: stored.sha256,
          storageKey: stored.key,
          uploadedByUserId: actor.userId,
        });
      }),
    );
    return EvidenceView.from(row);
  }

  /** Only for those who may see the assignment; to anyone else the file does not exist. */
  async download(actor: Actor, id: string): Promise<StreamableFile> {
    const file = await this.queries.findFile(scopeOf(actor), id);
    if (!file) throw new NotFoundException('未找到该附件');
    return this.storage.download(file, (message) => this.logger.error(message));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const file = await this.queries.findFile(scopeOf(actor), id);
    if (!file) throw new NotFoundException('未找到该附件');
    await this.uow.run(actor, async (tx) => {
      const { report } = await this.reports.lockOwn(tx, actor, file.reportId);
      this.reports.requireStatus(report, EDITABLE, '删除附件');
      await tx.remove(EvidenceFile, file);
      tx.onCommit(() => this.storage.remove(file.storageKey));
    });
  }
}
