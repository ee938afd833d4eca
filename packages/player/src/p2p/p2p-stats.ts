/** Whether this player shares segments: not offered at all, turned off by the viewer, or on. */
export type P2PMode = 'unavailable' | 'off' | 'on';

export interface P2PStatsSnapshot {
  mode: P2PMode;
  /** Segment bytes downloaded from the server (or a mirror). */
  httpBytes: number;
  /** Segment bytes received from other viewers. */
  p2pBytes: number;
  /** Segment bytes sent to other viewers. */
  uploadedBytes: number;
  /** Open peer connections; a viewer sharing video and audio counts once per stream (one peer id each). */
  peers: number;
}

/**
 * Byte and peer counters of one player, fed by p2p-media-loader's events. They are
 * mirrored on the player element (`data-p2p-*`) and on `window.shoalP2PStats` so that
 * tests and benchmarks read what the stats panel shows.
 */
export class P2PStats {
  mode: P2PMode = 'unavailable';
  httpBytes = 0;
  p2pBytes = 0;
  uploadedBytes = 0;
  private readonly peerStreams = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  get peers(): number {
    return this.peerStreams.size;
  }

  /** Only segment downloads count: playlists always come from the server. */
  downloaded(bytes: number, source: 'http' | 'p2p'): void {
    if (source === 'p2p') this.p2pBytes += bytes;
    else this.httpBytes += bytes;
    this.changed();
  }

  uploaded(bytes: number): void {
    this.uploadedBytes += bytes;
    this.changed();
  }

  /** Keyed by peer id: p2p-media-loader reports some connections more than once. */
  peerConnected(peerId: string): void {
    this.peerStreams.set(peerId, (this.peerStreams.get(peerId) ?? 0) + 1);
    this.changed();
  }

  peerClosed(peerId: string): void {
    const n = (this.peerStreams.get(peerId) ?? 0) - 1;
    if (n > 0) this.peerStreams.set(peerId, n);
    else this.peerStreams.delete(peerId);
    this.changed();
  }

  setMode(mode: P2PMode): void {
    this.mode = mode;
    this.changed();
  }

  snapshot(): P2PStatsSnapshot {
    return { mode: this.mode, httpBytes: this.httpBytes, p2pBytes: this.p2pBytes, uploadedBytes: this.uploadedBytes, peers: this.peers };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Writes the counters where tests can read them. */
export function publishP2PStats(stats: P2PStats, element: HTMLElement): () => void {
  const write = () => {
    const s = stats.snapshot();
    element.dataset['p2p'] = s.mode;
    element.dataset['p2pHttpBytes'] = String(s.httpBytes);
    element.dataset['p2pPeerBytes'] = String(s.p2pBytes);
    element.dataset['p2pUploadedBytes'] = String(s.uploadedBytes);
    element.dataset['p2pPeers'] = String(s.peers);
    (globalThis as { shoalP2PStats?: P2PStatsSnapshot }).shoalP2PStats = s;
  };
  write();
  return stats.onChange(write);
}

/** "1.2 MB"-style sizes for the stats panel. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
