import type Player from 'video.js/dist/types/player';
import { SelectMenuButton } from '../select-menu';
import { formatBytes, type P2PStats } from './p2p-stats';

export interface P2PMenuOptions {
  stats: P2PStats;
  /** Why P2P cannot be used here; null when the toggle works. */
  unavailableReason: string | null;
  /** Called with the viewer's new choice (stored by the caller). */
  setEnabled: (enabled: boolean) => void;
}

/**
 * The "P2P" control-bar menu: the viewer's on/off toggle and a statistics panel showing
 * where segment bytes came from (server or other viewers) and how many peers are connected.
 */
export class P2PMenu {
  private readonly button: SelectMenuButton;
  private readonly panel: HTMLElement;
  private statsVisible = false;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly player: Player,
    private readonly options: P2PMenuOptions,
  ) {
    this.panel = document.createElement('div');
    this.panel.className = 'vjs-p2p-stats';
    this.panel.hidden = true;
    this.panel.setAttribute('aria-label', 'Peer-to-peer statistics');
    player.el().appendChild(this.panel);
    this.button = new SelectMenuButton(player, {
      className: 'vjs-p2p-menu',
      title: 'Peer-to-peer',
      value: () => 'P2P',
      entries: () => this.entries(),
    });
    const controlBar = (player as unknown as { controlBar: { addChild(c: unknown, o: unknown, i: number): void; children(): unknown[] } })
      .controlBar;
    controlBar.addChild(this.button, {}, Math.max(0, controlBar.children().length - 1));
  }

  dispose(): void {
    this.stopListening?.();
    this.panel.remove();
  }

  private entries() {
    const { stats, unavailableReason } = this.options;
    const toggle = unavailableReason
      ? [{ label: `Unavailable: ${unavailableReason}`, selected: false, select: () => undefined }]
      : [
          { label: 'Share with other viewers (on)', selected: stats.mode === 'on', select: () => this.choose(true) },
          { label: 'HTTP only (off)', selected: stats.mode === 'off', select: () => this.choose(false) },
        ];
    return [
      ...toggle,
      { label: this.statsVisible ? 'Hide statistics' : 'Show statistics', selected: false, select: () => this.toggleStats() },
    ];
  }

  private choose(enabled: boolean): void {
    this.options.setEnabled(enabled);
    this.button.refresh();
  }

  private toggleStats(): void {
    this.statsVisible = !this.statsVisible;
    this.panel.hidden = !this.statsVisible;
    this.stopListening?.();
    this.stopListening = null;
    if (this.statsVisible) {
      this.render();
      this.stopListening = this.options.stats.onChange(() => this.render());
    }
    this.button.refresh();
  }

  private render(): void {
    const s = this.options.stats.snapshot();
    const total = s.httpBytes + s.p2pBytes;
    const share = total ? Math.round((100 * s.p2pBytes) / total) : 0;
    const mode = s.mode === 'unavailable' ? `unavailable (${this.options.unavailableReason ?? 'HTTP only'})` : s.mode;
    const rows: [string, string][] = [
      ['P2P', mode],
      ['From the server', formatBytes(s.httpBytes)],
      ['From peers', `${formatBytes(s.p2pBytes)} (${share}%)`],
      ['Sent to peers', formatBytes(s.uploadedBytes)],
      ['Peer connections', String(s.peers)],
    ];
    const list = document.createElement('dl');
    for (const [name, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.textContent = value;
      list.append(dt, dd);
    }
    this.panel.replaceChildren(list);
  }
}
