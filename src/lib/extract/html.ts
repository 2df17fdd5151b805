/**
 * A saved HTML page → its visible article text. No DOM (a Web Worker has none): a small tag scanner
 * that drops script/style/nav/header/footer/aside and blocks whose class or id names navigation,
 * footers, share bars or "related links", turns block boundaries into newlines and decodes entities.
 */

/** True when the text is an HTML page rather than plain prose. */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 4000).toLowerCase();
  if (/<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]/.test(head)) return true;
  const tags = s.slice(0, 20000).match(/<\/?(?:p|div|br|span|td|tr|table|li|ul|a|h[1-6]|section|article|font|strong|b)[\s>/]/gi);
  return (tags?.length ?? 0) >= 5;
}

const NAMED: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·',
  bull: '•', times: '×', divide: '÷', copy: '©', reg: '®', deg: '°', yen: '¥', laquo: '«', raquo: '»',
  permil: '‰', sect: '§', para: '¶', shy: '', zwj: '', zwnj: '', lrm: '', rlm: '',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return m;
      return String.fromCodePoint(code);
    }
    const v = NAMED[body.toLowerCase()];
    return v === undefined ? m : v;
  });
}

/** Elements whose whole content is never article text. */
const DROP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'footer', 'header', 'aside', 'iframe', 'svg', 'select', 'button', 'form', 'object']);
const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr', 'param']);
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'hr', 'li', 'ul', 'ol', 'tr', 'table', 'tbody', 'thead', 'section', 'article', 'main', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'dd', 'dt', 'dl', 'blockquote', 'pre', 'center', 'title', 'caption', 'figure', 'figcaption',
]);
const CELL_TAGS = new Set(['td', 'th']);
/** class/id words of page chrome. */
const NOISE_ATTR = /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|header|breadcrumb|crumb|share|sharebar|related|relate|xglj|friendlink|links|sidebar|side|toolbar|copyright|print|fontsize|pager|comment)(?:$|[\s_\d-])/i;
/** Headings of "related links" blocks: everything after them inside the same container is dropped. */
const RELATED_HEAD = /^\s*(?:相关链接|相关文章|相关阅读|相关新闻|相关信息|友情链接|上一篇|下一篇)\s*[:：]?\s*$/;

interface Frame {
  tag: string;
  drop: boolean;
}

/** HTML → visible text with block breaks as newlines. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  let dropDepth = 0; // number of open dropped frames
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!doctype[^>]*>|<\/?([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  let last = 0;
  let m: RegExpExecArray | null;
  const emitText = (t: string) => {
    if (dropDepth === 0 && t) out.push(decodeEntities(t.replace(/[\t\r\n ]+/g, ' ')));
  };
  while ((m = re.exec(html))) {
    emitText(html.slice(last, m.index));
    last = re.lastIndex;
    const name = m[1]?.toLowerCase();
    if (!name) continue; // comment, CDATA, doctype
    const closing = m[0][1] === '/';
    const attrs = m[2] ?? '';
    if (closing) {
      // pop to the matching open tag (tolerating unclosed inner tags)
      let i = stack.length - 1;
      while (i >= 0 && stack[i]!.tag !== name) i--;
      if (i >= 0) {
        while (stack.length > i) {
          const f = stack.pop()!;
          if (f.drop) dropDepth--;
        }
      }
      if (dropDepth === 0 && (BLOCK_TAGS.has(name) || CELL_TAGS.has(name))) out.push(BLOCK_TAGS.has(name) ? '\n' : ' ');
      continue;
    }
    if (name === 'script' || name === 'style' || name === 'textarea' || name === 'noscript') {
      // raw-text elements: skip to the closing tag directly
      const end = html.toLowerCase().indexOf(`</${name}`, last);
      const stop = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
      last = re.lastIndex = stop;
      continue;
    }
    const selfClosing = VOID_TAGS.has(name) || /\/\s*$/.test(attrs);
    if (dropDepth === 0 && (BLOCK_TAGS.has(name) || CELL_TAGS.has(name))) out.push(BLOCK_TAGS.has(name) ? '\n' : ' ');
    if (selfClosing) continue;
    const cls = /\b(?:class|id)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;
    let attrText = '';
    let a: RegExpExecArray | null;
    while ((a = cls.exec(attrs))) attrText += ' ' + (a[2] ?? a[3] ?? a[4] ?? '');
    const drop = DROP_TAGS.has(name) || (attrText !== '' && NOISE_ATTR.test(attrText.trim()));
    stack.push({ tag: name, drop });
    if (drop) dropDepth++;
  }
  emitText(html.slice(last));
  return tidyLines(out.join(''));
}

/** Trims lines, collapses blank runs, drops everything from a "相关链接" heading line on. */
export function tidyLines(s: string): string {
  const lines = s.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim());
  const kept: string[] = [];
  for (const l of lines) {
    if (RELATED_HEAD.test(l)) {
      // a "related links" block after the article ends it; one before the article (a sidebar) is skipped
      if (kept.join('').length > 200) break;
      continue;
    }
    if (!l) {
      if (kept.length && kept[kept.length - 1] !== '') kept.push('');
      continue;
    }
    kept.push(l);
  }
  while (kept.length && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
