import { uploadResumable, type ShoalClient } from '@shoal/api-client';
import type { VideoDetails } from '@shoal/models';
import { waitFor } from '../../shared/wait-for';

/** Uploads a clip through the API (for tests whose subject is not the upload page). */
export async function apiUpload(
  client: ShoalClient,
  clip: string,
  fields: Record<string, unknown>,
): Promise<{ id: number; shortUUID: string }> {
  const channelId = (await client.me()).videoChannels[0].id;
  const res = await uploadResumable(client, clip, { channelId, ...fields });
  if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${res.text}`);
  return res.body.video;
}

/** Polls the API until transcoding published the video. */
export function waitPublished(client: ShoalClient, id: number | string, timeout = 90_000): Promise<VideoDetails> {
  return waitFor(
    async () => {
      const v = await client.expect<VideoDetails>(200, 'GET', `/api/v1/videos/${id}`);
      if (v.state.id === 7) throw new Error(`transcoding failed: ${v.transcodingError}`);
      return v.state.id === 1 ? v : null;
    },
    { timeout, interval: 250, what: `video ${id} published` },
  );
}
