import type { Transaction } from 'sequelize';
import type { AppContext } from '../../platform/context';
import { ActorModel, type ActorType } from './actor.model';

const PATHS: Record<ActorType, string> = { Person: 'accounts', Group: 'video-channels', Application: 'accounts' };

/** Creates local actors with the URLs federation will serve them under. */
export class ActorService {
  constructor(private readonly ctx: AppContext) {}

  url(type: ActorType, name: string): string {
    return `${this.ctx.publicUrl}/${PATHS[type]}/${encodeURIComponent(name)}`;
  }

  async isHandleTaken(name: string, transaction?: Transaction): Promise<boolean> {
    const [rows] = await this.ctx.sequelize.query(
      'SELECT 1 FROM actors WHERE lower(preferred_username) = lower(:name) AND host IS NULL LIMIT 1',
      {
        replacements: { name },
        transaction,
      },
    );
    return rows.length > 0;
  }

  createLocal(type: ActorType, name: string, transaction: Transaction): Promise<ActorModel> {
    const url = this.url(type, name);
    return ActorModel.create(
      {
        type,
        preferredUsername: name,
        url,
        host: null,
        inboxUrl: `${url}/inbox`,
        outboxUrl: `${url}/outbox`,
        sharedInboxUrl: `${this.ctx.publicUrl}/inbox`,
        followersUrl: `${url}/followers`,
        followingUrl: `${url}/following`,
      },
      { transaction },
    );
  }
}
