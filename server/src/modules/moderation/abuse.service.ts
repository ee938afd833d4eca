import { roleHasRight, UserRight, type AbuseCreate, type AbuseListQuery, type AdminAbuse, type UserAbuse } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { AccountModel, accountInclude } from '../accounts';
import { VideoCommentModel } from '../comments';
import type { VideoService } from '../videos';
import { AbuseMessageModel, AbuseModel, type AbuseSnapshot } from './abuse.model';
import { abuseRepository as repo, type AbuseCounters } from './abuse.repository';
import { loadAbuseRelations, serializeAbuseMessage, serializeAdminAbuse, serializeUserAbuse } from './abuse.serializer';

type Page = { start: number; count: number; sort: string };
type Target = Pick<AbuseModel, 'kind' | 'flaggedAccountId' | 'videoId' | 'commentId'> & { snapshot: AbuseSnapshot };

/** Reports on videos, comments and accounts; their review and the reporter–moderator conversation. */
export class AbuseService {
  constructor(
    private readonly ctx: AppContext,
    private readonly videos: VideoService,
  ) {}

  private isModerator(me: AuthUser): boolean {
    return roleHasRight(me.role, UserRight.MANAGE_ABUSES);
  }

  async create(me: AuthUser, body: AbuseCreate): Promise<number> {
    const target = await this.targetOf(me, body);
    const abuse = await AbuseModel.create({
      ...target,
      reason: body.reason,
      predefinedReasons: body.predefinedReasons ?? [],
      reporterAccountId: me.accountId,
      startAt: body.video?.startAt ?? null,
      endAt: body.video?.endAt ?? null,
    });
    await this.ctx.events.emit('abuse-created', { abuseId: abuse.id });
    return abuse.id;
  }

  /** The reported object: it must exist and be visible to the reporter. */
  private async targetOf(me: AuthUser, body: AbuseCreate): Promise<Target> {
    if (body.video) {
      const { video } = await this.videos.getForViewer(String(body.video.id), { auth: me });
      return {
        kind: 'video',
        flaggedAccountId: video.channel!.accountId,
        videoId: video.id,
        commentId: null,
        snapshot: { videoName: video.name, videoUuid: video.uuid },
      };
    }
    if (body.comment) {
      const comment = await VideoCommentModel.findByPk(body.comment.id);
      if (!comment || comment.deletedAt || !comment.accountId) throw AppError.notFound('Comment');
      const { video } = await this.videos.getForViewer(String(comment.videoId), { auth: me });
      const snapshot = {
        commentText: comment.text,
        commentThreadId: comment.threadId,
        commentVideo: { id: video.id, name: video.name, uuid: video.uuid },
      };
      return { kind: 'comment', flaggedAccountId: comment.accountId, videoId: null, commentId: comment.id, snapshot };
    }
    const account = await AccountModel.findByPk(body.account!.id);
    if (!account) throw AppError.notFound('Account');
    if (account.id === me.accountId) throw AppError.badRequest('You cannot report your own account');
    return { kind: 'account', flaggedAccountId: account.id, videoId: null, commentId: null, snapshot: {} };
  }

  private async page<T>(
    rows: AbuseCounters[],
    serialize: (a: AbuseModel, rel: Awaited<ReturnType<typeof loadAbuseRelations>>, c: AbuseCounters) => T,
  ) {
    const models = rows.length ? await AbuseModel.findAll({ where: { id: rows.map((r) => r.id) } }) : [];
    const byId = new Map(models.map((m) => [m.id, m]));
    const rel = await loadAbuseRelations(models, (ids) => repo.isBlacklisted(this.ctx.sequelize, ids));
    return rows.filter((r) => byId.has(r.id)).map((r) => serialize(byId.get(r.id)!, rel, r));
  }

  async list(q: AbuseListQuery): Promise<{ total: number; data: AdminAbuse[] }> {
    const { rows, total } = await repo.list(this.ctx.sequelize, q);
    return { total, data: await this.page(rows, (a, rel, c) => serializeAdminAbuse(this.ctx, a, rel, c)) };
  }

  async listMine(me: AuthUser, q: Page & { id?: number; state?: 1 | 2 | 3 }): Promise<{ total: number; data: UserAbuse[] }> {
    const { rows, total } = await repo.list(this.ctx.sequelize, q, me.accountId);
    return { total, data: await this.page(rows, (a, rel, c) => serializeUserAbuse(this.ctx, a, rel, c)) };
  }

  private async getOrFail(id: number): Promise<AbuseModel> {
    const abuse = await AbuseModel.findByPk(id);
    if (!abuse) throw AppError.notFound('Abuse');
    return abuse;
  }

  async update(id: number, body: { state?: 1 | 2 | 3; moderationComment?: string }): Promise<void> {
    const abuse = await this.getOrFail(id);
    const stateChanged = body.state !== undefined && body.state !== abuse.state;
    await abuse.update({
      ...(body.state !== undefined ? { state: body.state } : {}),
      ...(body.moderationComment !== undefined ? { moderationComment: body.moderationComment } : {}),
    });
    if (stateChanged) await this.ctx.events.emit('abuse-state-changed', { abuseId: abuse.id });
  }

  async remove(id: number): Promise<void> {
    await (await this.getOrFail(id)).destroy();
  }

  /** The reporter and moderators talk on a report; nobody else sees it exists. */
  private async forConversation(me: AuthUser, id: number): Promise<AbuseModel> {
    const abuse = await AbuseModel.findByPk(id);
    if (!abuse || (!this.isModerator(me) && abuse.reporterAccountId !== me.accountId)) throw AppError.notFound('Abuse');
    return abuse;
  }

  async listMessages(me: AuthUser, id: number) {
    const abuse = await this.forConversation(me, id);
    const messages = await AbuseMessageModel.findAll({
      where: { abuseId: abuse.id },
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
    });
    const ids = [...new Set(messages.flatMap((m) => (m.accountId ? [m.accountId] : [])))];
    const accounts = new Map(
      (ids.length ? await AccountModel.findAll({ where: { id: ids }, include: accountInclude() }) : []).map((a) => [a.id, a]),
    );
    return {
      total: messages.length,
      data: messages.map((m) => serializeAbuseMessage(this.ctx, m, m.accountId ? accounts.get(m.accountId) : undefined)),
    };
  }

  async addMessage(me: AuthUser, id: number, message: string): Promise<number> {
    const abuse = await this.forConversation(me, id);
    // A moderator writing on their own report speaks as the reporter.
    const byModerator = abuse.reporterAccountId !== me.accountId && this.isModerator(me);
    const created = await AbuseMessageModel.create({ abuseId: abuse.id, accountId: me.accountId, message, byModerator });
    await this.ctx.events.emit('abuse-message-created', { abuseId: abuse.id, messageId: created.id, byModerator });
    return created.id;
  }

  async removeMessage(me: AuthUser, id: number, messageId: number): Promise<void> {
    const abuse = await this.forConversation(me, id);
    const message = await AbuseMessageModel.findOne({ where: { id: messageId, abuseId: abuse.id } });
    if (!message) throw AppError.notFound('Abuse message');
    if (message.accountId !== me.accountId && !this.isModerator(me)) throw AppError.forbidden('You cannot delete this message');
    await message.destroy();
  }
}
