import { col, fn, Op, where, type Transaction, type WhereOptions } from 'sequelize';
import { UserRole, type UserCreate, type UserUpdate, type UserUpdateMe, type User } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { AccountModel } from '../accounts/account.model';
import { accountRepository } from '../accounts/account.repository';
import type { ActorService } from '../actors';
import { hashPassword, verifyPassword, type AuthService } from '../auth';
import { ChannelModel } from '../channels/channel.model';
import { channelRepository } from '../channels/channel.repository';
import { UserModel } from './user.model';
import { serializeUser } from './user.serializer';

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
}

/** Users with their account and first channel; every rule about who may change whom. */
export class UserService {
  constructor(
    private readonly ctx: AppContext,
    private readonly actors: ActorService,
    private readonly auth: AuthService,
  ) {}

  async create(input: NewUser): Promise<{ user: UserModel; account: AccountModel }> {
    const channelName = input.channel?.name ?? this.ctx.config.user.default_channel_name.replace('{username}', input.username);
    if (channelName.toLowerCase() === input.username.toLowerCase())
      throw AppError.conflict('Channel name cannot be the same as the username');
    const passwordHash = await hashPassword(input.password);
    return withTransaction(this.ctx.sequelize, async (transaction) => {
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
      await ChannelModel.create(
        { actorId: channelActor.id, accountId: account.id, displayName: input.channel?.displayName ?? `Main ${input.username} channel` },
        { transaction },
      );
      return { user, account };
    });
  }

  private async assertFree(username: string, email: string, channelName: string, transaction: Transaction): Promise<void> {
    const clash = await UserModel.findOne({
      where: {
        [Op.or]: [where(fn('lower', col('username')), username.toLowerCase()), where(fn('lower', col('email')), email.toLowerCase())],
      },
      transaction,
    });
    if (clash) throw AppError.conflict('User with this username or email already exists');
    if (await this.actors.isHandleTaken(username, transaction))
      throw AppError.conflict('This username is already taken by an account or channel');
    if (await this.actors.isHandleTaken(channelName, transaction)) throw AppError.conflict('This channel name is already taken');
  }

  async getOrFail(id: number): Promise<UserModel> {
    const user = await UserModel.findByPk(id);
    if (!user) throw AppError.notFound('User');
    return user;
  }

  async toJson(user: UserModel, opts: { withAdminFields?: boolean } = {}): Promise<User> {
    const account = await accountRepository.findByUserId(user.id);
    const { rows: channels } = await channelRepository.list({ start: 0, count: 1000, sort: 'createdAt', accountId: account!.id });
    return serializeUser(this.ctx, user, account!, channels, opts);
  }

  /** Moderators manage plain users only; nobody edits themselves through admin routes. */
  assertCanManage(actor: AuthUser, target: UserModel): void {
    if (actor.id === target.id) throw AppError.forbidden('You cannot manage yourself through this route');
    if (actor.role !== UserRole.ADMINISTRATOR && target.role !== UserRole.USER) {
      throw AppError.forbidden('Only administrators can manage administrators and moderators');
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
    this.assertCanManage(actor, user);
    if (body.role !== undefined && actor.role !== UserRole.ADMINISTRATOR && body.role !== UserRole.USER) {
      throw AppError.forbidden('Only administrators can grant this role');
    }
    if (body.email && body.email.toLowerCase() !== user.email.toLowerCase()) await this.assertEmailFree(body.email);
    const changes: Partial<UserModel> = {};
    if (body.email !== undefined) changes.email = body.email;
    if (body.emailVerified !== undefined) changes.emailVerified = body.emailVerified;
    if (body.role !== undefined) changes.role = body.role;
    if (body.videoQuota !== undefined) changes.videoQuota = body.videoQuota;
    if (body.videoQuotaDaily !== undefined) changes.videoQuotaDaily = body.videoQuotaDaily;
    if (body.adminFlags !== undefined) changes.adminFlags = body.adminFlags;
    if (body.password !== undefined) changes.passwordHash = await hashPassword(body.password);
    await user.update(changes);
    // A new role or password must not keep old sessions alive.
    if ((body.role !== undefined && body.role !== user.previous('role')) || body.password !== undefined) {
      await this.auth.tokens.deleteForUser(user.id);
    }
  }

  private async assertEmailFree(email: string): Promise<void> {
    const clash = await UserModel.findOne({ where: where(fn('lower', col('email')), email.toLowerCase()) });
    if (clash) throw AppError.conflict('This email is already used');
  }

  async updateMe(me: AuthUser, body: UserUpdateMe): Promise<void> {
    const user = await this.getOrFail(me.id);
    if (body.password !== undefined || body.email !== undefined) {
      if (!body.currentPassword || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw new AppError(401, 'invalid_current_password', 'currentPassword is missing or wrong');
      }
    }
    if (body.email && body.email.toLowerCase() !== user.email.toLowerCase()) await this.assertEmailFree(body.email);
    const { password, currentPassword: _c, displayName, description, ...prefs } = body;
    const changes: Partial<UserModel> = { ...prefs } as Partial<UserModel>;
    if (password !== undefined) changes.passwordHash = await hashPassword(password);
    await user.update(changes);
    if (displayName !== undefined || description !== undefined) {
      const account = await accountRepository.findByUserId(user.id);
      await account!.update({
        ...(displayName !== undefined ? { displayName } : {}),
        ...(description !== undefined ? { description } : {}),
      });
    }
  }

  async block(actor: AuthUser, id: number, reason: string | undefined): Promise<void> {
    const user = await this.getOrFail(id);
    this.assertCanManage(actor, user);
    await user.update({ blocked: true, blockedReason: reason ?? null });
    await this.auth.tokens.deleteForUser(user.id);
  }

  async unblock(actor: AuthUser, id: number): Promise<void> {
    const user = await this.getOrFail(id);
    this.assertCanManage(actor, user);
    await user.update({ blocked: false, blockedReason: null });
  }

  async remove(actor: AuthUser, id: number): Promise<void> {
    const user = await this.getOrFail(id);
    this.assertCanManage(actor, user);
    await this.destroy(user);
  }

  /** Deletes the user with its account, channels and their actors. */
  async destroy(user: UserModel): Promise<void> {
    await withTransaction(this.ctx.sequelize, async (transaction) => {
      await this.ctx.sequelize.query(
        `DELETE FROM actors WHERE id IN (
           SELECT c.actor_id FROM video_channels c JOIN accounts a ON a.id = c.account_id WHERE a.user_id = :id
           UNION SELECT actor_id FROM accounts WHERE user_id = :id)`,
        { replacements: { id: user.id }, transaction },
      );
      await user.destroy({ transaction });
    });
  }

  list(opts: { start: number; count: number; sort: string; search?: string; blocked?: boolean }) {
    const desc = opts.sort.startsWith('-');
    const column = desc ? opts.sort.slice(1) : opts.sort;
    const conditions: WhereOptions<UserModel>[] = [];
    if (opts.search) {
      const like = `%${opts.search.toLowerCase()}%`;
      conditions.push({ [Op.or]: [where(fn('lower', col('username')), Op.like, like), where(fn('lower', col('email')), Op.like, like)] });
    }
    if (opts.blocked !== undefined) conditions.push({ blocked: opts.blocked });
    return UserModel.findAndCountAll({
      where: { [Op.and]: conditions },
      offset: opts.start,
      limit: opts.count,
      order: [
        [column === 'videoQuotaUsed' ? 'id' : column, desc ? 'DESC' : 'ASC'],
        ['id', 'ASC'],
      ],
    });
  }
}
