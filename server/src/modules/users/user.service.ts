import type { Transaction } from 'sequelize';
import {
  UserRole,
  ServerErrorCode,
  type ActorImageKind,
  type MyUser,
  type User,
  type UserCreate,
  type UserUpdate,
  type UserRegister,
  type UserUpdateMe,
  type VideoQuotaUsed,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { AccountModel } from '../accounts/account.model';
import { accountRepository } from '../accounts/account.repository';
import { actorImageRepository, type ActorImageModel, type ActorImageService, type ActorService } from '../actors';
import { hashPassword, verifyPassword, type AuthService } from '../auth';
import { ChannelModel } from '../channels/channel.model';
import { channelRepository } from '../channels/channel.repository';
import { UserModel } from './user.model';
import { userRepository } from './user.repository';
import { serializeUser } from './user.serializer';
import { DAY_MS, noVideosQuotaCounter, type VideoQuotaCounter } from './video-quota';

export interface NewUser {
  username: string;
  password: string;
  email: string;
  role: UserRole;
  videoQuota?: number;
  videoQuotaDaily?: number;
  adminFlags?: number;
  displayName?: string;
  channel?: { name: string; displayName: string };
  emailVerified?: boolean | null;
  /** Already hashed (an accepted registration request); `password` is then ignored. */
  passwordHash?: string;
}

const isUniqueViolation = (err: unknown) => (err as { name?: string })?.name === 'SequelizeUniqueConstraintError';

/** Users with their account and first channel; every rule about who may change whom. */
export class UserService {
  /** Called after a change that alters how the user's account or channels serialize. */
  onAccountChange: Array<(accountId: number | null) => void> = [];
  /** Extra fields of `GET /users/me` owned by other modules (notification settings…). */
  meExtensions: Array<(userId: number) => Promise<Record<string, unknown>>> = [];
  /** Run before a user's rows are deleted, while their content can still be found (video files go, as in VideoService.remove). */
  beforeDestroy: Array<(userId: number) => Promise<void>> = [];
  /**
   * Run before the actors of a deleted user (account and channels) go; what they return runs once
   * the deletion committed (federation reads followers and signs the actors' `Delete` first).
   */
  onActorsRemoval: Array<(actorIds: number[]) => Promise<() => Promise<void>>> = [];

  constructor(
    private readonly ctx: AppContext,
    private readonly actors: ActorService,
    private readonly auth: AuthService,
    private readonly images: ActorImageService,
    private readonly quota: VideoQuotaCounter = noVideosQuotaCounter,
  ) {}

  private accountChanged(accountId: number | null): void {
    for (const listener of this.onAccountChange) listener(accountId);
  }

  async create(input: NewUser): Promise<{ user: UserModel; account: AccountModel }> {
    const channelName = input.channel?.name ?? this.ctx.config.user.default_channel_name.replace('{username}', input.username);
    if (channelName.toLowerCase() === input.username.toLowerCase())
      throw AppError.conflict('Channel name cannot be the same as the username');
    const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
    const created = await withTransaction(this.ctx.sequelize, async (transaction) => {
      await this.assertFree(input.username, input.email, channelName, transaction);
      const user = await UserModel.create(
        {
          username: input.username,
          email: input.email,
          passwordHash,
          role: input.role,
          videoQuota: input.videoQuota ?? this.ctx.config.user.video_quota,
          videoQuotaDaily: input.videoQuotaDaily ?? this.ctx.config.user.video_quota_daily,
          adminFlags: input.adminFlags ?? 0,
          emailVerified: input.emailVerified ?? null,
          nsfwPolicy: this.ctx.config.instance.default_nsfw_policy,
        },
        { transaction },
      );
      const accountActor = await this.actors.createLocal('Person', input.username, transaction);
      const account = await AccountModel.create(
        { actorId: accountActor.id, userId: user.id, displayName: input.displayName ?? input.username },
        { transaction },
      );
      const channelActor = await this.actors.createLocal('Group', channelName, transaction);
      const displayName = input.channel?.displayName ?? `Main ${input.username} channel`;
      await ChannelModel.create({ actorId: channelActor.id, accountId: account.id, displayName }, { transaction });
      return { user, account };
    }).catch((err: unknown) => {
      // Two concurrent sign-ups with the same name both pass assertFree; the unique index decides.
      throw isUniqueViolation(err) ? AppError.conflict('User with this username, e-mail or channel name already exists') : err;
    });
    this.accountChanged(created.account.id);
    return created;
  }

  private async assertFree(username: string, email: string, channelName: string, transaction: Transaction): Promise<void> {
    if (await userRepository.findByUsernameOrEmail(username, email, transaction))
      throw AppError.conflict('User with this username or email already exists');
    if (await this.actors.isHandleTaken(username, transaction))
      throw AppError.conflict('This username is already taken by an account or channel');
    if (await this.actors.isHandleTaken(channelName, transaction)) throw AppError.conflict('This channel name is already taken');
  }

  /** `POST /users/register` when open sign-up is allowed (no approval step). */
  async register(body: UserRegister): Promise<void> {
    const signup = this.ctx.config.signup;
    if (!signup.enabled) throw AppError.forbidden('User registration is not enabled', ServerErrorCode.SIGNUP_DISABLED);
    if (signup.requires_approval)
      throw AppError.forbidden('Registration requires approval: use /users/registrations/request', ServerErrorCode.SIGNUP_DISABLED);
    if (signup.limit !== -1 && (await userRepository.count()) >= signup.limit)
      throw AppError.forbidden('User limit is reached on this instance', ServerErrorCode.SIGNUP_DISABLED);
    const { user } = await this.create({ ...body, role: UserRole.USER, emailVerified: signup.requires_email_verification ? false : null });
    await this.ctx.events.emit('user-registered', { userId: user.id });
  }

  async getOrFail(id: number): Promise<UserModel> {
    const user = await UserModel.findByPk(id);
    if (!user) throw AppError.notFound('User');
    return user;
  }

  async toJson(user: UserModel, opts: { withAdminFields?: boolean } = {}): Promise<User> {
    const account = await accountRepository.findByUserId(user.id);
    const { rows: channels } = await channelRepository.list(this.ctx.sequelize, {
      start: 0,
      count: 1000,
      sort: 'createdAt',
      accountId: account!.id,
    });
    const json = serializeUser(this.ctx, user, account!, channels, opts);
    return opts.withAdminFields ? { ...json, ...(await this.quotaUsed(user.id)) } : json;
  }

  async toMeJson(user: UserModel): Promise<MyUser> {
    const [json, used, ...extensions] = await Promise.all([
      this.toJson(user),
      this.quotaUsed(user.id),
      ...this.meExtensions.map((e) => e(user.id)),
    ]);
    return Object.assign({ ...json, ...used, specialPlaylists: [] }, ...extensions);
  }

  async quotaUsed(userId: number): Promise<VideoQuotaUsed> {
    const since = new Date(this.ctx.now().getTime() - DAY_MS);
    const [videoQuotaUsed, videoQuotaUsedDaily] = await Promise.all([this.quota.used(userId), this.quota.used(userId, since)]);
    return { videoQuotaUsed, videoQuotaUsedDaily };
  }

  /**
   * Moderators manage plain users only; nobody edits themselves through admin routes;
   * the initial administrator cannot be removed or blocked by anyone.
   */
  async assertCanManage(actor: AuthUser, target: UserModel, opts: { destructive?: boolean } = {}): Promise<void> {
    if (actor.id === target.id) throw AppError.forbidden('You cannot manage yourself through this route');
    if (actor.role !== UserRole.ADMINISTRATOR && target.role !== UserRole.USER) {
      throw AppError.forbidden('Only administrators can manage administrators and moderators');
    }
    if (opts.destructive && target.id === (await userRepository.initialAdminId())) {
      throw AppError.forbidden('The initial administrator cannot be removed or blocked');
    }
  }

  async createByAdmin(actor: AuthUser, body: UserCreate) {
    if (actor.role !== UserRole.ADMINISTRATOR && body.role !== UserRole.USER) {
      throw AppError.forbidden('Only administrators can create administrators and moderators');
    }
    return this.create({
      ...body,
      channel: body.channelName ? { name: body.channelName, displayName: `Main ${body.username} channel` } : undefined,
    });
  }

  async update(actor: AuthUser, id: number, body: UserUpdate): Promise<void> {
    const user = await this.getOrFail(id);
    await this.assertCanManage(actor, user);
    if (body.role !== undefined && actor.role !== UserRole.ADMINISTRATOR && body.role !== UserRole.USER) {
      throw AppError.forbidden('Only administrators can grant this role');
    }
    if (body.email && body.email.toLowerCase() !== user.email.toLowerCase()) await this.assertEmailFree(body.email);
    const { password, pluginAuth: _pluginAuth, ...fields } = body;
    const changes: Partial<UserModel> = { ...fields };
    if (password !== undefined) changes.passwordHash = await hashPassword(password);
    const previousRole = user.role;
    await user.update(changes);
    // A new role or password must not keep old sessions alive.
    if ((body.role !== undefined && body.role !== previousRole) || password !== undefined) {
      await this.auth.tokens.deleteForUser(user.id);
    }
  }

  private async assertEmailFree(email: string): Promise<void> {
    if (await userRepository.findByEmail(email)) throw AppError.conflict('This email is already used');
  }

  async updateMe(me: AuthUser, body: UserUpdateMe): Promise<void> {
    const user = await this.getOrFail(me.id);
    if (body.password !== undefined || body.email !== undefined) {
      if (!body.currentPassword || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw new AppError(401, ServerErrorCode.INVALID_CURRENT_PASSWORD, 'currentPassword is missing or wrong');
      }
    }
    if (body.email && body.email.toLowerCase() !== user.email.toLowerCase()) await this.assertEmailFree(body.email);
    const { password, currentPassword: _c, displayName, description, ...prefs } = body;
    const changes: Partial<UserModel> = { ...prefs } as Partial<UserModel>;
    if (password !== undefined) changes.passwordHash = await hashPassword(password);
    await user.update(changes);
    if (password !== undefined) await this.auth.tokens.deleteOthersForUser(user.id, me.tokenId);
    if (displayName !== undefined || description !== undefined) {
      const account = await accountRepository.findByUserId(user.id);
      await account!.update({
        ...(displayName !== undefined ? { displayName } : {}),
        ...(description !== undefined ? { description } : {}),
      });
      this.accountChanged(me.accountId);
    }
  }

  async setMyImage(me: AuthUser, kind: ActorImageKind, file: Buffer): Promise<ActorImageModel[]> {
    return this.images.replace(await accountRepository.actorIdOf(me.accountId), kind, file);
  }

  async removeMyImage(me: AuthUser, kind: ActorImageKind): Promise<void> {
    await this.images.remove(await accountRepository.actorIdOf(me.accountId), kind);
  }

  async block(actor: AuthUser, id: number, reason: string | undefined): Promise<void> {
    const user = await this.getOrFail(id);
    await this.assertCanManage(actor, user, { destructive: true });
    await user.update({ blocked: true, blockedReason: reason ?? null });
    await this.auth.tokens.deleteForUser(user.id);
    // Subscribers stop what still runs for this user (the live module must cut their lives here).
    await this.ctx.events.emit('user-banned', { userId: user.id });
  }

  async unblock(actor: AuthUser, id: number): Promise<void> {
    const user = await this.getOrFail(id);
    await this.assertCanManage(actor, user);
    await user.update({ blocked: false, blockedReason: null });
  }

  async remove(actor: AuthUser, id: number): Promise<void> {
    const user = await this.getOrFail(id);
    await this.assertCanManage(actor, user, { destructive: true });
    await this.destroy(user);
  }

  async removeMe(me: AuthUser): Promise<void> {
    const user = await this.getOrFail(me.id);
    if (user.id === (await userRepository.initialAdminId())) throw AppError.forbidden('The initial administrator cannot delete itself');
    await this.destroy(user);
  }

  /** Deletes the user with its account, channels, their actors and their image files. */
  async destroy(user: UserModel): Promise<void> {
    for (const hook of this.beforeDestroy) await hook(user.id);
    const [owned] = await this.ctx.sequelize.query(
      `SELECT c.actor_id AS id FROM video_channels c JOIN accounts a ON a.id = c.account_id WHERE a.user_id = :id
       UNION SELECT actor_id AS id FROM accounts WHERE user_id = :id`,
      { replacements: { id: user.id } },
    );
    const ownedIds = (owned as Array<{ id: number }>).map((r) => r.id);
    const afterRemoval = await Promise.all(this.onActorsRemoval.map((hook) => hook(ownedIds)));
    const files = await withTransaction(this.ctx.sequelize, async (transaction) => {
      const [rows] = await this.ctx.sequelize.query(
        `SELECT c.actor_id AS id FROM video_channels c JOIN accounts a ON a.id = c.account_id WHERE a.user_id = :id
         UNION SELECT actor_id AS id FROM accounts WHERE user_id = :id`,
        { replacements: { id: user.id }, transaction },
      );
      const actorIds = (rows as Array<{ id: number }>).map((r) => r.id);
      const imageFiles = await actorImageRepository.localFilesOf(actorIds, transaction);
      if (actorIds.length) {
        await this.ctx.sequelize.query('DELETE FROM actors WHERE id IN (:ids)', { replacements: { ids: actorIds }, transaction });
      }
      await user.destroy({ transaction });
      return imageFiles;
    });
    await this.images.removeFiles(files);
    this.accountChanged(null);
    for (const run of afterRemoval) await run();
  }

  list(opts: { start: number; count: number; sort: string; search?: string; blocked?: boolean }) {
    return userRepository.list(opts);
  }

  autocomplete(search: string): Promise<string[]> {
    return userRepository.autocomplete(this.ctx.sequelize, search, 10);
  }
}
