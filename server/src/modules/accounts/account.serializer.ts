import type { Account, AccountSummary } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { serializeActorBase, type ActorLike } from '../actors';
import type { AccountModel } from './account.model';

export type AccountLike = Pick<AccountModel, 'id' | 'userId' | 'displayName' | 'description' | 'updatedAt'> & { actor?: ActorLike };

export function serializeAccount(ctx: AppContext, account: AccountLike): Account {
  const actor = account.actor!;
  return {
    id: account.id,
    ...serializeActorBase(ctx, actor),
    displayName: account.displayName,
    description: account.description ?? null,
    updatedAt: account.updatedAt.toISOString(),
    ...(account.userId ? { userId: account.userId } : {}),
  };
}

export function serializeAccountSummary(ctx: AppContext, account: AccountLike): AccountSummary {
  const full = serializeAccount(ctx, account);
  return { id: full.id, name: full.name, displayName: full.displayName, url: full.url, host: full.host, avatars: full.avatars };
}
