import { z } from 'zod';

export const NODEINFO_20_REL = 'http://nodeinfo.diaspora.software/ns/schema/2.0';
/** PeerTube's link from NodeInfo discovery to the instance actor (§2.2). */
export const NODEINFO_APPLICATION_REL = 'https://www.w3.org/ns/activitystreams#Application';

/** `/.well-known/nodeinfo` as we read it from other servers. */
export const nodeinfoLinks = z.looseObject({
  links: z.array(z.looseObject({ rel: z.string(), href: z.string() })),
});
