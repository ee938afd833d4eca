import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { CommentAdminListQuery } from '@shoal/models';
import { accountInclude } from '../accounts';
import { AccountModel } from '../accounts/account.model';
// Direct file import, as the videos module does: the SQL of what moderation hides.
import { hiddenAccountSql } from '../moderation/hidden-content';
import { VideoCommentModel } from './comment.model';

/** Who is reading: held comments show to moderators and to their author only. */
export interface CommentVisibility {
  viewerAccountId?: number;
  /** The video's owner or a comment moderator. */
  canModerate: boolean;
}

/** SQL condition: the comment `alias` is visible (not held from this viewer, author not hidden). */
function visibleSql(alias: string, v: CommentVisibility): string {
  const viewer = v.viewerAccountId ? Number(v.viewerAccountId) : null;
  const held = v.canModerate
    ? 'true'
    : viewer
      ? `(${alias}.held_for_review = false OR ${alias}.account_id = ${viewer})`
      : `${alias}.held_for_review = false`;
  return `(${held} AND (${alias}.account_id IS NULL OR NOT ${hiddenAccountSql(`${alias}.account_id`, viewer ?? undefined)}))`;
}

const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export const withAccount = () => [{ model: AccountModel, as: 'account', required: false, include: accountInclude() }];

/** Models in the order of `ids`. */
async function loadInOrder(ids: number[], transaction?: Transaction): Promise<VideoCommentModel[]> {
  if (!ids.length) return [];
  const rows = await VideoCommentModel.findAll({ where: { id: ids }, include: withAccount(), transaction });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is VideoCommentModel => !!r);
}

/** WHERE conditions and replacements of the moderators' and owners' comment lists. */
function adminFilters(q: CommentAdminListQuery, ownerAccountId?: number): { and: string[]; r: Record<string, unknown> } {
  const and: string[] = ['c.deleted_at IS NULL'];
  const r: Record<string, unknown> = { start: q.start, count: q.count, owner: ownerAccountId ?? null };
  const add = (sql: string, values: Record<string, unknown> = {}) => {
    and.push(sql);
    Object.assign(r, values);
  };
  if (ownerAccountId) add('vc.account_id = :owner');
  if (q.search) add('lower(c.text) LIKE :search', { search: likeContains(q.search) });
  if (q.searchAccount)
    add('(lower(ac.preferred_username) LIKE :sa OR lower(a.display_name) LIKE :sa)', { sa: likeContains(q.searchAccount) });
  if (q.searchVideo)
    add('(lower(v.name) LIKE :sv OR v.uuid::text = lower(:svExact))', { sv: likeContains(q.searchVideo), svExact: q.searchVideo });
  if (q.videoId) add('c.video_id = :videoId', { videoId: q.videoId });
  if (q.videoChannelId) add('v.channel_id = :channelId', { channelId: q.videoChannelId });
  if (q.isLocal !== undefined) add(q.isLocal ? 'ac.host IS NULL' : 'ac.host IS NOT NULL');
  if (q.onLocalVideo !== undefined) add(q.onLocalVideo ? 'v.remote = false' : 'v.remote = true');
  if (q.isHeldForReview !== undefined) add(`c.held_for_review = ${q.isHeldForReview ? 'true' : 'false'}`);
  if (q.autoTagOneOf?.length) {
    // Each scope filters on its own tags: the instance's for moderators, the owner's for owners.
    const scope = ownerAccountId ? 't.account_id = :owner' : 't.account_id IS NULL';
    add(`EXISTS (SELECT 1 FROM comment_automatic_tags t WHERE t.comment_id = c.id AND ${scope} AND t.name IN (:tags))`, {
      tags: q.autoTagOneOf,
    });
  }
  return { and, r };
}

export interface ThreadRow {
  comment: VideoCommentModel;
  totalReplies: number;
  totalRepliesFromVideoAuthor: number;
}

export const commentRepository = {
  loadInOrder,

  async listThreads(
    sequelize: Sequelize,
    args: { videoId: number; ownerAccountId: number; visibility: CommentVisibility; start: number; count: number; sort: string },
  ): Promise<{ rows: ThreadRow[]; total: number; totalNotDeleted: number }> {
    const vis = (a: string) => visibleSql(a, args.visibility);
    const replies = (extra: string) =>
      `(SELECT count(*) FROM video_comments r WHERE r.origin_comment_id = c.id AND r.deleted_at IS NULL AND ${vis('r')}${extra})::int`;
    const desc = args.sort.startsWith('-') ? 'DESC' : 'ASC';
    const column = args.sort.replace(/^-/, '') === 'totalReplies' ? 'total_replies' : 'c.created_at';
    const where = `c.video_id = :videoId AND c.origin_comment_id IS NULL AND ${vis('c')}`;
    const replacements = { videoId: args.videoId, owner: args.ownerAccountId, start: args.start, count: args.count };
    const page = await sequelize.query<{ id: number; total_replies: number; from_author: number }>(
      `SELECT c.id, ${replies('')} AS total_replies, ${replies(' AND r.account_id = :owner')} AS from_author
         FROM video_comments c WHERE ${where}
        ORDER BY ${column} ${desc}, c.id DESC LIMIT :count OFFSET :start`,
      { replacements, type: QueryTypes.SELECT },
    );
    const [counts] = await sequelize.query<{ total: number; not_deleted: number }>(
      `SELECT (SELECT count(*) FROM video_comments c WHERE ${where})::int AS total,
              (SELECT count(*) FROM video_comments c WHERE c.video_id = :videoId AND c.deleted_at IS NULL AND ${vis('c')})::int AS not_deleted`,
      { replacements, type: QueryTypes.SELECT },
    );
    const models = await loadInOrder(page.map((p) => p.id));
    const rows = models.map((comment, i) => ({
      comment,
      totalReplies: page[i].total_replies,
      totalRepliesFromVideoAuthor: page[i].from_author,
    }));
    return { rows, total: counts.total, totalNotDeleted: counts.not_deleted };
  },

  /** The root and every reply of a thread this viewer may see, oldest first. */
  async threadComments(sequelize: Sequelize, videoId: number, threadId: number, visibility: CommentVisibility) {
    const rows = await sequelize.query<{ id: number }>(
      `SELECT c.id FROM video_comments c
        WHERE c.video_id = :videoId AND (c.id = :threadId OR c.origin_comment_id = :threadId) AND ${visibleSql('c', visibility)}
        ORDER BY c.created_at, c.id`,
      { replacements: { videoId, threadId }, type: QueryTypes.SELECT },
    );
    return loadInOrder(rows.map((r) => r.id));
  },

  /** Whether `commentId` is visible to this viewer (replying to, reporting a comment). */
  async isVisible(sequelize: Sequelize, commentId: number, visibility: CommentVisibility): Promise<boolean> {
    const rows = await sequelize.query(`SELECT 1 FROM video_comments c WHERE c.id = :commentId AND ${visibleSql('c', visibility)}`, {
      replacements: { commentId },
      type: QueryTypes.SELECT,
    });
    return rows.length > 0;
  },

  /** Moderators' list (no `ownerAccountId`) or a video owner's list of comments on their videos. */
  async listForAdmin(sequelize: Sequelize, q: CommentAdminListQuery, ownerAccountId?: number) {
    const { and, r } = adminFilters(q, ownerAccountId);
    const from = `FROM video_comments c JOIN videos v ON v.id = c.video_id JOIN video_channels vc ON vc.id = v.channel_id
      JOIN accounts a ON a.id = c.account_id JOIN actors ac ON ac.id = a.actor_id WHERE ${and.join(' AND ')}`;
    const dir = q.sort.startsWith('-') ? 'DESC' : 'ASC';
    const page = await sequelize.query<{ id: number }>(
      `SELECT c.id ${from} ORDER BY c.created_at ${dir}, c.id ${dir} LIMIT :count OFFSET :start`,
      {
        replacements: r,
        type: QueryTypes.SELECT,
      },
    );
    const [{ total }] = await sequelize.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, {
      replacements: r,
      type: QueryTypes.SELECT,
    });
    return { rows: await loadInOrder(page.map((p) => p.id)), total };
  },

  /** Automatic tags of comments in one scope (instance: null, or the owner's account). */
  async tagsOf(sequelize: Sequelize, commentIds: number[], accountId: number | null): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (!commentIds.length) return out;
    const rows = await sequelize.query<{ comment_id: number; name: string }>(
      `SELECT comment_id, name FROM comment_automatic_tags
        WHERE comment_id IN (:ids) AND ${accountId === null ? 'account_id IS NULL' : 'account_id = :accountId'} ORDER BY name`,
      { replacements: { ids: commentIds, accountId }, type: QueryTypes.SELECT },
    );
    for (const row of rows) out.set(row.comment_id, [...(out.get(row.comment_id) ?? []), row.name]);
    return out;
  },

  async addTags(
    sequelize: Sequelize,
    commentId: number,
    tags: Array<{ accountId: number | null; name: string }>,
    transaction: Transaction,
  ) {
    for (const tag of tags) {
      await sequelize.query('INSERT INTO comment_automatic_tags (comment_id, account_id, name) VALUES (:commentId, :accountId, :name)', {
        replacements: { commentId, accountId: tag.accountId, name: tag.name },
        transaction,
      });
    }
  },

  countChildren(commentId: number, transaction?: Transaction): Promise<number> {
    return VideoCommentModel.count({ where: { inReplyToCommentId: commentId }, transaction });
  },

  /** Comment ids of an account, optionally only on videos of `onVideosOf` (bulk removal). */
  async idsOfAccount(sequelize: Sequelize, accountId: number, onVideosOf?: number): Promise<Array<{ id: number; video_id: number }>> {
    return sequelize.query<{ id: number; video_id: number }>(
      `SELECT c.id, c.video_id FROM video_comments c JOIN videos v ON v.id = c.video_id JOIN video_channels vc ON vc.id = v.channel_id
        WHERE c.account_id = :accountId AND c.deleted_at IS NULL ${onVideosOf ? 'AND vc.account_id = :owner' : ''}
        ORDER BY c.id DESC`,
      { replacements: { accountId, owner: onVideosOf ?? null }, type: QueryTypes.SELECT },
    );
  },
};
