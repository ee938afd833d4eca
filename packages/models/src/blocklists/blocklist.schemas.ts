import { z } from 'zod';
import { listQuerySchema } from '../common/pagination.schema';
import type { Account } from '../users/user.model';

/** `user@host` (or a local `user`) of an account to mute or block. */
export const blockAccountSchema = z.strictObject({ accountName: z.string().min(1).max(300) });

/** A host name with an optional port, as in handles. */
export const hostSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i, 'not a host name');
export const blockServerSchema = z.strictObject({ host: hostSchema });

export const blocklistQuerySchema = listQuerySchema(['createdAt'], '-createdAt');

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([z.array(item), item.transform((v) => [v])]);
export const blocklistStatusQuerySchema = z.object({
  accounts: oneOrMany(z.string().min(1).max(300)).pipe(z.array(z.string()).max(100)).optional(),
  hosts: oneOrMany(z.string().min(1).max(255)).pipe(z.array(z.string()).max(100)).optional(),
});

export interface AccountBlock {
  /** The muting account; null when the instance itself blocks. */
  byAccount: Account | null;
  blockedAccount: Account;
  createdAt: string;
}

export interface ServerBlock {
  byAccount: Account | null;
  blockedServer: { host: string };
  createdAt: string;
}

export interface BlockStatus {
  accounts: Record<string, { blockedByServer: boolean; blockedByUser?: boolean }>;
  hosts: Record<string, { blockedByServer: boolean; blockedByUser?: boolean }>;
}
