import type Player from 'video.js/dist/types/player';

const SEEK_STEP = 5;
const LONG_SEEK_STEP = 10;
const VOLUME_STEP = 0.1;

/** Keys handled while focus is inside the player (YouTube/PeerTube habits). */
export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'Space, K', action: 'Play or pause' },
  { keys: '← / →', action: 'Back or forward 5 seconds' },
  { keys: 'J / L', action: 'Back or forward 10 seconds' },
  { keys: '↑ / ↓', action: 'Volume up or down' },
  { keys: 'M', action: 'Mute or unmute' },
  { keys: 'F', action: 'Full screen' },
  { keys: '0 … 9', action: 'Go to 0% … 90% of the video' },
  { keys: '< / >', action: 'Slower or faster playback' },
];

/** Controls that handle these keys themselves: buttons, sliders and menus. */
function focusedControl(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target?.closest('button, [role="slider"], [role="menuitem"], [role="menuitemradio"], [role="menu"]');
}

function seekBy(player: Player, delta: number): void {
  const duration = player.duration() ?? 0;
  const next = Math.max(0, (player.currentTime() ?? 0) + delta);
  player.currentTime(duration ? Math.min(next, duration) : next);
}

function changeRate(player: Player, rates: number[], direction: 1 | -1): void {
  const current = player.playbackRate() ?? 1;
  const sorted = [...rates].sort((a, b) => a - b);
  const next = direction > 0 ? sorted.find((r) => r > current) : [...sorted].reverse().find((r) => r < current);
  if (next) player.playbackRate(next);
}

/** Returns the action for a key, or null when the key is not a shortcut here. */
function actionFor(player: Player, event: KeyboardEvent, rates: number[]): (() => void) | null {
  const onControl = focusedControl(event);
  switch (event.key) {
    case ' ':
      return onControl ? null : () => (player.paused() ? void player.play() : player.pause());
    case 'k':
      return () => (player.paused() ? void player.play() : player.pause());
    case 'ArrowLeft':
      return onControl ? null : () => seekBy(player, -SEEK_STEP);
    case 'ArrowRight':
      return onControl ? null : () => seekBy(player, SEEK_STEP);
    case 'j':
      return () => seekBy(player, -LONG_SEEK_STEP);
    case 'l':
      return () => seekBy(player, LONG_SEEK_STEP);
    case 'ArrowUp':
      return onControl ? null : () => player.volume(Math.min(1, (player.volume() ?? 1) + VOLUME_STEP));
    case 'ArrowDown':
      return onControl ? null : () => player.volume(Math.max(0, (player.volume() ?? 1) - VOLUME_STEP));
    case 'm':
      return () => player.muted(!player.muted());
    case 'f':
      return () => (player.isFullscreen() ? void player.exitFullscreen() : void player.requestFullscreen());
    case '<':
      return () => changeRate(player, rates, -1);
    case '>':
      return () => changeRate(player, rates, 1);
    default:
      if (/^[0-9]$/.test(event.key)) return () => player.currentTime(((player.duration() ?? 0) * Number(event.key)) / 10);
      return null;
  }
}

/** The `userActions.hotkeys` function video.js calls on keydown inside the player. */
export function hotkeysHandler(rates: number[]) {
  return function (this: Player, event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = actionFor(this, event, rates);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };
}
