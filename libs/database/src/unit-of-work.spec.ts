import { runAfterCommit } from './unit-of-work';

function logger() {
  const lines: Array<[string, string]> = [];
  return {
    lines,
    warn: (message: string) => lines.push(['warn', message]),
    error: (message: string) => lines.push(['error', message]),
  };
}

describe('runAfterCommit: a committed write is never turned into a failure by its hooks', () => {
  it('tries a failing hook again and then succeeds quietly', async () => {
    const log = logger();
    let calls = 0;
    await runAfterCommit(
      [
        () => {
          calls++;
          if (calls === 1) throw new Error('redis down');
        },
      ],
      log,
    );
    expect(calls).toBe(2);
    expect(log.lines).toEqual([['warn', expect.stringContaining('redis down')]]);
  });

  it('logs a hook that keeps failing, does not throw, and still runs the hooks after it', async () => {
    const log = logger();
    const ran: string[] = [];
    await expect(
      runAfterCommit(
        [
          () => Promise.reject(new Error('disk gone')),
          () => {
            ran.push('second');
          },
        ],
        log,
      ),
    ).resolves.toBeUndefined();
    expect(ran).toEqual(['second']);
    expect(log.lines.map(([level]) => level)).toEqual(['warn', 'error']);
    expect(log.lines[1][1]).toMatch(/committed/);
  });
});
