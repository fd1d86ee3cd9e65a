// sahel-search web UI: the controller. The URL holds the view state (state.js); every change of
// the state goes through `navigate`, which updates the history and renders. The results column
// stays in the page while a document is read, so going back shows it as it was, at the same
// scroll position.

import { h, markedWords } from './dom.js';
import { t, lang, setLang, applyStatic } from './i18n.js';
import { loadDimensions, monthFacet, facetNamed, mapRegions } from './dimensions.js';
import { fromSearch, toSearch, apiSearchUrl, apiDocUrl, searchKey, clone, emptyState, facetNames, PAGE_SIZE } from './state.js';
import { renderFacets, renderChips } from './facets.js';
import { renderTimeline, fillMonths, lastDay } from './timeline.js';
import { renderUnderstood, renderToolbar, renderHits, renderPager, renderEmpty, renderError } from './results.js';
import { renderDoc, renderDocError } from './doc.js';
import { renderMap } from './map.js';

// Errors are kept for the end-to-end tests (and anyone looking in the console).
window.__sahelErrors = [];
window.addEventListener('error', (evt) => window.__sahelErrors.push(String(evt.message)));
window.addEventListener('unhandledrejection', (evt) => window.__sahelErrors.push(String(evt.reason)));

const $ = (id) => document.getElementById(id);
const els = {
  form: $('search-form'), q: $('q'), langSwitch: $('lang-switch'), sidebar: $('sidebar'), facets: $('facets'),
  filtersToggle: $('filters-toggle'), chips: $('chips'), understood: $('understood'), timeline: $('timeline'),
  toolbar: $('toolbar'), status: $('status'), results: $('results'), pager: $('pager'), map: $('map'),
  resultsView: $('results-view'), docView: $('doc-view'), busy: $('busy'), home: $('home'), announce: $('announce'),
};

// The facet dimensions first: the state holds one filter list per dimension.
try {
  await loadDimensions(fetchJson);
} catch (err) {
  window.__sahelErrors.push(`facet dimensions: ${err.message || err}`);
}

let state = fromSearch(location.search);
let shown = { key: null, response: null, state: null, error: null };
let lastDoc = null;
let seq = 0;
let controller = null;
let docSeq = 0;
let typingTimer = 0;
let enterPending = false;
let typingEntry = false;

// ---------- fetching ----------

async function fetchJson(url, signal) {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (_) { body = null; }
  if (!res.ok) {
    const err = new Error(body && typeof body.error === 'string' ? body.error : `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  if (!body || typeof body !== 'object') throw new Error('invalid JSON');
  return body;
}

function setBusy(on) {
  els.busy.hidden = !on;
  els.results.setAttribute('aria-busy', on ? 'true' : 'false');
  document.body.dataset.state = on ? 'loading' : (shown.error ? 'error' : 'ready');
}

/** Runs the search of `st` unless its results are already shown (or `force`). */
async function runSearch(st, { force = false } = {}) {
  const key = searchKey(st);
  if (!force && key === shown.key && shown.response && !shown.error) {
    renderResults();
    return shown.response;
  }
  if (controller) controller.abort();
  controller = new AbortController();
  const mine = ++seq;
  setBusy(true);
  try {
    const response = await fetchJson(apiSearchUrl(st), controller.signal);
    if (mine !== seq) return null;
    shown = { key, response, state: clone(st), error: null };
    renderResults();
    return response;
  } catch (err) {
    if (err.name === 'AbortError' || mine !== seq) return null;
    shown = { key, response: null, state: clone(st), error: err.message || String(err) };
    renderResults();
    return null;
  } finally {
    if (mine === seq) setBusy(false);
  }
}

// ---------- rendering ----------

// The filter a click on the map adds: the locality facet (a dimension of the server's table).
const MAP_FACET = 'locality';
let outlines = null;
let outlinesLoading = null;

/** The map of the results' places (outlines fetched once, on the first map drawn). */
function drawMap(response, st) {
  if (!facetNamed(MAP_FACET)) return;
  if (!outlines) {
    outlinesLoading = outlinesLoading || fetchJson('map/outlines.json').then((o) => { outlines = o; });
    outlinesLoading.then(() => { if (shown.response === response) drawMap(response, st); })
      .catch((err) => window.__sahelErrors.push(`map outlines: ${err.message || err}`));
    return;
  }
  renderMap(els.map, {
    outlines, places: response.places || [], regions: mapRegions(), lang: lang(),
    selected: st[MAP_FACET] || [], onSelect: (name) => toggleFacet(MAP_FACET, name),
  });
  els.map.dataset.places = String((response.places || []).length);
}

/** Phone width: the filter panel closes and the results come into view. */
function showResults() {
  els.sidebar.classList.remove('open');
  els.filtersToggle.setAttribute('aria-expanded', 'false');
  els.resultsView.scrollIntoView({ block: 'start' });
  els.results.focus({ preventScroll: true });
}

/** The months ticked in the month facet (the timeline's). */
function monthsOf(st) {
  const d = monthFacet();
  return d ? st[d.name] : [];
}

function timelineBars(response, st) {
  const timeline = fillMonths(response.timeline || []);
  // With a month or period selected, the timeline shrinks to the selection; the month facet's
  // disjunctive counts still show every month, so the chart keeps its context.
  const d = monthFacet();
  const counts = d && response.facets ? response.facets[d.name] || [] : [];
  if ((monthsOf(st).length || st.from || st.to) && counts.length) {
    const byFacet = fillMonths(counts.map((m) => ({ month: m.value, count: m.count })));
    if (byFacet.length > timeline.length) return byFacet;
  }
  return timeline;
}

function monthSelected(st) {
  const from = st.from ? st.from.slice(0, 7) : '';
  const to = st.to ? st.to.slice(0, 7) : '';
  const months = monthsOf(st);
  return (m) => months.includes(m) || ((from || to) && (!from || m >= from) && (!to || m <= to));
}

function renderResults() {
  const st = shown.state || state;
  const response = shown.response;
  const handlers = {
    onToggle: toggleFacet, onClear: clearFilters, onRemove: removeFilter, onShowResults: showResults,
  };
  renderChips(els.chips, st, handlers);
  updateFiltersToggle(st);
  if (shown.error) {
    renderUnderstood(els.understood, null, st);
    renderToolbar(els.toolbar, null, st, {});
    els.results.replaceChildren();
    els.pager.replaceChildren();
    els.timeline.replaceChildren();
    els.map.replaceChildren();
    renderError(els.status, shown.error, { onRetry: () => runSearch(state, { force: true }) });
    document.body.dataset.state = 'error';
    return;
  }
  if (!response) return;
  renderFacets(els.facets, response, st, handlers);
  renderUnderstood(els.understood, response, st, {
    onTranslate: (translate) => navigate({ ...clone(state), translate, page: 1, doc: '' }),
  });
  drawMap(response, st);
  renderTimeline(els.timeline, timelineBars(response, st), {
    selected: monthSelected(st), onMonth: timelineMonth, onRange: timelineRange,
  });
  renderToolbar(els.toolbar, response, st, { onSort: (sort) => navigate({ ...clone(state), sort, page: 1, doc: '' }) });
  if (!(response.hits || []).length && response.total > 0 && st.page > 1 && !state.doc) {
    // A page past the end (an old link): show the last page instead.
    const last = Math.max(1, Math.ceil(Math.min(response.total, 10000) / PAGE_SIZE));
    if (last < st.page) {
      navigate({ ...clone(state), page: last }, { replace: true });
      return;
    }
  }
  if (!(response.hits || []).length) {
    els.results.replaceChildren();
    renderEmpty(els.status, response, st, {
      onQuery: (q) => { els.q.value = q; navigate({ ...clone(state), q, page: 1, doc: '' }); },
      onClear: clearFilters,
    });
  } else {
    els.status.replaceChildren();
    renderHits(els.results, response, st, { onOpen: openDoc });
  }
  renderPager(els.pager, response, st, { onPage: (page) => navigate({ ...clone(state), page, doc: '' }, { scrollTop: true }) });
  document.body.dataset.key = shown.key;
  const count = $('result-count');
  if (count) els.announce.textContent = count.textContent;
  document.body.dataset.total = String(response.total || 0);
  if (enterPending) {
    enterPending = false;
    // Measured once the browser has laid out and painted the results.
    requestAnimationFrame(() => setTimeout(() => {
      try {
        performance.mark('sahel:rendered');
        const m = performance.measure('sahel:enter-to-results', 'sahel:enter', 'sahel:rendered');
        window.__sahelTimings = window.__sahelTimings || [];
        window.__sahelTimings.push({ q: st.q, ms: m.duration, server_ms: response.took_ms, total: response.total });
      } catch (_) { /* no mark */ }
    }, 0));
  }
}

function docTerms(response, id) {
  const words = [];
  const phrases = [];
  const prefixes = [];
  if (response && response.query) {
    const q = response.query;
    words.push(...(q.terms || []));
    for (const g of q.any_of || []) words.push(...g);
    phrases.push(...(q.phrases || []));
    prefixes.push(...(q.prefixes || []));
    for (const e of q.expansions || []) words.push(...(e.alternatives || []));
    for (const tr of q.translations || []) words.push(...(tr.alternatives || []));
    for (const c of q.corrected || []) words.push(...(c.to || []));
    for (const hit of response.hits || []) if (hit.id === id) words.push(...markedWords(hit.snippet));
  }
  return { words, phrases, prefixes };
}

async function showDoc(st) {
  els.resultsView.hidden = true;
  els.docView.hidden = false;
  const mine = ++docSeq;
  const id = st.doc;
  if (!lastDoc || lastDoc.id !== id) {
    els.docView.replaceChildren(h('p', { class: 'muted', text: t('loading') }));
  }
  document.body.dataset.state = 'loading';
  try {
    // The results behind the document (for highlighting and for going back), when not yet loaded.
    const searchPromise = searchKey(st) === shown.key && shown.response ? Promise.resolve(shown.response) : runSearch({ ...st, doc: '' });
    const doc = lastDoc && lastDoc.id === id ? lastDoc : await fetchJson(apiDocUrl(id));
    const response = await searchPromise;
    if (mine !== docSeq) return;
    lastDoc = doc;
    renderDoc(els.docView, doc, docTerms(response || shown.response, id), st, { onBack: backToResults, onOpen: openDocId });
    document.title = `${doc.title || t('untitled')} – sahel-search`;
    els.resultsView.hidden = true;
    els.docView.hidden = false;
    document.body.dataset.state = 'ready';
    document.body.dataset.view = 'doc';
  } catch (err) {
    if (mine !== docSeq) return;
    renderDocError(els.docView, err.message, st, { onBack: backToResults });
    document.body.dataset.state = 'error';
  }
}

/** Renders the view of `state`; `scroll` restores a saved scroll position. */
async function render({ scroll = null, scrollTop = false } = {}) {
  if (document.activeElement !== els.q) els.q.value = state.q;
  if (state.doc) {
    await showDoc(state);
    window.scrollTo(0, 0);
    const title = $('doc-title');
    if (title) { title.setAttribute('tabindex', '-1'); title.focus({ preventScroll: true }); }
    return;
  }
  document.body.dataset.view = 'results';
  const wasDoc = !els.docView.hidden;
  els.docView.hidden = true;
  els.resultsView.hidden = false;
  document.title = state.q.trim() ? `${state.q.trim()} – sahel-search` : 'sahel-search';
  await runSearch(state);
  if (scroll !== null) window.scrollTo(0, scroll);
  else if (scrollTop) els.resultsView.scrollIntoView({ block: 'start' });
  if (wasDoc && lastDoc) {
    const link = els.results.querySelector(`a.hit-link[data-id="${CSS.escape(lastDoc.id)}"]`);
    if (link) link.focus({ preventScroll: true });
  }
}

// ---------- navigation ----------

function saveScroll() {
  const hs = history.state && typeof history.state === 'object' ? history.state : {};
  history.replaceState({ ...hs, scroll: window.scrollY }, '', location.href);
}

/** Moves to `next` state: a new history entry (or the current one replaced), then renders. */
function navigate(next, { replace = false, scrollTop = false, force = false } = {}) {
  typingEntry = false;
  const url = toSearch(next);
  if (!replace) saveScroll();
  const fromResults = !state.doc && !!next.doc;
  state = next;
  if (replace) history.replaceState({ fromResults: history.state && history.state.fromResults }, '', url);
  else history.pushState({ fromResults }, '', url);
  if (force && !next.doc) {
    els.docView.hidden = true;
    els.resultsView.hidden = false;
    document.body.dataset.view = 'results';
    return runSearch(state, { force: true });
  }
  return render({ scrollTop });
}

function openDoc(hit) {
  openDocId(hit.id);
}

function openDocId(id) {
  navigate({ ...clone(state), doc: id });
}

function backToResults() {
  if (history.state && history.state.fromResults) history.back();
  else navigate({ ...clone(state), doc: '' });
}

window.addEventListener('popstate', (evt) => {
  typingEntry = false;
  state = fromSearch(location.search);
  const scroll = evt.state && typeof evt.state.scroll === 'number' ? evt.state.scroll : null;
  render({ scroll });
});

// ---------- filters ----------

function toggleFacet(facet, value) {
  const next = clone(state);
  const list = next[facet];
  const i = list.indexOf(value);
  if (i >= 0) list.splice(i, 1); else list.push(value);
  next.page = 1;
  next.doc = '';
  navigate(next).then(() => {
    const box = els.facets.querySelector(`input[data-facet="${CSS.escape(facet)}"][data-value="${CSS.escape(value)}"]`);
    if (box) box.focus({ preventScroll: true });
  });
}

function removeFilter(facet, value) {
  const next = clone(state);
  if (facet === 'range') { next.from = ''; next.to = ''; } else next[facet] = next[facet].filter((v) => v !== value);
  next.page = 1;
  navigate(next);
}

function clearFilters() {
  const next = { ...emptyState(), q: state.q, sort: state.sort };
  navigate(next);
}

function timelineMonth(month) {
  const d = monthFacet();
  if (!d) return;
  const next = clone(state);
  next.from = '';
  next.to = '';
  const months = next[d.name];
  next[d.name] = months.length === 1 && months[0] === month ? [] : [month];
  next.page = 1;
  navigate(next);
}

function timelineRange(first, last) {
  const next = clone(state);
  const d = monthFacet();
  if (d) next[d.name] = [];
  next.from = `${first}-01`;
  next.to = lastDay(last);
  next.page = 1;
  navigate(next);
}

// ---------- search box and keyboard ----------

els.q.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    typingTimer = 0;
    const q = els.q.value;
    if (q.trim() === state.q.trim() && !state.doc) return;
    // One history entry per stretch of typing: the first search makes a new entry, the next
    // ones refine it.
    const replace = typingEntry && !state.doc;
    navigate({ ...clone(state), q, page: 1, doc: '' }, { replace });
    typingEntry = true;
  }, 250);
});

els.form.addEventListener('submit', (evt) => {
  evt.preventDefault();
  clearTimeout(typingTimer);
  typingTimer = 0;
  performance.clearMarks('sahel:enter');
  performance.mark('sahel:enter');
  enterPending = true;
  const q = els.q.value;
  const same = q.trim() === state.q.trim() && !state.doc && state.page === 1;
  navigate({ ...clone(state), q, page: 1, doc: '' }, { replace: same, force: true });
});

document.addEventListener('keydown', (evt) => {
  const target = evt.target;
  const typing = target instanceof HTMLElement && (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName)
    || (target.tagName === 'INPUT' && !/^(checkbox|radio|button|submit|reset)$/.test(target.type)));
  if (evt.key === '/' && !typing && !evt.ctrlKey && !evt.metaKey && !evt.altKey) {
    evt.preventDefault();
    els.q.focus();
    els.q.select();
    return;
  }
  if (evt.key === 'Escape' && state.doc && !typing) {
    evt.preventDefault();
    backToResults();
    return;
  }
  if (evt.key === 'ArrowDown' || evt.key === 'ArrowUp') {
    if (state.doc) return;
    const links = [...els.results.querySelectorAll('a.hit-link')];
    if (!links.length) return;
    if (target === els.q && evt.key === 'ArrowDown') {
      evt.preventDefault();
      links[0].focus();
      return;
    }
    const i = links.indexOf(target);
    if (i < 0) return;
    evt.preventDefault();
    if (evt.key === 'ArrowDown') (links[i + 1] || links[i]).focus();
    else if (i === 0) els.q.focus();
    else links[i - 1].focus();
  }
});

els.langSwitch.addEventListener('click', () => {
  setLang(lang() === 'fr' ? 'en' : 'fr');
  applyLabels();
  if (shown.response || shown.error) renderResults();
  if (state.doc && lastDoc && lastDoc.id === state.doc) {
    renderDoc(els.docView, lastDoc, docTerms(shown.response, state.doc), state, { onBack: backToResults, onOpen: openDocId });
  }
});

els.filtersToggle.addEventListener('click', () => {
  const open = els.sidebar.classList.toggle('open');
  els.filtersToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
});

els.home.addEventListener('click', (evt) => {
  if (evt.button !== 0 || evt.metaKey || evt.ctrlKey) return;
  evt.preventDefault();
  els.q.value = '';
  navigate(emptyState());
});

let lastWidth = els.timeline.clientWidth;
let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const w = els.timeline.clientWidth;
    if (w !== lastWidth && shown.response && !els.resultsView.hidden) {
      lastWidth = w;
      const st = shown.state || state;
      renderTimeline(els.timeline, timelineBars(shown.response, st), { selected: monthSelected(st), onMonth: timelineMonth, onRange: timelineRange });
    }
  }, 150);
});

function updateFiltersToggle(st) {
  const n = facetNames().reduce((sum, f) => sum + st[f].length, 0) + (st.from || st.to ? 1 : 0);
  els.filtersToggle.textContent = n ? `${t('filtersToggle')} (${n})` : t('filtersToggle');
}

function applyLabels() {
  updateFiltersToggle(shown.state || state);
  document.documentElement.lang = lang();
  applyStatic();
  els.langSwitch.textContent = t('otherLang');
  els.langSwitch.setAttribute('lang', lang() === 'fr' ? 'en' : 'fr');
  els.langSwitch.setAttribute('aria-label', t('switchLang'));
}

// ---------- start ----------

/** For tests and scripts: true once the view matches the URL (nothing typed pending, no request). */
window.__sahelSettled = () => !typingTimer && document.body.dataset.state !== 'loading'
  && (state.doc ? document.body.dataset.view === 'doc' && !!lastDoc && lastDoc.id === state.doc
    : document.body.dataset.view === 'results' && shown.key === searchKey(state));

applyLabels();
if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
history.replaceState({ ...(history.state || {}) }, '', location.href);
els.q.value = state.q;
render({ scroll: history.state && typeof history.state.scroll === 'number' ? history.state.scroll : null });
