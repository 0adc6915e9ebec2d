import { ASSIGNMENT_ROLE_LABEL } from '@app/database';
import { digestEntries, DigestEntry, entryCount } from './entries';
import type { AlertReason, OwedAssignment, OwedWork } from './rules';

export interface Email {
  subject: string;
  text: string;
  html: string;
}

const ROLE = ASSIGNMENT_ROLE_LABEL;

const escape = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

type Line = Pick<
  OwedAssignment,
  'planTitle' | 'itemId' | 'itemNumberText' | 'itemTitle' | 'role' | 'dueOn'
>;

function line(a: Line, tail: string, link: (itemId: string) => string) {
  const text = `《${a.planTitle}》(${a.itemNumberText})${a.itemTitle}（${ROLE[a.role]}），完成时限 ${a.dueOn}，${tail}`;
  return {
    text: `${text}\n  ${link(a.itemId)}`,
    html: `<li>《${escape(a.planTitle)}》<a href="${escape(link(a.itemId))}">(${escape(a.itemNumberText)})${escape(a.itemTitle)}</a>（${ROLE[a.role]}），完成时限 ${a.dueOn}，<strong>${escape(tail)}</strong></li>`,
  };
}

function render(
  subject: string,
  greeting: string,
  sections: Array<{ title: string; lines: Array<{ text: string; html: string }> }>,
): Email {
  const shown = sections.filter((s) => s.lines.length);
  const footer = '本邮件由落实督办系统自动发送，请勿直接回复。';
  return {
    subject,
    text: [
      greeting,
      '',
      ...shown.flatMap((s) => [
        `【${s.title}】`,
        ...s.lines.map((l, i) => `${i + 1}. ${l.text}`),
        '',
      ]),
      footer,
    ].join('\n'),
    html:
      `<!doctype html><html><head><meta charset="utf-8"></head><body>` +
      `<p>${escape(greeting)}</p>` +
      shown
        .map((s) => `<h3>${escape(s.title)}</h3><ol>${s.lines.map((l) => l.html).join('')}</ol>`)
        .join('') +
      `<p style="color:#888">${footer}</p></body></html>`,
  };
}

/** Most late 签收 lines a digest lists; the rest are counted (the to-do lists them all). */
const LATE_ACKNOWLEDGEMENT_LINES = 5;

function lateAcknowledgements(
  late: NonNullable<OwedWork['acknowledgementsLate']>,
  link: (itemId: string) => string,
) {
  const lines = late
    .slice(0, LATE_ACKNOWLEDGEMENT_LINES)
    .map((a) => line(a, `签收期限 ${a.acknowledgeBy} 已过，请登录系统签收`, link));
  const more = late.length - lines.length;
  if (more > 0) {
    const text = `另有 ${more} 项任务超过签收期限未签收，请在“我的待办”中查看并签收`;
    lines.push({ text, html: `<li>${escape(text)}</li>` });
  }
  return lines;
}

/**
 * The weekly digest: everything a unit owes on `date`, most urgent first; `notes` (the system's
 * own notices, see digestNotes) come before the work.
 */
export function composeDigest(
  unitName: string,
  date: string,
  owed: OwedWork,
  link: (itemId: string) => string,
  dueSoonDays: number,
  notes: string[] = [],
): Email & { itemCount: number } {
  const entries = digestEntries(owed);
  const count = entryCount(entries);
  const subject = entries.overdue.length
    ? `【落实督办】${unitName}：${entries.overdue.length} 项任务已逾期，请抓紧办理（${date}）`
    : `【落实督办】${unitName}：本周待办 ${count + owed.noticesAwaiting.length} 项（${date}）`;
  // Each item once, with all that is owed on it (see digestEntries).
  const owing = (e: DigestEntry, first?: string) =>
    [first, e.missingPeriods.length ? `${e.missingPeriods.join('、')}进展尚未报送` : undefined]
      .filter(Boolean)
      .join('；');
  const email = render(subject, `${unitName}：截至 ${date}，贵单位有以下事项需要办理。`, [
    {
      title: '系统提示',
      lines: notes.map((n) => ({ text: n, html: `<li>${escape(n)}</li>` })),
    },
    {
      title: '已逾期',
      lines: entries.overdue.map((e) => line(e, owing(e, `已逾期 ${e.daysOverdue} 天`), link)),
    },
    {
      title: `${dueSoonDays} 天内到期`,
      lines: entries.dueSoon.map((e) => line(e, owing(e, `还有 ${e.daysLeft} 天到期`), link)),
    },
    {
      title: '应报未报的进展',
      lines: entries.reportsMissing.map((e) => line(e, owing(e), link)),
    },
    {
      title: '超过签收期限未签收的任务',
      lines: lateAcknowledgements(owed.acknowledgementsLate ?? [], link),
    },
    {
      title: '待答复的督办单',
      lines: owed.noticesAwaiting.map((n) => ({
        text: `${n.reason}（请于 ${n.replyBy} 前答复）`,
        html: `<li>${escape(n.reason)}（请于 <strong>${n.replyBy}</strong> 前答复）</li>`,
      })),
    },
  ]);
  // The delivery's item count, worked out with the email instead of a second time.
  return { ...email, itemCount: count };
}

/**
 * Most overdue items the summary lists for one unit; the rest are counted. A province's run
 * escalates hundreds of units with ninety thousand overdue items between them: one line each
 * made an email nobody reads (and most of the run's planning time).
 */
const ESCALATION_LINES_PER_UNIT = 10;

/**
 * The supervision office's one summary of a digest run: the units whose work is overdue for
 * more than `escalateAfterDays`, each with its most overdue items (each once) and a count of
 * the rest. It replaces copying the office on every such unit's digest.
 */
export function composeEscalation(
  date: string,
  units: Array<{ unitName: string; owed: OwedWork }>,
  link: (itemId: string) => string,
  escalateAfterDays: number,
): Email & { itemCount: number } {
  const listed = units.map(({ unitName, owed }) => ({
    unitName,
    overdue: [...digestEntries(owed).overdue].sort(
      (a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0),
    ),
  }));
  const itemCount = listed.reduce((n, u) => n + u.overdue.length, 0);
  return {
    itemCount,
    ...render(
      `【落实督办】督查室汇总：${units.length} 个单位有任务逾期超过 ${escalateAfterDays} 天（${date}）`,
      `督查室：截至 ${date}，以下 ${units.length} 个单位共 ${itemCount} 项任务已逾期，其中有逾期超过 ${escalateAfterDays} 天的任务，请督促办理。`,
      listed.map(({ unitName, overdue }) => {
        const lines = overdue
          .slice(0, ESCALATION_LINES_PER_UNIT)
          .map((e) => line(e, `已逾期 ${e.daysOverdue} 天`, link));
        const more = overdue.length - lines.length;
        if (more > 0) {
          const text = `另有 ${more} 项逾期任务，请在系统“督查督办”的逾期清单中按单位查看`;
          lines.push({ text, html: `<li>${escape(text)}</li>` });
        }
        return { title: `${unitName}（逾期 ${overdue.length} 项）`, lines };
      }),
    ),
  };
}

/** A deadline alert: the assignments whose due date is 30/7/1 days away or passed yesterday. */
export function composeAlert(
  unitName: string,
  date: string,
  due: Array<OwedAssignment & { reason: AlertReason }>,
  link: (itemId: string) => string,
): Email {
  const passed = due.filter((a) => a.reason.kind === 'passed');
  const subject = passed.length
    ? `【落实督办】${unitName}：${passed.length} 项任务昨日到期未办结（${date}）`
    : `【落实督办】${unitName}：${due.length} 项任务即将到期（${date}）`;
  return render(subject, `${unitName}：以下任务的完成时限临近或已过，请及时办理。`, [
    {
      title: '昨日到期，尚未办结',
      lines: passed.map((a) => line(a, '已于昨日到期', link)),
    },
    {
      title: '即将到期',
      lines: due
        .filter((a) => a.reason.kind === 'before')
        .map((a) => line(a, `还有 ${(a.reason as { days: number }).days} 天到期`, link)),
    },
  ]);
}

/** One line of an event's email: what it is about and the console page to open. */
export interface EventLine {
  text: string;
  link: string;
}

/**
 * An email about one event a unit must act on (a 催办, a returned report, a notice, an
 * extension decided), sent when it happens: the greeting says what happened, the lines link
 * each concerned page of the console, `details` carry the office's words.
 */
export function composeEvent(
  subject: string,
  greeting: string,
  title: string,
  lines: EventLine[],
  details: string[] = [],
): Email {
  return render(`【落实督办】${subject}`, greeting, [
    {
      title: '说明',
      lines: details.map((d) => ({ text: d, html: `<li>${escape(d)}</li>` })),
    },
    {
      title,
      lines: lines.map((l) => ({
        text: `${l.text}\n  ${l.link}`,
        html: `<li><a href="${escape(l.link)}">${escape(l.text)}</a></li>`,
      })),
    },
  ]);
}
