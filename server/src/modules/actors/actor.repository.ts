import { col, fn, Op, where } from 'sequelize';
import { ActorModel, type ActorType } from './actor.model';

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
