// The results column: what the server understood, the toolbar (count, sort, export), the hits
// and the pager, and the no-result and error states.

import { h, clear, snippetNodes } from './dom.js';
import { t, fmtNumber, fmtDate, langName } from './i18n.js';
import { PAGE_SIZE, apiExportUrl, feedUrl, toSearch, hasFilters, clone } from './state.js';

// Alternatives shown per term on a folded line, and terms shown.
const FOLDED_ALTERNATIVES = 2;
const FOLDED_TERMS = 2;
// The folded lines unfolded by the user, by line and query (a new query folds them again).
const unfolded = new Set();

/** A line of `label : term → alternatives · …`, short (the first terms, their first
 * alternatives) with a button that unfolds it when that hides anything. */
function foldableLine(kind, q, label, items, cls, after = []) {
  const key = `${kind}\u0000${q}`;
  const open = unfolded.has(key);
  const hidden = items.length > FOLDED_TERMS || items.some((e) => e.alternatives.length > FOLDED_ALTERNATIVES);
  const shown = open || !hidden ? items : items.slice(0, FOLDED_TERMS);
  const text = (e) => {
    const alts = open || !hidden ? e.alternatives : e.alternatives.slice(0, FOLDED_ALTERNATIVES);
    return `${e.term} → ${alts.join(', ')}${alts.length < e.alternatives.length ? ', …' : ''}`;
  };
  const line = h('p', { class: `u-sub ${cls}${open ? ' open' : ''}` }, `${label} : `,
    shown.map((e, i) => [i ? ' · ' : '', h('span', { class: 'q-exp', text: text(e) })]));
  if (hidden) {
    const more = items.reduce((n, e) => n + e.alternatives.length, 0);
    // The ellipsis for terms left out; one for alternatives left out ends its term already.
    line.append(!open && shown.length < items.length ? ' … ' : ' ', h('button', {
      type: 'button', class: 'link unfold', 'aria-expanded': String(open),
      text: open ? t('fold') : t('unfold', { n: fmtNumber(more) }),
      onclick: () => {
        if (open) unfolded.delete(key); else unfolded.add(key);
        const fresh = foldableLine(kind, q, label, items, cls, after);
        line.replaceWith(fresh);
        const button = fresh.querySelector('button.unfold');
        if (button) button.focus();
      },
    }));
  }
  if (after.length) line.append(' ', ...after);
  return line;
}

// The server's notes in English; the French page says them in French.
const NOTES = [
  [/^`(.*)`: no searchable words$/, (m) => t('noWordsNote', { q: m[1] })],
  [/^(\w+) `(.*)` matches no indexed value$/, (m) => t('noSuchValue', { facet: m[1], value: m[2] })],
  [/^unclosed quote: the rest was searched as plain words$/, () => t('noteUnclosedQuote')],
  [/^`(.*)`: operators other than OR, NOT, - and \* are not supported; searched as plain words$/, (m) => t('noteOperators', { raw: m[1] })],
  [/^`(.*)`: field syntax is not supported \(use the filters\); searched as plain words$/, (m) => t('noteFieldSyntax', { raw: m[1] })],
  [/^`(.*)`: a prefix needs at least (\d+) letters; searched as a word$/, (m) => t('notePrefixShort', { raw: m[1], n: m[2] })],
  [/^`(.*)`: `\*` only works at the end of a word; searched as plain words$/, (m) => t('noteStar', { raw: m[1] })],
  [/^only the first (\d+) words were searched$/, (m) => t('noteFirstWords', { n: m[1] })],
];

/** A note of the server in the page's language (as sent when none matches). */
export function noteText(note) {
  for (const [pattern, say] of NOTES) {
    const m = pattern.exec(note);
    if (m) return say(m);
  }
  return note;
}

/** "Résultats pour …": terms, phrases, OR groups, expansions, exclusions, corrections, notes. */
export function renderUnderstood(root, response, st, { onTranslate } = {}) {
  clear(root);
  if (!response) return;
  const q = response.query || {};
  const parts = [];
  const term = (text, cls = 'q-term') => h('span', { class: cls, text });
  for (const w of q.terms || []) parts.push(term(w));
  for (const p of q.phrases || []) parts.push(term(`"${p}"`));
  for (const g of q.any_of || []) parts.push(term(g.join(' OR ')));
  for (const p of q.prefixes || []) parts.push(term(`${p}*`));
  for (const x of q.excluded || []) parts.push(term(`${t('excluded')} ${x}`, 'q-term q-excluded'));
  const lines = [];
  if (q.browse || (!parts.length && !(q.corrected || []).length)) {
    if (!st.q.trim()) lines.push(h('p', { class: 'u-main', text: st.sort === 'relevance' ? t('allDocs') : t('allDocsPlain') }));
  }
  if ((q.corrected || []).length) {
    const from = q.corrected.map((c) => c.from).join(' ');
    const to = q.corrected.map((c) => (c.to || []).join(' / ')).join(' ');
    lines.push(h('p', { class: 'u-main u-corrected', text: t('corrected', { from, to }) }));
  } else if (parts.length) {
    lines.push(h('p', { class: 'u-main' }, h('span', { class: 'u-label', text: `${t('resultsFor')} ` }), parts.map((p, i) => [i ? ' ' : '', p])));
  }
  const expansions = (q.expansions || []).filter((e) => (e.alternatives || []).length);
  if (expansions.length) {
    lines.push(foldableLine('also', st.q, t('alsoSearched'), expansions, 'u-also'));
  }
  const translations = (q.translations || []).filter((tr) => (tr.alternatives || []).length);
  if (onTranslate && (translations.length || st.translate === false) && !q.browse) {
    // What was searched in the other language, and the switch that turns it off (kept in the URL).
    const toggle = h('button', {
      type: 'button', class: 'link translate-toggle', 'aria-pressed': String(st.translate !== false),
      text: st.translate === false ? t('translateOn') : t('translateOff'),
      onclick: () => onTranslate(st.translate === false),
    });
    lines.push(st.translate === false
      ? h('p', { class: 'u-sub u-translate' }, `${t('notTranslated')} `, toggle)
      : foldableLine('translated', st.q, t('translated'), translations, 'u-translate', [toggle]));
  }
  if ((q.missing || []).length) {
    lines.push(h('p', { class: 'u-sub u-missing', text: t('missingWords', { words: q.missing.join(', ') }) }));
  }
  if ((q.ignored || []).length) lines.push(h('p', { class: 'u-sub', text: `${t('ignoredWords')} : ${q.ignored.join(', ')}` }));
  if (q.partial) lines.push(h('p', { class: 'u-sub', text: t('partialCounts', { full: fmtNumber(q.full_total || 0) }) }));
  if (q.fallback) lines.push(h('p', { class: 'u-sub', text: t('fallbackNote') }));
  // The notes the page says in its own words are not repeated (missing words, corrections);
  // the others are said in the page's language.
  for (const note of q.notes || []) {
    if (note.startsWith('no report contains') || note.startsWith('nothing matched as typed')) continue;
    lines.push(h('p', { class: 'u-sub u-note', text: noteText(note) }));
  }
  root.append(...lines);
}

/** Count, timing, sort and export. */
export function renderToolbar(root, response, st, { onSort }) {
  clear(root);
  if (!response) return;
  const n = response.total || 0;
  const countText = n === 0 ? t('total0') : n === 1 ? t('total1') : t('total', { n: fmtNumber(n) });
  const took = typeof response.took_ms === 'number' ? t('took', { ms: fmtNumber(Math.round(response.took_ms * 10) / 10) }) : '';
  const sortSel = h('select', { id: 'sort', onchange: (e) => onSort(e.target.value) },
    ['relevance', 'date_desc', 'date_asc'].map((v) => h('option', {
      value: v, selected: st.sort === v,
      text: t({ relevance: 'sortRelevance', date_desc: 'sortDateDesc', date_asc: 'sortDateAsc' }[v]),
    })));
  root.append(
    h('p', { class: 'count', id: 'result-count' }, h('strong', { text: countText }), took ? ` ${took}` : ''),
    h('div', { class: 'tools' },
      h('label', { for: 'sort', class: 'sort-label', text: `${t('sort')} ` }), sortSel,
      n > 0 ? h('span', { class: 'export', role: 'group', 'aria-label': t('export') },
        h('span', { class: 'export-label', 'aria-hidden': 'true', text: `${t('export')} :` }),
        h('a', { class: 'btn small', id: 'export-csv', href: apiExportUrl(st, 'csv'), download: 'sahel-resultats.csv', 'aria-label': t('exportCsvLabel', { n: fmtNumber(n) }), text: t('exportCsv') }),
        h('a', { class: 'btn small', id: 'export-json', href: apiExportUrl(st, 'json'), download: 'sahel-resultats.json', 'aria-label': t('exportJsonLabel', { n: fmtNumber(n) }), text: t('exportJson') })) : null,
      h('a', { class: 'feed-link', id: 'feed-link', href: feedUrl(st), type: 'application/atom+xml', title: t('followTitle'), text: t('follow') })));
}

function tags(hit) {
  const out = [];
  const seen = new Set();
  const add = (value, cls) => {
    const k = String(value).toLowerCase();
    if (!value || seen.has(k)) return;
    seen.add(k);
    out.push(h('li', { class: `tag ${cls}`, text: value }));
  };
  for (const v of hit.regions || []) add(v, 'tag-region');
  if (!(hit.regions || []).length) for (const v of hit.countries || []) add(v, 'tag-region');
  for (const v of hit.localities || []) add(v, 'tag-place');
  for (const v of hit.actors || []) add(v, 'tag-actor');
  return out.length ? h('ul', { class: 'tags' }, out.slice(0, 10)) : null;
}

/** The hits of the page. `onOpen(hit, event)` opens a document. */
export function renderHits(list, response, st, { onOpen }) {
  clear(list);
  const start = (st.page - 1) * PAGE_SIZE;
  list.setAttribute('start', String(start + 1));
  for (const hit of response.hits || []) {
    const docState = clone(st);
    docState.doc = hit.id;
    const link = h('a', {
      class: 'hit-link', href: toSearch(docState), 'data-id': hit.id,
      onclick: (evt) => {
        if (evt.button !== 0 || evt.metaKey || evt.ctrlKey || evt.shiftKey || evt.altKey) return;
        evt.preventDefault();
        onOpen(hit);
      },
    }, hit.title || t('untitled'));
    const meta = [];
    meta.push(h('time', { datetime: hit.published || '', text: hit.published ? fmtDate(hit.published) : t('undated') }));
    if (hit.source) meta.push(h('span', { class: 'src', text: hit.source }));
    if (hit.language) meta.push(h('span', { class: 'lang', text: langName(hit.language) }));
    if (hit.duplicates > 0) {
      meta.push(h('span', { class: 'badge dup', title: t('duplicatesTitle'), text: hit.duplicates === 1 ? t('duplicates1') : t('duplicates', { n: fmtNumber(hit.duplicates) }) }));
    }
    if (hit.partial) meta.push(h('span', { class: 'badge partial', title: t('partialTitle'), text: t('partial') }));
    const snippet = hit.snippet ? h('p', { class: 'snippet' }, snippetNodes(hit.snippet)) : null;
    list.append(h('li', { class: `hit${hit.partial ? ' is-partial' : ''}` },
      h('h3', { class: 'hit-title' }, link),
      h('p', { class: 'meta' }, meta.map((m, i) => [i ? h('span', { class: 'sep', 'aria-hidden': 'true', text: ' · ' }) : '', m])),
      tags(hit),
      snippet));
  }
}

/** Previous / numbered pages / next. */
export function renderPager(nav, response, st, { onPage }) {
  clear(nav);
  const total = response ? response.total || 0 : 0;
  const pages = Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE));
  if (pages <= 1) return;
  const cur = Math.min(st.page, pages);
  const link = (p, text, attrs = {}) => {
    const ps = clone(st);
    ps.page = p;
    ps.doc = '';
    return h('a', {
      href: toSearch(ps), class: `page${p === cur ? ' current' : ''}`, ...attrs,
      onclick: (evt) => { if (evt.button !== 0 || evt.metaKey || evt.ctrlKey) return; evt.preventDefault(); onPage(p); },
    }, text);
  };
  const items = [];
  if (cur > 1) items.push(link(cur - 1, `‹ ${t('prev')}`, { rel: 'prev', class: 'page prev' }));
  const nums = new Set([1, pages, cur - 1, cur, cur + 1, cur - 2, cur + 2].filter((p) => p >= 1 && p <= pages));
  let prev = 0;
  for (const p of [...nums].sort((a, b) => a - b)) {
    if (p - prev > 1) items.push(h('span', { class: 'gap', 'aria-hidden': 'true', text: '…' }));
    items.push(p === cur
      ? h('span', { class: 'page current', 'aria-current': 'page', 'aria-label': t('currentPage', { n: p }), text: String(p) })
      : link(p, String(p), { 'aria-label': t('pageN', { n: p }) }));
    prev = p;
  }
  if (cur < pages) items.push(link(cur + 1, `${t('next')} ›`, { rel: 'next', class: 'page next' }));
  const a = (cur - 1) * PAGE_SIZE + 1;
  const b = Math.min(total, cur * PAGE_SIZE);
  nav.append(h('p', { class: 'range', text: t('pageOf', { a: fmtNumber(a), b: fmtNumber(b), n: fmtNumber(total) }) }), h('div', { class: 'pages' }, items));
}

/** No results: the hint, the server's suggestion, a way out of the filters. */
export function renderEmpty(status, response, st, { onQuery, onClear }) {
  clear(status);
  const q = (response && response.query) || {};
  if (q.no_words) {
    status.append(h('div', { class: 'empty no-words' },
      h('p', { class: 'empty-title', text: t('noWordsTitle', { q: st.q.trim() }) }), h('p', { text: t('noWordsHint') })));
    return;
  }
  const box = h('div', { class: 'empty' }, h('p', { class: 'empty-title', text: t('noResults') }), h('p', { text: t('noResultsHint') }));
  const suggestions = [];
  for (const c of q.corrected || []) for (const w of c.to || []) if (w && w !== c.from) suggestions.push({ from: c.from, to: w });
  if (suggestions.length) {
    const fixed = st.q.split(/(\s+)/).map((w) => {
      const s = suggestions.find((x) => x.from.toLowerCase() === w.toLowerCase());
      return s ? s.to : w;
    }).join('');
    box.append(h('p', { class: 'suggest' }, `${t('tryInstead')} `,
      h('button', { type: 'button', class: 'link', text: fixed, onclick: () => onQuery(fixed) })));
  }
  if (hasFilters(st)) box.append(h('p', null, h('button', { type: 'button', class: 'btn', text: t('removeFilters'), onclick: onClear })));
  status.append(box);
}

/** The server could not answer. */
export function renderError(status, message, { onRetry }) {
  clear(status);
  status.append(h('div', { class: 'error', role: 'alert' },
    h('p', { class: 'empty-title', text: t('error') }),
    message ? h('p', { class: 'muted', text: t('errorDetail', { msg: message }) }) : null,
    h('button', { type: 'button', class: 'btn', text: t('retry'), onclick: onRetry })));
}
