import assert from 'node:assert/strict';
import { apCaptionVttUrl, apSubtitleLanguageSchema, captionLanguageSchema } from './video-caption.schemas';

const parse = (o: unknown) => apSubtitleLanguageSchema.parse(o);

describe('caption schemas', () => {
  it('accepts only languages of the instance list', () => {
    assert.ok(captionLanguageSchema.safeParse('fr').success);
    for (const bad of ['xx', 'FR', '', 'constructor', 'toString']) assert.ok(!captionLanguageSchema.safeParse(bad).success, bad);
  });

  describe('received subtitleLanguage entries', () => {
    it('takes the text/vtt link of the newest form', () => {
      const caption = parse({
        identifier: 'fr',
        name: 'French',
        url: [
          { type: 'Link', mediaType: 'application/x-mpegURL', href: 'https://a.example/lazy-static/video-captions/x-fr.m3u8' },
          { type: 'Link', mediaType: 'text/vtt', href: 'https://a.example/lazy-static/video-captions/x-fr.vtt' },
        ],
      });
      assert.equal(apCaptionVttUrl(caption), 'https://a.example/lazy-static/video-captions/x-fr.vtt');
    });

    it('takes the legacy plain URL and a .vtt link without media type', () => {
      assert.equal(apCaptionVttUrl(parse({ identifier: 'en', url: 'https://a.example/c/en.vtt' })), 'https://a.example/c/en.vtt');
      assert.equal(
        apCaptionVttUrl(parse({ identifier: 'en', url: [{ href: 'https://a.example/c/en.vtt' }] })),
        'https://a.example/c/en.vtt',
      );
    });

    it('finds no URL when there is no WebVTT link or the URL is not http(s)', () => {
      assert.equal(
        apCaptionVttUrl(parse({ identifier: 'en', url: [{ mediaType: 'application/x-mpegURL', href: 'https://a.example/en.m3u8' }] })),
        null,
      );
      assert.equal(apCaptionVttUrl(parse({ identifier: 'en', url: [{ href: 'https://a.example/en.srt' }] })), null);
      assert.equal(apCaptionVttUrl(parse({ identifier: 'en', url: 'javascript:alert(1)//.vtt' })), null);
      assert.equal(apCaptionVttUrl(parse({ identifier: 'en', url: [{ mediaType: 'text/vtt', href: 'ftp://a.example/en.vtt' }] })), null);
    });

    it('refuses entries of unknown languages', () => {
      assert.ok(!apSubtitleLanguageSchema.safeParse({ identifier: 'xx', url: 'https://a.example/xx.vtt' }).success);
    });
  });
});
