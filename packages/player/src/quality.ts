/** The parts of an hls.js level the menu needs (structural, so this module stays free of hls.js). */
export interface LevelInfo {
  width: number;
  height: number;
  frameRate?: number;
}

/** One entry of the quality menu; `index` is hls.js's level index, -1 for automatic. */
export interface QualityChoice {
  index: number;
  label: string;
  height: number;
}

/** Renditions from the highest, labelled like PeerTube ("720p", "1080p60", "Audio only"). */
export function qualityChoices(levels: LevelInfo[]): QualityChoice[] {
  return levels
    .map((level, index) => {
      const height = Math.min(level.width || level.height, level.height || level.width) || 0;
      const fps = Number(level.frameRate ?? 0);
      const label = height === 0 ? 'Audio only' : `${height}p${fps >= 50 ? Math.round(fps) : ''}`;
      return { index, label, height };
    })
    .sort((a, b) => b.height - a.height);
}
