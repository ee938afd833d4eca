import type { HlsRenditionOutput } from '@shoal/ffmpeg';
import type { AppContext } from '../../platform/context';
import type { StepContext } from './hls-ladder.step';
import { publishRenditions, type PublishOutcome } from './publish-renditions';
import type { TranscodingSettings } from './transcoding-settings';
import { finishRenditions } from './transcoding.pipeline';

/**
 * Publishes HLS renditions encoded elsewhere (remote runners) through the same steps as a
 * local run: master playlist + segment hashes, optional web videos, images, then the one
 * transaction of publishRenditions. The files must already sit in one folder under `dir`,
 * checked and renamed by the caller.
 */
export async function publishExternalRenditions(
  ctx: AppContext,
  settings: TranscodingSettings,
  ids: { videoId: number; sourceId: number },
  outputs: HlsRenditionOutput[],
  dir: string,
  duration: number,
): Promise<PublishOutcome> {
  const step: StepContext = { dir, settings, signal: new AbortController().signal, progress: () => undefined };
  const out = await finishRenditions(outputs, step, duration);
  return publishRenditions(ctx, ids, out, { hls: settings.hls });
}
