import { Controller, Delete, Get, HttpCode, Post, UploadedFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { IdParam } from '../../common/id-param';
import { OneFileUpload } from '../../common/one-file-upload';
import { EvidenceView, UploadedEvidence } from './evidence.dto';
import { EvidenceService } from './evidence.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post('reports/:id/files')
  @ApiOperation({ summary: '上传佐证材料' })
  @ApiResponse({ status: 422, description: '.docx/.xlsx/.ofd/.zip 无法读取或疑似压缩炸弹' })
  @Roles(Role.Unit)
  @OneFileUpload()
  @ApiCreatedResponse({ type: EvidenceView })
  upload(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @UploadedFile() file?: UploadedEvidence,
  ) {
    return this.evidence.upload(actor, id, file);
  }

  @Get('files/:id')
  @ApiOperation({ summary: '下载佐证材料' })
  @ApiResponse({ status: 410, description: '文件不可用：记录在，但存储中的内容已丢失' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: '附件内容（Content-Disposition 带原文件名）' })
  download(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.evidence.download(actor, id);
  }

  @Delete('files/:id')
  @ApiOperation({ summary: '删除佐证材料' })
  @Roles(Role.Unit)
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.evidence.remove(actor, id);
  }
}
