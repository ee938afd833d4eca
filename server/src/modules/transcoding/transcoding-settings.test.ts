import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { loadConfig } from '../../platform/config';
import type { Config } from '../../platform/config';
import { enabledResolutions, transcodingConfigSections, transcodingSettings } from './transcoding-settings';

const configDir = resolve(__dirname, '../../../../config');
const defaults = loadConfig({ configDir, env: {} });

function withTranscoding(patch: Partial<Config['transcoding']>): Config {
  return { ...defaults, transcoding: { ...defaults.transcoding, ...patch } };
}

describe('transcoding settings', () => {
  it('reads the default ladder, audio rung included, lowest first', () => {
    assert.deepEqual(enabledResolutions(defaults), [0, 240, 360, 480, 720, 1080]);
    const settings = transcodingSettings(defaults);
    assert.deepEqual(settings.plan, {
      enabledResolutions: [240, 360, 480, 720, 1080],
      keepOriginalResolution: true,
      fpsMax: 60,
      audioOnly: true,
      stillImageResolution: 480,
    });
    assert.equal(settings.lockDurationMs, 30_000);
    assert.equal(settings.threads, undefined, 'threads 0 lets ffmpeg decide');
  });

  it('passes explicit ffmpeg threads and keeps HLS when both outputs are switched off', () => {
    const config = withTranscoding({ threads: 2, hls: { enabled: false, segment_duration: 6 }, web_videos: { enabled: false } });
    const settings = transcodingSettings(config);
    assert.equal(settings.threads, 2);
    assert.equal(settings.hls, true);
    assert.equal(settings.segmentDuration, 6);
  });

  it('can publish web videos only', () => {
    const settings = transcodingSettings(withTranscoding({ hls: { enabled: false, segment_duration: 4 }, web_videos: { enabled: true } }));
    assert.deepEqual([settings.hls, settings.webVideos], [false, true]);
  });

  it('builds the GET /config sections PeerTube clients read', () => {
    const sections = transcodingConfigSections(defaults, ['.mp4', '.mkv']);
    assert.deepEqual(sections.transcoding, {
      hls: { enabled: true },
      web_videos: { enabled: false },
      enabledResolutions: [0, 240, 360, 480, 720, 1080],
      profile: 'default',
      availableProfiles: ['default'],
      remoteRunners: { enabled: false },
    });
    assert.deepEqual((sections.video as { file: unknown }).file, { extensions: ['.mp4', '.mkv'] });
  });
});
