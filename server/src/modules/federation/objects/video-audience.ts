import { AS_PUBLIC, VideoPrivacy, VideoState } from '@shoal/models';

/** Only public and unlisted videos ever leave the instance; private, internal and password ones never do. */
export const FEDERABLE_PRIVACIES: ReadonlySet<number> = new Set([VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED]);
/** States PeerTube federates: published, waiting for live, live ended. */
export const FEDERABLE_STATES: ReadonlySet<number> = new Set([VideoState.PUBLISHED, VideoState.WAITING_FOR_LIVE, VideoState.LIVE_ENDED]);

export interface FederabilityInput {
  privacy: number;
  state: number;
  remote: boolean;
  /** Blocked with "unfederate". */
  unfederated?: boolean;
}

/** Whether a local video may be sent to (and served as AP JSON for) other instances. */
export function isFederable(v: FederabilityInput): boolean {
  return !v.remote && !v.unfederated && FEDERABLE_PRIVACIES.has(v.privacy) && FEDERABLE_STATES.has(v.state);
}

/**
 * Audience by privacy (spec §4.5): public → PUBLIC and the channel in `to` (FEP-1b12), the
 * account's followers in `cc`; unlisted → PUBLIC in `cc` only.
 */
export function videoAudience(privacy: number, actors: { channelUrl: string; accountFollowersUrl: string }) {
  if (privacy === VideoPrivacy.PUBLIC) return { to: [AS_PUBLIC, actors.channelUrl], cc: [actors.accountFollowersUrl] };
  return { to: [] as string[], cc: [AS_PUBLIC] };
}
