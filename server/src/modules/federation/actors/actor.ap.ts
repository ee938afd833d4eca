import type { AppContext } from '../../../platform/context';
import { AccountModel } from '../../accounts';
import { ActorImageModel, ActorImageType, ACTOR_IMAGE_PATH, type ActorModel } from '../../actors';
import { ChannelModel } from '../../channels';
import { AP_ACTOR_CONTEXT, withContext } from '../context';

function images(ctx: AppContext, rows: ActorImageModel[], type: ActorImageType) {
  return rows
    .filter((i) => i.type === type)
    .sort((a, b) => b.width - a.width)
    .map((i) => ({
      type: 'Image',
      mediaType: i.filename.endsWith('.webp') ? 'image/webp' : i.filename.endsWith('.png') ? 'image/png' : 'image/jpeg',
      url: i.fileUrl ?? `${ctx.publicUrl}${ACTOR_IMAGE_PATH}${i.filename}`,
      width: i.width,
      height: i.height,
    }));
}

/** The Person, Group or Application document of a local actor (spec §1.2). */
export async function actorDocument(ctx: AppContext, actor: ActorModel, publicKeyPem: string): Promise<object> {
  const name = encodeURIComponent(actor.preferredUsername);
  const rows = await ActorImageModel.findAll({ where: { actorId: actor.id } });
  const base: Record<string, unknown> = {
    type: actor.type,
    id: actor.url,
    preferredUsername: actor.preferredUsername,
    inbox: actor.inboxUrl,
    outbox: actor.outboxUrl,
    followers: actor.followersUrl,
    following: actor.followingUrl,
    playlists: `${actor.url}/playlists`,
    endpoints: { sharedInbox: `${ctx.publicUrl}/inbox` },
    publicKey: { id: `${actor.url}#main-key`, owner: actor.url, publicKeyPem },
    published: actor.createdAt.toISOString(),
  };
  const icon = images(ctx, rows, ActorImageType.AVATAR);
  const image = images(ctx, rows, ActorImageType.BANNER);
  if (icon.length) base.icon = icon;
  if (image.length) base.image = image;
  const link = (href: string) => ({ type: 'Link', mediaType: 'text/html', href });

  if (actor.type === 'Group') {
    const channel = await ChannelModel.findOne({ where: { actorId: actor.id }, include: [{ association: 'account', include: ['actor'] }] });
    Object.assign(base, {
      name: channel?.displayName ?? actor.preferredUsername,
      summary: channel?.description ?? null,
      support: channel?.support ?? null,
      url: [link(`${ctx.publicUrl}/c/${name}/videos`), link(`${ctx.publicUrl}/c/${name}`), link(actor.url)],
      attributedTo: channel?.account?.actor ? [channel.account.actor.url] : [],
      postingRestrictedToMods: true,
    });
  } else if (actor.type === 'Person') {
    const account = await AccountModel.findOne({ where: { actorId: actor.id } });
    Object.assign(base, {
      name: account?.displayName ?? actor.preferredUsername,
      summary: account?.description ?? null,
      url: [link(`${ctx.publicUrl}/a/${name}/video-channels`), link(`${ctx.publicUrl}/a/${name}`), link(actor.url)],
    });
  } else {
    Object.assign(base, { name: ctx.config.instance.name, summary: ctx.config.instance.short_description || null, url: actor.url });
  }
  return withContext(base, AP_ACTOR_CONTEXT);
}
