import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Queue from 'bull';
import type { Test } from 'supertest';
import { QUEUES } from '@app/queue-contracts';
import { createTestApp, demoIds, TestApp } from '../support/test-app';

type RoleName = 'admin' | 'leadership' | 'supervisor' | 'unit';
const LOGIN: Record<RoleName, string> = {
  admin: 'admin',
  leadership: 'leader',
  supervisor: 'supervisor',
  unit: 'jingfaju',
};
const ALL: RoleName[] = ['admin', 'leadership', 'supervisor', 'unit'];

interface Call {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: object;
  /** A multipart upload in the field `file`. */
  file?: { content: Buffer; name: string };
  /** What an allowed role gets when a 2xx would change what the other rows rely on. */
  allowedStatus?: number;
}

let t: TestApp;
let ids: Awaited<ReturnType<typeof demoIds>>;
const uniq = () => randomUUID().slice(0, 8);

async function make(path: string, login: string, body: object): Promise<string> {
  const res = await t
    .http()
    .post(path)
    .set(await t.as(login))
    .send(body);
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body.id;
}
const newUnit = () => make('/units', 'admin', { name: `测试单位${uniq()}`, kind: 'department' });
const newPlan = () =>
  make('/plans', 'leader', { title: `测试方案${uniq()}`, defaultDueOn: '2026-12-31' });
async function newSection(planId?: string) {
  const plan = planId ?? (await newPlan());
  return make(`/plans/${plan}/sections`, 'leader', {
    number: 1,
    numberText: '一',
    title: '测试章',
  });
}
async function newItem() {
  const plan = await newPlan();
  const sectionId = await newSection(plan);
  return make(`/plans/${plan}/items`, 'leader', {
    sectionId,
    number: 1,
    numberText: '一',
    title: '测试条目',
  });
}
async function assignmentOf(unitName: string) {
  const id = await ids.assignment(4, unitName);
  const version = (await t.db.query('SELECT version FROM assignments WHERE id = $1', [id]))[0]
    .version;
  return { id, version };
}

/** A fresh assignment of the unit user's own unit (区经发局), on an item of a plan of its own. */
async function ownShare(): Promise<{ id: string; itemId: string; planId: string }> {
  const res = await t
    .http()
    .post('/assignments')
    .set(await t.as('leader'))
    .send({ itemId: await newItem(), unitId: await ids.unit('区经发局'), role: 'lead' });
  if (res.status !== 201) throw new Error(`assignment: ${res.status} ${res.text}`);
  const { id, itemId, planId } = res.body.created[0];
  return { id, itemId, planId };
}
/** A progress report of the unit user's, as a draft or taken on to `submitted`. */
async function ownReport(submitted = false): Promise<{ id: string; version: number }> {
  const share = await ownShare();
  const clerk = await t.as(LOGIN.unit);
  const draft = await t
    .http()
    .post(`/assignments/${share.id}/reports`)
    .set(clerk)
    .send({ periodDate: '2025-03-01', workDone: '本月推进情况', percent: 30 });
  if (draft.status !== 201) throw new Error(`report: ${draft.status} ${draft.text}`);
  if (!submitted) return draft.body;
  const done = await t
    .http()
    .post(`/reports/${draft.body.id}/submit`)
    .set(clerk)
    .send({ version: draft.body.version });
  return done.body;
}
async function ownFile(): Promise<string> {
  const report = await ownReport();
  const res = await t
    .http()
    .post(`/reports/${report.id}/files`)
    .set(await t.as(LOGIN.unit))
    .attach('file', Buffer.from('%PDF-1.7\n'), '台账.pdf');
  if (res.status !== 201) throw new Error(`file: ${res.status} ${res.text}`);
  return res.body.id;
}

/** An endpoint, the roles allowed to call it, and how to build one call of it. */
type Row = [string, RoleName[], () => Promise<Call>];

/** Each row builds a fresh target, so an allowed call succeeds whatever ran before it. */
const rows: Row[] = [
  ['GET /me', ALL, async () => ({ method: 'get', path: '/me' })],
  [
    // A real change would end the demo user's session that every other row signs in with: the
    // call passes the guard and stops at validation (the change itself: passwords.e2e-spec).
    'POST /me/password',
    ALL,
    async () => ({
      method: 'post',
      path: '/me/password',
      body: { currentPassword: 'x', newPassword: 'short' },
      allowedStatus: 400,
    }),
  ],
  ['GET /me/todo', ALL, async () => ({ method: 'get', path: '/me/todo' })],
  ['GET /units', ALL, async () => ({ method: 'get', path: '/units' })],
  [
    'GET /units/:id',
    ALL,
    async () => ({ method: 'get', path: `/units/${await ids.unit('区经发局')}` }),
  ],
  [
    'POST /units',
    ['admin'],
    async () => ({
      method: 'post',
      path: '/units',
      body: { name: `新单位${uniq()}`, kind: 'town' },
    }),
  ],
  [
    'PATCH /units/:id',
    ['admin'],
    async () => ({
      method: 'patch',
      path: `/units/${await newUnit()}`,
      body: { shortName: '简称' },
    }),
  ],
  [
    'DELETE /units/:id',
    ['admin'],
    async () => ({ method: 'delete', path: `/units/${await newUnit()}` }),
  ],
  ['GET /groups', ALL, async () => ({ method: 'get', path: '/groups' })],
  [
    'POST /groups',
    ['admin'],
    async () => ({
      method: 'post',
      path: '/groups',
      body: { name: `组${uniq()}`, memberIds: [await newUnit()] },
    }),
  ],
  [
    'PATCH /groups/:id',
    ['admin'],
    async () => ({
      method: 'patch',
      path: `/groups/${await make('/groups', 'admin', { name: `组${uniq()}`, memberIds: [] })}`,
      body: { aliases: ['别名'] },
    }),
  ],
  [
    'DELETE /groups/:id',
    ['admin'],
    async () => ({
      method: 'delete',
      path: `/groups/${await make('/groups', 'admin', { name: `组${uniq()}`, memberIds: [] })}`,
    }),
  ],
  ['GET /users', ['admin'], async () => ({ method: 'get', path: '/users' })],
  [
    'GET /audit-log',
    ['admin', 'supervisor'],
    async () => ({ method: 'get', path: '/audit-log?entityType=Unit&pageSize=5' }),
  ],
  [
    'POST /users',
    ['admin'],
    async () => ({
      method: 'post',
      path: '/users',
      body: {
        username: `u${uniq()}`,
        displayName: '测试',
        password: 'Password-Test-9',
        role: 'unit',
        unitId: await newUnit(),
      },
    }),
  ],
  [
    'PATCH /users/:id',
    ['admin'],
    async () => ({
      method: 'patch',
      path: `/users/${await make('/users', 'admin', { username: `u${uniq()}`, displayName: '测试', password: 'Password-Test-9', role: 'unit', unitId: await newUnit() })}`,
      body: { displayName: '改名' },
    }),
  ],
  [
    'POST /users/:id/password-reset',
    ['admin'],
    async () => ({
      method: 'post',
      path: `/users/${await make('/users', 'admin', { username: `u${uniq()}`, displayName: '测试', password: 'Password-Test-9', role: 'unit', unitId: await newUnit() })}/password-reset`,
      body: { temporaryPassword: 'Temporary-Test-9' },
    }),
  ],
  [
    'DELETE /users/:id',
    ['admin'],
    async () => ({
      method: 'delete',
      path: `/users/${await make('/users', 'admin', { username: `u${uniq()}`, displayName: '测试', password: 'Password-Test-9', role: 'unit', unitId: await newUnit() })}`,
    }),
  ],
  ['GET /plans', ALL, async () => ({ method: 'get', path: '/plans' })],
  ['GET /plans/:id', ALL, async () => ({ method: 'get', path: `/plans/${ids.plan}` })],
  [
    'POST /plans',
    ['leadership'],
    async () => ({ method: 'post', path: '/plans', body: { title: `方案${uniq()}` } }),
  ],
  [
    'PATCH /plans/:id',
    ['leadership'],
    async () => ({
      method: 'patch',
      path: `/plans/${await newPlan()}`,
      body: { status: 'active' },
    }),
  ],
  [
    'DELETE /plans/:id',
    ['leadership'],
    async () => ({ method: 'delete', path: `/plans/${await newPlan()}` }),
  ],
  [
    'GET /plans/:id/sections',
    ALL,
    async () => ({ method: 'get', path: `/plans/${ids.plan}/sections` }),
  ],
  [
    'POST /plans/:id/sections',
    ['leadership'],
    async () => ({
      method: 'post',
      path: `/plans/${await newPlan()}/sections`,
      body: { number: 1, numberText: '一', title: '章' },
    }),
  ],
  [
    'PATCH /sections/:id',
    ['leadership'],
    async () => ({
      method: 'patch',
      path: `/sections/${await newSection()}`,
      body: { title: '新章名' },
    }),
  ],
  [
    'DELETE /sections/:id',
    ['leadership'],
    async () => ({ method: 'delete', path: `/sections/${await newSection()}` }),
  ],
  ['GET /plans/:id/items', ALL, async () => ({ method: 'get', path: `/plans/${ids.plan}/items` })],
  [
    'POST /plans/:id/items',
    ['leadership'],
    async () => {
      const plan = await newPlan();
      return {
        method: 'post',
        path: `/plans/${plan}/items`,
        body: { sectionId: await newSection(plan), number: 1, numberText: '一', title: '条目' },
      };
    },
  ],
  ['GET /items/:id', ALL, async () => ({ method: 'get', path: `/items/${await ids.item(4)}` })],
  [
    'PATCH /items/:id',
    ['leadership'],
    async () => ({
      method: 'patch',
      path: `/items/${await newItem()}`,
      body: { dueOn: '2026-06-30' },
    }),
  ],
  [
    'DELETE /items/:id',
    ['leadership'],
    async () => ({ method: 'delete', path: `/items/${await newItem()}` }),
  ],
  ['GET /assignments', ALL, async () => ({ method: 'get', path: '/assignments' })],
  [
    'GET /assignments/:id',
    ALL,
    async () => ({ method: 'get', path: `/assignments/${(await assignmentOf('区经发局')).id}` }),
  ],
  [
    'POST /assignments',
    ['leadership'],
    async () => ({
      method: 'post',
      path: '/assignments',
      body: { itemId: await newItem(), unitId: await ids.unit('区经发局'), role: 'lead' },
    }),
  ],
  [
    'PATCH /assignments/:id',
    ['leadership', 'unit'],
    async () => {
      const { id, version } = await assignmentOf('区经发局');
      return {
        method: 'patch',
        path: `/assignments/${id}`,
        body: { version, progressPercent: 10 + (version % 50) },
      };
    },
  ],
  [
    'DELETE /assignments/:id',
    ['leadership'],
    async () => {
      const created = await t
        .http()
        .post('/assignments')
        .set(await t.as('leader'))
        .send({ itemId: await newItem(), unitId: await ids.unit('区经发局'), role: 'lead' });
      return { method: 'delete', path: `/assignments/${created.body.created[0].id}` };
    },
  ],
  // Progress reports, review, evidence, history and standing (issue 4).
  [
    'GET /assignments/:id/reports',
    ALL,
    async () => ({ method: 'get', path: `/assignments/${(await ownShare()).id}/reports` }),
  ],
  [
    'POST /assignments/:id/reports',
    ['unit'],
    async () => ({
      method: 'post',
      path: `/assignments/${(await ownShare()).id}/reports`,
      body: { periodDate: '2025-03-01', workDone: '本月推进情况' },
    }),
  ],
  [
    'GET /reports/:id',
    ALL,
    async () => ({ method: 'get', path: `/reports/${(await ownReport()).id}` }),
  ],
  [
    'PATCH /reports/:id',
    ['unit'],
    async () => {
      const report = await ownReport();
      return {
        method: 'patch',
        path: `/reports/${report.id}`,
        body: { version: report.version, percent: 40 },
      };
    },
  ],
  [
    'POST /reports/:id/submit',
    ['unit'],
    async () => {
      const report = await ownReport();
      return {
        method: 'post',
        path: `/reports/${report.id}/submit`,
        body: { version: report.version },
      };
    },
  ],
  [
    'POST /reports/:id/accept',
    ['leadership'],
    async () => {
      const report = await ownReport(true);
      return {
        method: 'post',
        path: `/reports/${report.id}/accept`,
        body: { version: report.version },
      };
    },
  ],
  [
    'POST /reports/:id/return',
    ['leadership'],
    async () => {
      const report = await ownReport(true);
      return {
        method: 'post',
        path: `/reports/${report.id}/return`,
        body: { version: report.version, comment: '请补充材料' },
      };
    },
  ],
  [
    'POST /reports/:id/files',
    ['unit'],
    async () => ({
      method: 'post',
      path: `/reports/${(await ownReport()).id}/files`,
      file: { content: Buffer.from('会议记录\n'), name: '记录.txt' },
    }),
  ],
  ['GET /files/:id', ALL, async () => ({ method: 'get', path: `/files/${await ownFile()}` })],
  [
    'DELETE /files/:id',
    ['unit'],
    async () => ({ method: 'delete', path: `/files/${await ownFile()}` }),
  ],
  [
    'GET /assignments/:id/timeline',
    ALL,
    async () => ({ method: 'get', path: `/assignments/${(await ownShare()).id}/timeline` }),
  ],
  [
    'GET /assignments/:id/targets',
    ALL,
    async () => ({ method: 'get', path: `/assignments/${(await ownShare()).id}/targets` }),
  ],
  [
    'GET /items/:id/timeline',
    ALL,
    async () => ({ method: 'get', path: `/items/${(await ownShare()).itemId}/timeline` }),
  ],
  [
    'GET /items/:id/progress',
    ALL,
    async () => ({ method: 'get', path: `/items/${(await ownShare()).itemId}/progress` }),
  ],
  [
    'GET /plans/:id/progress',
    ALL,
    async () => ({ method: 'get', path: `/plans/${(await ownShare()).planId}/progress` }),
  ],
  [
    'GET /supervision/overdue',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: '/supervision/overdue' }),
  ],
  [
    'GET /supervision/warnings',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: '/supervision/warnings' }),
  ],
  [
    'GET /supervision/statistics',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: '/supervision/statistics' }),
  ],
  [
    'GET /supervision/exports/overdue.xlsx',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: '/supervision/exports/overdue.xlsx' }),
  ],
  [
    'GET /plans/:id/breakdown.xlsx',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: `/plans/${ids.plan}/breakdown.xlsx` }),
  ],
  [
    'GET /plans/:id/annual-report',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: `/plans/${ids.plan}/annual-report?year=2024` }),
  ],
  [
    'GET /annual-report',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: '/annual-report?year=2024&format=docx' }),
  ],
  ['GET /supervision/notices', ALL, async () => ({ method: 'get', path: '/supervision/notices' })],
  [
    'GET /supervision/notices/:id',
    ALL,
    async () => ({ method: 'get', path: `/supervision/notices/${(await ownNotice()).id}` }),
  ],
  [
    'POST /supervision/notices',
    ['supervisor'],
    async () => ({ method: 'post', path: '/supervision/notices', body: await noticeBody() }),
  ],
  [
    'POST /supervision/notices/:id/answer',
    ['unit'],
    async () => {
      const notice = await ownNotice();
      return {
        method: 'post',
        path: `/supervision/notices/${notice.id}/answer`,
        body: { version: notice.version, answer: '已制定整改措施' },
      };
    },
  ],
  ...(['return', 'close'] as const).map((step): Row => [
    `POST /supervision/notices/:id/${step}`,
    ['supervisor'],
    async () => {
      const notice = await ownNotice(true);
      return {
        method: 'post',
        path: `/supervision/notices/${notice.id}/${step}`,
        body: { version: notice.version, comment: '请补充整改时限' },
      };
    },
  ]),
  // 督办单 as documents (issue 16, point 4).
  [
    'PATCH /supervision/notices/:id',
    ['supervisor'],
    async () => {
      const notice = await ownNotice();
      const level = notice.level === 'blue' ? 'yellow' : 'blue';
      return {
        method: 'patch',
        path: `/supervision/notices/${notice.id}`,
        body: { version: notice.version, level },
      };
    },
  ],
  [
    'POST /supervision/notices/:id/raise',
    ['supervisor'],
    async () => {
      const notice = await ownNotice(false, 'blue');
      return {
        method: 'post',
        path: `/supervision/notices/${notice.id}/raise`,
        body: { version: notice.version },
      };
    },
  ],
  [
    'GET /supervision/notices/:id/document.docx',
    ALL,
    async () => ({
      method: 'get',
      path: `/supervision/notices/${(await ownNotice()).id}/document.docx`,
    }),
  ],
  [
    'POST /supervision/notices/:id/files',
    ['unit'],
    async () => ({
      method: 'post',
      path: `/supervision/notices/${(await ownNotice(true)).id}/files`,
      file: { content: Buffer.from('整改台账\n'), name: '台账.txt' },
    }),
  ],
  [
    'GET /supervision/notice-files/:id',
    ALL,
    async () => ({ method: 'get', path: `/supervision/notice-files/${await ownNoticeFile()}` }),
  ],
  [
    'DELETE /supervision/notice-files/:id',
    ['unit'],
    async () => ({ method: 'delete', path: `/supervision/notice-files/${await ownNoticeFile()}` }),
  ],
  // 考评 and 情况通报 (issue 16, point 5).
  ['GET /assessment/rules', ALL, async () => ({ method: 'get', path: '/assessment/rules' })],
  [
    'PUT /assessment/rules',
    ['leadership', 'supervisor'],
    async () => {
      const rules = await t.db.query('SELECT version FROM assessment_settings');
      return {
        method: 'put',
        path: '/assessment/rules',
        body: {
          ...(rules[0] ? { version: rules[0].version } : {}),
          rules: { overdue: { perDay: 0.1 } },
        },
      };
    },
  ],
  [
    'GET /assessment/scores',
    ALL,
    async () => ({ method: 'get', path: '/assessment/scores?periodKind=month' }),
  ],
  [
    'GET /assessment/scores/:id',
    ALL,
    async () => ({ method: 'get', path: `/assessment/scores/${await ids.unit('区经发局')}` }),
  ],
  [
    'GET /assessment/ranking.xlsx',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: '/assessment/ranking.xlsx?periodKind=quarter' }),
  ],
  [
    'GET /assessment/bulletin.docx',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: '/assessment/bulletin.docx?periodKind=month' }),
  ],
  [
    'GET /supervision/exports/statistics.xlsx',
    ['admin', 'leadership', 'supervisor'],
    async () => ({ method: 'get', path: '/supervision/exports/statistics.xlsx' }),
  ],
  [
    'POST /supervision/notices/:id/acknowledge',
    ['unit'],
    async () => ({
      method: 'post',
      path: `/supervision/notices/${(await ownNotice()).id}/acknowledge`,
    }),
  ],
  [
    'POST /assignments/:id/acknowledge',
    ['unit'],
    async () => ({ method: 'post', path: `/assignments/${(await ownShare()).id}/acknowledge` }),
  ],
  [
    'POST /assignments/:id/extension-requests',
    ['unit'],
    async () => ({
      method: 'post',
      path: `/assignments/${(await ownShare()).id}/extension-requests`,
      body: { requestedDueOn: '2027-06-30', reason: '项目审批未完成' },
    }),
  ],
  ['GET /extension-requests', ALL, async () => ({ method: 'get', path: '/extension-requests' })],
  [
    'GET /extension-requests/:id',
    ALL,
    async () => ({ method: 'get', path: `/extension-requests/${(await ownExtension()).id}` }),
  ],
  ...(['approve', 'refuse'] as const).map((step): Row => [
    `POST /extension-requests/:id/${step}`,
    ['leadership'],
    async () => {
      const request = await ownExtension();
      return {
        method: 'post',
        path: `/extension-requests/${request.id}/${step}`,
        body: { version: request.version, comment: '按期完成' },
      };
    },
  ]),
  [
    'POST /chases',
    ['leadership', 'supervisor'],
    async () => ({
      method: 'post',
      path: '/chases',
      body: { assignmentIds: [(await ownShare()).id], message: '请抓紧办理' },
    }),
  ],
  ['GET /chases', ALL, async () => ({ method: 'get', path: '/chases' })],
  [
    'GET /reminders/deliveries',
    ALL,
    async () => ({ method: 'get', path: '/reminders/deliveries' }),
  ],
  [
    'GET /reminders/digest-preview',
    ALL,
    async () => ({
      method: 'get',
      path: `/reminders/digest-preview?date=2025-03-10&unitId=${await ids.unit('区经发局')}`,
    }),
  ],
  [
    'POST /reminders/digest-runs',
    ['admin', 'leadership'],
    // A far date, so no worker of another test file ever minds the job; the queue is emptied
    // after this file.
    async () => ({ method: 'post', path: '/reminders/digest-runs', body: { date: '2031-01-06' } }),
  ],
  // Holidays for any year (issue 12): everyone reads the calendar; the admin and the
  // leadership office import notices. A far year, so no other test's working days move.
  ['GET /calendar/years', ALL, async () => ({ method: 'get', path: '/calendar/years' })],
  ['GET /calendar/years/:year', ALL, async () => ({ method: 'get', path: '/calendar/years/2026' })],
  [
    'GET /calendar/working-days',
    ALL,
    async () => ({ method: 'get', path: '/calendar/working-days?from=2026-09-30&days=10' }),
  ],
  [
    'POST /calendar/holiday-notices/preview',
    ['admin', 'leadership'],
    async () => ({
      method: 'post',
      path: '/calendar/holiday-notices/preview',
      body: { text: farNotice() },
    }),
  ],
  [
    'PUT /calendar/years/:year',
    ['admin', 'leadership'],
    async () => {
      const [row] = await t.db.query('SELECT version FROM holiday_calendars WHERE year = 2099');
      return {
        method: 'put',
        path: '/calendar/years/2099',
        body: { text: farNotice(), ...(row ? { version: row.version } : {}) },
      };
    },
  ],
];

/** A short notice for 2099, a year nothing else in the suite looks at. */
function farNotice(): string {
  return [
    '国务院办公厅关于2099年部分节假日安排的通知',
    '一、元旦：1月1日放假，共1天。',
    '二、春节：2月1日至7日放假，共7天。',
    '三、国庆节：10月1日至7日放假，共7天。',
  ].join('\n');
}

async function noticeBody() {
  return {
    unitId: await ids.unit('区经发局'),
    assignmentIds: [(await ownShare()).id],
    reason: '请说明进展缓慢的原因',
    replyBy: '2025-04-30',
  };
}
/** A pending extension request of the unit user's own unit. */
async function ownExtension(): Promise<{ id: string; version: number }> {
  const res = await t
    .http()
    .post(`/assignments/${(await ownShare()).id}/extension-requests`)
    .set(await t.as(LOGIN.unit))
    .send({ requestedDueOn: '2027-06-30', reason: '项目审批未完成' });
  if (res.status !== 201) throw new Error(`extension: ${res.status} ${res.text}`);
  return res.body;
}
/** A supervision notice to the unit user's own unit, issued, or answered by it. */
async function ownNotice(
  answered = false,
  level?: string,
): Promise<{ id: string; version: number; level: string }> {
  const issued = await t
    .http()
    .post('/supervision/notices')
    .set(await t.as('supervisor'))
    .send({ ...(await noticeBody()), ...(level ? { level } : {}) });
  if (issued.status !== 201) throw new Error(`notice: ${issued.status} ${issued.text}`);
  if (!answered) return issued.body;
  const res = await t
    .http()
    .post(`/supervision/notices/${issued.body.id}/answer`)
    .set(await t.as(LOGIN.unit))
    .send({ version: issued.body.version, answer: '已整改' });
  if (res.status !== 200) throw new Error(`answer: ${res.status} ${res.text}`);
  return res.body;
}

/** A file on the unit user's answer to its own notice. */
async function ownNoticeFile(): Promise<string> {
  const notice = await ownNotice(true);
  const res = await t
    .http()
    .post(`/supervision/notices/${notice.id}/files`)
    .set(await t.as(LOGIN.unit))
    .attach('file', Buffer.from('%PDF-1.7\n'), '答复.pdf');
  if (res.status !== 201) throw new Error(`notice file: ${res.status} ${res.text}`);
  return res.body.id;
}

/** Sends the call's body, or its file as multipart. */
function send(req: Test, call: Call): Test {
  if (call.file) return req.attach('file', call.file.content, call.file.name);
  return call.body ? req.send(call.body) : req;
}

describe('access rules: every endpoint × every role', () => {
  let storage: string;
  const storageDir = process.env.STORAGE_DIR;

  beforeAll(async () => {
    // Evidence uploaded here goes to a folder of this file's own.
    storage = mkdtempSync(join(tmpdir(), 'luoshi-access-'));
    process.env.STORAGE_DIR = storage;
    t = await createTestApp();
    ids = await demoIds(t.db);
  });
  afterAll(async () => {
    const queue = new Queue(QUEUES.reminders, process.env.REDIS_URL!, { prefix: 'luoshi' });
    await queue.obliterate({ force: true });
    await queue.close();
    await t.close();
    if (storageDir === undefined) delete process.env.STORAGE_DIR;
    else process.env.STORAGE_DIR = storageDir;
    rmSync(storage, { recursive: true, force: true });
  });

  const cases = rows.flatMap(([name, allowed, build]) =>
    ALL.map((role) => [name, role, allowed.includes(role), build] as const),
  );

  it.each(cases)('%s as %s: allowed=%s', async (_, role, allowed, build) => {
    const call = await build();
    const req = t
      .http()
      [call.method](call.path)
      .set(await t.as(LOGIN[role]));
    const res = await send(req, call);
    if (allowed && call.allowedStatus) {
      expect(res.status).toBe(call.allowedStatus);
    } else if (allowed) {
      expect([200, 201, 202, 204]).toContain(res.status);
    } else {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: '无权执行此操作',
        requestId: res.headers['x-request-id'],
      });
    }
  });

  // Builds a target for every row (accounts with bcrypt, plans, uploads): beyond Jest's 5 s
  // default on a shared machine.
  it('refuses every endpoint but login and health without a token', async () => {
    for (const [, , build] of rows) {
      const call = await build();
      const res = await send(t.http()[call.method](call.path), call);
      expect(res.status).toBe(401);
    }
    expect((await t.http().get('/health')).status).toBe(200);
  }, 60_000);
});
