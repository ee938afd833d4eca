import type { ActorType } from '../actors';

const PATHS: Record<ActorType, string> = { Person: 'accounts', Group: 'video-channels', Application: 'accounts' };

/** Name of the instance actor (PeerTube's fixed `peertube`). */
export const INSTANCE_ACTOR_NAME = 'peertube';

/** Actor URL in PeerTube's scheme: `/accounts/{name}` or `/video-channels/{name}`. */
export function actorUrl(publicUrl: string, type: ActorType, name: string): string {
  return `${publicUrl}/${PATHS[type]}/${encodeURIComponent(name)}`;
}

/** Ids PeerTube mints for activities (spec §1.3); receivers store them, so they never change shape. */
export const activityId = {
  create: (objectUrl: string) => `${objectUrl}/activity`,
  update: (objectUrl: string, at: Date) => `${objectUrl}/updates/${at.toISOString()}`,
  delete: (objectUrl: string) => `${objectUrl}/delete`,
  undo: (activityUrl: string) => `${activityUrl}/undo`,
  announce: (objectUrl: string, actorId: number) => `${objectUrl}/announces/${actorId}`,
  follow: (followerUrl: string, targetActorId: number) => `${followerUrl}/follows/${targetActorId}`,
  accept: (publicUrl: string, followId: number) => `${publicUrl}/accepts/follows/${followId}`,
  reject: (publicUrl: string, at: Date) => `${publicUrl}/rejects/follows/${at.toISOString()}`,
};
