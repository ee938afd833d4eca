import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { ActorImageLike, ActorLike } from '../actors';
import type { ChannelLike } from './channel.serializer';

/** Sortable columns of channel lists → SQL; values are fixed strings, never user text. */
const ORDER_SQL: Record<string, string> = {
  id: 'c.id',
  name: 'ca.preferred_username',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

export interface ChannelQuery {
  start: number;
  count: number;
  sort: string;
  accountId?: number;
  actorId?: number;
}

interface Row {
  id: number;
  display_name: string;
  description: string | null;
  support: string | null;
  updated_at: Date;
  account_id: number;
  user_id: number | null;
  account_display_name: string;
  account_description: string | null;
  account_updated_at: Date;
  c_actor: RawActor;
  a_actor: RawActor;
  total: string;
}
interface RawActor {
  url: string;
  preferredUsername: string;
  host: string | null;
  followingCount: number;
  followersCount: number;
  createdAt: string;
  images: Array<Omit<ActorImageLike, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string }> | null;
}

// Actors come back as one JSON value each: fewer columns to decode and images folded in.
const actorJson = (alias: string) => `json_build_object(
  'url', ${alias}.url, 'preferredUsername', ${alias}.preferred_username, 'host', ${alias}.host,
  'followingCount', ${alias}.following_count, 'followersCount', ${alias}.followers_count, 'createdAt', ${alias}.created_at,
  'images', (SELECT json_agg(json_build_object('type', i.type, 'filename', i.filename, 'width', i.width, 'height', i.height,
      'fileUrl', i.file_url, 'createdAt', i.created_at, 'updatedAt', i.updated_at)) FROM actor_images i WHERE i.actor_id = ${alias}.id))`;

/**
 * Channels with their actor, owner account and images in one round trip: the Sequelize
 * include tree costs several times more CPU per row. `count(*) OVER ()` gives the total
 * without a second query; only a page past the end needs a separate COUNT.
 */
export async function queryChannels(
  sequelize: Sequelize,
  q: ChannelQuery,
  transaction?: Transaction,
): Promise<{ rows: ChannelLike[]; count: number }> {
  const desc = q.sort.startsWith('-');
  const order = ORDER_SQL[desc ? q.sort.slice(1) : q.sort] ?? 'c.created_at';
  const filters: string[] = [];
  if (q.accountId !== undefined) filters.push('c.account_id = :accountId');
  if (q.actorId !== undefined) filters.push('c.actor_id = :actorId');
  const whereSql = filters.length ? `WHERE ${filters.join(' AND ')}` : '';
  const rows = await sequelize.query<Row>(
    `SELECT c.id, c.display_name, c.description, c.support, c.updated_at,
            a.id AS account_id, a.user_id, a.display_name AS account_display_name,
            a.description AS account_description, a.updated_at AS account_updated_at,
            ${actorJson('ca')} AS c_actor, ${actorJson('aa')} AS a_actor,
            count(*) OVER () AS total
       FROM video_channels c
       JOIN actors ca ON ca.id = c.actor_id
       JOIN accounts a ON a.id = c.account_id
       JOIN actors aa ON aa.id = a.actor_id
       ${whereSql}
      ORDER BY ${order} ${desc ? 'DESC' : 'ASC'}, c.id ASC
      LIMIT :count OFFSET :start`,
    { replacements: { ...q }, type: QueryTypes.SELECT, transaction },
  );
  if (rows.length) return { rows: rows.map(toChannel), count: Number(rows[0].total) };
  if (q.start === 0) return { rows: [], count: 0 };
  const [{ n }] = await sequelize.query<{ n: string }>(
    `SELECT count(*) AS n FROM video_channels c JOIN actors ca ON ca.id = c.actor_id ${whereSql}`,
    {
      replacements: { ...q },
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return { rows: [], count: Number(n) };
}

function toActor(raw: RawActor): ActorLike {
  return {
    ...raw,
    createdAt: new Date(raw.createdAt),
    images: (raw.images ?? []).map((i) => ({ ...i, createdAt: new Date(i.createdAt), updatedAt: new Date(i.updatedAt) })),
  };
}

function toChannel(r: Row): ChannelLike {
  return {
    id: r.id,
    displayName: r.display_name,
    description: r.description,
    support: r.support,
    updatedAt: r.updated_at,
    actor: toActor(r.c_actor),
    account: {
      id: r.account_id,
      userId: r.user_id,
      displayName: r.account_display_name,
      description: r.account_description,
      updatedAt: r.account_updated_at,
      actor: toActor(r.a_actor),
    },
  };
}
