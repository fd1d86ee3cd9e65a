// The view state and its URL: `?q=…&region=…&month=…&sort=…&page=…[&doc=…]`. Everything a user
// sees is a function of this state, so a copied link reopens the same view and back/forward work.
// The facet filters are those of the dimensions the server declares (dimensions.js), one list
// each under its name; a link with an older name of a dimension (`lang=`) still opens its view.

import { stateFacets } from './dimensions.js';

export const PAGE_SIZE = 20;
const SORTS = ['relevance', 'date_desc', 'date_asc'];

/** The names of the facet filters the state holds. */
export function facetNames() {
  return stateFacets().map((d) => d.name);
}

export function emptyState() {
  const st = { q: '', from: '', to: '', sort: 'relevance', page: 1, doc: '', translate: true };
  for (const f of facetNames()) st[f] = [];
  return st;
}

const isDay = (v) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const isMonth = (v) => /^\d{4}-\d{2}$/.test(v);

/** State from a query string (unknown or malformed values are dropped, never an error). */
export function fromSearch(search) {
  const p = new URLSearchParams(search);
  const st = emptyState();
  st.q = (p.get('q') || '').slice(0, 1000);
  for (const d of stateFacets()) {
    const seen = new Set();
    for (const name of [d.name, ...(d.aliases || [])]) {
      for (const v of p.getAll(name)) {
        const val = v.trim();
        if (!val || seen.has(val)) continue;
        if (d.kind === 'months' && !isMonth(val)) continue;
        seen.add(val);
        st[d.name].push(val);
      }
    }
  }
  const from = (p.get('from') || '').trim();
  const to = (p.get('to') || '').trim();
  if (isDay(from)) st.from = from;
  if (isDay(to)) st.to = to;
  if (st.from && st.to && st.from > st.to) [st.from, st.to] = [st.to, st.from];
  const sort = p.get('sort');
  if (SORTS.includes(sort)) st.sort = sort;
  const page = Number.parseInt(p.get('page') || '1', 10);
  st.page = Number.isFinite(page) && page >= 1 && page <= 500 ? page : 1;
  st.doc = p.get('doc') || '';
  st.translate = p.get('translate') !== 'false';
  return st;
}

/** The search part of the state as parameters (no page or doc). */
function filterParams(st) {
  const p = new URLSearchParams();
  if (st.q.trim()) p.set('q', st.q.trim());
  for (const f of facetNames()) for (const v of st[f]) p.append(f, v);
  if (st.from) p.set('from', st.from);
  if (st.to) p.set('to', st.to);
  if (st.translate === false) p.set('translate', 'false');
  return p;
}

/** The URL query string of a state. */
export function toSearch(st) {
  const p = filterParams(st);
  if (st.sort !== 'relevance') p.set('sort', st.sort);
  if (st.page > 1) p.set('page', String(st.page));
  if (st.doc) p.set('doc', st.doc);
  const s = p.toString();
  return s ? `?${s}` : location.pathname;
}

/** `/api/search` URL for a state. */
export function apiSearchUrl(st) {
  const p = filterParams(st);
  p.set('sort', st.sort);
  p.set('limit', String(PAGE_SIZE));
  p.set('offset', String((st.page - 1) * PAGE_SIZE));
  return `api/search?${p}`;
}

/** `/api/export` URL: every result of the current search and filters. */
export function apiExportUrl(st, format) {
  const p = filterParams(st);
  p.set('sort', st.sort);
  p.set('format', format);
  return `api/export?${p}`;
}

/** `/feed.atom`: the current search and filters as an Atom feed, newest first. */
export function feedUrl(st) {
  const s = filterParams(st).toString();
  return s ? `feed.atom?${s}` : 'feed.atom';
}

/** `/api/doc/{id}`: ids contain slashes, which stay; each segment is encoded. */
export function apiDocUrl(id) {
  return `api/doc/${id.split('/').map(encodeURIComponent).join('/')}`;
}

export function hasFilters(st) {
  return facetNames().some((f) => st[f].length) || !!st.from || !!st.to;
}

/** Key identifying a search (not the doc being read). */
export function searchKey(st) {
  return apiSearchUrl(st);
}

export function clone(st) {
  return JSON.parse(JSON.stringify(st));
}
