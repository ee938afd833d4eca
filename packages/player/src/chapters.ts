import type Player from 'video.js/dist/types/player';
import { chapterAt, formatTimecode } from './chapter-time';
import type { PlayerChapter } from './player-options';
import { SelectMenuButton } from './select-menu';

interface SeekBarParts {
  seekBar: { el(): Element };
  timeTooltip?: { updateTime(rect: unknown, point: number, time: number, cb: () => void): void; write(text: string): void };
}

function seekBarParts(player: Player): SeekBarParts | null {
  const control = (player as unknown as { controlBar?: { progressControl?: { seekBar?: SeekBarParts['seekBar'] } } }).controlBar;
  const seekBar = control?.progressControl?.seekBar as
    (SeekBarParts['seekBar'] & { mouseTimeDisplay?: { timeTooltip?: SeekBarParts['timeTooltip'] } }) | undefined;
  if (!seekBar) return null;
  return { seekBar, timeTooltip: seekBar.mouseTimeDisplay?.timeTooltip };
}

/**
 * Chapters in the control bar: a mark on the seek bar for each chapter after the start
 * (titled, so hovering it names the chapter), the chapter's title in the seek-bar tooltip,
 * and a menu listing every chapter.
 */
export class ChapterDisplay {
  private chapters: PlayerChapter[] = [];
  private marks: HTMLElement | null = null;
  private menu: SelectMenuButton | null = null;
  private current: PlayerChapter | undefined;

  constructor(
    private readonly player: Player,
    private readonly knownDuration: number,
  ) {
    this.patchTooltip();
    player.on(['durationchange', 'loadedmetadata'], () => this.renderMarks());
    player.on('timeupdate', () => this.trackCurrent());
  }

  set(chapters: PlayerChapter[]): void {
    this.chapters = [...chapters].sort((a, b) => a.timecode - b.timecode);
    this.renderMarks();
    this.renderMenu();
  }

  private duration(): number {
    const d = this.player.duration();
    return typeof d === 'number' && Number.isFinite(d) && d > 0 ? d : this.knownDuration;
  }

  private renderMarks(): void {
    const parts = seekBarParts(this.player);
    if (!parts) return;
    this.marks?.remove();
    const duration = this.duration();
    if (!duration || !this.chapters.length) return;
    this.marks = document.createElement('div');
    this.marks.className = 'vjs-chapter-marks';
    for (const chapter of this.chapters) {
      if (chapter.timecode <= 0 || chapter.timecode >= duration) continue;
      const mark = document.createElement('div');
      mark.className = 'vjs-chapter-mark';
      mark.style.left = `${(chapter.timecode / duration) * 100}%`;
      mark.title = chapter.title;
      mark.dataset['timecode'] = String(chapter.timecode);
      this.marks.appendChild(mark);
    }
    parts.seekBar.el().appendChild(this.marks);
  }

  private renderMenu(): void {
    const controlBar = (
      this.player as unknown as { controlBar: { addChild(c: unknown, o: unknown, i: number): void; children(): unknown[] } }
    ).controlBar;
    if (this.menu) {
      this.menu.refresh();
    } else if (this.chapters.length) {
      this.menu = new SelectMenuButton(this.player, {
        className: 'vjs-chapters-menu',
        title: 'Chapters',
        value: () => 'Chapters',
        entries: () =>
          this.chapters.map((chapter) => ({
            label: `${formatTimecode(chapter.timecode)} ${chapter.title}`,
            selected: chapter === this.current,
            select: () => this.player.currentTime(chapter.timecode),
          })),
      });
      // Before the fullscreen toggle, which stays last.
      controlBar.addChild(this.menu, {}, Math.max(0, controlBar.children().length - 1));
    }
    if (this.chapters.length) this.menu?.show();
    else this.menu?.hide();
  }

  private trackCurrent(): void {
    const now = chapterAt(this.chapters, this.player.currentTime() ?? 0);
    if (now === this.current) return;
    this.current = now;
    this.menu?.refresh();
  }

  /** video.js writes the hovered time in the tooltip; we prefix it with the chapter's title. */
  private patchTooltip(): void {
    const tooltip = seekBarParts(this.player)?.timeTooltip;
    if (!tooltip) return;
    const updateTime = tooltip.updateTime.bind(tooltip);
    const write = tooltip.write.bind(tooltip);
    let hovered = 0;
    tooltip.updateTime = (rect, point, time, cb) => {
      hovered = time;
      updateTime(rect, point, time, cb);
    };
    tooltip.write = (text) => {
      const chapter = chapterAt(this.chapters, hovered);
      write(chapter ? `${chapter.title} · ${text}` : text);
    };
  }
}
