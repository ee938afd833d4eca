import type { PlayerChapter } from './player-options';

/** The chapter playing at `time`: the last one starting at or before it. */
export function chapterAt(chapters: PlayerChapter[], time: number): PlayerChapter | undefined {
  let found: PlayerChapter | undefined;
  for (const chapter of chapters) if (chapter.timecode <= time && (!found || chapter.timecode >= found.timecode)) found = chapter;
  return found;
}

export function formatTimecode(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
