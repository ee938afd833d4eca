/** Limits of watched-words lists, without zod: client forms import them. */
export const WATCHED_WORDS_CONSTRAINTS = {
  listName: { min: 1, max: 100 },
  word: { min: 1, max: 100 },
  words: { min: 1, max: 500 },
  /** Lists one account (or the instance) may keep. */
  maxLists: 100,
} as const;
