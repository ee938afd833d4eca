import { z } from 'zod';
import { parseBytes, parseDuration } from './duration';

/** "10 seconds" → milliseconds, rejecting text it cannot read. */
const duration = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = parseDuration(v);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a duration like "10 seconds" or "2 weeks"` });
    return z.NEVER;
  }
  return ms;
});

/** "4MB" → bytes; -1 stays unlimited. */
export const bytes = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = parseBytes(v);
  if (n === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${v}" is not a size like "4MB"` });
    return z.NEVER;
  }
  return n;
});

const port = z.number().int().min(0).max(65535);
const rate = z.strictObject({ window: duration, max: z.number().int().min(1) });
/** Segment length and sliding-window size of one live latency mode. */
const liveLatency = z.strictObject({ segment_duration: z.number().int().min(1).max(10), list_size: z.number().int().min(3).max(60) });

/**
 * Every configuration key. Objects are strict so that a misspelled key stops boot
 * with its path instead of being silently ignored.
 */
export const configSchema = z.strictObject({
  listen: z.strictObject({ hostname: z.string(), port }),
  webserver: z.strictObject({ https: z.boolean(), hostname: z.string().min(1), port }),
  trust_proxy: z.array(z.string()),
  database: z.strictObject({
    url: z.string(),
    hostname: z.string(),
    port,
    name: z.string().min(1),
    username: z.string(),
    password: z.string(),
    pool: z.strictObject({ max: z.number().int().min(1) }),
  }),
  redis: z.strictObject({
    url: z.string(),
    hostname: z.string(),
    port,
    auth: z.string(),
    db: z.number().int().min(0),
    prefix: z.string().min(1),
  }),
  storage: z.strictObject({
    root: z.string().min(1),
    tmp: z.string(),
    web_videos: z.string(),
    streaming_playlists: z.string(),
    original_video_files: z.string(),
    thumbnails: z.string(),
    previews: z.string(),
    avatars: z.string(),
    captions: z.string(),
    logs: z.string(),
  }),
  log: z.strictObject({
    level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
    log_http_requests: z.boolean(),
  }),
  oauth2: z.strictObject({
    token_lifetime: z.strictObject({ access_token: duration, refresh_token: duration }),
  }),
  rates_limit: z.strictObject({ api: rate, login: rate, signup: rate, ask_send_email: rate, activity_pub: rate }),
  roles: z.strictObject({ web: z.boolean(), worker: z.boolean() }),
  admin: z.strictObject({ email: z.email() }),
  instance: z.strictObject({
    name: z.string().min(1),
    short_description: z.string(),
    description: z.string(),
    terms: z.string(),
    code_of_conduct: z.string(),
    moderation_information: z.string(),
    creation_reason: z.string(),
    administrator: z.string(),
    maintenance_lifetime: z.string(),
    business_model: z.string(),
    hardware_information: z.string(),
    languages: z.array(z.string()),
    categories: z.array(z.number().int()),
    default_nsfw_policy: z.enum(['display', 'blur', 'warn', 'do_not_list']),
    is_nsfw: z.boolean(),
    default_client_route: z.string(),
  }),
  signup: z.strictObject({
    enabled: z.boolean(),
    limit: z.number().int().min(-1),
    requires_approval: z.boolean(),
    requires_email_verification: z.boolean(),
    minimum_age: z.number().int().min(0),
  }),
  smtp: z.strictObject({
    hostname: z.string().nullable(),
    port: port,
    username: z.string().nullable(),
    password: z.string().nullable(),
    tls: z.boolean(),
    disable_starttls: z.boolean(),
    from_address: z.email(),
  }),
  email: z.strictObject({
    body: z.strictObject({ signature: z.string() }),
    subject: z.strictObject({ prefix: z.string() }),
  }),
  user: z.strictObject({
    video_quota: bytes,
    video_quota_daily: bytes,
    default_channel_name: z.string().min(1),
  }),
  video_channels: z.strictObject({ max_per_user: z.number().int().min(1), list_cache_ttl: duration }),
  federation: z.strictObject({
    enabled: z.boolean(),
    prevent_ssrf: z.boolean(),
    sign_federated_fetches: z.boolean(),
    /** Remote videos and actors read after this long are fetched again from their origin. */
    refresh_interval: duration.default(2 * 86400_000),
    /** Our follows still pending after this long are sent again. */
    pending_follow_resend_interval: duration.default(7 * 86400_000),
  }),
  followers: z.strictObject({
    instance: z.strictObject({ enabled: z.boolean(), manual_approval: z.boolean() }),
    channels: z.strictObject({ enabled: z.boolean() }),
  }),
  jobs: z.strictObject({ shutdown_timeout: duration }),
  transcoding: z.strictObject({
    enabled: z.literal(true, { message: 'Shoal needs transcoding to make videos playable; it cannot be disabled' }),
    allow_additional_extensions: z.boolean(),
    allow_audio_files: z.boolean(),
    threads: z.number().int().min(0),
    concurrency: z.number().int().min(1),
    preset: z.enum(['ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow', 'slower', 'veryslow']),
    resolutions: z.strictObject({
      '0p': z.boolean(),
      '144p': z.boolean(),
      '240p': z.boolean(),
      '360p': z.boolean(),
      '480p': z.boolean(),
      '720p': z.boolean(),
      '1080p': z.boolean(),
      '1440p': z.boolean(),
      '2160p': z.boolean(),
    }),
    always_transcode_original_resolution: z.boolean(),
    fps: z.strictObject({ max: z.number().int().min(1).max(240) }),
    web_videos: z.strictObject({ enabled: z.boolean() }),
    hls: z.strictObject({ enabled: z.boolean(), segment_duration: z.number().int().min(1).max(10) }),
    remote_runners: z.strictObject({ enabled: z.boolean() }),
    job_lock_duration: duration,
  }),
  uploads: z.strictObject({ max_file_size: bytes, session_expiration: duration }),
  video_file: z.strictObject({ update: z.strictObject({ enabled: z.boolean() }) }),
  views: z.strictObject({ videos: z.strictObject({ view_expiration: duration, remote_batch_interval: duration }) }),
  search: z.strictObject({ remote_uri: z.strictObject({ users: z.boolean(), anonymous: z.boolean() }) }),
  remote_runners: z.strictObject({ stalled_jobs: z.strictObject({ vod: duration, live: duration }) }),
  tracker: z.strictObject({ enabled: z.boolean(), private: z.boolean(), reject_too_many_announces: z.boolean() }),
  webrtc: z.strictObject({ stun_servers: z.array(z.string().regex(/^(stun|turns?):/)) }),
  defaults: z.strictObject({
    p2p: z.strictObject({ webapp: z.strictObject({ enabled: z.boolean() }), embed: z.strictObject({ enabled: z.boolean() }) }),
  }),
  live: z.strictObject({
    enabled: z.boolean(),
    allow_replay: z.boolean(),
    /** -1 = unlimited. */
    max_duration: z.union([z.literal(-1), duration]),
    max_instance_lives: z.number().int().min(-1),
    max_user_lives: z.number().int().min(-1),
    reconnect_grace_period: duration,
    latency_setting: z.strictObject({ enabled: z.boolean() }),
    latency: z.strictObject({ default: liveLatency, high: liveLatency, small: liveLatency }),
    rtmp: z.strictObject({ enabled: z.boolean(), port, hostname: z.string().nullable(), public_hostname: z.string().nullable() }),
    rtmps: z.strictObject({
      enabled: z.boolean(),
      port,
      hostname: z.string().nullable(),
      public_hostname: z.string().nullable(),
      key_file: z.string(),
      cert_file: z.string(),
    }),
    transcoding: z.strictObject({
      enabled: z.boolean(),
      threads: z.number().int().min(0),
      resolutions: z.strictObject({
        '144p': z.boolean(),
        '240p': z.boolean(),
        '360p': z.boolean(),
        '480p': z.boolean(),
        '720p': z.boolean(),
        '1080p': z.boolean(),
        '1440p': z.boolean(),
        '2160p': z.boolean(),
      }),
      always_transcode_original_resolution: z.boolean(),
      fps: z.strictObject({ max: z.number().int().min(1).max(240) }),
      remote_runners: z.strictObject({ enabled: z.boolean() }),
    }),
  }),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
