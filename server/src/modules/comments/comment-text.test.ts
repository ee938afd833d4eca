import assert from 'node:assert/strict';
import { renderCommentHtml } from './comment-text';

const ctx = { publicUrl: 'https://video.example', videoUrl: 'https://video.example/w/abc' };
const render = (text: string) => renderCommentHtml(text, ctx);

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 's', 'del', 'code', 'a', 'ul', 'ol', 'li', 'blockquote']);
const ALLOWED_ATTRIBUTES = new Set(['href', 'class', 'rel', 'target']);

/**
 * What must never come out, whatever came in: every real tag (escaped text has no raw "<")
 * is on the allowlist, with allowlisted attributes, and links are http(s) or mailto only.
 */
function assertHarmless(html: string): void {
  for (const [, name, attrs] of html.matchAll(/<\/?([a-zA-Z0-9-]+)([^>]*)>/g)) {
    assert.ok(ALLOWED_TAGS.has(name.toLowerCase()), `tag <${name}> in ${html}`);
    for (const [, attr, value] of attrs.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      assert.ok(ALLOWED_ATTRIBUTES.has(attr.toLowerCase()), `attribute ${attr} in ${html}`);
      if (attr === 'href') assert.match(value, /^(https?:\/\/|mailto:)/, `href ${value}`);
    }
  }
}

const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle r=1></circle></svg>',
  '<svg><script>alert(1)</script></svg>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="http://ok.example" onclick="alert(1)">x</a>',
  '"><script>alert(1)</script>',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<scr<script>ipt>alert(1)</script>',
  '<<img src=x onerror=alert(1)//<',
  '<img src="x" onerror="alert(1)"',
  '![x](https://evil.example/x.png" onerror="alert(1))',
  '[x](https://ok.example" onmouseover="alert(1))',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<details open ontoggle=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '`<script>alert(1)</script>`',
  '<a href=javascript&colon;alert(1)>x</a>',
  '[x](javascript&#58;alert(1))',
  '@<script>alert(1)</script>',
];

describe('comment text rendering', () => {
  it('has a checker that catches what it must', () => {
    assert.throws(() => assertHarmless('<p><script>x</script></p>'));
    assert.throws(() => assertHarmless('<a href="javascript:x">y</a>'));
    assert.throws(() => assertHarmless('<a href="https://x" onclick="y">z</a>'));
    assert.doesNotThrow(() => assertHarmless('<p>&lt;script&gt;</p>'));
  });

  for (const input of XSS_CORPUS) {
    it(`neutralizes ${JSON.stringify(input)}`, () => assertHarmless(render(input)));
  }

  it('keeps the words of an escaped script as text', () => {
    assert.equal(render('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('renders emphasis, line breaks and lists', () => {
    assert.equal(render('**bold** and *it*\nnext'), '<p><strong>bold</strong> and <em>it</em><br />\nnext</p>');
    assert.match(render('- a\n- b'), /<ul>\s*<li>a<\/li>\s*<li>b<\/li>\s*<\/ul>/);
  });

  it('opens external links in a new tab without referrer or follow', () => {
    assert.equal(
      render('see https://other.example/page'),
      '<p>see <a href="https://other.example/page" rel="nofollow noopener noreferrer" target="_blank">https://other.example/page</a></p>',
    );
  });

  it('links mentions to the account page', () => {
    const html = render('thanks @alice and @bob@remote.example.');
    assert.match(html, /<a href="https:\/\/video.example\/a\/alice" class="mention" rel="nofollow noopener noreferrer">@alice<\/a>/);
    assert.match(html, /href="https:\/\/video.example\/a\/bob%40remote.example" class="mention"[^>]*>@bob@remote.example<\/a>\.<\/p>/);
  });

  it('links timestamps to the video at that time', () => {
    const html = render('at 1:23 and 1:02:03, not 99:99 or 1:75:00');
    assert.match(html, /<a href="https:\/\/video.example\/w\/abc\?start=83" class="video-timestamp"[^>]*>1:23<\/a>/);
    assert.match(html, /\?start=3723"/);
    assert.equal((html.match(/video-timestamp/g) ?? []).length, 2);
  });

  it('does not decorate inside links or code', () => {
    assert.doesNotMatch(render('`@alice 1:23`'), /<a /);
    assert.doesNotMatch(render('[@alice](https://x.example)'), /mention/);
  });
});
