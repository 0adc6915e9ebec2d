import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A port nothing listens on now, for a server a test starts later (often in another process).
 *
 * Not the OS's pick (`listen(0)`): that comes from the ephemeral range, from which every other
 * suite's `listen(0)` and every outgoing connection also draw, so between our check and the
 * server's start another suite could take it (a CI run once failed on exactly that). Below the
 * ephemeral range only callers of this function choose ports, at random, so a clash needs two of
 * them to draw the same number and is then seen here, since the first has already bound it.
 */
export async function freePort(): Promise<number> {
  const [low, high] = ephemeralRange();
  const [from, to] = low - 20_000 >= 1024 ? [low - 20_000, low] : [high + 1, 65_536];
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from));
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port found between ${from} and ${to - 1}`);
}

function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (low > 0 && high >= low) return [low, high];
  } catch {
    // Not Linux: the IANA dynamic range, which macOS and Windows use.
  }
  return [49_152, 65_535];
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
