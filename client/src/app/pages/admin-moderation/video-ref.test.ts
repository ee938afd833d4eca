import assert from 'node:assert/strict';
import { videoRefFrom } from './video-ref';

describe('videoRefFrom', () => {
  it('takes ids, UUIDs and the last segment of watch URLs', () => {
    assert.equal(videoRefFrom(' 42 '), '42');
    assert.equal(videoRefFrom('9c9de5e8-0a1e-484a-b099-e80766180a6d'), '9c9de5e8-0a1e-484a-b099-e80766180a6d');
    assert.equal(videoRefFrom('https://video.example/w/kkGMgK9ZtnKfYAgnEtQxbv?start=30'), 'kkGMgK9ZtnKfYAgnEtQxbv');
    assert.equal(videoRefFrom('https://video.example/videos/watch/abc/'), 'abc');
    assert.equal(videoRefFrom('   '), '');
  });
});
