import assert from 'node:assert/strict';
import { CaptionFormatError, checkWebVtt, srtToWebVtt, toWebVtt } from './caption-format';

const buf = (s: string) => Buffer.from(s, 'utf8');

describe('caption files', () => {
  describe('WebVTT', () => {
    it('keeps a valid file, with notes, styles, identifiers and cue settings', () => {
      const vtt =
        'WEBVTT - Kind: captions\n\nNOTE made by hand\n\nSTYLE\n::cue { color: red }\n\nintro\n00:00.000 --> 00:01.500 align:start\nHello\n\n01:00:02.000 --> 01:00:03.000\nLater\n';
      assert.equal(toWebVtt(buf(vtt), '.vtt'), vtt);
    });

    it('drops the BOM and CRLF line ends, and ends with a newline', () => {
      assert.equal(toWebVtt(buf('\uFEFFWEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nHi'), '.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n');
    });

    it('refuses files without the signature, without cues, or with broken timings', () => {
      const bad = [
        'WEBVTTX\n\n00:00.000 --> 00:01.000\nHi',
        'Hello there',
        'WEBVTT\n',
        'WEBVTT\n\njust text\n',
        'WEBVTT\n\n00:00 --> 00:01.000\nNo millis',
        'WEBVTT\n\n00:00.000 -> 00:01.000\nShort arrow',
        'WEBVTT\n\n00:02.000 --> 00:01.000\nBackwards',
        'WEBVTT\n\n00:61.000 --> 00:62.000\nSixty-one seconds',
        'WEBVTT\n00:00.000 --> 00:01.000\nNo blank line after the header',
      ];
      for (const text of bad) assert.throws(() => checkWebVtt(text), CaptionFormatError, text);
    });

    it('refuses non UTF-8 and binary content', () => {
      assert.throws(() => toWebVtt(Buffer.from([0x57, 0x45, 0xff, 0xfe]), '.vtt'), CaptionFormatError);
      assert.throws(() => toWebVtt(buf('WEBVTT\n\n00:00.000 --> 00:01.000\n\0'), '.vtt'), CaptionFormatError);
    });
  });

  describe('SubRip', () => {
    it('converts cues, numbers and comma times to WebVTT', () => {
      const srt = '1\n00:00:01,000 --> 00:00:02,500\nHello <i>world</i>\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\nlines\n';
      assert.equal(
        srtToWebVtt(srt),
        'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello <i>world</i>\n\n2\n00:00:03.000 --> 00:00:04.000\nTwo\nlines\n',
      );
    });

    it('pads short times like PeerTube and drops formatting WebVTT lacks', () => {
      const srt = '1\r\n0:0:1 --> 00:00:02,5\r\n<font color="red">{\\an8}Red</font> --> arrow\r\n';
      assert.equal(srtToWebVtt(srt), 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.005\nRed -> arrow\n');
    });

    it('is chosen for anything that is not WebVTT, whatever the extension', () => {
      assert.match(toWebVtt(buf('1\n00:00:01,000 --> 00:00:02,000\nHi'), '.srt'), /^WEBVTT\n\n1\n00:00:01\.000 --> 00:00:02\.000\nHi\n$/);
      assert.throws(() => toWebVtt(buf('1\n00:00:01,000 --> 00:00:02,000\nHi'), '.vtt'), CaptionFormatError);
    });

    it('refuses blocks without timing, bad times and empty files', () => {
      for (const srt of ['1\nno timing here', '1\n00:00:01,000 --> soon\nHi', '1\n00:99:01,000 --> 00:99:02,000\nHi', '', '\n\n']) {
        assert.throws(() => srtToWebVtt(srt), CaptionFormatError, JSON.stringify(srt));
      }
    });
  });
});
