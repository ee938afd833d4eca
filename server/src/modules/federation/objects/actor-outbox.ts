import { QueryTypes } from 'sequelize';
import { AS_PUBLIC } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { videoRepository } from '../../videos';
import { contextWith, VIDEO_CONTEXT } from './ap-contexts';
import type { ActorRef } from './federation-port';
import { buildVideoObject } from './video.builder';

interface OutboxRow {
  kind: 'create' | 'announce';
  video_id: number;
  url: string;
  video_url: string;
}

const ITEMS_SQL = `
  SELECT kind, video_id, url, video_url FROM (
    SELECT 'create' AS kind, f.video_id, f.url, v.url AS video_url, v.published_at AS at
      FROM federated_videos f JOIN videos v ON v.id = f.video_id WHERE f.account_actor_id = :actor
    UNION ALL
    SELECT 'announce', s.video_id, s.url, v.url, s.created_at
      FROM video_shares s JOIN videos v ON v.id = s.video_id WHERE s.actor_id = :actor AND NOT v.remote
  ) items ORDER BY at DESC, url OFFSET :start LIMIT :count`;
const COUNT_SQL = `
  SELECT (SELECT count(*) FROM federated_videos WHERE account_actor_id = :actor)::int
       + (SELECT count(*) FROM video_shares s JOIN videos v ON v.id = s.video_id WHERE s.actor_id = :actor AND NOT v.remote)::int AS n`;

/**
 * Items of a local actor's outbox (spec §7): `Create` with the full Video for videos the account
 * published, `Announce` for the videos the channel or instance actor shared. Only what was
 * federated is listed, so private videos never appear.
 */
export function actorOutbox(ctx: AppContext) {
  return async (actor: ActorRef, start: number, count: number): Promise<{ total: number; items: unknown[] }> => {
    const replacements = { actor: actor.id, start, count };
    const [{ n }] = await ctx.sequelize.query<{ n: number }>(COUNT_SQL, { replacements, type: QueryTypes.SELECT });
    if (count === 0) return { total: n, items: [] };
    const rows = await ctx.sequelize.query<OutboxRow>(ITEMS_SQL, { replacements, type: QueryTypes.SELECT });
    const items = await Promise.all(
      rows.map(async (row) => {
        if (row.kind === 'announce') {
          return { type: 'Announce', id: row.url, actor: actor.url, object: row.video_url, to: [AS_PUBLIC], cc: [actor.followersUrl] };
        }
        const video = await videoRepository.findByIdWithFiles(row.video_id);
        if (!video) return null;
        const object = buildVideoObject(ctx, video);
        return {
          '@context': contextWith(VIDEO_CONTEXT),
          type: 'Create',
          id: `${row.url}/activity`,
          actor: actor.url,
          object,
          to: object.to,
          cc: object.cc,
        };
      }),
    );
    return { total: n, items: items.filter((i) => i !== null) };
  };
}
