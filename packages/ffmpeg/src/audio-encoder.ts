/**
 * Audio options of one output: stream copy, or native AAC downmixed/upmixed to stereo
 * (PeerTube forces stereo) at the given bitrate.
 */
export function audioEncoderArgs(audioBitrate: number, copy: boolean): string[] {
  if (copy) return ['-c:a', 'copy'];
  return ['-c:a', 'aac', '-ac', '2', '-b:a', String(audioBitrate)];
}
