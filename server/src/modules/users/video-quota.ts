/**
 * How much of their quota users have used, in bytes of original uploaded files.
 * The videos module supplies the real counter (services.ts); until it does, nothing is used.
 */
export interface VideoQuotaCounter {
  /** Bytes uploaded by the user, only those since `since` when given (daily quota). */
  used(userId: number, since?: Date): Promise<number>;
}

export const noVideosQuotaCounter: VideoQuotaCounter = {
  used: async () => 0,
};

export const DAY_MS = 24 * 3600 * 1000;
