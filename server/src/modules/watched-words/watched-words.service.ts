import {
  AutomaticTagPolicy,
  CORE_AUTOMATIC_TAGS,
  WATCHED_WORDS_CONSTRAINTS,
  type AutomaticTagAvailable,
  type WatchedWordsList,
  type WatchedWordsListBody,
} from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';
import { accountRepository } from '../accounts';
import { computeAutomaticTags } from './automatic-tags';
import { WatchedWordsListModel } from './watched-words.model';
import { watchedWordsRepository as repo } from './watched-words.repository';

const isUniqueViolation = (err: unknown) => (err as { name?: string })?.name === 'SequelizeUniqueConstraintError';

export function serializeWatchedWordsList(list: WatchedWordsListModel): WatchedWordsList {
  return {
    id: list.id,
    listName: list.listName,
    words: list.words,
    createdAt: list.createdAt.toISOString(),
    updatedAt: list.updatedAt.toISOString(),
  };
}

/** Tags of one comment in both scopes: the instance's lists and the video owner's lists. */
export interface CommentTags {
  instance: string[];
  owner: string[];
}

/**
 * Watched-words lists (per account and for the instance), the automatic tags they give
 * comments, and each account's policy of holding tagged comments for review.
 */
export class WatchedWordsService {
  constructor(private readonly ctx: AppContext) {}

  /** The local account behind `:accountName`, which only its own user may manage. */
  async ownAccount(me: AuthUser, accountName: string): Promise<number> {
    const account = await accountRepository.findByHandle(accountName, this.ctx.publicHost);
    if (!account) throw AppError.notFound('Account');
    if (account.id !== me.accountId) throw AppError.forbidden('You can only manage the watched words of your own account');
    return account.id;
  }

  list(accountId: number | null, q: { start: number; count: number; sort: string }) {
    return repo.list(accountId, q);
  }

  async create(accountId: number | null, body: WatchedWordsListBody): Promise<number> {
    if ((await repo.count(accountId)) >= WATCHED_WORDS_CONSTRAINTS.maxLists) throw AppError.badRequest('Too many watched-words lists');
    const created = await WatchedWordsListModel.create({ accountId, listName: body.listName, words: unique(body.words) }).catch(rethrow);
    return created.id;
  }

  async update(accountId: number | null, id: number, body: WatchedWordsListBody): Promise<void> {
    const list = await repo.findOne(accountId, id);
    if (!list) throw AppError.notFound('Watched words list');
    await list.update({ listName: body.listName, words: unique(body.words) }).catch(rethrow);
  }

  async remove(accountId: number | null, id: number): Promise<void> {
    const list = await repo.findOne(accountId, id);
    if (!list) throw AppError.notFound('Watched words list');
    await list.destroy();
  }

  async available(accountId: number | null): Promise<AutomaticTagAvailable> {
    const names = await repo.listNames(accountId);
    return {
      available: [
        ...CORE_AUTOMATIC_TAGS.map((name) => ({ name, type: 'core' as const })),
        ...names.map((name) => ({ name, type: 'watched-words-list' as const })),
      ],
    };
  }

  reviewPolicy(accountId: number): Promise<string[]> {
    return repo.reviewTags(accountId, AutomaticTagPolicy.REVIEW_COMMENT);
  }

  async setReviewPolicy(accountId: number, review: string[]): Promise<void> {
    const available = new Set((await this.available(accountId)).available.map((t) => t.name));
    const unknown = review.filter((t) => !available.has(t));
    if (unknown.length) throw AppError.badRequest(`Unknown automatic tags: ${unknown.join(', ')}`);
    await withTransaction(this.ctx.sequelize, (t) =>
      repo.replaceReviewTags(accountId, AutomaticTagPolicy.REVIEW_COMMENT, unique(review), t),
    );
  }

  /** Tags a comment text gets on a video owned by `ownerAccountId`. */
  async commentTags(text: string, ownerAccountId: number): Promise<CommentTags> {
    const lists = await repo.allOf([null, ownerAccountId]);
    const of = (accountId: number | null) => lists.filter((l) => l.accountId === accountId);
    return {
      instance: computeAutomaticTags(text, of(null), this.ctx.publicHost),
      owner: computeAutomaticTags(text, of(ownerAccountId), this.ctx.publicHost),
    };
  }
}

const unique = (words: string[]) => [...new Set(words)];

function rethrow(err: unknown): never {
  throw isUniqueViolation(err) ? AppError.conflict('A list with this name already exists') : err;
}
