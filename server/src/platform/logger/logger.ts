import pino, { type Logger } from 'pino';

/** Header and body fields that must never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-peertube-video-password"]',
  'req.headers["x-upload-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.access_token',
  '*.refresh_token',
  '*.client_secret',
  '*.streamKey',
  '*.runnerToken',
  '*.privateKey',
];

export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { pid: process.pid, ...base }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

export type { Logger };
