import { join } from 'node:path';
import { VIDEO_CAPTION_CONSTRAINTS, VIDEO_LANGUAGES, type VideoCaption } from '@shoal/models';
import type { AppContext } from '../../platform/context';
import type { VideoCaptionModel } from './video-caption.model';

/** PeerTube's URL prefix of caption files. */
export const CAPTIONS_STATIC_PATH = '/lazy-static/video-captions/';

/** Our caption file names: random (unguessable) then the language, as `send` sees them. */
export const CAPTION_FILE = /^[a-z0-9][a-z0-9-]*\.vtt$/i;

export const captionFilePath = (ctx: Pick<AppContext, 'dirs'>, filename: string) => join(ctx.dirs.captions, filename);

/** The URL players load: ours for local captions, the origin's for remote ones. */
export function captionFileUrl(ctx: Pick<AppContext, 'publicUrl'>, caption: Pick<VideoCaptionModel, 'filename' | 'fileUrl'>): string {
  return caption.fileUrl ?? `${ctx.publicUrl}${CAPTIONS_STATIC_PATH}${caption.filename}`;
}

/** `GET /videos/:id/captions` entry (PeerTube's VideoCaption). */
export function serializeCaption(ctx: Pick<AppContext, 'publicUrl'>, caption: VideoCaptionModel): VideoCaption {
  const fileUrl = captionFileUrl(ctx, caption);
  return {
    language: { id: caption.language, label: VIDEO_LANGUAGES[caption.language] ?? caption.language },
    captionPath: caption.filename ? `${CAPTIONS_STATIC_PATH}${caption.filename}` : new URL(fileUrl).pathname,
    fileUrl,
    automaticallyGenerated: caption.automaticallyGenerated,
    updatedAt: caption.updatedAt.toISOString(),
  };
}

/** `videoCaption` of `GET /config` (PeerTube's shape): what the upload forms accept. */
export function captionConfigSection() {
  return {
    videoCaption: {
      file: { size: { max: VIDEO_CAPTION_CONSTRAINTS.maxBytes }, extensions: [...VIDEO_CAPTION_CONSTRAINTS.extensions] },
    },
  };
}
