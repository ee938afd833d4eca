import { VIDEO_CONSTRAINTS, type VideoChapter } from '@shoal/models';

/**
 * A chapter line: a timecode, whitespace, then a title. Hours and minutes are optional
 * and end with `h`/`m` or `:`; seconds may end with `s` (`1:02:03`, `02:03`, `83`, `1h2m3s`).
 */
const CHAPTER_LINE = /^((?:\d+[h:])?(?:\d+[m:])?\d+s?)\s+(\S.*)$/;

/** Seconds of a timecode: letters name their unit, colon-separated numbers count from the right. */
export function timecodeToSeconds(timecode: string): number {
  let seconds = 0;
  const unnamed: number[] = [];
  for (const [, digits, unit] of timecode.matchAll(/(\d+)([hms]?)/g)) {
    const n = Number(digits);
    if (unit === 'h') seconds += n * 3600;
    else if (unit === 'm') seconds += n * 60;
    else if (unit === 's') seconds += n;
    else unnamed.push(n);
  }
  unnamed.reverse().forEach((n, i) => (seconds += n * 60 ** i));
  return seconds;
}

/**
 * Chapters written in a description: the first contiguous block of chapter lines. A block
 * of fewer than two lines is not a chapter list (a lone "2024 was a good year" is prose).
 * A repeated timecode keeps its first title, as the database keeps one chapter per timecode.
 */
export function chaptersFromDescription(description: string | null | undefined): VideoChapter[] {
  if (!description) return [];
  const chapters: VideoChapter[] = [];
  const seen = new Set<number>();
  let started = false;
  for (const line of description.split(/\r?\n/)) {
    const match = CHAPTER_LINE.exec(line);
    if (!match) {
      if (started) break;
      continue;
    }
    started = true;
    const timecode = timecodeToSeconds(match[1]);
    if (seen.has(timecode)) continue;
    seen.add(timecode);
    chapters.push({ timecode, title: match[2].trim().slice(0, VIDEO_CONSTRAINTS.chapterTitle.max) });
  }
  return chapters.length >= 2 ? chapters : [];
}

/** Same chapters, whatever the order they were written in. */
export function sameChapters(a: VideoChapter[], b: VideoChapter[]): boolean {
  if (a.length !== b.length) return false;
  const sort = (list: VideoChapter[]) => [...list].sort((x, y) => x.timecode - y.timecode);
  const [sa, sb] = [sort(a), sort(b)];
  return sa.every((c, i) => c.timecode === sb[i].timecode && c.title === sb[i].title);
}

/**
 * The rule for description edits: chapters follow the description only while they are
 * exactly what the old description gave, so chapters set by hand are never overwritten.
 * Returns the new list, or null when nothing must change.
 */
export function chaptersAfterDescriptionChange(
  current: VideoChapter[],
  oldDescription: string | null | undefined,
  newDescription: string | null | undefined,
): VideoChapter[] | null {
  if (!sameChapters(current, chaptersFromDescription(oldDescription))) return null;
  const next = chaptersFromDescription(newDescription);
  return sameChapters(current, next) ? null : next;
}
