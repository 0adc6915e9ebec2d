import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpCatcher {
  url: string;
  messages: ParsedMail[];
  /** The addresses a message went to (To), lower-cased. */
  to: (mail: ParsedMail) => string[];
  close: () => Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps what it receives, parsed. `delayMs` slows each
 * message before its envelope is accepted (so a test can act in the middle of a run, and a sender
 * killed during the wait leaves no message behind, as with a real server); `refuse` answers every
 * message with 550, and
 * `refuseRecipients` refuses those addresses alone.
 */
export async function startSmtp(
  options: { delayMs?: number; refuse?: boolean; refuseRecipients?: string[] } = {},
): Promise<SmtpCatcher> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!options.delayMs) return callback();
      setTimeout(() => callback(), options.delayMs);
    },
    onRcptTo(address, _session, callback) {
      if (!options.refuseRecipients?.includes(address.address.toLowerCase())) return callback();
      const error = new Error('查无此用户') as Error & { responseCode: number };
      error.responseCode = 550;
      callback(error);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (options.refuse) {
          const error = new Error('邮箱已满，拒收') as Error & { responseCode: number };
          error.responseCode = 550;
          return callback(error);
        }
        simpleParser(Buffer.concat(chunks)).then(
          (message) => {
            messages.push(message);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  // A sender killed mid-run drops its pooled connections (ECONNRESET); a real server shrugs.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (mail) =>
      [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
