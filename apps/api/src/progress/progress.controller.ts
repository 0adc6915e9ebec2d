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
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/id-param';
import { PageQuery } from '../common/pagination';
import { EvidenceView, UploadedEvidence } from './evidence/evidence.dto';
import { EvidenceService } from './evidence/evidence.service';
import {
  CreateReportDto,
  ReportPage,
  ReportView,
  ReviewReportDto,
  UpdateReportDto,
  VersionDto,
} from './reports/report.dto';
import { ReportsService } from './reports/reports.service';
import {
  ItemProgress,
  PlanProgress,
  TargetQuery,
  TargetStandingPage,
} from './standing/standing.dto';
import { StandingService } from './standing/standing.service';
import { TimelinePage } from './timeline/timeline.dto';
import { TimelineService } from './timeline/timeline.service';

@ApiTags('progress')
@ApiBearerAuth()
@Controller()
export class ProgressController {
  constructor(
    private readonly reports: ReportsService,
    private readonly evidence: EvidenceService,
    private readonly timeline: TimelineService,
    private readonly standing: StandingService,
  ) {}

  @Get('assignments/:id/reports')
  @ApiOperation({ summary: '责任分工的进展报送' })
  @ApiOkResponse({ type: ReportPage })
  list(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQuery) {
    return this.reports.list(actor, id, query);
  }

  @Post('assignments/:id/reports')
  @ApiOperation({ summary: '填写进展报送' })
  @Roles(Role.Unit)
  @ApiCreatedResponse({ type: ReportView })
  create(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: CreateReportDto) {
    return this.reports.create(actor, id, dto);
  }

  @Get('reports/:id')
  @ApiOperation({ summary: '查看进展报送' })
  @ApiOkResponse({ type: ReportView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.reports.get(actor, id);
  }

  @Patch('reports/:id')
  @ApiOperation({ summary: '修改进展报送（草稿或被退回）' })
  @Roles(Role.Unit)
  @ApiOkResponse({ type: ReportView })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateReportDto) {
    return this.reports.update(actor, id, dto);
  }

  @Post('reports/:id/submit')
  @ApiOperation({ summary: '提交进展报送' })
  @Roles(Role.Unit)
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: VersionDto) {
    return this.reports.submit(actor, id, dto);
  }

  @Post('reports/:id/accept')
  @ApiOperation({ summary: '审核通过进展报送' })
  @Roles(Role.Leadership)
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  accept(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewReportDto) {
    return this.reports.accept(actor, id, dto);
  }

  @Post('reports/:id/return')
  @ApiOperation({ summary: '退回进展报送' })
  @Roles(Role.Leadership)
  @HttpCode(200)
  @ApiOkResponse({ type: ReportView })
  sendBack(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReviewReportDto) {
    return this.reports.sendBack(actor, id, dto);
  }

  @Post('reports/:id/files')
  @ApiOperation({ summary: '上传佐证材料' })
  @ApiResponse({ status: 422, description: '.docx/.xlsx/.ofd/.zip 无法读取或疑似压缩炸弹' })
  @Roles(Role.Unit)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: EvidenceView })
  @UseInterceptors(FileInterceptor('file'))
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

  @Get('assignments/:id/timeline')
  @ApiOperation({ summary: '责任分工的历史记录' })
  @ApiOkResponse({ type: TimelinePage })
  assignmentTimeline(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: PageQuery,
  ) {
    return this.timeline.forAssignment(actor, id, query);
  }

  @Get('items/:id/timeline')
  @ApiOperation({ summary: '条目的历史记录' })
  @ApiOkResponse({ type: TimelinePage })
  itemTimeline(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: PageQuery) {
    return this.timeline.forItem(actor, id, query);
  }

  @Get('items/:id/progress')
  @ApiOperation({ summary: '条目的落实情况' })
  @ApiOkResponse({ type: ItemProgress })
  itemProgress(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.standing.item(actor, id);
  }

  @Get('plans/:id/progress')
  @ApiOperation({ summary: '方案的落实情况' })
  @ApiOkResponse({ type: PlanProgress })
  planProgress(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.standing.plan(actor, id);
  }

  @Get('assignments/:id/targets')
  @ApiOperation({ summary: '年度目标完成情况' })
  @ApiOkResponse({ type: TargetStandingPage })
  targets(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: TargetQuery) {
    return this.standing.targets(actor, id, query);
  }
}
