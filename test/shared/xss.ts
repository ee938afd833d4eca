import assert from 'node:assert/strict';

/** Classic injection attempts: script tags, event handlers, javascript: links, SVG, broken markup. */
export const XSS_CORPUS = [
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

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 's', 'del', 'code', 'a', 'ul', 'ol', 'li', 'blockquote']);
const ALLOWED_ATTRIBUTES = new Set(['href', 'class', 'rel', 'target']);

/**
 * HTML the API returns as rendered text: every real tag (escaped text has no raw "<") is on
 * the allowlist with allowlisted attributes, and links are http(s) or mailto only.
 */
export function assertHarmlessHtml(html: string): void {
  for (const [, name, attrs] of html.matchAll(/<\/?([a-zA-Z0-9-]+)([^>]*)>/g)) {
    assert.ok(ALLOWED_TAGS.has(name.toLowerCase()), `tag <${name}> in ${html}`);
    for (const [, attr, value] of attrs.matchAll(/([^\s=/]+)(?:="([^"]*)")?/g)) {
      assert.ok(ALLOWED_ATTRIBUTES.has(attr.toLowerCase()), `attribute ${attr} in ${html}`);
      if (attr === 'href') assert.match(value, /^(https?:\/\/|mailto:)/, `href ${value}`);
    }
  }
}
