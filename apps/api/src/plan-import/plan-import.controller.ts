import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/id-param';
import {
  CommitImportDto,
  ImportPlanDto,
  ImportPreviewView,
  ImportResultView,
} from './plan-import.dto';
import { PlanImportService } from './plan-import.service';
import { IMPORT_MAX_BYTES, UploadedPlanFile } from './plan-text';

@ApiTags('plan import')
@ApiBearerAuth()
@Roles(Role.Leadership)
@Controller('plans/import')
export class PlanImportController {
  constructor(private readonly imports: PlanImportService) {}

  /** Parses the text and keeps it as a preview; nothing is written to the plan tables yet. */
  @Post()
  @ApiOperation({ summary: '导入方案：解析全文或文件，生成预览' })
  @ApiResponse({
    status: 422,
    description: '不是方案（空、二进制、没有编号条目），或文档不是有效的 Office 文件',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  // The file is not a DTO field (multer takes it before validation), so the body is described here.
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        text: { type: 'string', description: '方案全文（与 file 二选一）' },
        sourceName: { type: 'string', description: '来源名称，如文件名或网址' },
        file: {
          type: 'string',
          format: 'binary',
          description: '.txt（UTF-8 或 GB18030）、.docx 或 .xlsx 文件，至多 10 MB',
        },
        columnMapping: {
          type: 'string',
          description:
            '表格的列含义更正，JSON 数组 [{"index":2,"kind":"lead"}]（JSON 请求体中直接给数组）',
        },
      },
    },
  })
  @ApiOkResponse({ type: ImportPreviewView })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } }))
  preview(
    @CurrentActor() actor: Actor,
    @Body() dto: ImportPlanDto,
    @UploadedFile() file?: UploadedPlanFile,
  ) {
    return this.imports.preview(actor, dto, file);
  }

  @Get(':id')
  @ApiOperation({ summary: '再次查看导入预览' })
  @ApiOkResponse({ type: ImportPreviewView })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.imports.get(actor, id);
  }

  /**
   * Creates or updates the plan, its items and assignments in one transaction; with dryRun,
   * answers what it would do and writes nothing.
   */
  @Post('commit')
  @ApiOperation({ summary: '确认导入：创建或更新方案、条目和责任分工' })
  @ApiResponse({ status: 422, description: '仍有单位名称未作处理，或处理无效；未写入任何内容' })
  @HttpCode(200)
  @ApiOkResponse({ type: ImportResultView })
  commit(@CurrentActor() actor: Actor, @Body() dto: CommitImportDto) {
    return this.imports.commit(actor, dto);
  }
}
