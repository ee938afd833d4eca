import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { assertCanView, type AccessTarget, type VideoService, type Viewer } from '../videos';
import { VIDEO_FILE_TOKEN_TTL_MS, VideoFileTokenSigner, type VideoFileTokenClaims } from './video-file-token';
import { videoFileRepository, type MediaVideo } from './video-file.repository';

export type ViewAccess = Awaited<ReturnType<typeof assertCanView>>;

/** A media request's credentials: bearer and/or password header, and maybe `?videoFileToken=`. */
export interface FileRequest {
  viewer: Viewer;
  fileToken?: string;
}

export const anyAccess = () => true;
export const ownerOnly = (access: ViewAccess) => access === 'owner';

/**
 * Who may fetch a video's files. It never decides by itself: every path ends in
 * assertCanView, either with the request's own credentials or with the viewer a file
 * token was issued to.
 */
export class VideoFileAccess {
  private signer?: Promise<VideoFileTokenSigner>;

  constructor(
    private readonly ctx: AppContext,
    private readonly videos: VideoService,
  ) {}

  /** Calls `listener` when files may have left the public folders (privacy change, deletion). */
  onPublicFilesChanged(listener: () => void): void {
    this.videos.onUpdate(async (video, before) => {
      if (video.privacy !== before.privacy) listener();
    });
    this.ctx.events.on('video-deleted', () => listener());
  }

  /** `POST /videos/:id/token`: the caller must be able to view the video right now. */
  async createToken(id: string, viewer: Viewer): Promise<{ token: string; expires: Date }> {
    const { video, access } = await this.videos.getForViewer(id, viewer);
    const signer = await this.getSigner();
    const expires = new Date(this.ctx.now().getTime() + VIDEO_FILE_TOKEN_TTL_MS);
    const token = signer.sign(video.uuid, {
      expiresAt: Math.floor(expires.getTime() / 1000),
      userId: viewer.auth?.id ?? 0,
      passwordTag: access === 'password' && viewer.password !== undefined ? signer.passwordTag(video.uuid, viewer.password) : '',
    });
    return { token, expires };
  }

  /**
   * Decides a file request. The request's own credentials go first; a file token is the
   * fallback. `need` narrows what is enough (originals: the owner only). Returns the
   * access and the file token when it verified, so playlists may carry it on.
   */
  async authorize(video: MediaVideo, request: FileRequest, need: (access: ViewAccess) => boolean = anyAccess) {
    const target = this.targetOf(video);
    const direct = await assertCanView(target, request.viewer).catch((err: unknown) => err as Error);
    const claims = request.fileToken === undefined ? null : await this.verify(video.uuid, request.fileToken);
    const token = claims ? request.fileToken : undefined;
    if (typeof direct === 'string' && need(direct)) return { access: direct, token };
    if (request.fileToken === undefined) throw typeof direct === 'string' ? notEnough(request.viewer) : direct;
    if (!claims) throw AppError.forbidden('Invalid or expired video file token');
    const viaToken = await assertCanView(target, await this.viewerFromClaims(video, claims)).catch(() => null);
    if (!viaToken || !need(viaToken)) throw AppError.forbidden('This video file token does not grant access to this file');
    return { access: viaToken, token };
  }

  private targetOf(video: MediaVideo): AccessTarget {
    return {
      privacy: video.privacy,
      state: video.state,
      ownerAccountId: video.channel.accountId,
      passwords: () => this.videos.passwords(video.id),
    };
  }

  private async verify(uuid: string, token: string): Promise<VideoFileTokenClaims | null> {
    return (await this.getSigner()).verify(uuid, token, this.ctx.now());
  }

  /** The viewer a token stands for, with today's user rights and today's password list. */
  private async viewerFromClaims(video: MediaVideo, claims: VideoFileTokenClaims): Promise<Viewer> {
    const auth = claims.userId ? await videoFileRepository.findAuthUser(this.ctx.sequelize, claims.userId) : null;
    let password: string | undefined;
    if (claims.passwordTag) {
      const signer = await this.getSigner();
      const passwords = await this.videos.passwords(video.id);
      password = passwords.find((p) => signer.passwordTag(video.uuid, p) === claims.passwordTag);
    }
    return { auth: auth ?? undefined, password };
  }

  private getSigner(): Promise<VideoFileTokenSigner> {
    this.signer ??= videoFileRepository.secret(this.ctx.sequelize, 'video-file-token').then(
      (secret) => new VideoFileTokenSigner(secret),
      (err: unknown) => {
        // A failed read (database hiccup) must not stick for the life of the process.
        this.signer = undefined;
        throw err;
      },
    );
    return this.signer;
  }
}

function notEnough(viewer: Viewer): AppError {
  return viewer.auth ? AppError.forbidden('Only the owner of this video may get this file') : AppError.unauthorized();
}
