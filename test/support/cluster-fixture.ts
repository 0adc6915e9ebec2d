// A stand-in API for the cluster test: answers every request with its pid, and on SIGTERM
// finishes like Nest's shutdown hooks do (closes the server, then exits).
import { createServer } from 'node:http';
import { runClustered } from '../../apps/api/src/cluster';

const port = Number(process.env.PORT);
void runClustered({
  processes: Number(process.env.API_PROCESSES),
  backoffMs: 50,
  graceMs: 5_000,
  log: { info: (m) => console.log(`[cluster] ${m}`), warn: (m) => console.log(`[cluster] ${m}`) },
  start: async () => {
    const server = createServer((_req, res) => res.end(String(process.pid)));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    process.once('SIGTERM', () => server.close(() => process.exit(0)));
  },
});
