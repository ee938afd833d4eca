/** Frame-rate thresholds of PeerTube's VOD rules (media spec §2.5). */
export const FPS_RULES = {
  /** Inputs below this rate are refused. */
  hardMin: 0.1,
  /** Outputs are never below this rate. */
  softMin: 1,
  /** Rungs at or above this resolution keep the source rate (up to the maximum). */
  keepSourceFpsFromResolution: 720,
  /** Rates used to lower the fps of small rungs. */
  standard: [24, 25, 30],
  /** Rates used when the source exceeds the configured maximum. */
  hdStandard: [50, 60],
  /** Small rungs above this rate (capped by the maximum) are lowered. */
  average: 30,
} as const;

/** Picks the largest candidate dividing `fps`, else the one leaving the smallest remainder. */
function closestDivisor(fps: number, candidates: number[]): number {
  const descending = [...candidates].sort((a, b) => b - a);
  const divisor = descending.find((c) => fps % c === 0);
  if (divisor !== undefined) return divisor;
  return descending.reduce((best, c) => (fps % c < fps % best ? c : best));
}

/**
 * Output frame rate of one rung (PeerTube VOD rules).
 *
 * @param options.inputFps source frame rate (rounded)
 * @param options.resolution rung resolution; 0 (audio only) yields 0
 * @param options.isOriginResolution true for the top rung made at the source resolution
 * @param options.fpsMax configured `transcoding.fps.max` (PeerTube default 60)
 * @throws RangeError when the source is below 0.1 fps
 */
export function computeOutputFps(options: { inputFps: number; resolution: number; isOriginResolution: boolean; fpsMax: number }): number {
  const { inputFps, resolution, isOriginResolution, fpsMax } = options;
  if (resolution === 0) return 0;
  if (!(inputFps >= FPS_RULES.hardMin)) {
    throw new RangeError(`Input frame rate ${inputFps} is below ${FPS_RULES.hardMin} fps`);
  }
  let fps = inputFps;
  const average = Math.min(FPS_RULES.average, fpsMax);
  const isSmallRung = resolution < FPS_RULES.keepSourceFpsFromResolution;
  if (!isOriginResolution && isSmallRung && fps > average) {
    fps = pickFrom(fps, FPS_RULES.standard, fpsMax);
  }
  if (fps > fpsMax) {
    fps = pickFrom(fps, [...FPS_RULES.hdStandard, fpsMax], fpsMax);
  }
  return Math.max(FPS_RULES.softMin, fps);
}

function pickFrom(fps: number, set: readonly number[], fpsMax: number): number {
  const allowed = set.filter((v) => v <= fpsMax);
  // A maximum below every standard value leaves nothing to choose from: use the maximum.
  if (allowed.length === 0) return Math.min(fps, fpsMax);
  return closestDivisor(fps, allowed);
}
