/**
 * A real SMTP server (smtp-server) for tests of mail delivery, and a small MIME reader (enough for nodemailer's
 * output): each message that arrives is pushed to `inbox` with its envelope recipients, headers, decoded subject and
 * decoded leaf parts. Start it on a port of your own (`freePort()`) to test what happens while nobody listens.
 */
import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type MailPart = { headers: Record<string, string>; body: string };
export type ReceivedMail = { envelopeTo: string[]; raw: string; headers: Record<string, string>; subject: string; parts: MailPart[] };

export type TestSmtpServer = {
  port: number;
  /** smtp://127.0.0.1:<port>, for registerMailJob. */
  url: string;
  inbox: ReceivedMail[];
  stop(): Promise<void>;
};

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable')
    return Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return body;
}

/** Splits a (possibly multipart) message into decoded leaf parts. */
export function parseMessage(raw: string): { headers: Record<string, string>; parts: MailPart[] } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = parseHeaders(raw.slice(0, split));
  const body = raw.slice(split + 4);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return { headers, parts: [{ headers, body: decodeBody(headers, body) }] };
  const parts: MailPart[] = [];
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    parts.push(...parseMessage(chunk.replace(/^\r\n/, '').replace(/\r\n$/, '')).parts);
  }
  return { headers, parts };
}

/** A subject line as sent: plain ASCII, or RFC 2047 encoded words (nodemailer encodes non-ASCII subjects). */
export function decodeSubject(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeBody({ 'content-transfer-encoding': 'quoted-printable' }, text.replace(/_/g, ' ')),
  );
}

/** The first part of a mail whose Content-Type starts with `type` ("text/plain", "text/calendar"). */
export function partOf(mail: ReceivedMail, type: string): MailPart | undefined {
  return mail.parts.find((p) => (p.headers['content-type'] ?? '').startsWith(type));
}

export const textOf = (mail: ReceivedMail): string => partOf(mail, 'text/plain')?.body ?? '';
export const htmlOf = (mail: ReceivedMail): string => partOf(mail, 'text/html')?.body ?? '';

/** A port nobody listens on (yet). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts an SMTP server on 127.0.0.1 (on `port`, or a free one) that collects what arrives in `inbox`. */
export async function startSmtpServer(opts: { port?: number; inbox?: ReceivedMail[] } = {}): Promise<TestSmtpServer> {
  const port = opts.port ?? (await freePort());
  const inbox = opts.inbox ?? [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message = parseMessage(raw);
        inbox.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, ...message, subject: decodeSubject(message.headers.subject ?? '') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port, url: `smtp://127.0.0.1:${port}`, inbox, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
