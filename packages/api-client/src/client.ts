import type {
  ActorImage,
  ActorImageKind,
  ChannelCreate,
  MyUser,
  ResultList,
  TokenResponse,
  UserCreate,
  UserUpdateMe,
  VideoChannel,
  VideoQuotaUsed,
} from '@shoal/models';
import { ApiError, request, type ApiResponse, type RequestOptions } from './http';

/**
 * Typed client of Shoal's REST API (`/api/v1`). `token` is sent as a bearer token
 * unless a call passes its own.
 */
export class ShoalClient {
  constructor(
    readonly origin: string,
    public token: string | null = null,
  ) {}

  /** Any call; `path` is relative to the origin (include `/api/v1`). */
  request<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    return request<T>(this.origin, method, path, { ...opts, token: opts.token === undefined ? this.token : opts.token });
  }

  /** Same, but throws an ApiError unless the status is the expected one. */
  async expect<T = unknown>(status: number, method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await this.request<T>(method, path, opts);
    if (res.status !== status)
      throw new ApiError(res, `${method} ${path}: expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
    return res.body;
  }

  api<T = unknown>(method: string, path: string, opts: RequestOptions = {}) {
    return this.request<T>(method, `/api/v1${path}`, opts);
  }

  /** PeerTube's login flow: fetch the local OAuth client, then a password grant. */
  async login(username: string, password: string): Promise<TokenResponse> {
    const client = await this.expect<{ client_id: string; client_secret: string }>(200, 'GET', '/api/v1/oauth-clients/local');
    const tokens = await this.expect<TokenResponse>(200, 'POST', '/api/v1/users/token', {
      form: { client_id: client.client_id, client_secret: client.client_secret, grant_type: 'password', username, password },
      token: null,
    });
    this.token = tokens.access_token;
    return tokens;
  }

  /** A client for the same origin logged in as another user. */
  async as(username: string, password: string): Promise<ShoalClient> {
    const other = new ShoalClient(this.origin);
    await other.login(username, password);
    return other;
  }

  me() {
    return this.expect<MyUser>(200, 'GET', '/api/v1/users/me');
  }

  updateMe(body: UserUpdateMe) {
    return this.expect<void>(204, 'PUT', '/api/v1/users/me', { json: body });
  }

  quotaUsed() {
    return this.expect<VideoQuotaUsed>(200, 'GET', '/api/v1/users/me/video-quota-used');
  }

  /**
   * Uploads an avatar or banner (multipart) for the caller's account (`'me'`, avatars only)
   * or for a channel, and returns the generated sizes.
   */
  async pickImage(owner: 'me' | { channel: string }, kind: ActorImageKind, file: Blob, filename: string): Promise<ActorImage[]> {
    const base = owner === 'me' ? '/api/v1/users/me' : `/api/v1/video-channels/${encodeURIComponent(owner.channel)}`;
    const form = new FormData();
    form.append(`${kind}file`, file, filename);
    const body = await this.expect<{ avatars?: ActorImage[]; banners?: ActorImage[] }>(200, 'POST', `${base}/${kind}/pick`, { body: form });
    return (kind === 'avatar' ? body.avatars : body.banners) ?? [];
  }

  createUser(body: UserCreate) {
    return this.expect<{ user: { id: number; account: { id: number } } }>(200, 'POST', '/api/v1/users', { json: body });
  }

  createChannel(body: ChannelCreate) {
    return this.expect<{ videoChannel: { id: number } }>(200, 'POST', '/api/v1/video-channels', { json: body });
  }

  listChannels(query: RequestOptions['query'] = {}) {
    return this.expect<ResultList<VideoChannel>>(200, 'GET', '/api/v1/video-channels', { query });
  }
}
