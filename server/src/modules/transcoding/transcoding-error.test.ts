import assert from 'node:assert/strict';
import { FfmpegError } from '@shoal/ffmpeg';
import { describeTranscodingFailure, isPermanentFailure, PermanentTranscodingError } from './transcoding-error';

const decodeFailure = () =>
  new FfmpegError(
    'ffmpeg exited with code 1',
    1,
    [
      '[h264 @ 0x55d0a1b2c3d0] Invalid NAL unit size (0 > 867).',
      '[h264 @ 0x55d0a1b2c3d0] Invalid NAL unit size (0 > 867).',
      '    Last message repeated 1 times',
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d0a1b2c000] stream 0, offset 0x3b6e: partial file',
      'Error opening input file /srv/shoal/storage/original-video-files/9f1c.mp4.',
      'Cannot determine format of input stream 0:0 after EOF',
      'Error marking filters as finished',
    ],
    false,
  );

describe('transcoding failures', () => {
  it('gives up at once on an input ffmpeg refused, retries what a kill or a full disk broke', () => {
    assert.equal(isPermanentFailure(decodeFailure()), true);
    assert.equal(isPermanentFailure(new PermanentTranscodingError('original missing')), true);
    assert.equal(isPermanentFailure(new FfmpegError('killed', null, [], false)), false);
    assert.equal(isPermanentFailure(new FfmpegError('aborted', null, [], true)), false);
    assert.equal(isPermanentFailure(new FfmpegError('full', 1, ['av_interleaved_write_frame(): No space left on device'], false)), false);
    assert.equal(isPermanentFailure(new Error('connection reset')), false);
  });

  it('keeps ffmpeg last distinct lines without addresses nor server paths', () => {
    const message = describeTranscodingFailure(decodeFailure(), ['/srv/shoal/storage', '/srv/shoal/storage/tmp']);
    assert.equal(
      message,
      [
        'Transcoding failed: ffmpeg exited with code 1:',
        '[h264] Invalid NAL unit size (0 > 867).',
        '[mov,mp4,m4a,3gp,3g2,mj2] stream 0, offset 0x3b6e: partial file',
        'Error opening input file …/original-video-files/9f1c.mp4.',
        'Cannot determine format of input stream 0:0 after EOF',
        'Error marking filters as finished',
      ].join('\n'),
    );
  });

  it('bounds the message length and describes other errors by their message', () => {
    const long = new FfmpegError(
      'x',
      1,
      Array.from({ length: 20 }, (_, i) => `line ${i} ${'x'.repeat(400)}`),
      false,
    );
    const message = describeTranscodingFailure(long, []);
    assert.ok(message.length <= 1000);
    assert.ok(message.includes('line 19'), 'the last lines are kept');
    assert.equal(
      describeTranscodingFailure(new Error('The original file of this video is missing'), []),
      'Transcoding failed: The original file of this video is missing',
    );
  });
});
