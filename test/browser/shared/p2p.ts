import type { Page } from 'playwright-core';

/** Chromium flags for WebRTC between browser contexts on one machine: real host candidates, no mDNS names. */
export const LOCAL_WEBRTC_FLAGS = ['--disable-features=WebRtcHideLocalIpsWithMdns'];

export interface PageP2PStats {
  mode: string;
  httpBytes: number;
  p2pBytes: number;
  uploadedBytes: number;
  peers: number;
}

/** The player's counters as it publishes them on its element (`data-p2p-*`). */
export async function readP2PStats(page: Page): Promise<PageP2PStats> {
  // Typed without the DOM library: benchmarks under scripts/ import this file too.
  return page
    .locator('.video-js')
    .first()
    .evaluate((el) => {
      const data = (el as unknown as { dataset: Record<string, string | undefined> }).dataset;
      return {
        mode: data['p2p'] ?? '',
        httpBytes: Number(data['p2pHttpBytes'] ?? 0),
        p2pBytes: Number(data['p2pPeerBytes'] ?? 0),
        uploadedBytes: Number(data['p2pUploadedBytes'] ?? 0),
        peers: Number(data['p2pPeers'] ?? 0),
      };
    });
}

/** Opens a watch page and starts playback with the big play button. */
export async function openAndPlay(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.vjs-big-play-button').click();
}

/** Waits until the page's player published counters matching `check`. */
export async function waitForP2PStats(page: Page, check: (s: PageP2PStats) => boolean, timeout = 60_000): Promise<PageP2PStats> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const stats = await readP2PStats(page).catch(() => null);
    if (stats && check(stats)) return stats;
    if (Date.now() > deadline) throw new Error(`P2P stats never matched; last: ${JSON.stringify(stats)}`);
    await page.waitForTimeout(250);
  }
}
