// Reading one document: its text with the query terms highlighted (built as text nodes and
// <mark> elements, never HTML), its extracted facets, its source link and its duplicates.

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
  const dl = h('dl', { class: 'facts' },
    row(t('published'), doc.published ? fmtDate(doc.published) : t('undated')),
    row(t('eventDates'), list(eventDates, (d) => (/^\d{4}-\d{2}$/.test(d) ? fmtMonth(d, true) : fmtDate(d)))),
    row(t('places'), places.length ? h('ul', { class: 'places' }, places) : null),
    row(t('regions'), list(doc.regions)),
    row(t('countries'), list(doc.countries)),
    row(t('actors'), list(doc.actors, (a) => a, 'tag tag-actor')),
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

  const aside = h('aside', { class: 'doc-facts', 'aria-labelledby': 'facts-h' }, h('h2', { id: 'facts-h', text: t('docFacets') }), dl, dupSection);

  const body = h('div', { class: 'doc-body', id: 'doc-body', lang: doc.language && doc.language !== 'und' ? doc.language : null });
  const pattern = highlightPattern(terms);
  const text = typeof doc.body === 'string' ? doc.body : '';
  let count = 0;
  for (const para of text.split(/\n{2,}/)) {
    if (!para.trim()) continue;
    const p = h('p');
    count += appendHighlighted(p, para, pattern);
    body.append(p);
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
