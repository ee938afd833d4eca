import { z } from 'zod';
import { listQuerySchema } from '../common/pagination.schema';

/** `GET /videos/:id/passwords`: PeerTube sorts this list by creation date only. */
export const videoPasswordListQuerySchema = listQuerySchema(['createdAt'], 'createdAt');

export const videoPasswordIdParamsSchema = z.object({
  passwordId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** One entry of the list; owners may read passwords back, as in PeerTube. */
export interface VideoPassword {
  id: number;
  password: string;
  videoId: number;
}
