import type { VideoDetails } from '@shoal/models';
import type { TestUser } from '../../api/api-fixtures';
import type { TestServer } from '../../shared/server-process';
import { waitFor } from '../../shared/wait-for';

/** Short view batches so tests do not wait; remote search allowed for users. */
export const FEDERATION_TEST_CONFIG = `views:
  videos:
    remote_batch_interval: '1 second'
`;

export async function channelIdOf(user: TestUser): Promise<number> {
  const me = (await user.client.api<{ videoChannels: Array<{ id: number }> }>('GET', '/users/me')).body;
  return me.videoChannels[0].id;
}

/** Waits until `server` knows the remote video and returns its API JSON. */
export function remoteVideo(server: TestServer, uuid: string): Promise<VideoDetails> {
  return waitFor(
    async () => {
      const res = await server.anonymous().api<VideoDetails>('GET', `/videos/${uuid}`);
      return res.status === 200 ? res.body : null;
    },
    { timeout: 60_000, what: `video ${uuid} on ${server.host}` },
  );
}

export function apGet(server: TestServer, path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { accept: 'application/activity+json' } });
}

/** `follower`'s instance follows `followed`'s, and waits until `followed` accepted it. */
export async function followInstance(follower: TestServer, followed: TestServer): Promise<void> {
  await follower.admin.expect(204, 'POST', '/api/v1/server/following', { json: { hosts: [followed.host] } });
  await waitFor(
    async () => (await followed.sql<{ n: number }>(`SELECT count(*)::int AS n FROM actor_follows WHERE state = 'accepted'`))[0].n >= 1,
    { timeout: 60_000, what: `${follower.host} follows ${followed.host}` },
  );
}
