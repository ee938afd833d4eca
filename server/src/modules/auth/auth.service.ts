import { randomBytes } from 'node:crypto';
import { ServerErrorCode, type TokenRequest, type TokenResponse } from '@shoal/models';
import { Op, fn, col, where } from 'sequelize';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { UserModel } from '../users/user.model';
import { OAuthClientModel, OAuthTokenModel } from './oauth.model';
import { hashPassword, verifyPassword } from './password';
import { hashToken, TokenRepository } from './token.repository';

const newToken = () => randomBytes(20).toString('hex');

/** PeerTube's OAuth2 flow: one local client, password and refresh_token grants. */
export class AuthService {
  readonly tokens: TokenRepository;
  /**
   * Asked when a login matches no user: another module may know why (a sign-up request
   * awaiting moderation) and answer with its own error instead of "invalid grant".
   */
  readonly unknownLoginChecks: Array<(login: string, password: string) => Promise<AppError | null>> = [];
  /**
   * Hash of a random password nobody knows. An unknown login is verified against it, so it
   * costs the same argon2 time as a wrong password and response times do not reveal which
   * usernames exist. Started at boot so the first such login is not slower either.
   */
  private readonly dummyHash: Promise<string>;

  constructor(private readonly ctx: AppContext) {
    this.tokens = new TokenRepository(ctx.sequelize);
    this.dummyHash = hashPassword(randomBytes(32).toString('hex'));
    this.dummyHash.catch((err: unknown) => ctx.logger.error({ err }, 'could not prepare the dummy password hash'));
  }

  /** The instance's one OAuth client, created at first boot. */
  async ensureLocalClient(): Promise<OAuthClientModel> {
    const existing = await OAuthClientModel.findOne({ order: [['id', 'ASC']] });
    if (existing) return existing;
    return OAuthClientModel.create({ clientId: randomBytes(16).toString('hex'), clientSecret: randomBytes(16).toString('hex') });
  }

  async grant(body: TokenRequest, meta: { ip?: string; device?: string }): Promise<TokenResponse> {
    const client = await OAuthClientModel.findOne({ where: { clientId: body.client_id, clientSecret: body.client_secret } });
    if (!client) throw AppError.badRequest('Invalid client: client is invalid', ServerErrorCode.INVALID_CLIENT);
    if (body.grant_type === 'password') return this.passwordGrant(client, body, meta);
    if (body.grant_type === 'refresh_token') return this.refreshGrant(client, body);
    throw AppError.badRequest('Unsupported grant type: grant_type is invalid', ServerErrorCode.UNSUPPORTED_GRANT_TYPE);
  }

  private async passwordGrant(client: OAuthClientModel, body: TokenRequest, meta: { ip?: string; device?: string }) {
    if (!body.username || !body.password) {
      throw AppError.badRequest('Missing parameter: `username` and `password` are required', ServerErrorCode.INVALID_REQUEST);
    }
    const login = body.username.toLowerCase();
    const user = await UserModel.findOne({
      where: { [Op.or]: [where(fn('lower', col('username')), login), where(fn('lower', col('email')), login)] },
    });
    // Same answer and same work for unknown user and wrong password: no account enumeration.
    const matches = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), body.password);
    if (!user || !matches) {
      for (const check of user ? [] : this.unknownLoginChecks) {
        const refusal = await check(login, body.password);
        if (refusal) throw refusal;
      }
      throw AppError.badRequest('Invalid grant: user credentials are invalid', ServerErrorCode.INVALID_GRANT);
    }
    if (user.blocked) throw AppError.badRequest('User is blocked.', ServerErrorCode.INVALID_GRANT);
    if (this.ctx.config.signup.requires_email_verification && user.emailVerified === false) {
      throw AppError.badRequest('User email is not verified.', ServerErrorCode.INVALID_GRANT);
    }
    await user.update({ lastLoginDate: this.ctx.now() });
    return this.issue(client, user.id, { ip: meta.ip, device: meta.device, loginDate: this.ctx.now() });
  }

  private async refreshGrant(client: OAuthClientModel, body: TokenRequest) {
    if (!body.refresh_token) throw AppError.badRequest('Missing parameter: `refresh_token`', ServerErrorCode.INVALID_REQUEST);
    const old = await this.tokens.findByRefreshToken(body.refresh_token);
    if (!old || old.oauthClientId !== client.id || old.refreshTokenExpiresAt <= this.ctx.now()) {
      throw AppError.badRequest('Invalid grant: refresh token is invalid', ServerErrorCode.INVALID_GRANT);
    }
    const user = await UserModel.findByPk(old.userId);
    if (!user || user.blocked) throw AppError.badRequest('Invalid grant: refresh token is invalid', ServerErrorCode.INVALID_GRANT);
    await old.destroy();
    // A refreshed session keeps its original login date, IP and device.
    return this.issue(client, user.id, { ip: old.loginIp ?? undefined, device: old.loginDevice ?? undefined, loginDate: old.loginDate });
  }

  private async issue(
    client: OAuthClientModel,
    userId: number,
    meta: { ip?: string; device?: string; loginDate: Date },
  ): Promise<TokenResponse> {
    const { access_token: accessMs, refresh_token: refreshMs } = this.ctx.config.oauth2.token_lifetime;
    const now = this.ctx.now().getTime();
    const access = newToken();
    const refresh = newToken();
    await OAuthTokenModel.create({
      accessTokenHash: hashToken(access),
      accessTokenExpiresAt: new Date(now + accessMs),
      refreshTokenHash: hashToken(refresh),
      refreshTokenExpiresAt: new Date(now + refreshMs),
      userId,
      oauthClientId: client.id,
      loginDate: meta.loginDate,
      loginIp: meta.ip ?? null,
      loginDevice: meta.device?.slice(0, 500) ?? null,
    });
    return {
      token_type: 'Bearer',
      access_token: access,
      refresh_token: refresh,
      expires_in: Math.floor(accessMs / 1000),
      refresh_token_expires_in: Math.floor(refreshMs / 1000),
    };
  }

  revoke(tokenId: number) {
    return this.tokens.deleteById(tokenId);
  }
}
