import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import type { ShoalClient } from '@shoal/api-client';
import type { LiveVideo, LiveVideoSession, VideoCreateResult, VideoDetails } from '@shoal/models';
import { waitFor } from '../shared/wait-for';

const run = promisify(execFile);

/** An encoder pushing a test pattern and a tone over RTMP, in real time (`-re`). */
export function pushRtmp(url: string, opts: { seconds?: number; height?: 144 | 240 } = {}): ChildProcess {
  const size = opts.height === 144 ? '256x144' : '426x240';
  const child = spawn(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-re'],
      ...['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25`, '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100'],
      ...['-t', String(opts.seconds ?? 60), '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '25'],
      ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-f', 'flv', url],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr!.resume();
  return child;
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(child.exitCode) : child.once('exit', (c) => r(c))));
}

export async function createLive(client: ShoalClient, fields: Record<string, unknown>): Promise<VideoCreateResult['video']> {
  const res = await client.api<VideoCreateResult>('POST', '/videos/live', { json: fields });
  if (res.status !== 200) throw new Error(`live creation failed: ${res.status} ${res.text}`);
  return res.body.video;
}

/** The publish URL of a live as its owner sees it. */
export async function publishUrl(client: ShoalClient, id: number): Promise<string> {
  const res = await client.api<LiveVideo>('GET', `/videos/live/${id}`);
  if (res.status !== 200) throw new Error(`live read failed: ${res.status}`);
  return `${res.body.rtmpUrl}/${res.body.streamKey}`;
}

export async function videoOf(client: ShoalClient, id: number | string): Promise<VideoDetails> {
  const res = await client.api<VideoDetails>('GET', `/videos/${id}`);
  if (res.status !== 200) throw new Error(`video read failed: ${res.status}`);
  return res.body;
}

export function waitForVideoState(client: ShoalClient, id: number | string, state: number, timeout = 60_000): Promise<VideoDetails> {
  return waitFor(
    async () => {
      const video = await videoOf(client, id);
      return video.state.id === state ? video : null;
    },
    { timeout, interval: 200, what: `video ${id} in state ${state}` },
  );
}

export async function sessionsOf(client: ShoalClient, id: number): Promise<LiveVideoSession[]> {
  const res = await client.api<{ data: LiveVideoSession[] }>('GET', `/videos/live/${id}/sessions`);
  if (res.status !== 200) throw new Error(`sessions read failed: ${res.status}`);
  return res.body.data;
}

/** Waits until every session of the live has ended and its replay/cleanup ran. */
export async function waitForSessionsProcessed(client: ShoalClient, id: number, count: number, timeout = 60_000) {
  let last: LiveVideoSession[] = [];
  try {
    return await waitFor(
      async () => {
        last = await sessionsOf(client, id);
        return last.length === count && last.every((s) => s.endDate && s.endingProcessed) ? last : null;
      },
      { timeout, interval: 250, what: `${count} processed session(s) of live ${id}` },
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

/** Stream kinds ffprobe reads from an HLS master playlist. */
export async function probeStreams(url: string): Promise<string[]> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type', '-of', 'csv=p=0', url], {
    timeout: 30_000,
  });
  return stdout.trim().split('\n').filter(Boolean).sort();
}

/** `#EXT-X-MEDIA-SEQUENCE` of a media playlist, or -1 when it lists no segment yet. */
export async function mediaSequence(url: string): Promise<number> {
  const res = await fetch(url);
  if (res.status !== 200) return -1;
  const text = await res.text();
  if (!/\.ts\s*$/m.test(text)) return -1;
  return Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? -1);
}
