import type { Migration } from '../platform/db';
import { migration as m0001 } from './0001-accounts-and-auth';
import { migration as m0002 } from './0002-videos';

/** Every migration, in the order it must run. Append only. */
export const migrations: Migration[] = [m0001, m0002];
