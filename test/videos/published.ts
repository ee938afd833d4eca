import { uploadResumable, type ShoalClient, type UploadFields } from '@shoal/api-client';
import type { VideoCreateResult, VideoDetails } from '@shoal/models';
import { waitFor } from '../shared/wait-for';

/** Uploads a clip and waits until transcoding has published it (or failed). */
export async function uploadAndWait(
  client: ShoalClient,
  path: string,
  fields: UploadFields & { channelId: number; name: string },
): Promise<VideoCreateResult['video']> {
  const res = await uploadResumable(client, path, fields);
  if (res.status !== 200) throw new Error(`upload failed: ${res.status} ${res.text}`);
  const { uuid } = res.body.video;
  await waitForState(client, uuid, [1]);
  return res.body.video;
}

export async function waitForState(client: ShoalClient, id: string | number, states: number[], timeout = 90_000): Promise<VideoDetails> {
  return waitFor(
    async () => {
      const res = await client.api<VideoDetails>('GET', `/videos/${id}`);
      if (res.status !== 200) return null;
      if (res.body.state.id === 7 && !states.includes(7)) throw new Error(`transcoding failed: ${res.body.transcodingError}`);
      return states.includes(res.body.state.id) ? res.body : null;
    },
    { timeout, interval: 250, what: `video ${id} in state ${states.join('/')}` },
  );
}
