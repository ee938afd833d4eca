import MarkdownIt, { type StateCore, type Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Comment text → HTML. Authors write plain text with a small Markdown subset; the API
 * returns HTML (PeerTube's `text` is HTML). Two independent layers: markdown-it never
 * passes raw HTML through (`html: false`) and refuses javascript:/data: links, then
 * sanitize-html keeps only the tags and attributes below whatever the first layer let out.
 */

export interface RenderContext {
  /** Public origin of the instance, for mention links. */
  publicUrl: string;
  /** Watch page of the comment's video, for timestamp links. */
  videoUrl: string;
}

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true });
md.enable(['linkify', 'newline', 'escape', 'backticks', 'strikethrough', 'emphasis', 'link', 'autolink', 'entity', 'list', 'blockquote']);
// "@bob@example.org" is a mention, not an e-mail address.
md.linkify.set({ fuzzyEmail: false });
md.core.ruler.push('shoal_decorations', (state) => decorate(state, (state.env as { render: RenderContext }).render));

/** "@name" or "@name@host", and "1:23" / "1:02:03" timestamps, after a space or at the start. */
const DECORATIONS =
  /(?<=^|[\s(])(?:@(?<user>[\w.]{1,50}?)(?:@(?<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?))?(?=$|[^\w.@-]|\.(?:$|\s))|(?<ts>(?:\d{1,2}:)?\d{1,2}:[0-5]\d)(?![\d:]))/giu;

function timestampSeconds(text: string): number | null {
  const parts = text.split(':').map(Number);
  if (parts.length === 3 && parts[1] >= 60) return null;
  return parts.reduce((total, p) => total * 60 + p, 0);
}

function linkTokens(state: StateCore, href: string, cls: string, label: string): Token[] {
  const open = new state.Token('link_open', 'a', 1);
  open.attrs = [
    ['href', href],
    ['class', cls],
  ];
  const text = new state.Token('text', '', 0);
  text.content = label;
  return [open, text, new state.Token('link_close', 'a', -1)];
}

function decorateText(state: StateCore, content: string, ctx: RenderContext): Token[] {
  const out: Token[] = [];
  let last = 0;
  const pushText = (s: string) => {
    if (!s) return;
    const t = new state.Token('text', '', 0);
    t.content = s;
    out.push(t);
  };
  for (const m of content.matchAll(DECORATIONS)) {
    const { user, host, ts } = m.groups ?? {};
    let href: string | null = null;
    let cls = 'mention';
    if (ts) {
      const seconds = timestampSeconds(ts);
      if (seconds !== null) href = `${ctx.videoUrl}?start=${seconds}`;
      cls = 'video-timestamp';
    } else if (user) {
      href = `${ctx.publicUrl}/a/${encodeURIComponent(host ? `${user}@${host}` : user)}`;
    }
    if (href === null) continue;
    pushText(content.slice(last, m.index));
    out.push(...linkTokens(state, href, cls, m[0]));
    last = m.index + m[0].length;
  }
  pushText(content.slice(last));
  return out;
}

/** Core rule: turns mentions and timestamps in plain text (never inside a link) into links. */
function decorate(state: StateCore, ctx: RenderContext): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const children: Token[] = [];
    let inLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') inLink++;
      if (token.type === 'link_close') inLink--;
      if (token.type === 'text' && inLink === 0) children.push(...decorateText(state, token.content, ctx));
      else children.push(token);
    }
    block.children = children;
  }
}

const SAFE_LINK = 'nofollow noopener noreferrer';

function sanitize(html: string, ctx: RenderContext): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'em', 's', 'del', 'code', 'a', 'ul', 'ol', 'li', 'blockquote'],
    allowedAttributes: { a: ['href', 'class', 'rel', 'target'] },
    allowedClasses: { a: ['mention', 'video-timestamp'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'escape',
    transformTags: {
      a: (tagName, attribs) => {
        const external = !(attribs.href ?? '').startsWith(`${ctx.publicUrl}/`);
        return { tagName, attribs: { ...attribs, rel: SAFE_LINK, ...(external ? { target: '_blank' } : {}) } };
      },
    },
  });
}

/** Renders an author's raw comment text as the safe HTML the API returns. */
export function renderCommentHtml(text: string, ctx: RenderContext): string {
  return sanitize(md.render(text, { render: ctx }), ctx).trim();
}

/** Who a comment mentions ("@name" or "@name@host"), in order, without duplicates. */
export function mentionsIn(text: string): { user: string; host: string | null }[] {
  const seen = new Set<string>();
  const out: { user: string; host: string | null }[] = [];
  for (const m of text.matchAll(DECORATIONS)) {
    const { user, host } = m.groups ?? {};
    if (!user) continue;
    const key = `${user}@${host ?? ''}`.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ user, host: host ?? null });
  }
  return out;
}
