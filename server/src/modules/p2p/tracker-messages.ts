import { z } from 'zod';

/**
 * WebTorrent tracker messages (JSON over WebSocket). Info-hashes and peer ids travel as
 * 20-character "binary strings"; p2p-media-loader v2 uses printable ASCII for both.
 */
const binaryId = z.string().length(20);
const sdp = z.looseObject({ type: z.string().max(32), sdp: z.string().max(16_384) });

/** More offers than this in one announce is not a player, and each one is relayed. */
export const MAX_OFFERS = 20;

export const announceMessageSchema = z.object({
  action: z.literal('announce'),
  info_hash: binaryId,
  peer_id: binaryId,
  event: z.enum(['started', 'stopped', 'completed', 'update', 'paused']).optional(),
  numwant: z.number().int().min(0).max(200).optional(),
  offers: z
    .array(z.object({ offer: sdp, offer_id: z.string().min(1).max(64) }))
    .max(MAX_OFFERS)
    .optional(),
  to_peer_id: binaryId.optional(),
  answer: sdp.optional(),
  offer_id: z.string().min(1).max(64).optional(),
});

export const scrapeMessageSchema = z.object({
  action: z.literal('scrape'),
  info_hash: z.union([binaryId, z.array(binaryId).max(50)]).optional(),
});

export const trackerMessageSchema = z.discriminatedUnion('action', [announceMessageSchema, scrapeMessageSchema]);

export type AnnounceMessage = z.infer<typeof announceMessageSchema>;
export type ScrapeMessage = z.infer<typeof scrapeMessageSchema>;
export type TrackerMessage = z.infer<typeof trackerMessageSchema>;

/** Parses one text frame; null for anything that is not a well-formed tracker message. */
export function parseTrackerMessage(raw: string): TrackerMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = trackerMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
