import { bitrateRatio, targetVideoBitrate } from './bitrate.js';

/** One video rung of a live: its height (width follows the source's aspect). */
export interface LiveVideoRung {
  resolution: number;
  fps: number;
}

/** Inputs of {@link buildLiveHlsArgs}. */
export interface LiveHlsOptions {
  /** Existing directory receiving playlists and `.ts` segments. */
  outputDir: string;
  /** Video rungs to encode (never above the source); empty with `copy` = pure remux. */
  rungs: LiveVideoRung[];
  /** Source width/height, for bitrates (0 when unknown). */
  source: { width: number; height: number };
  /** The feed has an audio stream. */
  hasAudio: boolean;
  /** Stream-copy the source (live transcoding disabled) instead of encoding rungs. */
  copy: boolean;
  /** Target segment duration in seconds; keyframes are forced on that grid. */
  segmentDuration: number;
  /** Segments kept in each sliding-window playlist. */
  listSize: number;
  /** x264 tuned for latency: no lookahead, no B-frames (small-latency mode). */
  lowLatency: boolean;
  /** ffmpeg threads (0 = ffmpeg's choice). */
  threads: number;
}

const LIVE_AUDIO_BITRATE = '128k';

/**
 * ffmpeg arguments of a live muxing: FLV on stdin → HLS (MPEG-TS segments) with a
 * sliding window, one process for every rung. Audio is its own rendition group, as
 * PeerTube does for lives. Names follow PeerTube's live layout: `master.m3u8`,
 * `<n>.m3u8`, `<n>-<6 digits>.ts`.
 */
export function buildLiveHlsArgs(o: LiveHlsOptions): string[] {
  if (!o.copy && o.rungs.length === 0 && !o.hasAudio) throw new Error('A live needs at least one rung');
  if (o.segmentDuration <= 0 || o.listSize <= 0) throw new Error('Invalid live segment settings');
  const input = [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
    // No input buffering: the first segment must close as soon as its duration is reached.
    ...['-fflags', 'nobuffer', '-probesize', '1000000', '-analyzeduration', '500000'],
    ...['-f', 'flv', '-i', 'pipe:0'],
  ];
  const { maps, streamMap } = o.copy ? copyOutputs(o) : encodeOutputs(o);
  const hls = [
    ...['-f', 'hls', '-hls_time', String(o.segmentDuration), '-hls_list_size', String(o.listSize)],
    // temp_file: segments and playlists appear complete (renamed from .tmp), so a watcher
    // and the HTTP server never see half-written files.
    ...['-hls_flags', 'delete_segments+independent_segments+program_date_time+temp_file'],
    ...['-hls_segment_type', 'mpegts', '-hls_segment_filename', `${o.outputDir}/%v-%06d.ts`],
    ...['-master_pl_name', 'master.m3u8', '-var_stream_map', streamMap],
    `${o.outputDir}/%v.m3u8`,
  ];
  return [...input, ...(o.threads > 0 ? ['-threads', String(o.threads)] : []), ...maps, ...hls];
}

function copyOutputs(o: LiveHlsOptions): { maps: string[]; streamMap: string } {
  return {
    maps: ['-map', '0:v?', '-map', '0:a?', '-c:v', 'copy', '-c:a', 'copy'],
    streamMap: o.hasAudio ? 'v:0,a:0' : 'v:0',
  };
}

function encodeOutputs(o: LiveHlsOptions): { maps: string[]; streamMap: string } {
  const n = o.rungs.length;
  const maps: string[] = [];
  if (n > 0) {
    const branches = o.rungs.map((_, i) => `[s${i}]`).join('');
    const scales = o.rungs.map((r, i) => `[s${i}]scale=w=-2:h=${r.resolution}[v${i}]`).join(';');
    maps.push('-filter_complex', `[0:v]split=${n}${branches};${scales}`);
  }
  const ratio = o.source.width && o.source.height ? bitrateRatio(o.source.width, o.source.height) : 16 / 9;
  o.rungs.forEach((r, i) => {
    const bitrate = targetVideoBitrate({ resolution: r.resolution, ratio, fps: r.fps, inputBitrate: 0 });
    maps.push(
      ...['-map', `[v${i}]`, `-c:v:${i}`, 'libx264', `-preset:v:${i}`, 'veryfast', `-pix_fmt:v:${i}`, 'yuv420p'],
      ...(o.lowLatency ? [`-tune:v:${i}`, 'zerolatency'] : []),
      ...[`-b:v:${i}`, String(bitrate), `-maxrate:v:${i}`, String(bitrate), `-bufsize:v:${i}`, String(bitrate * 2)],
      ...[`-sc_threshold:v:${i}`, '0'],
    );
  });
  if (n > 0) maps.push('-force_key_frames', `expr:gte(t,n_forced*${o.segmentDuration})`);
  if (o.hasAudio) maps.push('-map', '0:a', '-c:a', 'aac', '-b:a', LIVE_AUDIO_BITRATE, '-ac', '2');
  const video = o.rungs.map((_, i) => (o.hasAudio ? `v:${i},agroup:Audio` : `v:${i}`));
  const streamMap = [...video, ...(o.hasAudio ? [n > 0 ? 'a:0,agroup:Audio,default:yes' : 'a:0'] : [])].join(' ');
  return { maps, streamMap };
}

/** Rungs of a live: the enabled resolutions not above the source, plus the source itself if asked. */
export function liveRungs(
  source: { height: number; fps: number },
  enabled: number[],
  keepOriginal: boolean,
  maxFps: number,
): LiveVideoRung[] {
  const fps = Math.min(source.fps > 0 ? source.fps : 30, maxFps);
  const heights = enabled.filter((h) => h > 0 && h <= source.height);
  if (keepOriginal && source.height > 0 && !heights.includes(source.height)) heights.push(source.height);
  return [...new Set(heights)].sort((a, b) => a - b).map((resolution) => ({ resolution, fps }));
}
