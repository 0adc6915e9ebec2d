import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '../..');

/** The CLI as an operator runs it, from source: plan:parse needs no database at all. */
async function cli(...args: string[]) {
  const env = { ...process.env, DATABASE_URL: '', REDIS_URL: '' };
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

  it('answers a missing file with a plain message and exit code 1', async () => {
    await expect(cli('plan:parse', 'no-such-plan.txt')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('找不到文件'),
    });
  }, 30_000);
});
