import type { AccountBlock, BlockStatus, ServerBlock } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { accountRepository, serializeAccount } from '../accounts';
import type { AccountBlockModel, ServerBlockModel } from './blocklist.model';
import { blocklistRepository as repo } from './blocklist.repository';

/** Who blocks: an account muting for itself, or the instance (null) for everyone. */
export type Blocker = number | null;

interface Page {
  start: number;
  count: number;
  sort: string;
  search?: string;
}

/** Mutes of a user and blocks of the instance, on accounts and on whole hosts. */
export class BlocklistService {
  constructor(private readonly ctx: AppContext) {}

  private serializeAccountBlock(block: AccountBlockModel): AccountBlock {
    return {
      byAccount: block.byAccount ? serializeAccount(this.ctx, block.byAccount) : null,
      blockedAccount: serializeAccount(this.ctx, block.blockedAccount!),
      createdAt: block.createdAt.toISOString(),
    };
  }

  private serializeServerBlock(block: ServerBlockModel): ServerBlock {
    return {
      byAccount: block.byAccount ? serializeAccount(this.ctx, block.byAccount) : null,
      blockedServer: { host: block.host },
      createdAt: block.createdAt.toISOString(),
    };
  }

  async listAccounts(by: Blocker, q: Page) {
    const { rows, count } = await repo.listAccounts(by, q);
    return { total: count, data: rows.map((b) => this.serializeAccountBlock(b)) };
  }

  async listServers(by: Blocker, q: Page) {
    const { rows, count } = await repo.listServers(by, q);
    return { total: count, data: rows.map((b) => this.serializeServerBlock(b)) };
  }

  private async target(accountName: string) {
    const account = await accountRepository.findByHandle(accountName, this.ctx.publicHost);
    if (!account) throw AppError.notFound('Account');
    return account;
  }

  /** `me` is the acting user's account: nobody blocks themselves, not even for the instance. */
  async blockAccount(by: Blocker, me: number, accountName: string): Promise<void> {
    const target = await this.target(accountName);
    if (target.id === me) throw AppError.conflict('You cannot block yourself');
    await repo.addAccount(by, target.id);
  }

  async unblockAccount(by: Blocker, accountName: string): Promise<void> {
    const target = await this.target(accountName);
    if (!(await repo.removeAccount(by, target.id))) throw AppError.notFound('Account block');
  }

  async blockServer(by: Blocker, host: string): Promise<void> {
    if (host.toLowerCase() === this.ctx.publicHost.toLowerCase()) throw AppError.conflict('You cannot block your own server');
    await repo.addServer(by, host);
  }

  async unblockServer(by: Blocker, host: string): Promise<void> {
    if (!(await repo.removeServer(by, host))) throw AppError.notFound('Server block');
  }

  /** `GET /blocklist/status`: `blockedByUser` only for a logged-in caller. */
  async status(handles: string[], hosts: string[], viewer?: number): Promise<BlockStatus> {
    const found = await Promise.all(handles.map(async (h) => [h, await accountRepository.findByHandle(h, this.ctx.publicHost)] as const));
    const ids = found.flatMap(([, a]) => (a ? [a.id] : []));
    const { accounts, servers } = await repo.status(ids, hosts, viewer);
    const flags = <T>(matches: T[], isServer: (m: T) => boolean) => ({
      blockedByServer: matches.some(isServer),
      ...(viewer ? { blockedByUser: matches.some((m) => !isServer(m)) } : {}),
    });
    const result: BlockStatus = { accounts: {}, hosts: {} };
    for (const [handle, account] of found) {
      result.accounts[handle] = flags(
        accounts.filter((b) => b.targetAccountId === account?.id),
        (b) => b.accountId === null,
      );
    }
    for (const host of hosts) {
      result.hosts[host] = flags(
        servers.filter((b) => b.host === host.toLowerCase()),
        (b) => b.accountId === null,
      );
    }
    return result;
  }
}
