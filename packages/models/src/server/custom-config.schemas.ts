import { z } from 'zod';

/** Limits of the instance texts an administrator edits at runtime; the admin form reads these. */
export const CUSTOM_CONFIG_CONSTRAINTS = {
  name: { min: 1, max: 120 },
  shortDescription: { max: 250 },
  description: { max: 10_000 },
  terms: { max: 10_000 },
  signupLimit: { min: -1, max: 1_000_000 },
} as const;

/** Transcoding rungs in PeerTube's `resolutions` key order (`0p` is audio only). */
export const CUSTOM_CONFIG_RESOLUTIONS = ['0p', '144p', '240p', '360p', '480p', '720p', '1080p', '1440p', '2160p'] as const;
export type CustomConfigResolution = (typeof CUSTOM_CONFIG_RESOLUTIONS)[number];

const c = CUSTOM_CONFIG_CONSTRAINTS;

/**
 * The runtime-editable part of PeerTube's `CustomConfig` that Shoal implements. Objects are not
 * strict on purpose: PeerTube admin clients send every section of their full config, and the
 * sections we do not implement are ignored rather than rejected.
 */
export const customConfigUpdateSchema = z.object({
  instance: z
    .object({
      name: z.string().trim().min(c.name.min).max(c.name.max).optional(),
      shortDescription: z.string().max(c.shortDescription.max).optional(),
      description: z.string().max(c.description.max).optional(),
      terms: z.string().max(c.terms.max).optional(),
    })
    .optional(),
  signup: z
    .object({
      enabled: z.boolean().optional(),
      requiresApproval: z.boolean().optional(),
      limit: z.number().int().min(c.signupLimit.min).max(c.signupLimit.max).optional(),
    })
    .optional(),
  transcoding: z
    .object({
      // Shoal always transcodes: accepted when true so full PeerTube bodies pass, refused when false.
      enabled: z.literal(true, { message: 'transcoding cannot be disabled' }).optional(),
      resolutions: z.object(Object.fromEntries(CUSTOM_CONFIG_RESOLUTIONS.map((r) => [r, z.boolean().optional()]))).optional(),
    })
    .optional(),
  live: z.object({ enabled: z.boolean().optional() }).optional(),
});
export type CustomConfigUpdate = z.infer<typeof customConfigUpdateSchema>;

/** `GET /config/custom`: current values. */
export interface CustomConfig {
  instance: { name: string; shortDescription: string; description: string; terms: string };
  signup: { enabled: boolean; requiresApproval: boolean; limit: number };
  transcoding: { enabled: true; resolutions: Record<CustomConfigResolution, boolean> };
  live: { enabled: boolean };
  /** Settings saved but only used by the media pipeline after the next restart. */
  restartRequired: string[];
}
