import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../support/worker';

const root = join(__dirname, '../..');

describe('npm start restarts a process that dies (docker/supervise.js)', () => {
  it('says so, starts it again, and stops it on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luoshi-supervise-'));
    const runs = join(dir, 'runs');
    // Crashes on its first run, then stays up like a healthy API.
    const program = `
      const fs = require('fs');
      fs.appendFileSync(${JSON.stringify(runs)}, 'run\\n');
      if (fs.readFileSync(${JSON.stringify(runs)}, 'utf8').split('\\n').length === 2) process.exit(3);
      setInterval(() => {}, 1000);`;
    const supervisor = spawn(
      process.execPath,
      ['docker/supervise.js', 'API', '--', process.execPath, '-e', program],
      { cwd: root, env: { ...process.env, SUPERVISE_BACKOFF_MS: '50' } },
    );
    let said = '';
    supervisor.stderr.on('data', (chunk) => (said += chunk));
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', resolve));

    await waitFor('the second run', async () => {
      try {
        return readFileSync(runs, 'utf8').trim().split('\n').length === 2;
      } catch {
        return false;
      }
    });
    expect(said).toMatch(/API: exited with code 3 after [\d.]+ s; restarting in 0\.1 s/);

    supervisor.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Stopped on purpose: no third run, and no "restarting".
    expect(readFileSync(runs, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(said.match(/restarting/g)).toHaveLength(1);
  }, 60_000);
});
