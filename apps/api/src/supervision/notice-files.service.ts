import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  StreamableFile,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import {
  NoticeAnswer,
  NoticeAnswerFile,
  NoticeStatus,
  SupervisionNotice,
  Tx,
  UnitOfWork,
} from '@app/database';
import { assertSafeZip } from '@app/safe-zip';
import { AccessScope, Actor, scopeOf } from '../auth/actor';
import { FileStorage } from '../progress/evidence/file-storage';
import { checkEvidence, uploadedName } from '../progress/evidence/file-types';
import type { UploadedEvidence } from '../progress/evidence/evidence.dto';
import { NoticeAnswerFileView } from './notice.dto';
import { withinScope } from '../auth/scope-sql';

/**
 * Evidence on a unit's answer to a 督办单, with the progress reports' storage and checks (size,
 * type by extension and content, zip guard). Files go on the latest answer while the office has
 * not judged it yet (the notice is `answered`); after that the answer and its files are history.
 */
@Injectable()
export class NoticeFilesService {
  private readonly logger = new Logger('NoticeFiles');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly storage: FileStorage,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The notice locked for the caller's unit, and its answer still open to files. */
  private async openAnswer(tx: Tx, actor: Actor, noticeId: string): Promise<NoticeAnswer> {
    const notice = await tx.lock(SupervisionNotice, noticeId, {
      missing: '未找到该督办单',
      where: { unitId: actor.unitId },
    });
    const latest = await tx.read.findOne(NoticeAnswer, {
      where: { noticeId },
      order: { answeredAt: 'DESC', createdAt: 'DESC' },
    });
    if (notice.status !== NoticeStatus.Answered || !latest || latest.outcome) {
      throw new ConflictException('请先答复督办单；督查室处理后的答复不能再改附件');
    }
    return latest;
  }

  async upload(
    actor: Actor,
    noticeId: string,
    file: UploadedEvidence | undefined,
  ): Promise<NoticeAnswerFileView> {
    if (!file) throw new BadRequestException('file：请在 multipart 字段 file 中上传文件');
    if (file.size > this.config.uploadMaxBytes) {
      throw new PayloadTooLargeException(`文件太大：上限 ${this.config.uploadMaxBytes} 字节`);
    }
    const fileName = uploadedName(file.originalname);
    // Scope and state first, so nothing is stored for a request that will be refused.
    await this.uow.run(actor, (tx) => this.openAnswer(tx, actor, noticeId));
    const { contentType } = checkEvidence(fileName, file.buffer);
    if (/\.(docx|xlsx)$/i.test(fileName)) await assertSafeZip(file.buffer, this.config.zip);

    const row = await this.storage.storeThenRecord(file.buffer, (stored) =>
      this.uow.run(actor, async (tx) => {
        const answer = await this.openAnswer(tx, actor, noticeId);
        return tx.create(NoticeAnswerFile, {
          answerId: answer.id,
          noticeId,
          fileName,
          contentType,
          size: file.size,
          sha256: stored.sha256,
          storageKey: stored.key,
          uploadedByUserId: actor.userId,
        });
      }),
    );
    return NoticeAnswerFileView.from(row);
  }

  private find(scope: AccessScope, id: string): Promise<NoticeAnswerFile | null> {
    const qb = this.db
      .getRepository(NoticeAnswerFile)
      .createQueryBuilder('f')
      .innerJoin(SupervisionNotice, 'n', 'n.id = f.noticeId')
      .where('f.id = :id', { id });
    return withinScope(qb, scope, 'n.unitId').getOne();
  }

  /** Whoever sees the notice; to anyone else the file does not exist. */
  async download(actor: Actor, id: string): Promise<StreamableFile> {
    const file = await this.find(scopeOf(actor), id);
    if (!file) throw new NotFoundException('未找到该附件');
    return this.storage.download(file, (message) => this.logger.error(`督办答复${message}`));
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const file = await this.find(scopeOf(actor), id);
    if (!file) throw new NotFoundException('未找到该附件');
    await this.uow.run(actor, async (tx) => {
      const answer = await this.openAnswer(tx, actor, file.noticeId);
      if (answer.id !== file.answerId) {
        throw new ConflictException('该附件属于已处理的答复，不能删除');
      }
      await tx.remove(NoticeAnswerFile, file);
      tx.onCommit(() => this.storage.remove(file.storageKey));
    });
  }
}
