import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Query,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DOCX_TYPE } from '../documents/official-docx';
import type { UploadedEvidence } from '../progress/evidence/evidence.dto';
import { NoticeFilesService } from './notice-files.service';
import { Role } from '@app/database';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/id-param';
import { OneFileUpload } from '../common/one-file-upload';
import {
  AnswerNoticeDto,
  ChangeNoticeLevelDto,
  CreateNoticeDto,
  NoticeAnswerFileView,
  RaiseNoticeDto,
  NoticeListQuery,
  NoticePage,
  NoticeView,
  ReviewNoticeDto,
} from './notice.dto';
import { NoticesService } from './notices.service';

@ApiTags('supervision notices')
@ApiBearerAuth()
@Controller('supervision')
export class NoticesController {
  constructor(
    private readonly notices: NoticesService,
    private readonly files: NoticeFilesService,
  ) {}

  @Get('notices')
  @ApiOperation({ summary: '督办单列表' })
  @ApiOkResponse({ type: NoticePage })
  list(@CurrentActor() actor: Actor, @Query() query: NoticeListQuery) {
    return this.notices.list(actor, query);
  }

  @Get('notices/:id')
  @ApiOperation({ summary: '查看督办单' })
  @ApiOkResponse({ type: NoticeView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.notices.get(actor, id);
  }

  @Post('notices/:id/acknowledge')
  @ApiOperation({ summary: '签收督办单（本单位任一用户；已签收的不变）' })
  @Roles(Role.Unit)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  acknowledge(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.notices.acknowledge(actor, id);
  }

  @Post('notices')
  @ApiOperation({ summary: '下发督办单' })
  @Roles(Role.Supervisor)
  @ApiCreatedResponse({ type: NoticeView })
  issue(@CurrentActor() actor: Actor, @Body() dto: CreateNoticeDto) {
    return this.notices.issue(actor, dto);
  }

  @Post('notices/:id/answer')
  @ApiOperation({ summary: '答复督办单' })
  @Roles(Role.Unit)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  answer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: AnswerNoticeDto) {
    return this.notices.answer(actor, id, dto);
  }

  @Post('notices/:id/return')
  @ApiOperation({ summary: '退回督办单答复' })
  @Roles(Role.Supervisor)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  sendBack(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewNoticeDto) {
    return this.notices.sendBack(actor, id, dto);
  }

  @Post('notices/:id/close')
  @ApiOperation({ summary: '办结督办单' })
  @Roles(Role.Supervisor)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  close(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewNoticeDto) {
    return this.notices.close(actor, id, dto);
  }

  @Patch('notices/:id')
  @ApiOperation({ summary: '修改督办等级（蓝、黄、红）' })
  @Roles(Role.Supervisor)
  @ApiOkResponse({ type: NoticeView })
  changeLevel(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ChangeNoticeLevelDto,
  ) {
    return this.notices.changeLevel(actor, id, dto);
  }

  @Post('notices/:id/raise')
  @ApiOperation({ summary: '督办升级（蓝 → 黄 → 红）' })
  @Roles(Role.Supervisor)
  @HttpCode(200)
  @ApiOkResponse({ type: NoticeView })
  raise(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: RaiseNoticeDto) {
    return this.notices.raise(actor, id, dto);
  }

  @Get('notices/:id/document.docx')
  @ApiOperation({ summary: '下载督办单（.docx 公文格式）' })
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ description: '督办单 .docx' })
  document(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.notices.document(actor, id);
  }

  @Post('notices/:id/files')
  @ApiOperation({ summary: '为督办答复上传佐证材料' })
  @ApiResponse({ status: 422, description: '.docx/.xlsx 不是有效的 Office 文件或疑似压缩炸弹' })
  @Roles(Role.Unit)
  @OneFileUpload()
  @ApiCreatedResponse({ type: NoticeAnswerFileView })
  upload(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @UploadedFile() file?: UploadedEvidence,
  ) {
    return this.files.upload(actor, id, file);
  }

  @Get('notice-files/:id')
  @ApiOperation({ summary: '下载督办答复的佐证材料' })
  @ApiResponse({ status: 410, description: '文件不可用：记录在，但存储中的内容已丢失' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: '附件内容（Content-Disposition 带原文件名）' })
  downloadFile(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.files.download(actor, id);
  }

  @Delete('notice-files/:id')
  @ApiOperation({ summary: '删除督办答复的佐证材料（督查室处理前）' })
  @Roles(Role.Unit)
  @HttpCode(204)
  removeFile(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.files.remove(actor, id);
  }
}
