import { col, fn, Op, where } from 'sequelize';
import { ServerErrorCode, UserRegistrationState, UserRole, type RegistrationRequest } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { ActorService } from '../actors';
import { hashPassword, verifyPassword } from '../auth';
import type { MailService, VerificationTokens } from '../mail';
import { UserModel, type UserService } from '../users';
import { UserRegistrationModel } from './registration.model';

const isUniqueViolation = (err: unknown) => (err as { name?: string })?.name === 'SequelizeUniqueConstraintError';
const lower = (column: string, value: string) => where(fn('lower', col(column)), value.toLowerCase());
const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Sign-ups that wait for a moderator: request, review (accept creates the user), e-mail checks. */
export class RegistrationService {
  constructor(
    private readonly ctx: AppContext,
    private readonly users: UserService,
    private readonly actors: ActorService,
    private readonly mail: MailService,
    private readonly tokens: VerificationTokens,
  ) {}

  async request(body: RegistrationRequest): Promise<UserRegistrationModel> {
    const signup = this.ctx.config.signup;
    if (!signup.enabled) throw AppError.forbidden('User registration is not enabled', ServerErrorCode.SIGNUP_DISABLED);
    if (!signup.requires_approval) throw AppError.badRequest('Registrations do not need approval here: use /users/register');
    const pending = await UserRegistrationModel.count({ where: { state: UserRegistrationState.PENDING } });
    if (signup.limit !== -1 && (await UserModel.count()) + pending >= signup.limit) {
      throw AppError.forbidden('User limit is reached on this instance', ServerErrorCode.SIGNUP_DISABLED);
    }
    await this.assertFree(body.username, body.email, body.channel?.name);
    const registration = await UserRegistrationModel.create({
      registrationReason: body.registrationReason,
      username: body.username,
      email: body.email,
      emailVerified: signup.requires_email_verification ? false : null,
      passwordHash: await hashPassword(body.password),
      accountDisplayName: body.displayName ?? null,
      channelHandle: body.channel?.name ?? null,
      channelDisplayName: body.channel?.displayName ?? null,
    }).catch((err: unknown) => {
      throw isUniqueViolation(err) ? AppError.conflict('A registration with this username or e-mail already exists') : err;
    });
    if (signup.requires_email_verification) await this.sendVerification(registration);
    await this.ctx.events.emit('registration-requested', { registrationId: registration.id });
    return registration;
  }

  private async assertFree(username: string, email: string, channelName?: string): Promise<void> {
    if (await UserModel.findOne({ where: { [Op.or]: [lower('username', username), lower('email', email)] } })) {
      throw AppError.conflict('User with this username or email already exists');
    }
    if (await this.actors.isHandleTaken(username)) throw AppError.conflict('This username is already taken by an account or channel');
    if (channelName && (channelName.toLowerCase() === username.toLowerCase() || (await this.actors.isHandleTaken(channelName)))) {
      throw AppError.conflict('This channel name is already taken');
    }
  }

  list(q: { start: number; count: number; sort: string; search?: string }) {
    const desc = q.sort.startsWith('-');
    const search = q.search
      ? {
          [Op.or]: [
            where(fn('lower', col('username')), Op.like, likeContains(q.search)),
            where(fn('lower', col('email')), Op.like, likeContains(q.search)),
          ],
        }
      : {};
    return UserRegistrationModel.findAndCountAll({
      where: search,
      offset: q.start,
      limit: q.count,
      order: [
        [q.sort.replace(/^-/, ''), desc ? 'DESC' : 'ASC'],
        ['id', 'ASC'],
      ],
    });
  }

  private async pendingOrFail(id: number): Promise<UserRegistrationModel> {
    const registration = await UserRegistrationModel.findByPk(id);
    if (!registration) throw AppError.notFound('Registration');
    if (registration.state !== UserRegistrationState.PENDING) throw AppError.conflict('This registration was already processed');
    return registration;
  }

  async accept(id: number, body: { moderationResponse: string; preventEmailDelivery?: boolean }): Promise<void> {
    const r = await this.pendingOrFail(id);
    const { user } = await this.users.create({
      username: r.username,
      password: '',
      passwordHash: r.passwordHash,
      email: r.email,
      role: UserRole.USER,
      displayName: r.accountDisplayName ?? undefined,
      channel: r.channelHandle ? { name: r.channelHandle, displayName: r.channelDisplayName ?? r.channelHandle } : undefined,
      emailVerified: r.emailVerified,
    });
    await r.update({ state: UserRegistrationState.ACCEPTED, moderationResponse: body.moderationResponse, userId: user.id });
    if (!body.preventEmailDelivery) {
      const text = `Hello ${r.username},\n\nYour registration on ${this.ctx.config.instance.name} was accepted. You can now log in at ${this.ctx.publicUrl}/login.\n\nModerator's message:\n${body.moderationResponse}`;
      await this.mail.send({ to: [r.email], subject: 'Your registration was accepted', text });
    }
  }

  async reject(id: number, body: { moderationResponse: string; preventEmailDelivery?: boolean }): Promise<void> {
    const r = await this.pendingOrFail(id);
    await r.update({ state: UserRegistrationState.REJECTED, moderationResponse: body.moderationResponse });
    if (!body.preventEmailDelivery) {
      const text = `Hello ${r.username},\n\nYour registration on ${this.ctx.config.instance.name} was rejected.\n\nModerator's message:\n${body.moderationResponse}`;
      await this.mail.send({ to: [r.email], subject: 'Your registration was rejected', text });
    }
  }

  async remove(id: number): Promise<void> {
    const removed = await UserRegistrationModel.destroy({ where: { id } });
    if (!removed) throw AppError.notFound('Registration');
  }

  private async sendVerification(r: UserRegistrationModel): Promise<void> {
    const token = await this.tokens.create('verify-registration-email', r.id);
    const params = new URLSearchParams({ registrationId: String(r.id), verificationString: token });
    await this.mail.send({
      to: [r.email],
      subject: 'Verify your e-mail address',
      text: `Hello ${r.username},\n\nPlease confirm the e-mail address of your registration request:\n${this.ctx.publicUrl}/verify-account/email?${params}\n\nThis link is valid for one hour.`,
    });
  }

  async askSendVerifyEmail(email: string): Promise<void> {
    const r = await UserRegistrationModel.findOne({ where: lower('email', email) });
    if (r && r.emailVerified === false && r.state === UserRegistrationState.PENDING) await this.sendVerification(r);
  }

  async verifyEmail(id: number, verificationString: string): Promise<void> {
    const r = await UserRegistrationModel.findByPk(id);
    if (!r) throw AppError.notFound('Registration');
    if (!(await this.tokens.consume('verify-registration-email', r.id, verificationString)))
      throw AppError.forbidden('Invalid verification string');
    await r.update({ emailVerified: true });
  }

  /** For the login route: a pending or rejected request answers with its own code, once the password matches. */
  async loginRefusal(login: string, password: string): Promise<AppError | null> {
    const r = await UserRegistrationModel.findOne({
      where: { [Op.or]: [lower('username', login), lower('email', login)], state: { [Op.ne]: UserRegistrationState.ACCEPTED } },
    });
    if (!r || !(await verifyPassword(r.passwordHash, password))) return null;
    return r.state === UserRegistrationState.PENDING
      ? AppError.badRequest('Your registration is waiting for approval', ServerErrorCode.ACCOUNT_WAITING_FOR_APPROVAL)
      : AppError.badRequest('Your registration was rejected', ServerErrorCode.ACCOUNT_APPROVAL_REJECTED);
  }
}
