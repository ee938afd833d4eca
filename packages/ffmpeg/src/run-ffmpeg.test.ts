import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { FfmpegError, parseProgressLine, runFfmpeg, runnerGlobalArgs } from './run-ffmpeg.js';
import { makeTempDir, removeDir } from './test-utils/media-fixtures.js';

describe('parseProgressLine', () => {
  it('reads out_time_us and ignores other keys', () => {
    assert.equal(parseProgressLine('out_time_us=2500000'), 2.5);
    assert.equal(parseProgressLine('out_time_us=N/A'), null);
    assert.equal(parseProgressLine('progress=continue'), null);
  });

  it('asks ffmpeg for machine-readable progress on stdout', () => {
    assert.deepEqual(runnerGlobalArgs(), ['-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats']);
  });
});

describe('runFfmpeg (real ffmpeg)', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir('run');
  });
  after(() => removeDir(dir));

  it('reports progress up to the output duration', async () => {
    const positions: number[] = [];
    const output = join(dir, 'tone.m4a');
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'sine=duration=2', output], { onProgress: (s) => positions.push(s), nice: 10 });
    assert.ok(existsSync(output));
    assert.ok(positions.length > 0 && positions.at(-1)! >= 1.9, `positions ${positions.join(',')}`);
  });

  it('rejects with the exit code and the last stderr lines', async () => {
    await assert.rejects(runFfmpeg(['-i', join(dir, 'missing.mp4'), join(dir, 'x.mp4')]), (err: unknown) => {
      assert.ok(err instanceof FfmpegError);
      assert.equal(err.exitCode, 1);
      assert.equal(err.aborted, false);
      assert.match(err.message, /missing\.mp4: No such file or directory/);
      return true;
    });
  });

  it('kills ffmpeg when the signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const run = runFfmpeg(['-y', '-re', '-f', 'lavfi', '-i', 'sine', '-f', 'null', '-'], {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await assert.rejects(run, (err: unknown) => err instanceof FfmpegError && err.aborted);
    assert.ok(Date.now() - started < 5000);
  });

  it('does not start when the signal is already aborted', async () => {
    await assert.rejects(
      runFfmpeg(['-version'], { signal: AbortSignal.abort() }),
      (err: unknown) => err instanceof FfmpegError && err.aborted,
    );
  });

  it('explains a missing binary', async () => {
    const previous = process.env['FFMPEG_PATH'];
    process.env['FFMPEG_PATH'] = join(dir, 'no-ffmpeg');
    try {
      await assert.rejects(runFfmpeg(['-version']), /Cannot start .*no-ffmpeg/);
    } finally {
      if (previous === undefined) delete process.env['FFMPEG_PATH'];
      else process.env['FFMPEG_PATH'] = previous;
    }
  });
});
