import { col, fn, Op, where, type Transaction } from 'sequelize';
import { ActorImageModel, ActorModel, type ActorImageType, type ActorType } from './actor.model';

/** Splits "name" or "name@host"; a host equal to ours means local. */
export function parseHandle(handle: string, localHost: string): { name: string; host: string | null } {
  const at = handle.lastIndexOf('@');
  if (at <= 0) return { name: handle, host: null };
  const host = handle.slice(at + 1);
  return { name: handle.slice(0, at), host: host === localHost ? null : host };
}

export async function findActorIdByHandle(handle: string, localHost: string, type: ActorType): Promise<number | null> {
  const { name, host } = parseHandle(handle, localHost);
  const actor = await ActorModel.findOne({
    attributes: ['id'],
    where: { type, host, [Op.and]: [where(fn('lower', col('preferred_username')), name.toLowerCase())] },
  });
  return actor?.id ?? null;
}

export const actorImageRepository = {
  /**
   * Swaps an actor's images of one type. The actor row is locked first so two concurrent
   * uploads cannot both keep their files. Returns the new rows and the local files to delete.
   */
  async replace(
    actorId: number,
    type: ActorImageType,
    images: Array<{ filename: string; width: number; height: number }>,
    transaction: Transaction,
    sourceUrl: string | null = null,
  ): Promise<{ created: ActorImageModel[]; removed: string[] }> {
    await ActorModel.findByPk(actorId, { attributes: ['id'], lock: transaction.LOCK.UPDATE, transaction });
    const removed = await actorImageRepository.removeAll(actorId, type, transaction);
    const created = await ActorImageModel.bulkCreate(
      images.map((i) => ({ actorId, type, filename: i.filename, width: i.width, height: i.height, onDisk: true, fileUrl: sourceUrl })),
      { transaction, returning: true },
    );
    return { created, removed };
  },

  /** Deletes the rows and returns the filenames of those stored locally. */
  async removeAll(actorId: number, type: ActorImageType, transaction: Transaction): Promise<string[]> {
    const old = await ActorImageModel.findAll({ where: { actorId, type }, attributes: ['id', 'filename', 'onDisk'], transaction });
    if (old.length) await ActorImageModel.destroy({ where: { id: old.map((o) => o.id) }, transaction });
    return old.filter((o) => o.onDisk).map((o) => o.filename);
  },

  /** Local image files of actors about to be deleted (rows cascade; files must be removed by hand). */
  async localFilesOf(actorIds: number[], transaction?: Transaction): Promise<string[]> {
    if (!actorIds.length) return [];
    const rows = await ActorImageModel.findAll({ where: { actorId: actorIds, onDisk: true }, attributes: ['filename'], transaction });
    return rows.map((r) => r.filename);
  },
};
