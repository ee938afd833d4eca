import { roleHasRight, ServerErrorCode, UserRight, VideoPrivacy, VideoState } from '@shoal/models';
import { AppError } from '../../platform/errors';
import type { AuthUser } from '../../platform/http';

export interface Viewer {
  auth?: AuthUser;
  /** Value of the `x-peertube-video-password` header. */
  password?: string;
}

export interface AccessTarget {
  privacy: number;
  state: number;
  ownerAccountId: number;
  /** Returns the video's passwords; only called for password-protected videos. */
  passwords: () => Promise<string[]>;
  /** True when addressed by numeric id (unlisted videos must not be enumerable). */
  byNumericId?: boolean;
  /**
   * Moderation (issue 7): why the video is hidden from everyone but its owner and moderators
   * (blocked by a moderator, owner banned), or null. Only called once privacy let the viewer in.
   */
  hiddenBy?: () => Promise<string | null>;
}

export function isOwnerOrModerator(auth: AuthUser | undefined, ownerAccountId: number): boolean {
  return !!auth && (auth.accountId === ownerAccountId || roleHasRight(auth.role, UserRight.SEE_ALL_VIDEOS));
}

const denied = (auth: AuthUser | undefined, message: string, code?: string) =>
  auth ? AppError.forbidden(message, code) : AppError.unauthorized(message, code);

/**
 * The one rule of who may see a video (details, files, chapters, tokens…).
 * Throws 401 (anonymous) or 403 with PeerTube's codes; returns how access was granted.
 */
export async function assertCanView(target: AccessTarget, viewer: Viewer): Promise<'owner' | 'public' | 'password' | 'internal'> {
  if (isOwnerOrModerator(viewer.auth, target.ownerAccountId)) return 'owner';
  const granted = await privacyAccess(target, viewer);
  const hidden = target.hiddenBy ? await target.hiddenBy() : null;
  if (hidden) throw AppError.forbidden(hidden === 'blocked' ? 'This video is blocked' : 'The owner of this video is banned');
  return granted;
}

const VIEWABLE_STATES = new Set<number>([VideoState.PUBLISHED, VideoState.WAITING_FOR_LIVE, VideoState.LIVE_ENDED]);

async function privacyAccess(target: AccessTarget, viewer: Viewer): Promise<'public' | 'password' | 'internal'> {
  // Nothing is shown before it is playable, nor after its transcoding failed. A live is shown
  // while it waits for its stream and after it ended (PeerTube too): viewers wait on its page.
  if (!VIEWABLE_STATES.has(target.state)) throw denied(viewer.auth, 'This video is not published yet');
  switch (target.privacy) {
    case VideoPrivacy.PUBLIC:
      return 'public';
    case VideoPrivacy.UNLISTED:
      if (target.byNumericId) throw denied(viewer.auth, 'Unlisted videos are only reachable by their UUID');
      return 'public';
    case VideoPrivacy.INTERNAL:
      if (!viewer.auth) throw AppError.unauthorized('This video is only visible to users of this instance');
      return 'internal';
    case VideoPrivacy.PASSWORD_PROTECTED: {
      if (viewer.password === undefined)
        throw denied(viewer.auth, 'This video requires a password', ServerErrorCode.VIDEO_REQUIRES_PASSWORD);
      const passwords = await target.passwords();
      if (!passwords.includes(viewer.password))
        throw AppError.forbidden('Incorrect video password', ServerErrorCode.INCORRECT_VIDEO_PASSWORD);
      return 'password';
    }
    default:
      throw denied(viewer.auth, 'This video is private');
  }
}
