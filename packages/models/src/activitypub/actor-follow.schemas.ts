import { z } from 'zod';
import { listQuerySchema } from '../common/pagination.schema';

/** A handle `name@host` or a bare local name (PeerTube's subscription `uri`). */
export const actorHandle = z
  .string()
  .min(1)
  .max(400)
  .regex(/^[A-Za-z0-9\-_.:]+(@[A-Za-z0-9\-.:[\]]+)?$/, 'expected name or name@host');

export const subscriptionCreateBody = z.strictObject({ uri: actorHandle });
export const subscriptionExistQuery = z.object({
  uris: z.union([actorHandle, z.array(actorHandle).max(100)]).transform((v) => (Array.isArray(v) ? v : [v])),
});
export const subscriptionListQuery = listQuerySchema(['createdAt'], '-createdAt');

export const FOLLOW_STATES = ['pending', 'accepted', 'rejected'] as const;
export type FollowState = (typeof FOLLOW_STATES)[number];

export const serverFollowListQuery = listQuerySchema(['createdAt'], '-createdAt').extend({
  state: z.enum(['pending', 'accepted']).optional(),
  actorType: z.enum(['Person', 'Application', 'Group']).optional(),
});

const hostname = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9\-.]+(:\d{1,5})?$/, 'expected a host name');

export const serverFollowBody = z
  .strictObject({
    hosts: z.array(hostname).max(100).optional(),
    handles: z.array(actorHandle).max(100).optional(),
  })
  .refine((b) => (b.hosts?.length ?? 0) + (b.handles?.length ?? 0) > 0, 'hosts or handles is required');

export interface FollowActorView {
  id: number;
  url: string;
  name: string;
  host: string;
  hostRedundancyAllowed: boolean | null;
  followingCount: number;
  followersCount: number;
  createdAt: string;
  updatedAt: string;
}

/** PeerTube's `Follow` (server followers/following lists). */
export interface ActorFollowView {
  id: number;
  follower: FollowActorView;
  following: FollowActorView;
  score: number;
  state: FollowState;
  createdAt: string;
  updatedAt: string;
}
