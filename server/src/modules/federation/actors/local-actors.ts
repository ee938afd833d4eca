import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { AppContext } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { AccountModel } from '../../accounts';
import { ActorModel } from '../../actors';
import { ChannelModel } from '../../channels';
import { actorUrl, INSTANCE_ACTOR_NAME } from '../urls';

const generateRsa = promisify(generateKeyPair);

/** The local actors federation speaks as, and their RSA keys (created on first use, never logged). */
export class LocalActors {
  private instance?: Promise<ActorModel>;

  constructor(private readonly ctx: AppContext) {}

  /** The `Application` actor `peertube`, created on first call. */
  getInstanceActor(): Promise<ActorModel> {
    this.instance ??= this.ensureInstanceActor().catch((err: unknown) => {
      this.instance = undefined;
      throw err;
    });
    return this.instance;
  }

  private async ensureInstanceActor(): Promise<ActorModel> {
    const url = actorUrl(this.ctx.publicUrl, 'Application', INSTANCE_ACTOR_NAME);
    const found = await ActorModel.findOne({ where: { url } });
    if (found) return found;
    const [actor] = await ActorModel.findOrCreate({
      where: { url },
      defaults: {
        type: 'Application',
        preferredUsername: INSTANCE_ACTOR_NAME,
        url,
        host: null,
        inboxUrl: `${url}/inbox`,
        outboxUrl: `${url}/outbox`,
        sharedInboxUrl: `${this.ctx.publicUrl}/inbox`,
        followersUrl: `${url}/followers`,
        followingUrl: `${url}/following`,
      },
    });
    return actor;
  }

  async getLocalActorForAccount(accountId: number): Promise<ActorModel> {
    const account = await AccountModel.findByPk(accountId, { attributes: ['actorId'] });
    const actor = account && (await ActorModel.findByPk(account.actorId));
    if (!actor || actor.host !== null) throw AppError.notFound('Local account');
    return actor;
  }

  async getLocalActorForChannel(channelId: number): Promise<ActorModel> {
    const channel = await ChannelModel.findByPk(channelId, { attributes: ['actorId'] });
    const actor = channel && (await ActorModel.findByPk(channel.actorId));
    if (!actor || actor.host !== null) throw AppError.notFound('Local channel');
    return actor;
  }

  /**
   * The actor's key pair, generated on first use. Two processes racing both generate a pair, but only
   * the first write wins and both read it back.
   */
  async keysOf(actor: ActorModel): Promise<{ publicKey: string; privateKey: string }> {
    if (actor.host !== null) throw new Error('remote actors have no private key here');
    if (actor.publicKey && actor.privateKey) return { publicKey: actor.publicKey, privateKey: actor.privateKey };
    const { publicKey, privateKey } = await generateRsa('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    await this.ctx.sequelize.query(
      'UPDATE actors SET public_key = :publicKey, private_key = :privateKey WHERE id = :id AND private_key IS NULL',
      { replacements: { publicKey, privateKey, id: actor.id } },
    );
    await actor.reload({ attributes: ['id', 'publicKey', 'privateKey'] });
    return { publicKey: actor.publicKey!, privateKey: actor.privateKey! };
  }
}
