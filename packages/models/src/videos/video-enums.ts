export const VideoPrivacy = { PUBLIC: 1, UNLISTED: 2, PRIVATE: 3, INTERNAL: 4, PASSWORD_PROTECTED: 5 } as const;
export type VideoPrivacy = (typeof VideoPrivacy)[keyof typeof VideoPrivacy];
export const VIDEO_PRIVACY_LABELS: Record<VideoPrivacy, string> = {
  1: 'Public',
  2: 'Unlisted',
  3: 'Private',
  4: 'Internal',
  5: 'Password protected',
};
/** Privacies whose files live under the private paths and need a credential. */
export const PRIVATE_FILE_PRIVACIES: ReadonlySet<number> = new Set([
  VideoPrivacy.PRIVATE,
  VideoPrivacy.INTERNAL,
  VideoPrivacy.PASSWORD_PROTECTED,
]);

export const VideoState = {
  PUBLISHED: 1,
  TO_TRANSCODE: 2,
  TO_IMPORT: 3,
  WAITING_FOR_LIVE: 4,
  LIVE_ENDED: 5,
  TO_MOVE_TO_EXTERNAL_STORAGE: 6,
  TRANSCODING_FAILED: 7,
} as const;
export type VideoState = (typeof VideoState)[keyof typeof VideoState];
export const VIDEO_STATE_LABELS: Record<VideoState, string> = {
  1: 'Published',
  2: 'To transcode',
  3: 'To import',
  4: 'Waiting for livestream',
  5: 'Livestream ended',
  6: 'To move to an external storage',
  7: 'Transcoding failed',
};

export const VideoCommentPolicy = { ENABLED: 1, DISABLED: 2, REQUIRES_APPROVAL: 3 } as const;
export type VideoCommentPolicy = (typeof VideoCommentPolicy)[keyof typeof VideoCommentPolicy];
export const VIDEO_COMMENT_POLICY_LABELS: Record<VideoCommentPolicy, string> = { 1: 'Enabled', 2: 'Disabled', 3: 'Requires approval' };

export const VIDEO_CATEGORIES: Record<number, string> = {
  1: 'Music',
  2: 'Films',
  3: 'Vehicles',
  4: 'Art',
  5: 'Sports',
  6: 'Travels',
  7: 'Gaming',
  8: 'People',
  9: 'Comedy',
  10: 'Entertainment',
  11: 'News & Politics',
  12: 'How To',
  13: 'Education',
  14: 'Activism',
  15: 'Science & Technology',
  16: 'Animals',
  17: 'Kids',
  18: 'Food',
};

export const VIDEO_LICENCES: Record<number, string> = {
  1: 'Attribution',
  2: 'Attribution - Share Alike',
  3: 'Attribution - No Derivatives',
  4: 'Attribution - Non Commercial',
  5: 'Attribution - Non Commercial - Share Alike',
  6: 'Attribution - Non Commercial - No Derivatives',
  7: 'Public Domain Dedication',
};

/** A practical subset of ISO 639 codes; labels in English. */
export const VIDEO_LANGUAGES: Record<string, string> = {
  ar: 'Arabic',
  ca: 'Catalan',
  cs: 'Czech',
  da: 'Danish',
  de: 'German',
  el: 'Greek',
  en: 'English',
  eo: 'Esperanto',
  es: 'Spanish',
  eu: 'Basque',
  fa: 'Persian',
  fi: 'Finnish',
  fr: 'French',
  gl: 'Galician',
  he: 'Hebrew',
  hi: 'Hindi',
  hu: 'Hungarian',
  id: 'Indonesian',
  it: 'Italian',
  ja: 'Japanese',
  ko: 'Korean',
  nl: 'Dutch',
  no: 'Norwegian',
  oc: 'Occitan',
  pl: 'Polish',
  pt: 'Portuguese',
  ro: 'Romanian',
  ru: 'Russian',
  sk: 'Slovak',
  sv: 'Swedish',
  th: 'Thai',
  tr: 'Turkish',
  uk: 'Ukrainian',
  vi: 'Vietnamese',
  zh: 'Chinese',
};

/** Standard rungs of the ladder (0 = audio only). */
export const VIDEO_RESOLUTIONS = [0, 144, 240, 360, 480, 720, 1080, 1440, 2160] as const;

export function resolutionLabel(resolution: number, fps = 0): string {
  if (resolution === 0) return 'Audio only';
  return fps >= 50 ? `${resolution}p${Math.round(fps)}` : `${resolution}p`;
}
