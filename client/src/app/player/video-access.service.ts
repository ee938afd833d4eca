import { Injectable, inject } from '@angular/core';
import {
  PRIVATE_FILE_PRIVACIES,
  ServerErrorCode,
  type VideoCaptionList,
  type VideoChapter,
  type VideoDetails,
  type VideoFileTokenResponse,
} from '@shoal/models';
import { VIDEO_PASSWORD_HEADER, type PlayerAuth, type PlayerCaption } from '@shoal/player';
import { ApiService } from '../core/api.service';
import { ApiError } from '../core/api-error';
import { AuthService } from '../core/auth.service';

export interface PlayableVideo {
  video: VideoDetails;
  chapters: VideoChapter[];
  /** Subtitle tracks; a failed caption request only means no CC menu. */
  captions: PlayerCaption[];
  /** Credentials for the media files (empty for public videos). */
  auth: PlayerAuth;
  /** File token for links that cannot carry headers (downloads), when the video needs one. */
  fileToken: string | null;
}

/** Why a video cannot be shown yet: the page asks for a password on the first two. */
export type AccessProblem = 'password-required' | 'password-incorrect' | 'login-required' | 'not-found' | 'error';

export function accessProblemOf(err: unknown): AccessProblem {
  if (!(err instanceof ApiError)) return 'error';
  if (err.code === ServerErrorCode.VIDEO_REQUIRES_PASSWORD) return 'password-required';
  if (err.code === ServerErrorCode.INCORRECT_VIDEO_PASSWORD) return 'password-incorrect';
  if (err.status === 401 || err.status === 403) return 'login-required';
  if (err.status === 404) return 'not-found';
  return 'error';
}

/**
 * Loads what the player needs for one video: details, chapters and, for private,
 * internal and password-protected videos, a file token. The password travels in PeerTube's
 * header on every call; a bearer token is added by the API service when logged in.
 */
@Injectable({ providedIn: 'root' })
export class VideoAccessService {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);

  async load(id: string, password: string | null = null): Promise<PlayableVideo> {
    const headers: Record<string, string> = password ? { [VIDEO_PASSWORD_HEADER]: password } : {};
    const path = `/videos/${encodeURIComponent(id)}`;
    const video = await this.api.get<VideoDetails>(path, { headers });
    const needsToken = PRIVATE_FILE_PRIVACIES.has(video.privacy.id);
    const [chapters, token, captions] = await Promise.all([
      this.api.get<{ chapters: VideoChapter[] }>(`${path}/chapters`, { headers }).then(
        (r) => r.chapters,
        () => [],
      ),
      needsToken
        ? this.api.post<VideoFileTokenResponse>(`${path}/token`, undefined, { headers }).then(
            (r) => r.files.token,
            () => null,
          )
        : null,
      this.api.get<VideoCaptionList>(`${path}/captions`, { headers }).then(
        (r) => r.data.map((c) => ({ language: c.language.id, label: c.language.label, src: c.fileUrl })),
        () => [],
      ),
    ]);
    const auth: PlayerAuth = { videoPassword: password, bearerToken: () => this.auth.accessToken, videoFileToken: token };
    return { video, chapters, captions, auth: needsToken ? auth : {}, fileToken: token };
  }
}
