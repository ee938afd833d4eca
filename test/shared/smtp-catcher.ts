import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for';

export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  /** Decoded text body. */
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`), which nodemailer uses for subjects with quotes or accents. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_m, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

/** Splits one raw message into what tests read; enough for nodemailer's single-part text mails. */
function parse(raw: string, from: string, to: string[]): CaughtMail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  let text = rest.join('\n\n');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'quoted-printable') text = decodeQuotedPrintable(text);
  if (encoding === 'base64') text = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  return { from, to, subject: decodeHeader(header('Subject')), text };
}

/**
 * A real SMTP server on a loopback port that keeps every message it receives, so tests
 * check what the instance sends without any external mail service.
 */
export class SmtpCatcher {
  readonly mails: CaughtMail[] = [];
  port = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    // No DNS on loopback: a reverse lookup of 127.0.0.1 can stall each connection.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        this.mails.push(parse(Buffer.concat(chunks).toString('utf8'), from, to));
        callback();
      });
    },
  });

  async start(): Promise<this> {
    await new Promise<void>((ok) => this.server.listen(0, '127.0.0.1', ok));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((ok) => this.server.close(() => ok()));
  }

  /** Config keys pointing a test server at this catcher. */
  configYaml(): string {
    return `smtp:\n  hostname: '127.0.0.1'\n  port: ${this.port}\n  tls: false\n  disable_starttls: true\n  from_address: 'noreply@shoal.test'\n`;
  }

  /** Waits for the first message to `to` whose subject matches. */
  waitForMail(to: string, subject: RegExp): Promise<CaughtMail> {
    return waitFor(() => this.mails.find((m) => m.to.includes(to) && subject.test(m.subject)), {
      what: `mail to ${to} matching ${subject}`,
    });
  }
}
