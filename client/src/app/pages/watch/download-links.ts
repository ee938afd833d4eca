import type { VideoDetails, VideoFile } from '@shoal/models';

export interface DownloadLink {
  label: string;
  href: string;
  size: number;
}

/** One link per rendition (HLS fMP4 or web video), best first; private files carry the file token. */
export function downloadLinks(video: VideoDetails, fileToken: string | null): DownloadLink[] {
  const files: VideoFile[] = [...(video.streamingPlaylists?.[0]?.files ?? []), ...(video.files ?? [])];
  const seen = new Set<number>();
  return files
    .sort((a, b) => b.resolution.id - a.resolution.id)
    .filter((f) => !seen.has(f.resolution.id) && seen.add(f.resolution.id))
    .map((f) => {
      const url = new URL(f.fileDownloadUrl, location.origin);
      if (fileToken) url.searchParams.set('videoFileToken', fileToken);
      return { label: f.resolution.label, href: url.toString(), size: f.size };
    });
}
