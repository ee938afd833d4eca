import type { ActorImageKind } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { withTransaction } from '../../platform/db';
import { ActorImageType, type ActorImageModel } from './actor.model';
import { removeImageFiles, renderActorImages, UnreadableImageError } from './actor-image.processor';
import { actorImageRepository } from './actor.repository';
import { invalidImage } from './actor-image.upload';

const TYPE_OF: Record<ActorImageKind, ActorImageType> = { avatar: ActorImageType.AVATAR, banner: ActorImageType.BANNER };

export type ActorImagesListener = (actorId: number) => void;

/** Avatars and banners of local actors: files on disk under `storage.avatars`, rows in actor_images. */
export class ActorImageService {
  private readonly listeners: ActorImagesListener[] = [];

  constructor(private readonly ctx: AppContext) {}

  /** Called after an actor's images changed, so caches of serialized actors can drop it. */
  onChange(listener: ActorImagesListener): void {
    this.listeners.push(listener);
  }

  private changed(actorId: number): void {
    for (const l of this.listeners) l(actorId);
  }

  /**
   * Resizes `input` into every size of `kind` and makes them the actor's images; old files go after
   * commit. `sourceUrl`: the remote image they were made from (federation: remote actors' avatars).
   */
  async replace(actorId: number, kind: ActorImageKind, input: Buffer, opts: { sourceUrl?: string } = {}): Promise<ActorImageModel[]> {
    const dir = this.ctx.dirs.avatars;
    let rendered;
    try {
      rendered = await renderActorImages(input, kind, dir);
    } catch (err) {
      if (err instanceof UnreadableImageError) throw invalidImage(kind, err.message);
      throw err;
    }
    let result;
    try {
      result = await withTransaction(this.ctx.sequelize, (t) =>
        actorImageRepository.replace(actorId, TYPE_OF[kind], rendered, t, opts.sourceUrl),
      );
    } catch (err) {
      await removeImageFiles(
        dir,
        rendered.map((r) => r.filename),
      );
      throw err;
    }
    await this.removeFiles(result.removed);
    this.changed(actorId);
    return result.created;
  }

  async remove(actorId: number, kind: ActorImageKind): Promise<void> {
    const removed = await withTransaction(this.ctx.sequelize, (t) => actorImageRepository.removeAll(actorId, TYPE_OF[kind], t));
    await this.removeFiles(removed);
    this.changed(actorId);
  }

  /** Files of rows already deleted; a failure only leaves an orphan file, so it is logged, not thrown. */
  async removeFiles(filenames: string[]): Promise<void> {
    await removeImageFiles(this.ctx.dirs.avatars, filenames).catch((err) =>
      this.ctx.logger.warn({ err, filenames }, 'could not delete old actor image files'),
    );
  }
}
