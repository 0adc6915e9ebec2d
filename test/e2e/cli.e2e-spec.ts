import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { wordTablePlan } from '../support/table-fixtures';
import { encodeGb18030 } from '../support/gb18030';

const run = promisify(execFile);

const root = join(__dirname, '../..');

/** The CLI as an operator runs it, from source: plan:parse needs no database at all. */
async function cli(...args: string[]) {
  return cliWith({ DATABASE_URL: '', REDIS_URL: '' }, ...args);
}

async function cliWith(extra: Record<string, string>, ...args: string[]) {
  const env = { ...process.env, ...extra };
  return run(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], {
    cwd: root,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
}

describe('cli plan:parse', () => {
  it('prints the seed plan as JSON in the documented shape without touching a database', async () => {
    const { stdout } = await cli('plan:parse', 'test/fixtures/plan-003.txt', '--json');
    const result = JSON.parse(stdout);
    expect(result.plan).toMatchObject({
      docNumber: '漯开文〔2022〕57号',
      issuedOn: '2022-10-21',
      defaultDueOn: '2025-12-31',
    });
    expect(result.sections).toHaveLength(10);
    const items = result.sections.flatMap((s: { items: unknown[] }) => s.items);
    expect(items).toHaveLength(37);
    const seventh = items.find((i: { number: number }) => i.number === 7);
    expect(seventh).toMatchObject({ numberText: '七', dueOn: '2022-12-31', preamble: false });
    expect(seventh.units[0]).toMatchObject({ name: '区行政服务中心', role: 'lead', group: false });
  }, 30_000);

  it('reads a plan saved in GB18030, and a Word file with a task table, by the API reader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-'));
    const seed = readFileSync(join(root, 'test/fixtures/plan-003.txt'), 'utf8');
    const gbk = join(dir, 'plan-gbk.txt');
    writeFileSync(gbk, encodeGb18030(seed));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(gbk))).toThrow();
    const fromGbk = JSON.parse((await cli('plan:parse', gbk, '--json')).stdout);
    expect(fromGbk.plan.docNumber).toBe('漯开文〔2022〕57号');
    expect(fromGbk.sections.flatMap((s: { items: unknown[] }) => s.items)).toHaveLength(37);

    const docx = join(dir, 'plan.docx');
    writeFileSync(docx, await wordTablePlan());
    const fromDocx = JSON.parse((await cli('plan:parse', docx, '--json')).stdout);
    expect(fromDocx.plan).toMatchObject({ docNumber: '漯开文〔2025〕21号', layout: 'table' });
    const items = fromDocx.sections.flatMap(
      (s: { items: Array<{ units: Array<{ name: string; role: string }> }> }) => s.items,
    );
    expect(items).toHaveLength(4);
    expect(items[2].units[0]).toMatchObject({ name: '区建设局', role: 'lead' });
  }, 120_000);

  it('answers a missing file with a plain message and exit code 1', async () => {
    await expect(cli('plan:parse', 'no-such-plan.txt')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('找不到文件'),
    });
  }, 30_000);
});

describe('cli plan:import', () => {
  it('imports a plan file into the configured database, and a second run changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-'));
    const file = join(dir, 'plan.txt');
    const seed = readFileSync(join(root, 'test/fixtures/plan-003.txt'), 'utf8');
    writeFileSync(file, seed.replace('漯开文〔202257', '漯开文〔2024〕3号'));

    const first = await cliWith({}, 'plan:import', file, '--active');
    expect(first.stdout).toMatch(/（新建）/);
    expect(first.stdout).toMatch(/条目：新建 37，更新 0，未变 0/);
    const second = await cliWith({}, 'plan:import', file);
    expect(second.stdout).toMatch(/（未变）/);
    expect(second.stdout).toMatch(/责任分工：新建 0，更新 0，未变 \d+/);
  }, 60_000);

  it('refuses a plan naming units the directory lacks unless told to create them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-'));
    const file = join(dir, 'plan.txt');
    const seed = readFileSync(join(root, 'test/fixtures/plan-003.txt'), 'utf8');
    writeFileSync(
      file,
      seed
        .replace('漯开文〔202257', '漯开文〔2024〕4号')
        .replace('〔责任单位:区督查室,各镇()〕', '〔责任单位:区督查室、区命令行局,各镇()〕'),
    );
    await expect(cliWith({}, 'plan:import', file)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('区命令行局'),
    });
    const created = await cliWith({}, 'plan:import', file, '--create-units');
    expect(created.stdout).toContain('新建单位：区命令行局');
  }, 60_000);
});
