// The facet sidebar and the chips of the active filters, for the dimensions the server declares
// (dimensions.js): each in its place, a dimension grouped under another shown in groups headed
// by that one's values (regions under their country). Counts are the server's disjunctive
// counts: ticking a value in a facet leaves that facet's other counts as they were (OR within a
// facet), and narrows the others (AND).

import { h, clear } from './dom.js';
import { t, fmtNumber, fmtDate } from './i18n.js';
import { groupValues, foldKey } from './groups.js';
import { pageFacets, stateFacets, facetNamed, headsGroups, facetLabel, valueLabel, groupTable, foldedUnder, isMonthly } from './dimensions.js';
import { hasFilters } from './state.js';

const SHORT_LIST = 10;
const PER_GROUP = 6;
const expanded = new Set();
// The folded dimensions the user has unfolded (kept across renderings).
const unfolded = new Set();
// What is typed in each facet's type-ahead box (kept across renderings).
const typed = new Map();

/** Whether a value (or its label: a region's former name) holds what is typed, accents and
 * case aside. */
function matches(name, value, label) {
  const q = foldKey(typed.get(name) || '');
  return !q || foldKey(value).includes(q) || foldKey(label).includes(q);
}

/** The type-ahead box of a long facet list: typing keeps the values holding the text. */
function typeAhead(d, rerender) {
  const id = `ff-${d.name}`;
  return h('div', { class: 'facet-filter' },
    h('label', { for: id, class: 'visually-hidden', text: t('facetFilterLabel', { facet: facetLabel(d) }) }),
    h('input', {
      type: 'search', id, class: 'facet-filter-input', 'data-filters': d.name, value: typed.get(d.name) || '',
      placeholder: t('facetFilter'), autocomplete: 'off', spellcheck: 'false',
      oninput: (e) => {
        const at = e.target.selectionStart;
        typed.set(d.name, e.target.value);
        rerender();
        const box = document.getElementById(id);
        if (box) { box.focus(); box.setSelectionRange(at, at); }
      },
    }));
}

function withSelected(list, selected) {
  const out = (list || []).slice();
  const have = new Set(out.map((v) => foldKey(v.value)));
  for (const v of selected) if (!have.has(foldKey(v))) out.push({ value: v, count: 0 });
  return out;
}

function isOn(selected, value) {
  const k = foldKey(value);
  return selected.some((v) => foldKey(v) === k);
}

function option(facet, item, on, label, onToggle, extraClass = '') {
  const id = `f-${facet}-${foldKey(item.value).replace(/[^a-z0-9]+/g, '-')}`;
  const input = h('input', {
    type: 'checkbox', id, checked: on, 'data-facet': facet, 'data-value': item.value,
    onchange: () => onToggle(facet, item.value),
  });
  return h('li', { class: `opt${on ? ' on' : ''}${item.count === 0 && !on ? ' zero' : ''} ${extraClass}` },
    input,
    h('label', { for: id, 'aria-label': t('filterCount', { value: label, count: fmtNumber(item.count) }) },
      h('span', { class: 'opt-label', text: label }),
      h('span', { class: 'count', 'aria-hidden': 'true', text: fmtNumber(item.count) })));
}

function section(name, title, body, moreButton, filterBox = null) {
  return h('section', { class: `facet facet-${name}`, 'aria-labelledby': `fh-${name}` },
    h('h2', { id: `fh-${name}`, text: title }), filterBox, body, moreButton);
}

function moreButton(name, open, n, rerender) {
  return h('button', {
    type: 'button', class: 'link more', 'aria-expanded': open ? 'true' : 'false',
    text: open ? t('showLess') : t('showMore', { n }),
    onclick: () => { if (open) expanded.delete(name); else expanded.add(name); rerender(); },
  });
}

/** A dimension as a list of values (months newest first, the others as the server ranks them). */
function simpleList(d, items, selected, onToggle, rerender) {
  const all = withSelected(items, selected);
  if (isMonthly(d)) all.sort((a, b) => b.value.localeCompare(a.value));
  if (!all.length) return section(d.name, facetLabel(d), h('p', { class: 'muted', text: t('noValues') }));
  const box = all.length > SHORT_LIST ? typeAhead(d, rerender) : null;
  const wanted = all.filter((v) => matches(d.name, v.value, valueLabel(d, v.value)) || isOn(selected, v.value));
  const open = expanded.has(d.name) || !!typed.get(d.name);
  const shown = open ? wanted : wanted.filter((v, i) => i < SHORT_LIST || isOn(selected, v.value));
  const ul = shown.length
    ? h('ul', { class: 'opts' }, shown.map((v) => option(d.name, v, isOn(selected, v.value), valueLabel(d, v.value), onToggle)))
    : h('p', { class: 'muted', text: t('noValues') });
  const more = all.length > SHORT_LIST && !typed.get(d.name) ? moreButton(d.name, open, all.length, rerender) : null;
  return section(d.name, facetLabel(d), ul, more, box);
}

/** A dimension grouped under the values of `parent` (which can be ticked too). */
function groupedList(d, parent, facets, st, response, onToggle, rerender) {
  const values = withSelected(facets[d.name], st[d.name]);
  const parents = withSelected(facets[parent.name], st[parent.name]);
  const groups = groupValues(values, parents, groupTable(d), response && response.hits, d.column, parent.column);
  const body = h('div', { class: 'groups' });
  const filtering = !!typed.get(d.name);
  const open = expanded.has(d.name) || filtering;
  let shown = 0;
  for (const g of groups) {
    const parentOn = g.parent ? isOn(st[parent.name], g.parent) : false;
    const parentMatches = g.parent && matches(d.name, g.parent, valueLabel(parent, g.parent));
    const wanted = g.values.filter((r) => parentMatches || isOn(st[d.name], r.value) || matches(d.name, r.value, valueLabel(d, r.value)));
    if (filtering && !wanted.length && !parentMatches && !parentOn) continue;
    const heading = g.parent
      ? h('ul', { class: `opts ${parent.name}` }, option(parent.name, { value: g.parent, count: g.count ?? 0 }, parentOn, valueLabel(parent, g.parent), onToggle, `${parent.name}-opt`))
      : h('p', { class: 'group-other', text: t('otherGroup') });
    // Closed, each group shows its first values (by count); "show all" lists every one.
    const items = wanted.filter((r, i) => open || i < PER_GROUP || isOn(st[d.name], r.value));
    shown += items.length;
    body.append(h('div', { class: 'group', role: 'group', 'aria-label': g.parent || t('otherGroup') },
      heading,
      items.length ? h('ul', { class: 'opts nested' }, items.map((r) => option(d.name, r, isOn(st[d.name], r.value), valueLabel(d, r.value), onToggle))) : null));
  }
  const box = values.length > SHORT_LIST ? typeAhead(d, rerender) : null;
  const more = !filtering && (shown < values.length || open) ? moreButton(d.name, open, values.length, rerender) : null;
  const empty = h('p', { class: 'muted', text: t('noValues') });
  return section(d.name, facetLabel(d), body.childElementCount ? body : empty, more, box);
}

/**
 * A dimension folded under its main one (`mentioned_region` under `region`): a button that
 * unfolds its values, closed by default and open while one of them is ticked. A native button
 * with `aria-expanded`, so Enter and Space work and screen readers say the state.
 */
function foldedList(d, facets, st, onToggle, rerender) {
  const selected = st[d.name] || [];
  const all = withSelected(facets[d.name], selected);
  if (isMonthly(d)) all.sort((a, b) => b.value.localeCompare(a.value));
  const open = unfolded.has(d.name) || selected.length > 0;
  const listId = `fold-${d.name}`;
  const toggle = h('button', {
    type: 'button', class: 'link fold-toggle', 'data-fold': d.name,
    'aria-expanded': open ? 'true' : 'false', 'aria-controls': listId,
    onclick: () => { if (open) unfolded.delete(d.name); else unfolded.add(d.name); rerender(); },
  }, h('span', { class: 'fold-caret', 'aria-hidden': 'true', text: open ? '▾' : '▸' }),
  ` ${t('foldToggle', { label: facetLabel(d), n: fmtNumber(all.length) })}`);
  let body = null;
  if (open) {
    const more = expanded.has(d.name);
    const shown = more ? all : all.filter((v, i) => i < SHORT_LIST || isOn(selected, v.value));
    body = shown.length
      ? h('ul', { class: 'opts folded', id: listId }, shown.map((v) => option(d.name, v, isOn(selected, v.value), valueLabel(d, v.value), onToggle)))
      : h('p', { class: 'muted', id: listId, text: t('noValues') });
  }
  const more = open && all.length > SHORT_LIST ? moreButton(d.name, expanded.has(d.name), all.length, rerender) : null;
  return h('div', { class: `fold fold-${d.name}`, role: 'group', 'aria-label': facetLabel(d) }, toggle, body, more);
}

/** Renders the sidebar from a search response and the state; `onShowResults` closes it at phone
 * width (the button that says how many results the filters give). */
export function renderFacets(root, response, st, { onToggle, onClear, onShowResults }) {
  const rerender = () => renderFacets(root, response, st, { onToggle, onClear, onShowResults });
  clear(root);
  const facets = (response && response.facets) || {};
  root.append(h('div', { class: 'facets-head' }, h('h2', { class: 'facets-title', text: t('filters') })));
  for (const d of pageFacets()) {
    // A dimension others are grouped under heads their groups rather than a list of its own.
    if (headsGroups(d)) continue;
    // A folded dimension is shown inside its main one's section.
    if (d.folded_under) continue;
    const parent = d.grouped_under ? facetNamed(d.grouped_under) : null;
    const sectionEl = parent
      ? groupedList(d, parent, facets, st, response, onToggle, rerender)
      : simpleList(d, facets[d.name], st[d.name], onToggle, rerender);
    for (const folded of foldedUnder(d)) sectionEl.append(foldedList(folded, facets, st, onToggle, rerender));
    root.append(sectionEl);
  }
  const n = (response && response.total) || 0;
  root.append(h('div', { class: 'show-results-bar' }, h('button', {
    type: 'button', class: 'btn primary show-results', id: 'show-results',
    text: n === 1 ? t('showResults1') : t('showResults', { n: fmtNumber(n) }),
    onclick: () => onShowResults && onShowResults(),
  })));
}

/** The removable chips of the active filters (a group's head before its members), and "clear all". */
export function renderChips(root, st, { onRemove, onClear }) {
  clear(root);
  if (!hasFilters(st)) return;
  const chips = [];
  const chip = (facet, value, label) => chips.push(h('li', null,
    h('button', {
      type: 'button', class: 'chip', 'data-facet': facet, 'data-value': value,
      'aria-label': t('removeFilter', { label }), onclick: () => onRemove(facet, value),
    }, h('span', { text: label }), h('span', { class: 'x', 'aria-hidden': 'true', text: '×' }))));
  const done = new Set();
  const chipsOf = (d) => {
    if (!d || done.has(d.name)) return;
    done.add(d.name);
    // A folded dimension's chip says which it is (`Aussi mentionnées : Gao`).
    const label = (v) => (d.folded_under ? t('foldedChip', { label: facetLabel(d), value: valueLabel(d, v) }) : valueLabel(d, v));
    for (const v of st[d.name]) chip(d.name, v, label(v));
  };
  for (const d of stateFacets()) {
    if (d.grouped_under) chipsOf(facetNamed(d.grouped_under));
    chipsOf(d);
  }
  if (st.from || st.to) {
    const label = st.from && st.to ? t('range', { from: fmtDate(st.from), to: fmtDate(st.to) })
      : st.from ? t('from', { from: fmtDate(st.from) }) : t('to', { to: fmtDate(st.to) });
    chip('range', '', label);
  }
  root.append(h('ul', { class: 'chip-list', 'aria-label': t('activeFilters') }, chips,
    h('li', null, h('button', { type: 'button', class: 'link clear-all', text: t('clearAll'), onclick: onClear }))));
}
