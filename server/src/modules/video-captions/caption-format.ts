/**
 * Caption files as uploaded: WebVTT is checked and kept, SubRip is turned into WebVTT.
 * Players only understand WebVTT, so anything that does not parse is refused at upload
 * rather than discovered by viewers.
 */

export class CaptionFormatError extends Error {}

/** `HH:MM:SS.mmm` (hours optional in WebVTT). */
const VTT_TIME = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
/** SubRip times in the wild: comma or dot, 0–3 millisecond digits, 1–2 digit fields. */
const SRT_TIME = /^(\d{1,3}):(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?$/;
const ARROW = /\s+-->\s+/;

const seconds = (h: string | undefined, m: string, s: string, ms: string) =>
  Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;

/** Text of an upload: UTF-8 only (with or without BOM), one line-ending style. */
export function decodeCaption(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new CaptionFormatError('Caption files must be UTF-8 text');
  }
  if (text.includes('\0')) throw new CaptionFormatError('Caption files must be text');
  return normalize(text);
}

const normalize = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

const blocksOf = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((b) => b.replace(/^\n+|\n+$/g, ''))
    .filter((b) => b.trim() !== '');

function vttTiming(line: string, where: string): void {
  const [start, rest] = line.split(ARROW);
  const end = rest?.split(/\s+/)[0];
  const a = start !== undefined ? VTT_TIME.exec(start.trim()) : null;
  const b = end !== undefined ? VTT_TIME.exec(end) : null;
  if (!a || !b) throw new CaptionFormatError(`Invalid cue timing ${where}: "${line.slice(0, 80)}"`);
  if (seconds(b[1], b[2], b[3], b[4]) < seconds(a[1], a[2], a[3], a[4])) throw new CaptionFormatError(`Cue ends before it starts ${where}`);
}

/** Checks a WebVTT file: the signature, then every block is a cue, a note, a style or a region. */
export function checkWebVtt(input: string): string {
  const text = normalize(input);
  const [header, ...blocks] = blocksOf(text);
  if (!header || !/^WEBVTT(?:[ \t].*)?$/.test(header.split('\n')[0])) throw new CaptionFormatError('A WebVTT file starts with "WEBVTT"');
  if (header.includes('-->')) throw new CaptionFormatError('A WebVTT header must be followed by a blank line');
  let cues = 0;
  blocks.forEach((block, i) => {
    const lines = block.split('\n');
    if (/^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(lines[0])) return;
    const timing = lines[0].includes('-->') ? 0 : lines[1]?.includes('-->') ? 1 : -1;
    if (timing < 0) throw new CaptionFormatError(`Block ${i + 1} is not a cue (no "-->" timing line)`);
    vttTiming(lines[timing], `in block ${i + 1}`);
    cues += 1;
  });
  if (cues === 0) throw new CaptionFormatError('The caption file has no cue');
  return text.endsWith('\n') ? text : `${text}\n`;
}

function srtTime(value: string, where: string): { text: string; seconds: number } {
  const m = SRT_TIME.exec(value.trim());
  if (!m) throw new CaptionFormatError(`Invalid SubRip time ${where}: "${value.slice(0, 40)}"`);
  const [, h, min, s, ms = '0'] = m;
  if (Number(min) > 59 || Number(s) > 59) throw new CaptionFormatError(`Invalid SubRip time ${where}: "${value.slice(0, 40)}"`);
  const pad = (v: string, n: number) => v.padStart(n, '0');
  // Missing milliseconds are zeros on the left (",5" is 5 ms), as PeerTube reads them.
  return { text: `${pad(h, 2)}:${pad(min, 2)}:${pad(s, 2)}.${pad(ms, 3)}`, seconds: seconds(h, min, s, ms) };
}

/** SubRip formatting WebVTT has no tag for (`<font>`, `{\an8}`) is dropped; `-->` may not appear in cue text. */
function srtText(lines: string[]): string {
  return lines
    .map((l) =>
      l
        .replace(/<\/?font[^>]*>/gi, '')
        .replace(/\{\\[^}]*\}/g, '')
        .replace(/-->/g, '->'),
    )
    .join('\n');
}

/** Converts SubRip to WebVTT; cue numbers become cue identifiers. */
export function srtToWebVtt(text: string): string {
  const cues = blocksOf(normalize(text)).map((block, i) => {
    const lines = block.split('\n');
    const timing = lines[0].includes('-->') ? 0 : lines[1]?.includes('-->') ? 1 : -1;
    if (timing < 0) throw new CaptionFormatError(`SubRip block ${i + 1} has no "-->" timing line`);
    const [from, to] = lines[timing].split(ARROW);
    const where = `in block ${i + 1}`;
    const start = srtTime(from ?? '', where);
    // Position hints after the end time (X1:… Y1:…) have no WebVTT equivalent.
    const end = srtTime((to ?? '').trim().split(/\s+/)[0], where);
    if (end.seconds < start.seconds) throw new CaptionFormatError(`Cue ends before it starts ${where}`);
    const id = timing === 1 ? `${lines[0].trim().replace(/-->/g, '->')}\n` : '';
    return `${id}${start.text} --> ${end.text}\n${srtText(lines.slice(timing + 1))}`.replace(/\n+$/, '');
  });
  if (cues.length === 0) throw new CaptionFormatError('The caption file has no cue');
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** Any accepted upload → WebVTT text. The extension says what the user meant; WebVTT content wins anyway. */
export function toWebVtt(buffer: Buffer, extension: string): string {
  const text = decodeCaption(buffer);
  if (/^WEBVTT/.test(text)) return checkWebVtt(text);
  if (extension === '.vtt') throw new CaptionFormatError('A WebVTT file starts with "WEBVTT"');
  return srtToWebVtt(text);
}
