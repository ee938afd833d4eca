import type { ShoalClient } from '@shoal/api-client';
import type { ResultList, UserNotification, VideoComment, VideoCommentThreads } from '@shoal/models';
import { RELAXED_LIMITS, createUser, type TestUser } from '../api/api-fixtures';
import { makeClip } from '../shared/media';
import { TestServer } from '../shared/server-process';
import { uploadAndWait } from '../videos/published';

export interface CommentWorld {
  server: TestServer;
  owner: TestUser;
  other: TestUser;
  third: TestUser;
  moderator: TestUser;
}

/** One server, a video owner, two other users and a moderator. */
export async function startCommentWorld(configYaml = ''): Promise<CommentWorld> {
  const server = await new TestServer({ configYaml: RELAXED_LIMITS + configYaml }).start();
  const [owner, other, third, moderator] = await Promise.all([
    createUser(server, 2, `owner_${server.id}`),
    createUser(server, 2, `other_${server.id}`),
    createUser(server, 2, `third_${server.id}`),
    createUser(server, 1, `mod_${server.id}`),
  ]);
  return { server, owner, other, third, moderator };
}

/** Uploads a short clip to the user's first channel and waits until it is published. */
export async function publishedVideo(client: ShoalClient, name: string, fields: Record<string, unknown> = {}) {
  const me = await client.me();
  return uploadAndWait(client, await makeClip({ seconds: 1 }), { channelId: me.videoChannels[0].id, name, ...fields });
}

export const postThread = (client: ShoalClient, videoId: string | number, text: string, headers?: Record<string, string>) =>
  client.api<{ comment: VideoComment }>('POST', `/videos/${videoId}/comment-threads`, { json: { text }, headers });

export const reply = (client: ShoalClient, videoId: string | number, commentId: number, text: string) =>
  client.api<{ comment: VideoComment }>('POST', `/videos/${videoId}/comments/${commentId}`, { json: { text } });

export const threads = (
  client: ShoalClient,
  videoId: string | number,
  query: Record<string, string | number> = {},
  headers?: Record<string, string>,
) => client.api<VideoCommentThreads>('GET', `/videos/${videoId}/comment-threads`, { query, headers });

export const notifications = (client: ShoalClient) =>
  client.expect<ResultList<UserNotification>>(200, 'GET', '/api/v1/users/me/notifications', { query: { count: 100 } });
