import { LinkifyIt } from 'linkify-it';
import { CORE_AUTOMATIC_TAGS } from '@shoal/models';

export interface WordList {
  listName: string;
  words: string[];
}

const linkify = new LinkifyIt();
// Spam often writes bare domains ("evil.com"): count them as links too.
linkify.set({ fuzzyEmail: false, fuzzyLink: true });

/** True when the text links to a host other than ours (the "external-link" core tag). */
export function hasExternalLink(text: string, ourHost: string): boolean {
  const ours = ourHost.toLowerCase();
  return (linkify.match(text) ?? []).some((m) => {
    try {
      return new URL(m.url).host.toLowerCase() !== ours;
    } catch {
      return true;
    }
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regex per list: whole words (or phrases) only, case-insensitive, any script. */
function listMatcher(words: string[]): RegExp {
  const alternatives = words.map((w) => escapeRegExp(w.trim().toLowerCase())).filter(Boolean);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Automatic tags of a text for one scope (the instance or an account): core tags plus the
 * name of every watched-words list with a word in the text.
 */
export function computeAutomaticTags(text: string, lists: WordList[], ourHost: string): string[] {
  const tags: string[] = [];
  if (hasExternalLink(text, ourHost)) tags.push(CORE_AUTOMATIC_TAGS[0]);
  for (const list of lists) {
    if (list.words.length && listMatcher(list.words).test(text)) tags.push(list.listName);
  }
  return [...new Set(tags)];
}
