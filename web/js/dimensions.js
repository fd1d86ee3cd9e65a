// The facet dimensions, as the server declares them (`GET api/dimensions`): which ones the page
// keeps in its state and shows, in which order, under which labels, how their values read, and
// how the values of one are grouped under another's (regions under their country). The page has
// no list of its own: a facet added on the server appears here.

import { lang, fmtMonth, langName } from './i18n.js';

let dims = [];
let groups = {};

/** Reads the dimensions from the server (`fetchJson(url)` → the JSON body). */
export async function loadDimensions(fetchJson) {
  const body = await fetchJson('api/dimensions');
  dims = Array.isArray(body.facets) ? body.facets : [];
  groups = body.groups && typeof body.groups === 'object' ? body.groups : {};
}

/** The dimensions the page filters on and shows, in the order of its sidebar. */
export function pageFacets() {
  return dims.filter((d) => d.filters && d.page != null).sort((a, b) => a.page - b.page);
}

/** The page dimension of the months (the timeline's), if any. */
export function monthFacet() {
  return pageFacets().find((d) => d.kind === 'months') || null;
}

/** The page dimension called `name`. */
export function facetNamed(name) {
  return pageFacets().find((d) => d.name === name) || null;
}

/** Whether another page dimension is grouped under `d` (its values head that one's groups). */
export function headsGroups(d) {
  return pageFacets().some((other) => other.grouped_under === d.name);
}

/** The label of a dimension in the page's language. */
export function facetLabel(d) {
  return lang() === 'en' ? d.label_en : d.label_fr;
}

/** A value of a dimension as the page shows it: months and languages by name. */
export function valueLabel(d, value) {
  if (d.kind === 'months') return fmtMonth(value, true);
  if (d.kind === 'language') return langName(value);
  return value;
}

/** For a dimension grouped under another: its value → the other's value it belongs to. */
export function groupTable(d) {
  return groups[d.name] || {};
}
