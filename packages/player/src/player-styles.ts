/**
 * Styles of our additions to video.js (chapter marks, menu labels, focus rings). Injected
 * once by the player so that consumers only need video.js's own stylesheet.
 */
const CSS = `
.vjs-shoal .vjs-chapter-marks { position: absolute; inset: 0; pointer-events: none; }
/* A dark gap reads on both the played (white) and the buffered (grey) parts of the bar. */
.vjs-shoal .vjs-chapter-mark { position: absolute; top: 0; bottom: 0; width: 3px; margin-left: -1px; background: rgb(0 0 0 / 0.75); pointer-events: auto; z-index: 1; }
.vjs-shoal .vjs-select-menu-value { display: inline-block; font-size: 1.1em; line-height: 3em; padding: 0 0.3em; white-space: nowrap; }
.vjs-shoal .vjs-quality-menu, .vjs-shoal .vjs-chapters-menu { width: auto; min-width: 4em; }
.vjs-shoal .vjs-quality-menu .vjs-menu, .vjs-shoal .vjs-chapters-menu .vjs-menu { left: auto; right: 0; width: auto; min-width: 10em; }
.vjs-shoal .vjs-chapters-menu .vjs-menu .vjs-menu-content { max-height: 18em; text-align: left; }
.vjs-shoal .vjs-menu li { text-transform: none; white-space: nowrap; padding: 0.3em 0.8em; }
.vjs-shoal button:focus-visible, .vjs-shoal .vjs-menu-item:focus-visible, .vjs-shoal .vjs-slider:focus-visible { outline: 3px solid #f79009; outline-offset: -3px; }
.vjs-shoal .vjs-time-tooltip { white-space: nowrap; }
.vjs-shoal .vjs-p2p-menu { width: auto; min-width: 3.5em; }
.vjs-shoal .vjs-p2p-menu .vjs-menu { left: auto; right: 0; width: auto; min-width: 14em; }
.vjs-shoal .vjs-p2p-stats { position: absolute; top: 0.5em; left: 0.5em; z-index: 2; padding: 0.5em 0.8em; background: rgb(0 0 0 / 0.8); color: #fff; font-size: 1.4em; border-radius: 4px; pointer-events: none; }
.vjs-shoal .vjs-p2p-stats dl { display: grid; grid-template-columns: auto auto; gap: 0.2em 1em; margin: 0; }
.vjs-shoal .vjs-p2p-stats dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
/* video.js gives its buttons a display: the hidden attribute alone would not hide them. */
.vjs-shoal .vjs-back-to-live[hidden], .vjs-shoal .vjs-p2p-stats[hidden] { display: none; }
.vjs-shoal .vjs-live-badge { align-self: center; margin: 0 0.6em; padding: 0.1em 0.5em; border-radius: 3px; background: #c4161c; color: #fff; font-weight: bold; font-size: 1.1em; letter-spacing: 0.05em; }
.vjs-shoal .vjs-live-badge.vjs-live-badge-behind { background: #666; }
.vjs-shoal .vjs-back-to-live { cursor: pointer; align-self: center; margin-right: 0.6em; padding: 0.2em 0.6em; border: 1px solid #fff; border-radius: 3px; background: transparent; color: #fff; font-size: 1.1em; white-space: nowrap; }
`;

let injected = false;

export function injectPlayerStyles(doc: Document = document): void {
  if (injected) return;
  injected = true;
  const style = doc.createElement('style');
  style.dataset['shoalPlayer'] = '';
  style.textContent = CSS;
  doc.head.appendChild(style);
}
