import nodemailer, { type Transporter } from 'nodemailer';
import type { AppContext } from '../../platform/context';
import { defineJob, type JobDefinition } from '../../platform/queue';

export interface Email {
  to: string[];
  subject: string;
  text: string;
}

/** True when an SMTP server is configured; without one, e-mail features say so instead of pretending. */
export const emailEnabled = (ctx: AppContext) => !!ctx.config.smtp.hostname;

/**
 * Outgoing e-mail. Services enqueue (`send`), the `send-email` job talks SMTP, so a slow or
 * unreachable mail server never delays a request and failures are retried with backoff.
 */
export class MailService {
  constructor(private readonly ctx: AppContext) {}

  async send(email: Email): Promise<void> {
    if (!emailEnabled(this.ctx)) {
      this.ctx.logger.warn({ to: email.to.length, subject: email.subject }, 'no SMTP server configured: e-mail dropped');
      return;
    }
    const { prefix } = this.ctx.config.email.subject;
    const { signature } = this.ctx.config.email.body;
    await this.ctx.queue.add('send-email', {
      to: email.to,
      subject: prefix ? `${prefix} ${email.subject}` : email.subject,
      text: signature ? `${email.text}\n\n-- \n${signature}\n` : email.text,
    });
  }
}

function transporter(ctx: AppContext): Transporter {
  const smtp = ctx.config.smtp;
  return nodemailer.createTransport({
    host: smtp.hostname ?? undefined,
    port: smtp.port,
    secure: smtp.tls,
    ignoreTLS: smtp.disable_starttls,
    auth: smtp.username ? { user: smtp.username, pass: smtp.password ?? '' } : undefined,
  });
}

/** `send-email`: one message over SMTP; a refused connection throws so BullMQ retries later. */
export function sendEmailJob(ctx: AppContext): JobDefinition<'send-email'> {
  let transport: Transporter | undefined;
  return defineJob({
    name: 'send-email',
    concurrency: 2,
    attempts: 5,
    backoffMs: 10_000,
    handler: async (email) => {
      if (!emailEnabled(ctx)) return;
      transport ??= transporter(ctx);
      await transport.sendMail({ from: ctx.config.smtp.from_address, to: email.to, subject: email.subject, text: email.text });
    },
  });
}
