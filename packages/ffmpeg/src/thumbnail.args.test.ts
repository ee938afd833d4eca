import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import { runFfmpeg } from './run-ffmpeg.js';
import { argv, makeTempDir, makeTestVideo, removeDir } from './test-utils/media-fixtures.js';
import { buildThumbnailArgs, THUMBNAIL_SIZES, thumbnailFilter } from './thumbnail.args.js';
import { ffprobePath, probeFile } from './probe.js';
import { ProbeError, ProbeErrorCode } from './probe.types.js';

const execFileAsync = promisify(execFile);

describe('buildThumbnailArgs', () => {
  it('seeks, picks a representative frame and fills the miniature box', () => {
    const args = buildThumbnailArgs({ inputPath: '/v.mp4', outputPath: '/t.jpg', ...THUMBNAIL_SIZES.miniature, seekSeconds: 12.5 });
    const filter = "thumbnail=50,crop='min(iw,ih*280/157)':'min(ih,iw*157/280)',scale=280:157,setsar=1";
    const golden = `-hide_banner -y -ss 12.5 -i /v.mp4 -map 0:v:0 -vf ${filter}
      -frames:v 1 -q:v 5 -map_metadata -1 -update 1 -f image2 /t.jpg`;
    assert.deepEqual(args, argv(golden));
  });

  it('can keep the whole picture and skip frame analysis', () => {
    assert.equal(
      thumbnailFilter({ ...THUMBNAIL_SIZES.preview, fit: 'contain', framesToAnalyze: 0 }),
      'scale=850:480:force_original_aspect_ratio=decrease,setsar=1',
    );
  });
});

describe('buildThumbnailArgs with real ffmpeg', () => {
  let dir: string;
  before(async () => {
    dir = await makeTempDir('thumb');
  });
  after(() => removeDir(dir));

  it('writes a JPEG of exactly the requested size from the middle of the video', async () => {
    const input = await makeTestVideo(join(dir, 'source.mp4'), { seconds: 2, withAudio: false });
    const output = join(dir, 'thumb.jpg');
    await runFfmpeg(buildThumbnailArgs({ inputPath: input, outputPath: output, ...THUMBNAIL_SIZES.miniature, seekSeconds: 1 }));
    // A JPEG is a still image: probing it as media fails, its stream still tells the size.
    const error = await probeFile(output).then(
      () => null,
      (err: unknown) => err,
    );
    assert.ok(error instanceof ProbeError && error.code === ProbeErrorCode.STILL_IMAGE);
    const raw = await execFileAsync(ffprobePath(), [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_name,width,height',
      '-of',
      'csv=p=0',
      output,
    ]);
    assert.equal(raw.stdout.trim(), 'mjpeg,280,157');
  });
});
