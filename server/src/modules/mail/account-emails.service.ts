import { col, fn, Op, where } from 'sequelize';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { hashPassword, type AuthService } from '../auth';
import { UserModel } from '../users';
import type { MailService } from './mail.service';
import type { VerificationTokens } from './verification-tokens';

const byEmail = (email: string) => ({
  [Op.or]: [where(fn('lower', col('email')), email.toLowerCase()), where(fn('lower', col('pending_email')), email.toLowerCase())],
});

/**
 * E-mail verification of accounts and password reset. Asking for a link never tells
 * whether the address exists: the answer is the same, only the mail box differs.
 */
export class AccountEmailService {
  constructor(
    private readonly ctx: AppContext,
    private readonly mail: MailService,
    private readonly tokens: VerificationTokens,
    private readonly auth: AuthService,
  ) {
    ctx.events.on('user-registered', async ({ userId }) => {
      const user = await UserModel.findByPk(userId);
      if (user && ctx.config.signup.requires_email_verification) await this.sendVerification(user, false);
    });
    ctx.events.on('user-banned', async ({ userId }) => {
      const user = await UserModel.findByPk(userId);
      if (user) await this.sendBanNotice(user);
    });
  }

  private async sendBanNotice(user: UserModel): Promise<void> {
    const reason = user.blockedReason ? `\n\nReason: ${user.blockedReason}` : '';
    await this.mail.send({
      to: [user.email],
      subject: 'Your account was blocked',
      text: `Hello ${user.username},\n\nA moderator of ${this.ctx.config.instance.name} blocked your account.${reason}`,
    });
  }

  /** Sends the link confirming the account's e-mail, or its pending new e-mail. */
  async sendVerification(user: UserModel, pending: boolean): Promise<void> {
    const to = pending ? user.pendingEmail : user.email;
    if (!to) return;
    const token = await this.tokens.create('verify-user-email', user.id);
    const params = new URLSearchParams({
      userId: String(user.id),
      verificationString: token,
      ...(pending ? { isPendingEmail: 'true' } : {}),
    });
    await this.mail.send({
      to: [to],
      subject: 'Verify your e-mail address',
      text: `Hello ${user.username},\n\nPlease confirm your e-mail address on ${this.ctx.config.instance.name}:\n${this.ctx.publicUrl}/verify-account/email?${params}\n\nThis link is valid for one hour.`,
    });
  }

  async askSendVerifyEmail(email: string): Promise<void> {
    const user = await UserModel.findOne({ where: byEmail(email) });
    if (!user) return;
    const pending = user.pendingEmail?.toLowerCase() === email.toLowerCase();
    if (!pending && user.emailVerified !== false) return;
    await this.sendVerification(user, pending);
  }

  async verifyEmail(userId: number, verificationString: string, isPendingEmail: boolean): Promise<void> {
    const user = await UserModel.findByPk(userId);
    if (!user) throw AppError.notFound('User');
    if (!(await this.tokens.consume('verify-user-email', user.id, verificationString)))
      throw AppError.forbidden('Invalid verification string');
    if (isPendingEmail && user.pendingEmail) await user.update({ email: user.pendingEmail, pendingEmail: null, emailVerified: true });
    else await user.update({ emailVerified: true });
  }

  async askResetPassword(email: string): Promise<void> {
    const user = await UserModel.findOne({ where: where(fn('lower', col('email')), email.toLowerCase()) });
    if (!user) return;
    const token = await this.tokens.create('reset-password', user.id);
    const params = new URLSearchParams({ userId: String(user.id), verificationString: token });
    await this.mail.send({
      to: [user.email],
      subject: 'Reset your password',
      text: `Hello ${user.username},\n\nSomeone asked to reset your password on ${this.ctx.config.instance.name}. If it was you, choose a new one here:\n${this.ctx.publicUrl}/reset-password?${params}\n\nThis link is valid for one hour. If it was not you, ignore this e-mail.`,
    });
  }

  /** A new password ends every session of the user. */
  async resetPassword(userId: number, verificationString: string, password: string): Promise<void> {
    const user = await UserModel.findByPk(userId);
    if (!user) throw AppError.notFound('User');
    if (!(await this.tokens.consume('reset-password', user.id, verificationString)))
      throw AppError.forbidden('Invalid verification string');
    await user.update({ passwordHash: await hashPassword(password) });
    await this.auth.tokens.deleteForUser(user.id);
  }
}
