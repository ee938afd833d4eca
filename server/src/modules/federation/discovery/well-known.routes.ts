import { Router } from 'express';
import { Op, QueryTypes } from 'sequelize';
import { NODEINFO_20_REL, NODEINFO_APPLICATION_REL, webfingerQuery } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { input } from '../../../platform/http';
import { ActorModel } from '../../actors';
import type { LocalActors } from '../actors/local-actors';
import { actorUrl, INSTANCE_ACTOR_NAME } from '../urls';
import { sameName } from '../actors/name-match';

const NODEINFO_CACHE_MS = 10 * 60_000;

/** WebFinger, NodeInfo 2.0 and host-meta (spec §2). */
export function wellKnownRoutes(ctx: AppContext, actors: LocalActors): Router {
  const router = Router();

  router.get('/.well-known/webfinger', async (req, res) => {
    const { resource } = input.query(webfingerQuery, req);
    const handle = resource.slice('acct:'.length);
    const at = handle.lastIndexOf('@');
    const name = handle.slice(0, at);
    if (handle.slice(at + 1).toLowerCase() !== ctx.publicHost.toLowerCase()) throw AppError.badRequest('Unknown host in resource');
    await actors.getInstanceActor();
    const actor = await ActorModel.findOne({ where: { host: null, [Op.and]: [sameName(name)] } });
    if (!actor) throw AppError.notFound('Actor');
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.type('application/jrd+json').send(
      JSON.stringify({
        subject: resource,
        aliases: [actor.url],
        links: [
          { rel: 'self', type: 'application/activity+json', href: actor.url },
          { rel: 'http://ostatus.org/schema/1.0/subscribe', template: `${ctx.publicUrl}/remote-interaction?uri={uri}` },
        ],
      }),
    );
  });

  router.get('/.well-known/host-meta', (_req, res) => {
    res
      .type('application/xml')
      .send(
        '<?xml version="1.0" encoding="UTF-8"?>\n<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">\n' +
          `  <Link rel="lrdd" type="application/xrd+xml" template="${ctx.publicUrl}/.well-known/webfinger?resource={uri}"/>\n</XRD>\n`,
      );
  });

  router.get('/.well-known/nodeinfo', (_req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.json({
      links: [
        { rel: NODEINFO_20_REL, href: `${ctx.publicUrl}/nodeinfo/2.0.json` },
        { rel: NODEINFO_APPLICATION_REL, href: actorUrl(ctx.publicUrl, 'Application', INSTANCE_ACTOR_NAME) },
      ],
    });
  });

  let cached: { at: number; body: object } | undefined;
  router.get('/nodeinfo/2.0.json', async (_req, res) => {
    if (!cached || Date.now() - cached.at > NODEINFO_CACHE_MS) cached = { at: Date.now(), body: await nodeinfo(ctx) };
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.type('application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.0#"').send(JSON.stringify(cached.body));
  });
  return router;
}

async function nodeinfo(ctx: AppContext): Promise<object> {
  const [counts] = await ctx.sequelize.query<{ users: string; month: string; half: string; videos: string; comments: string }>(
    `SELECT (SELECT count(*) FROM users) AS users,
            (SELECT count(*) FROM users WHERE last_login_date > now() - interval '30 days') AS month,
            (SELECT count(*) FROM users WHERE last_login_date > now() - interval '180 days') AS half,
            (SELECT count(*) FROM videos v JOIN video_channels c ON c.id = v.channel_id JOIN actors a ON a.id = c.actor_id
              WHERE a.host IS NULL) AS videos,
            (SELECT count(*) FROM video_comments m JOIN accounts ac ON ac.id = m.account_id JOIN actors a ON a.id = ac.actor_id
              WHERE a.host IS NULL AND m.deleted_at IS NULL) AS comments`,
    { type: QueryTypes.SELECT },
  );
  const c = ctx.config;
  return {
    version: '2.0',
    software: { name: 'peertube', version: '7.0.0' },
    protocols: ['activitypub'],
    services: { inbound: [], outbound: ['atom1.0', 'rss2.0'] },
    openRegistrations: c.signup.enabled,
    usage: {
      users: { total: Number(counts.users), activeMonth: Number(counts.month), activeHalfyear: Number(counts.half) },
      localPosts: Number(counts.videos),
      localComments: Number(counts.comments),
    },
    metadata: {
      taxonomy: { postsName: 'Videos' },
      nodeName: c.instance.name,
      nodeDescription: c.instance.short_description,
      nodeConfig: { signup: { allowed: c.signup.enabled }, federation: { enabled: c.federation.enabled } },
    },
  };
}
