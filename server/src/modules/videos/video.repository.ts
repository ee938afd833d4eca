import { literal, Op, type FindOptions, type Order, type Transaction, type WhereOptions } from 'sequelize';
import { VideoPrivacy, VideoState, type VideoListQuery } from '@shoal/models';
import { channelInclude } from '../channels/channel.repository';
import { ChannelModel } from '../channels/channel.model';
// Direct file import: moderation depends on videos, its index would make a module cycle.
import { hiddenVideoSql } from '../moderation/hidden-content';
import { fromShortUuid } from './short-uuid';
import { StreamingPlaylistModel, VideoFileModel } from './video-file.model';
import { VideoModel } from './video.model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const videoListInclude = () => [{ model: ChannelModel, as: 'channel', required: true, include: channelInclude() }];

const detailsInclude = () => [
  ...videoListInclude(),
  { model: VideoFileModel, as: 'files', required: false },
  {
    model: StreamingPlaylistModel,
    as: 'streamingPlaylist',
    required: false,
    include: [{ model: VideoFileModel, as: 'files', required: false }],
  },
];

/** Turns an `:id` (number, UUID or short UUID) into a where clause; null when it cannot be one. */
export function videoIdWhere(id: string): { where: WhereOptions<VideoModel>; byNumericId: boolean } | null {
  if (/^\d{1,10}$/.test(id)) return Number(id) <= 2 ** 31 - 1 ? { where: { id: Number(id) }, byNumericId: true } : null;
  if (UUID.test(id)) return { where: { uuid: id.toLowerCase() }, byNumericId: false };
  const uuid = fromShortUuid(id);
  return uuid ? { where: { uuid }, byNumericId: false } : null;
}

/** Visibility of a list for the caller: the SQL twin of assertCanView for many rows. */
export interface ListScope {
  /** Only videos of these channels / this account. */
  channelId?: number;
  accountId?: number;
  /** Owner listing: every privacy and state. */
  ownerView?: boolean;
  /** The caller may see every video (moderators asking for it). */
  seeAll?: boolean;
  /** A logged-in local user also sees internal videos. */
  loggedIn?: boolean;
  defaultNsfw: 'true' | 'false' | 'both';
  /** The caller's account: videos of accounts and hosts it muted are left out. */
  viewerAccountId?: number;
}

/** Sequelize aliases the main table by its model name in generated queries. */
const V = '"VideoModel"';
const HOT_SCORE = `(${V}.likes * 3 + ${V}.views) / power(extract(epoch FROM now() - ${V}.published_at) / 3600 + 2, 1.5)`;
const MATCH_SCORE = `ts_rank(${V}.search_vector, websearch_to_tsquery('simple', :search)) + word_similarity(lower(:search), lower(${V}.name))`;

/** Computed sort keys become a selected column: Sequelize's limit subquery can only re-order by names it selects. */
const SCORES: Record<string, string> = { hot: HOT_SCORE, best: HOT_SCORE, match: MATCH_SCORE };

function sortOptions(sort: string): Pick<FindOptions<VideoModel>, 'order' | 'attributes'> {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const dir = desc ? 'DESC' : 'ASC';
  const score = SCORES[key];
  if (score) {
    return {
      attributes: { include: [[literal(score), 'sortScore']] },
      order: [
        [literal('"sortScore"'), dir],
        ['id', 'DESC'],
      ],
    };
  }
  return {
    order: [
      [key === 'trending' ? 'views' : key, dir],
      ['id', 'DESC'],
    ] as Order,
  };
}

function filtersFor(q: VideoListQuery, scope: ListScope): WhereOptions<VideoModel>[] {
  const and: WhereOptions<VideoModel>[] = [];
  if (!scope.ownerView && !scope.seeAll) {
    and.push({ state: VideoState.PUBLISHED });
    and.push({ privacy: scope.loggedIn ? { [Op.in]: [VideoPrivacy.PUBLIC, VideoPrivacy.INTERNAL] } : VideoPrivacy.PUBLIC });
    // Moderation (issue 7): blocked videos, banned owners, blocklisted accounts and hosts.
    and.push(literal(`NOT ${hiddenVideoSql(V, scope.viewerAccountId)}`) as never);
  }
  if (q.privacyOneOf) and.push({ privacy: { [Op.in]: q.privacyOneOf } });
  if (scope.channelId) and.push({ channelId: scope.channelId });
  if (scope.accountId) and.push(literal(`"channel"."account_id" = ${Number(scope.accountId)}`) as never);
  if (q.categoryOneOf) and.push({ category: { [Op.in]: q.categoryOneOf } });
  if (q.licenceOneOf) and.push({ licence: { [Op.in]: q.licenceOneOf } });
  if (q.languageOneOf) {
    const langs = q.languageOneOf.filter((l) => l !== '_unknown');
    const unknown = q.languageOneOf.includes('_unknown');
    and.push({ [Op.or]: [{ language: { [Op.in]: langs } }, ...(unknown ? [{ language: null }] : [])] });
  }
  if (q.tagsOneOf) and.push({ tags: { [Op.overlap]: q.tagsOneOf } });
  if (q.tagsAllOf) and.push({ tags: { [Op.contains]: q.tagsAllOf } });
  if (q.isLocal !== undefined) and.push({ remote: !q.isLocal });
  if (q.isLive !== undefined) and.push({ isLive: q.isLive });
  const nsfw = q.nsfw ?? scope.defaultNsfw;
  if (nsfw !== 'both') and.push({ nsfw: nsfw === 'true' });
  if (q.search)
    and.push(literal(`(${V}.search_vector @@ websearch_to_tsquery('simple', :search) OR lower(:search) <% lower(${V}.name))`) as never);
  return and;
}

export const videoRepository = {
  async findForView(id: string, opts: { transaction?: Transaction } = {}) {
    const ref = videoIdWhere(id);
    if (!ref) return null;
    const video = await VideoModel.findOne({ where: ref.where, include: detailsInclude(), transaction: opts.transaction });
    return video ? { video, byNumericId: ref.byNumericId } : null;
  },

  /** The bare row, for writes. */
  async findRow(id: string, transaction?: Transaction): Promise<VideoModel | null> {
    const ref = videoIdWhere(id);
    return ref ? VideoModel.findOne({ where: ref.where, include: videoListInclude(), transaction }) : null;
  },

  /** Everything a Video object shows (federation): files, playlist, and captions for `subtitleLanguage`. */
  findByIdWithFiles(id: number, transaction?: Transaction) {
    return VideoModel.findByPk(id, { include: [...detailsInclude(), { association: 'captions', required: false }], transaction });
  },

  async list(q: VideoListQuery & { startDate?: string; endDate?: string; durationMin?: number; durationMax?: number }, scope: ListScope) {
    const and = filtersFor(q, scope);
    if (q.startDate) and.push({ publishedAt: { [Op.gte]: new Date(q.startDate) } });
    if (q.endDate) and.push({ publishedAt: { [Op.lte]: new Date(q.endDate) } });
    if (q.durationMin !== undefined) and.push({ duration: { [Op.gte]: q.durationMin } });
    if (q.durationMax !== undefined) and.push({ duration: { [Op.lte]: q.durationMax } });
    const options: FindOptions<VideoModel> = {
      where: { [Op.and]: and },
      include: videoListInclude(),
      ...sortOptions(q.sort),
      offset: q.start,
      limit: q.count,
      replacements: { search: q.search ?? '' },
    };
    if (q.skipCount) return { rows: await VideoModel.findAll(options), count: -1 };
    return VideoModel.findAndCountAll({ ...options, distinct: true, col: 'id' });
  },
};
