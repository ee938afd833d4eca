import type { Migration } from '../platform/db';
import { migration as m0001 } from './0001-accounts-and-auth';
import { migration as m0002 } from './0002-videos';
import { migration as m0003 } from './0003-media-access';
import { migration as m0004 } from './0004-comments-and-moderation';
import { migration as m0005 } from './0005-runners';

/** Every migration, in the order it must run. Append only. */
export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005];
