// DOM building. Text from documents is only ever inserted through text nodes (textContent);
// the one piece of server HTML, the snippet, is checked to contain nothing but escaped text and
// <mark></mark> before it is turned into nodes, and is still built node by node.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') el.textContent = String(value);
      else if (key === 'class') el.setAttribute('class', value);
      else if (key === 'dataset') Object.assign(el.dataset, value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** `h('a', {href, class, text, onclick}, ...children)`: strings become text nodes. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'", '#34': '"', '#x2F': '/', '#47': '/' };
// Escaped text: anything but < and >, and & only as one of the entities above.
const SAFE_TEXT = /^(?:[^<>&]|&(?:amp|lt|gt|quot|apos|#39|#x27|#34|#x2F|#47);)*$/;

function unescape(text) {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27|#34|#x2F|#47);/g, (_, name) => ENTITIES[name]);
}

/**
 * The snippet as nodes when it holds only escaped text and non-nested <mark>…</mark>;
 * otherwise the raw string as plain text (shown, never interpreted).
 */
export function snippetNodes(html) {
  const frag = document.createDocumentFragment();
  if (typeof html !== 'string' || html === '') return frag;
  const parts = html.split(/(<mark>|<\/mark>)/);
  let open = false;
  let ok = true;
  for (const part of parts) {
    if (part === '<mark>') { if (open) { ok = false; break; } open = true; }
    else if (part === '</mark>') { if (!open) { ok = false; break; } open = false; }
    else if (!SAFE_TEXT.test(part)) { ok = false; break; }
  }
  if (!ok || open) {
    frag.append(document.createTextNode(html));
    return frag;
  }
  let mark = null;
  for (const part of parts) {
    if (part === '<mark>') { mark = document.createElement('mark'); continue; }
    if (part === '</mark>') { frag.append(mark); mark = null; continue; }
    if (part === '') continue;
    const text = document.createTextNode(unescape(part));
    if (mark) mark.append(text); else frag.append(text);
  }
  return frag;
}

/** The words the server highlighted in a snippet (plain text). */
export function markedWords(html) {
  const out = [];
  if (typeof html !== 'string') return out;
  const re = /<mark>([^<>]*)<\/mark>/g;
  let m;
  while ((m = re.exec(html))) out.push(unescape(m[1]));
  return out;
}

// ---- client-side highlighting of a document's text ----

/**
 * Folds `text` for comparison (lowercase, no diacritics, œ→oe, typographic apostrophes → ')
 * keeping, for each folded UTF-16 unit, the index of the original unit it came from.
 */
function foldWithMap(text) {
  let folded = '';
  const map = [];
  let i = 0;
  for (const ch of text) {
    let f = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (f === 'œ') f = 'oe';
    else if (f === 'æ') f = 'ae';
    else if (f === 'ß') f = 'ss';
    else if (/[’‘ʼ`´′]/.test(f)) f = "'";
    else if (/\s/.test(f)) f = ' ';
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(i);
  return { folded, map };
}

export function fold(text) {
  return foldWithMap(text).folded;
}

function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular expression over folded text for the query: words match whole words and their
 * inflections (a stem: the word less a short ending), phrases match their words in order,
 * prefixes match word starts.
 */
export function highlightPattern({ words = [], phrases = [], prefixes = [] }) {
  const alts = new Set();
  const stem = (w) => {
    if (w.length >= 6) return w.slice(0, w.length - 2);
    if (w.length >= 5) return w.slice(0, w.length - 1);
    return null;
  };
  const wordPattern = (w) => {
    const st = stem(w);
    return st ? `${escapeRegex(st)}[\\p{L}\\p{N}]{0,4}` : `${escapeRegex(w)}(?:e?s)?`;
  };
  for (const raw of words) {
    const w = fold(raw).trim();
    if (!w) continue;
    if (/\s/.test(w)) alts.add(w.split(/\s+/).map(escapeRegex).join('[\\s\'-]+'));
    else alts.add(wordPattern(w));
  }
  for (const raw of phrases) {
    const ws = fold(raw).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (ws.length) alts.add(ws.map(escapeRegex).join('[^\\p{L}\\p{N}]+'));
  }
  for (const raw of prefixes) {
    const p = fold(raw).replace(/\*+$/, '').trim();
    if (p) alts.add(`${escapeRegex(p)}[\\p{L}\\p{N}]*`);
  }
  if (!alts.size) return null;
  const sorted = [...alts].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Appends `text` to `parent` as text nodes, with the matches of `pattern` inside <mark>. */
export function appendHighlighted(parent, text, pattern) {
  if (!pattern) {
    parent.append(document.createTextNode(text));
    return 0;
  }
  const { folded, map } = foldWithMap(text);
  let last = 0;
  let count = 0;
  pattern.lastIndex = 0;
  let m;
  while ((m = pattern.exec(folded))) {
    if (m[0].length === 0) { pattern.lastIndex++; continue; }
    const start = map[m.index];
    const end = map[m.index + m[0].length];
    if (start < last) continue;
    if (start > last) parent.append(document.createTextNode(text.slice(last, start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    last = end;
    count++;
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
  return count;
}

/** Only http(s) links are made clickable. */
export function safeUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url, location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (_) {
    return null;
  }
}
