// The facet sidebar (region grouped by country, month, language, actor) and the chips of the
// active filters. Counts are the server's disjunctive counts: ticking a value in a facet leaves
// that facet's other counts as they were (OR within a facet), and narrows the others (AND).

import { h, clear } from './dom.js';
import { t, fmtMonth, fmtNumber, fmtDate, langName } from './i18n.js';
import { groupRegions, foldKey } from './regions.js';
import { hasFilters } from './state.js';

const SHORT_LIST = 10;
const PER_COUNTRY = 6;
const expanded = new Set();

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

function section(name, title, body, moreButton) {
  return h('section', { class: `facet facet-${name}`, 'aria-labelledby': `fh-${name}` },
    h('h2', { id: `fh-${name}`, text: title }), body, moreButton);
}

function simpleList(name, facet, items, selected, labelOf, onToggle, rerender, sortItems) {
  let all = withSelected(items, selected);
  if (sortItems) all = sortItems(all);
  if (!all.length) return section(name, t(titleKey(name)), h('p', { class: 'muted', text: t('noValues') }));
  const open = expanded.has(name);
  const shown = open ? all : all.filter((v, i) => i < SHORT_LIST || isOn(selected, v.value));
  const ul = h('ul', { class: 'opts' }, shown.map((v) => option(facet, v, isOn(selected, v.value), labelOf(v.value), onToggle)));
  let more = null;
  if (all.length > SHORT_LIST) {
    more = h('button', {
      type: 'button', class: 'link more', 'aria-expanded': open ? 'true' : 'false',
      text: open ? t('showLess') : t('showMore', { n: all.length }),
      onclick: () => { if (open) expanded.delete(name); else expanded.add(name); rerender(); },
    });
  }
  return section(name, t(titleKey(name)), ul, more);
}

function titleKey(name) {
  return { region: 'facetRegion', month: 'facetMonth', lang: 'facetLanguage', actor: 'facetActor' }[name];
}

/** Renders the sidebar from a search response and the state. */
export function renderFacets(root, response, st, { onToggle, onClear }) {
  const rerender = () => renderFacets(root, response, st, { onToggle, onClear });
  clear(root);
  const facets = (response && response.facets) || {};
  const head = h('div', { class: 'facets-head' }, h('h2', { class: 'facets-title', text: t('filters') }));
  root.append(head);

  // Region, grouped by country (the country itself can be ticked too).
  const regions = withSelected(facets.region, st.region);
  const countries = withSelected(facets.country, st.country);
  const groups = groupRegions(regions, countries, response && response.hits);
  const regionBody = h('div', { class: 'groups' });
  const open = expanded.has('region');
  let shownRegions = 0;
  for (const g of groups) {
    const countryOn = g.country ? isOn(st.country, g.country) : false;
    const heading = g.country
      ? h('ul', { class: 'opts country' }, option('country', { value: g.country, count: g.count ?? 0 }, countryOn, g.country, onToggle, 'country-opt'))
      : h('p', { class: 'group-other', text: t('otherCountries') });
    // Closed, each country shows its first regions (by count); "show all" lists every one.
    const items = g.regions.filter((r, i) => open || i < PER_COUNTRY || isOn(st.region, r.value));
    shownRegions += items.length;
    regionBody.append(h('div', { class: 'group', role: 'group', 'aria-label': g.country || t('otherCountries') },
      heading,
      items.length ? h('ul', { class: 'opts nested' }, items.map((r) => option('region', r, isOn(st.region, r.value), r.value, onToggle))) : null));
  }
  let regionMore = null;
  if (shownRegions < regions.length || open) {
    regionMore = h('button', {
      type: 'button', class: 'link more', 'aria-expanded': open ? 'true' : 'false',
      text: open ? t('showLess') : t('showMore', { n: regions.length }),
      onclick: () => { if (open) expanded.delete('region'); else expanded.add('region'); rerender(); },
    });
  }
  root.append(section('region', t('facetRegion'), groups.length ? regionBody : h('p', { class: 'muted', text: t('noValues') }), regionMore));

  root.append(simpleList('month', 'month', facets.month, st.month, (m) => fmtMonth(m, true), onToggle, rerender,
    (all) => all.sort((a, b) => b.value.localeCompare(a.value))));
  root.append(simpleList('lang', 'lang', facets.language, st.lang, (c) => langName(c), onToggle, rerender));
  root.append(simpleList('actor', 'actor', facets.actor, st.actor, (a) => a, onToggle, rerender));
}

/** The removable chips of the active filters, and "clear all". */
export function renderChips(root, st, { onRemove, onClear }) {
  clear(root);
  if (!hasFilters(st)) return;
  const chips = [];
  const chip = (facet, value, label) => chips.push(h('li', null,
    h('button', {
      type: 'button', class: 'chip', 'data-facet': facet, 'data-value': value,
      'aria-label': t('removeFilter', { label }), onclick: () => onRemove(facet, value),
    }, h('span', { text: label }), h('span', { class: 'x', 'aria-hidden': 'true', text: '×' }))));
  for (const v of st.country) chip('country', v, v);
  for (const v of st.region) chip('region', v, v);
  for (const v of st.month) chip('month', v, fmtMonth(v, true));
  for (const v of st.lang) chip('lang', v, langName(v));
  for (const v of st.actor) chip('actor', v, v);
  if (st.from || st.to) {
    const label = st.from && st.to ? t('range', { from: fmtDate(st.from), to: fmtDate(st.to) })
      : st.from ? t('from', { from: fmtDate(st.from) }) : t('to', { to: fmtDate(st.to) });
    chip('range', '', label);
  }
  root.append(h('ul', { class: 'chip-list', 'aria-label': t('activeFilters') }, chips,
    h('li', null, h('button', { type: 'button', class: 'link clear-all', text: t('clearAll'), onclick: onClear }))));
}
