import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A port nothing listens on now, for a server a test starts later (often in another process).
 *
 * Not the OS's pick (`listen(0)`): that comes from the ephemeral range, from which every other
 * suite's `listen(0)` and every outgoing connection also draw, so between our check and the
 * server's start another suite could take it (a CI run once failed on exactly that). Below the
 * ephemeral range only callers of this function choose ports, at random out of thousands, so a
 * clash needs two of them to draw the same number within the moment between a check and a start.
 * A machine whose ephemeral range leaves no room on either side gets the OS's pick after all.
 */
export async function freePort(): Promise<number> {
  const [low, high] = ephemeralRange();
  const below: [number, number] = [Math.max(1024, low - 20_000), low];
  const above: [number, number] = [high + 1, Math.min(65_536, high + 20_001)];
  const [from, to] = below[1] - below[0] >= above[1] - above[0] ? below : above;
  if (to - from >= 1000) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const port = from + Math.floor(Math.random() * (to - from));
      if (await listenOn(port)) return port;
    }
  }
  const port = await listenOn(0);
  if (!port) throw new Error('no free port: the OS gave none');
  return port;
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

/** The port a probe could listen on (0: the OS's pick), or undefined when it was taken. */
function listenOn(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const bound = (server.address() as { port: number }).port;
      server.close(() => resolve(bound));
    });
  });
}
