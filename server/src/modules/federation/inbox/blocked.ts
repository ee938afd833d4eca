import { AccountModel } from '../../accounts';
import type { ActorModel } from '../../actors';
import { AccountBlockModel, ServerBlockModel } from '../../blocklists';

/** Instance-level blocks (not personal mutes): the whole host, or the account behind the actor. */
export async function isHostBlocked(host: string): Promise<boolean> {
  return (await ServerBlockModel.count({ where: { accountId: null, host: host.toLowerCase() } })) > 0;
}

export async function isActorBlocked(actor: ActorModel): Promise<boolean> {
  if (actor.host && (await isHostBlocked(actor.host))) return true;
  const account = await AccountModel.findOne({ where: { actorId: actor.id }, attributes: ['id'] });
  if (!account) return false;
  return (await AccountBlockModel.count({ where: { accountId: null, targetAccountId: account.id } })) > 0;
}
