import { z } from 'zod';
import { listQuerySchema } from '../common/pagination.schema';
import { WATCHED_WORDS_CONSTRAINTS } from './watched-words-constraints';

const c = WATCHED_WORDS_CONSTRAINTS;

/** Body of the watched-words list create and update routes. */
export const watchedWordsListSchema = z.strictObject({
  listName: z.string().trim().min(c.listName.min).max(c.listName.max),
  words: z.array(z.string().trim().min(c.word.min).max(c.word.max)).min(c.words.min).max(c.words.max),
});
export type WatchedWordsListBody = z.infer<typeof watchedWordsListSchema>;

export const watchedWordsListQuerySchema = listQuerySchema(['createdAt', 'updatedAt', 'listName'], 'listName');

export interface WatchedWordsList {
  id: number;
  listName: string;
  words: string[];
  createdAt: string;
  updatedAt: string;
}

/** Tags every comment may get whatever the lists: a link to another site. */
export const CORE_AUTOMATIC_TAGS = ['external-link'] as const;

export interface AutomaticTagAvailable {
  available: Array<{ name: string; type: 'core' | 'watched-words-list' }>;
}

/** `GET/PUT /automatic-tags/policies/accounts/:accountName/comments`. */
export const commentAutoTagPoliciesSchema = z.strictObject({
  review: z.array(z.string().min(1).max(100)).max(200),
});
export type CommentAutoTagPolicies = z.infer<typeof commentAutoTagPoliciesSchema>;

/** Policy numbers stored per account and tag. */
export const AutomaticTagPolicy = { REVIEW_COMMENT: 1 } as const;
