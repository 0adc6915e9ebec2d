import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/database';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/id-param';
import { DOCX_TYPE } from '../documents/official-docx';
import { XLSX_TYPE } from '../exports/xlsx';
import {
  AssessmentQuery,
  RulesView,
  ScoresView,
  UnitScoreDetail,
  UpdateRulesDto,
} from './assessment.dto';
import { AssessmentService } from './assessment.service';

const OFFICES = [Role.Supervisor, Role.Leadership, Role.Admin];

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('assessment')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  @Get('rules')
  @ApiOperation({ summary: '考评规则（现行与默认）' })
  @ApiOkResponse({ type: RulesView })
  rules() {
    return this.assessment.rules();
  }

  @Put('rules')
  @ApiOperation({ summary: '修改考评规则' })
  @Roles(Role.Supervisor, Role.Leadership)
  @ApiOkResponse({ type: RulesView })
  updateRules(@CurrentActor() actor: Actor, @Body() dto: UpdateRulesDto) {
    return this.assessment.updateRules(actor, dto);
  }

  @Get('scores')
  @ApiOperation({ summary: '考评得分与排名（各项得分可解释）' })
  @ApiOkResponse({ type: ScoresView })
  scores(@CurrentActor() actor: Actor, @Query() query: AssessmentQuery) {
    return this.assessment.scores(actor, query);
  }

  @Get('scores/:id')
  @ApiOperation({ summary: '一个单位的考评明细（责任单位只能看本单位）' })
  @ApiOkResponse({ type: UnitScoreDetail })
  unitScore(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: AssessmentQuery) {
    return this.assessment.unitScore(actor, id, query);
  }

  @Get('ranking.xlsx')
  @ApiOperation({ summary: '导出考评排名（.xlsx）' })
  @Roles(...OFFICES)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: '考评排名 .xlsx' })
  ranking(@Query() query: AssessmentQuery) {
    return this.assessment.rankingWorkbook(query);
  }

  @Get('bulletin.docx')
  @ApiOperation({ summary: '情况通报（.docx）' })
  @Roles(...OFFICES)
  @ApiProduces(DOCX_TYPE)
  @ApiOkResponse({ description: '情况通报 .docx' })
  bulletin(@CurrentActor() actor: Actor, @Query() query: AssessmentQuery) {
    return this.assessment.bulletin(actor, query);
  }
}
