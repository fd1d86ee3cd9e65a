// The facet dimensions, as the server declares them (`GET api/dimensions`): which ones the page
// keeps in its state and shows, in which order, under which labels, how their values read, and
// how the values of one are grouped under another's (regions under their country). The page has
// no list of its own: a facet added on the server appears here.

import { lang, fmtMonth, langName } from './i18n.js';

let dims = [];
let groups = {};
let regions = [];
let formerOf = new Map();

/** Reads the dimensions from the server (`fetchJson(url)` → the JSON body). */
export async function loadDimensions(fetchJson) {
  const body = await fetchJson('api/dimensions');
  dims = Array.isArray(body.facets) ? body.facets : [];
  groups = body.groups && typeof body.groups === 'object' ? body.groups : {};
  regions = Array.isArray(body.regions) ? body.regions : [];
  formerOf = new Map(regions.filter((r) => (r.former || []).length).map((r) => [r.name, r.former]));
}

/** The dimensions the page filters on (the view state holds one list each), sidebar first. */
export function stateFacets() {
  return dims.filter((d) => d.filters).sort((a, b) => (a.page ?? 1e3) - (b.page ?? 1e3));
}

/** The dimensions the page filters on and shows in its sidebar, in the sidebar's order. */
export function pageFacets() {
  return stateFacets().filter((d) => d.page != null);
}

/** The dimensions the page shows folded under `d` (the regions a report only mentions under
 * its event regions), closed until unfolded. */
export function foldedUnder(d) {
  return stateFacets().filter((other) => other.folded_under === d.name);
}

/** Whether a dimension's values are months `YYYY-MM`: the months dimension, and one folded
 * under it (the background months). */
export function isMonthly(d) {
  if (!d) return false;
  if (d.kind === 'months') return true;
  const main = d.folded_under ? facetNamed(d.folded_under) : null;
  return !!main && main.kind === 'months';
}

/** The regions of the gazetteer with their capitals (the map's labels). */
export function mapRegions() {
  return regions;
}

/** The page dimension of the months (the timeline's), if any. */
export function monthFacet() {
  return pageFacets().find((d) => d.kind === 'months') || null;
}

/** The dimension called `name` that the page filters on. */
export function facetNamed(name) {
  return stateFacets().find((d) => d.name === name) || null;
}

/** Whether another page dimension is grouped under `d` (its values head that one's groups). */
export function headsGroups(d) {
  return pageFacets().some((other) => other.grouped_under === d.name);
}

/** The label of a dimension in the page's language. */
export function facetLabel(d) {
  return lang() === 'en' ? d.label_en : d.label_fr;
}

/** A value of a dimension as the page shows it: months and languages by name, a region with
 * its former names (`Kuilsé (ex-Centre-Nord)`). */
export function valueLabel(d, value) {
  if (isMonthly(d)) return fmtMonth(value, true);
  if (d.kind === 'language') return langName(value);
  if (d.grouped_under && formerOf.has(value)) return `${value} (${formerOf.get(value).map((f) => `ex-${f}`).join(', ')})`;
  return value;
}

/** For a dimension grouped under another: its value → the other's value it belongs to. */
export function groupTable(d) {
  return groups[d.name] || {};
}
