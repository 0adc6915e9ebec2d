import {
  body,
  chineseDate,
  heading,
  numberLine,
  pack,
  signature,
  table,
  title,
} from './official-docx';

export interface BulletinDocument {
  periodLabel: string;
  asOf: string;
  officeName: string;
  issuedOn: string;
  figures: {
    units: number;
    due: number;
    dueOnTime: number;
    overdueItems: number;
    overdueUnits: number;
    reportsOwed: number;
    reportsFiled: number;
    noticesIssued: number;
    noticesAnswered: number;
    completedEarly: number;
  };
  ranking: Array<{ rank: number; unitName: string; score: number; maxScore: number }>;
  red: Array<{
    unitName: string;
    planTitle: string;
    item: string;
    dueOn: string;
    daysOverdue: number;
  }>;
  notices: Array<{
    number: string;
    level: string;
    unitName: string;
    replyBy: string;
    status: string;
    answers: Array<{ on: string; text: string }>;
  }>;
  praise: Array<{
    unitName: string;
    item: string;
    dueOn: string;
    completedOn: string;
    daysEarly: number;
  }>;
}

const pct = (n: number, d: number) => (d ? `${Math.round((n * 1000) / d) / 10}%` : '—');

/** 情况通报: 一、总体情况 二、考评排名 三、逾期（红灯）任务 四、督办及答复 五、提前完成（表扬）. */
export function renderBulletinDocx(b: BulletinDocument): Promise<Buffer> {
  const f = b.figures;
  const redUnits = [...new Set(b.red.map((r) => r.unitName))];
  return pack(`${b.periodLabel}重点任务落实情况通报`, [
    title(`关于${b.periodLabel}重点任务落实情况的通报`),
    numberLine(`（截至${chineseDate(b.asOf)}）`),
    heading('一、总体情况'),
    body(
      `本期参与考评单位${f.units}个。本期到期任务${f.due}项，按期完成${f.dueOnTime}项，按期完成率${pct(f.dueOnTime, f.due)}；` +
        `截至${chineseDate(b.asOf)}，${f.overdueUnits}个单位共${f.overdueItems}项任务逾期未完成。` +
        `本期应报送进展${f.reportsOwed}份，按时报送${f.reportsFiled}份；下发督办单${f.noticesIssued}份，已答复${f.noticesAnswered}份；` +
        `提前完成任务${f.completedEarly}项。`,
    ),
    heading('二、考评排名'),
    table(
      ['名次', '单位', '得分', '满分'],
      b.ranking.map((r) => [r.rank, r.unitName, r.score, r.maxScore]),
    ),
    heading('三、逾期未完成（红灯）任务'),
    ...(b.red.length
      ? [
          body(`以下${redUnits.length}个单位有逾期任务：${redUnits.join('、')}。`),
          table(
            ['单位', '方案', '任务', '完成时限', '逾期天数'],
            b.red.map((r) => [r.unitName, r.planTitle, r.item, r.dueOn, `${r.daysOverdue}天`]),
          ),
        ]
      : [body('本期无逾期未完成任务。')]),
    heading('四、督办及答复情况'),
    ...(b.notices.length
      ? b.notices.flatMap((n) => [
          body(
            `${n.number}（${n.level}）：${n.unitName}，答复期限${chineseDate(n.replyBy)}，${n.status}。`,
          ),
          ...(n.answers.length
            ? n.answers.map((a, i) => body(`第${i + 1}次答复（${chineseDate(a.on)}）：${a.text}`))
            : [body('尚未答复。')]),
        ])
      : [body('本期未下发督办单。')]),
    heading('五、提前完成任务（予以表扬）'),
    ...(b.praise.length
      ? [
          table(
            ['单位', '任务', '完成时限', '完成日期', '提前天数'],
            b.praise.map((p) => [p.unitName, p.item, p.dueOn, p.completedOn, `${p.daysEarly}天`]),
          ),
        ]
      : [body('本期无提前完成的任务。')]),
    ...signature(b.officeName, b.issuedOn),
  ]);
}
