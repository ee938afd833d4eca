/** A piece of a video description: plain text, a link, or a timestamp that seeks the player. */
export type DescriptionPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string } | { kind: 'time'; text: string; seconds: number };

// Timestamps like 1:23, 01:02:03 (not inside a longer number); links only over http(s).
const TOKEN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])|(?<![\d:])((?:\d{1,2}:)?\d{1,2}:[0-5]\d)(?![\d:])/g;

export function timestampToSeconds(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * Splits a description into parts for rendering without innerHTML: the text stays text,
 * so nothing a user typed can become markup.
 */
export function parseDescription(description: string): DescriptionPart[] {
  const parts: DescriptionPart[] = [];
  let last = 0;
  for (const match of description.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: 'text', text: description.slice(last, index) });
    if (match[1]) parts.push({ kind: 'link', text: match[1], href: match[1] });
    else parts.push({ kind: 'time', text: match[2], seconds: timestampToSeconds(match[2]) });
    last = index + match[0].length;
  }
  if (last < description.length) parts.push({ kind: 'text', text: description.slice(last) });
  return parts;
}
