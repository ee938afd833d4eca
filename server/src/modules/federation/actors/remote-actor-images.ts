import { ACTOR_IMAGE_CONSTRAINTS, type ActorImageKind, type ApActor } from '@shoal/models';
import type { AppContext } from '../../../platform/context';
import { ActorImageModel, ActorImageType, type ActorImageService, type ActorModel } from '../../actors';
import { downloadImage } from '../http/image-download';

const TYPE_OF: Record<ActorImageKind, ActorImageType> = { avatar: ActorImageType.AVATAR, banner: ActorImageType.BANNER };

/** The URL of an `icon`/`image` member: one Image or a list (the widest first when sizes are given). */
export function imageUrlOf(member: unknown): string | null {
  const list = (Array.isArray(member) ? member : member ? [member] : []) as Array<{ url?: unknown; width?: unknown }>;
  const usable = list.filter((i) => typeof i?.url === 'string' && /^https?:\/\//.test(i.url));
  usable.sort((a, b) => (Number(b.width) || 0) - (Number(a.width) || 0));
  return (usable[0]?.url as string | undefined) ?? null;
}

/**
 * Copies remote actors' avatars (`icon`) and banners (`image`) into our own sizes, as PeerTube
 * serves remote avatars from its own static path. The source URL is kept (`fileUrl`) so an
 * unchanged image is not downloaded again on each refresh; a removed one is removed here too.
 * Downloads are SSRF-guarded and limited to the size we accept for uploads.
 */
export class RemoteActorImages {
  constructor(
    private readonly ctx: AppContext,
    private readonly images: ActorImageService,
  ) {}

  async sync(actor: ActorModel, ap: ApActor): Promise<void> {
    const members: Record<ActorImageKind, unknown> = { avatar: ap.icon, banner: ap.image };
    for (const kind of ['avatar', 'banner'] as const) {
      try {
        await this.syncOne(actor, kind, imageUrlOf(members[kind]));
      } catch (err) {
        // A broken image never blocks the actor itself.
        this.ctx.logger.warn({ actor: actor.url, kind, err: (err as Error).message }, 'remote actor image not copied');
      }
    }
  }

  private async syncOne(actor: ActorModel, kind: ActorImageKind, url: string | null): Promise<void> {
    const current = await ActorImageModel.findOne({ where: { actorId: actor.id, type: TYPE_OF[kind] }, attributes: ['fileUrl'] });
    if (!url) {
      if (current) await this.images.remove(actor.id, kind);
      return;
    }
    if (current?.fileUrl === url) return;
    const bytes = await downloadImage(url, {
      preventSsrf: this.ctx.config.federation.prevent_ssrf,
      maxBytes: ACTOR_IMAGE_CONSTRAINTS.maxBytes,
    });
    await this.images.replace(actor.id, kind, bytes, { sourceUrl: url });
  }
}
