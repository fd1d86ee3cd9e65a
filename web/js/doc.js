// Reading one document: its text with the query terms highlighted (built as text nodes and
// <mark> elements, never HTML), its extracted facets, its source link and its duplicates. Each
// facet value with evidence is a button: activating it marks the sentences it was read in
// (`mark.evidence`, the words themselves in `strong.evidence-words`) and shows the first.

import { h, clear, highlightPattern, appendHighlighted, safeUrl } from './dom.js';
import { t, fmtDate, fmtMonth, langName } from './i18n.js';
import { toSearch, clone } from './state.js';

function roleLabel(role) {
  return { event: t('roleEvent'), dateline: t('roleDateline'), mention: t('roleMention') }[role] || role || '';
}

function placeItems(doc) {
  const ex = doc.extraction && typeof doc.extraction === 'object' ? doc.extraction : null;
  const places = ex && Array.isArray(ex.places) ? ex.places : [];
  if (places.length) {
    const seen = new Set();
    const out = [];
    for (const p of places) {
      if (!p || typeof p !== 'object') continue;
      const name = String(p.name ?? p.locality ?? p.region ?? '');
      const where = [p.region, p.country].filter((x) => x && x !== name).map(String).join(', ');
      const k = `${name}|${where}|${p.role}`;
      if (!name || seen.has(k)) continue;
      seen.add(k);
      out.push(h('li', { class: `place role-${String(p.role || '')}` },
        h('span', { class: 'place-name', text: name }),
        where ? h('span', { class: 'muted', text: ` (${where})` }) : null,
        p.role ? h('span', { class: `role badge role-${String(p.role)}`, text: roleLabel(String(p.role)) }) : null));
    }
    return out;
  }
  // Hierarchy paths (country, region, district, locality), separated by `/` or NUL.
  return [...new Set((doc.places || []).map((path) => {
    const parts = String(path).split(/[/\u0000]/).filter(Boolean);
    return parts.filter((p, i) => p !== parts[i - 1]).reverse().join(', ');
  }))].map((text) => h('li', { class: 'place', text }));
}

/** Byte offsets (UTF-8, as the server gives them) → indexes in the JS string (UTF-16);
 * `undefined` for an offset inside a character or past the end. */
function utf16Offsets(text) {
  const at = new Map();
  let byte = 0;
  let unit = 0;
  for (const ch of text) {
    at.set(byte, unit);
    const cp = ch.codePointAt(0);
    byte += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    unit += ch.length;
  }
  at.set(byte, unit);
  return (offset) => at.get(offset);
}

/** The evidence of one facet value as ranges of the shown title and text (UTF-16), sentences
 * merged where they overlap, each with the spans of the words read. */
function evidenceRanges(items, offsets) {
  const out = { title: [], text: [] };
  for (const e of items) {
    const field = e.field === 'title' ? 'title' : 'text';
    const at = offsets[field];
    const [s, end, ws, we] = [at(e.sentence_start), at(e.sentence_end), at(e.start), at(e.end)];
    if ([s, end, ws, we].some((x) => x === undefined) || s > ws || we > end) continue;
    out[field].push({ start: s, end, words: [[ws, we]] });
  }
  for (const field of ['title', 'text']) {
    const merged = [];
    for (const r of out[field].sort((a, b) => a.start - b.start)) {
      const last = merged[merged.length - 1];
      if (last && r.start <= last.end) {
        last.end = Math.max(last.end, r.end);
        last.words.push(...r.words);
      } else merged.push(r);
    }
    for (const r of merged) r.words.sort((a, b) => a[0] - b[0]);
    out[field] = merged;
  }
  return out;
}

/** Appends `text[from, to)` to `parent`: the query matches of `pattern` in <mark>, the evidence
 * `ranges` in <mark class="evidence"> with their words in <strong>. Returns the query matches. */
function appendWithEvidence(parent, text, from, to, pattern, ranges) {
  let pos = from;
  let count = 0;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to) continue;
    const start = Math.max(r.start, from);
    if (start > pos) count += appendHighlighted(parent, text.slice(pos, start), pattern);
    const end = Math.min(r.end, to);
    const mark = h('mark', { class: 'evidence' });
    let at = start;
    for (const [ws, we] of r.words) {
      const a = Math.max(ws, at);
      const b = Math.min(we, end);
      if (b <= a) continue;
      if (a > at) mark.append(document.createTextNode(text.slice(at, a)));
      mark.append(h('strong', { class: 'evidence-words', text: text.slice(a, b) }));
      at = b;
    }
    if (end > at) mark.append(document.createTextNode(text.slice(at, end)));
    parent.append(mark);
    pos = end;
  }
  if (to > pos) count += appendHighlighted(parent, text.slice(pos, to), pattern);
  return count;
}

/** The text as paragraphs (blank lines between them), with query and evidence marks. */
function fillBody(body, text, pattern, ranges) {
  let count = 0;
  const breaks = /\n{2,}/g;
  let start = 0;
  const paragraph = (from, to) => {
    if (!text.slice(from, to).trim()) return;
    const p = h('p');
    count += appendWithEvidence(p, text, from, to, pattern, ranges);
    body.append(p);
  };
  let m;
  while ((m = breaks.exec(text))) {
    paragraph(start, m.index);
    start = m.index + m[0].length;
  }
  paragraph(start, text.length);
  return count;
}

function row(label, value) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return null;
  return [h('dt', { text: label }), h('dd', null, value)];
}

function list(values, fmt = (v) => v, cls = 'tag') {
  if (!values || !values.length) return null;
  return h('ul', { class: 'tags' }, values.map((v) => h('li', { class: cls, text: fmt(v) })));
}

/**
 * Renders `doc` (an /api/doc response) into `root`. `terms` = {words, phrases, prefixes} to
 * highlight; `st` = the results state to go back to; `onBack()`, `onOpen(id)`.
 */
export function renderDoc(root, doc, terms, st, { onBack, onOpen }) {
  clear(root);
  const back = h('a', {
    class: 'btn back', id: 'back', href: toSearch({ ...clone(st), doc: '' }),
    onclick: (evt) => { if (evt.button !== 0 || evt.metaKey || evt.ctrlKey) return; evt.preventDefault(); onBack(); },
  }, t('back'));
  root.append(h('nav', { class: 'doc-nav' }, back));
  root.append(h('h1', { class: 'doc-title', id: 'doc-title', text: doc.title || t('untitled') }));

  const url = safeUrl(doc.url);
  const meta = h('p', { class: 'meta' },
    h('time', { datetime: doc.published || '', text: doc.published ? fmtDate(doc.published) : t('undated') }),
    doc.source ? [h('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }), h('span', { text: doc.source })] : null,
    doc.language ? [h('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }), h('span', { text: langName(doc.language) })] : null,
    url ? [h('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }), h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'src-link', text: t('sourceLink') })] : null);
  root.append(meta);

  const ex = doc.extraction && typeof doc.extraction === 'object' ? doc.extraction : {};
  const eventDates = (doc.event_dates && doc.event_dates.length ? doc.event_dates : ex.event_dates) || [];
  const places = placeItems(doc);

  // Evidence: the facet values as buttons that mark, in the title and text, where they were read.
  const title = doc.title || '';
  const text = typeof doc.body === 'string' ? doc.body : '';
  const offsets = { title: utf16Offsets(title), text: utf16Offsets(text) };
  const evidence = new Map();
  for (const e of Array.isArray(doc.evidence) ? doc.evidence : []) {
    if (!e || typeof e !== 'object') continue;
    const key = `${e.facet}\u0000${e.value}`;
    if (!evidence.has(key)) evidence.set(key, []);
    evidence.get(key).push(e);
  }
  let active = '';
  const caption = h('p', { class: 'ev-caption muted small', id: 'ev-caption', 'aria-live': 'polite', text: evidence.size ? t('evidenceHint') : '' });
  const chipButtons = [];
  const chips = (facet, values, fmt = (v) => v, cls = 'tag') => {
    if (!values || !values.length) return null;
    return h('ul', { class: 'tags' }, values.map((v) => {
      const items = evidence.get(`${facet}\u0000${v}`) || [];
      if (!items.length) return h('li', { class: cls, text: fmt(v), title: t('evidenceNone') });
      const key = `${facet}\u0000${v}`;
      const button = h('button', {
        type: 'button', class: `${cls} ev-chip`, 'data-ev-facet': facet, 'data-ev-value': v,
        'aria-pressed': 'false', 'aria-controls': 'doc-body', title: items[0].sentence || '',
        text: fmt(v), onclick: () => showEvidence(active === key ? '' : key),
      });
      chipButtons.push([key, button]);
      return h('li', null, button);
    }));
  };
  const folded = (name, values, fmt, cls) => {
    const inner = chips(name, values, fmt, cls);
    if (!inner) return null;
    inner.id = `doc-fold-${name}`;
    inner.hidden = true;
    const toggle = h('button', {
      type: 'button', class: 'link fold-toggle', 'data-fold': name, 'aria-expanded': 'false', 'aria-controls': inner.id,
      onclick: () => {
        inner.hidden = !inner.hidden;
        toggle.setAttribute('aria-expanded', inner.hidden ? 'false' : 'true');
        toggle.firstChild.textContent = inner.hidden ? '▸' : '▾';
      },
    }, h('span', { class: 'fold-caret', 'aria-hidden': 'true', text: '▸' }), ` ${values.length}`);
    return [toggle, inner];
  };
  const monthLabel = (m) => fmtMonth(m, true);
  const dl = h('dl', { class: 'facts' },
    row(t('published'), doc.published ? fmtDate(doc.published) : t('undated')),
    row(t('eventDates'), list(eventDates, (d) => (/^\d{4}-\d{2}$/.test(d) ? fmtMonth(d, true) : fmtDate(d)))),
    row(t('months'), chips('months', doc.months, monthLabel)),
    row(t('backgroundMonths'), folded('background_months', doc.background_months, monthLabel)),
    row(t('places'), places.length ? h('ul', { class: 'places' }, places) : null),
    row(t('regions'), chips('regions', doc.regions, (v) => v, 'tag tag-region')),
    row(t('mentionedRegions'), folded('mentioned_regions', doc.mentioned_regions, (v) => v, 'tag')),
    row(t('countries'), chips('countries', doc.countries)),
    row(t('actors'), chips('actors', doc.actors, (a) => a, 'tag tag-actor')),
    row(t('language'), doc.language ? langName(doc.language) : null),
    row(t('source'), doc.source || null),
    row(t('file'), doc.source_path ? h('code', { text: doc.source_path }) : null));

  const dupItems = [];
  const docLink = (ref) => {
    const ds = clone(st);
    ds.doc = ref.id;
    return h('a', {
      href: toSearch(ds), 'data-id': ref.id,
      onclick: (evt) => { if (evt.button !== 0 || evt.metaKey || evt.ctrlKey) return; evt.preventDefault(); onOpen(ref.id); },
    }, ref.title || ref.id);
  };
  for (const d of doc.duplicates || []) {
    const u = safeUrl(d.url);
    dupItems.push(h('li', null, docLink(d),
      d.source ? h('span', { class: 'muted', text: ` · ${d.source}` }) : null,
      d.published ? h('span', { class: 'muted', text: ` · ${fmtDate(d.published)}` }) : null,
      u ? [' · ', h('a', { href: u, rel: 'noopener noreferrer nofollow', target: '_blank', text: t('sourceLink') })] : null));
  }
  const dupSection = h('section', { class: 'dups', 'aria-labelledby': 'dups-h' },
    h('h2', { id: 'dups-h', text: t('duplicatesHeading') }),
    doc.duplicate_of ? h('p', null, `${t('duplicateOf')} `, docLink({ id: doc.duplicate_of, title: doc.duplicate_of })) : null,
    dupItems.length ? h('ul', null, dupItems) : h('p', { class: 'muted', text: t('noDuplicates') }));

  const aside = h('aside', { class: 'doc-facts', 'aria-labelledby': 'facts-h' }, h('h2', { id: 'facts-h', text: t('docFacets') }), caption, dl, dupSection);

  const body = h('div', { class: 'doc-body', id: 'doc-body', lang: doc.language && doc.language !== 'und' ? doc.language : null });
  const pattern = highlightPattern(terms);
  const count = fillBody(body, text, pattern, []);

  /** Marks the evidence of `key` (facet NUL value) in the title and the text, or none. */
  function showEvidence(key) {
    active = key;
    const ranges = evidenceRanges(evidence.get(key) || [], offsets);
    const heading = document.getElementById('doc-title');
    if (heading && title) {
      clear(heading);
      appendWithEvidence(heading, title, 0, title.length, null, ranges.title);
    }
    clear(body);
    fillBody(body, text, pattern, ranges.text);
    for (const [k, button] of chipButtons) button.setAttribute('aria-pressed', k === key ? 'true' : 'false');
    const items = evidence.get(key) || [];
    if (!key || !items.length) {
      caption.textContent = evidence.size ? t('evidenceHint') : '';
      return;
    }
    const n = ranges.title.length + ranges.text.length;
    caption.textContent = t('evidenceSentence', { sentence: items[0].sentence || items[0].text || '' })
      + (n > 1 ? ` (${t('evidenceMore', { n })})` : '');
    const first = root.querySelector('mark.evidence');
    if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
  const section = h('section', { class: 'doc-text', 'aria-labelledby': 'text-h' },
    h('h2', { id: 'text-h', class: 'visually-hidden', text: t('docText') }),
    count ? h('p', { class: 'muted small', text: t('matches', { n: count }) }) : null,
    body);
  root.append(h('div', { class: 'doc-grid' }, section, aside));
}

export function renderDocError(root, message, st, { onBack }) {
  clear(root);
  root.append(h('nav', { class: 'doc-nav' }, h('a', {
    class: 'btn back', id: 'back', href: toSearch({ ...clone(st), doc: '' }),
    onclick: (evt) => { evt.preventDefault(); onBack(); },
  }, t('back'))),
  h('div', { class: 'error', role: 'alert' }, h('p', { class: 'empty-title', text: t('docError') }), message ? h('p', { class: 'muted', text: message }) : null));
}
