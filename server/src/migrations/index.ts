import type { Migration } from '../platform/db';
import { migration as m0001 } from './0001-accounts-and-auth';
import { migration as m0002 } from './0002-videos';
import { migration as m0003 } from './0003-media-access';
import { migration as m0004 } from './0004-comments-and-moderation';
import { migration as m0005 } from './0005-runners';
import { migration as m0006 } from './0006-live';
import { migration as m0007 } from './0007-federation-core';
import { migration as m0008 } from './0008-federation-objects';
import { migration as m0009 } from './0009-video-captions';

/** Every migration, in the order it must run. Append only. */
export const migrations: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009];
