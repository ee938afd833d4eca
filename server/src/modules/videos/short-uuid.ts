import shortUuid from 'short-uuid';

// flickrBase58, the alphabet PeerTube's short UUIDs use.
const translator = shortUuid(shortUuid.constants.flickrBase58);

export const toShortUuid = (uuid: string): string => translator.fromUUID(uuid);

/** Full UUID from a short one, or null when it is not one. */
export function fromShortUuid(short: string): string | null {
  try {
    const uuid = translator.toUUID(short);
    return /^[0-9a-f-]{36}$/.test(uuid) ? uuid : null;
  } catch {
    return null;
  }
}
