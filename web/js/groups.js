// Grouping the values of one facet under those of another (regions under their country), with
// the table the server gives (`api/dimensions`, from the gazetteer). Values the table does not
// place are placed by the hits that carry them, else under "Other".

const key = (s) => String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/**
 * Groups the values of a facet under the values of its parent facet: returns
 * [{parent, count|null, values:[{value,count}]}], parents in the order of the parent facet's
 * counts, then the rest. `table` maps a value to its parent's value; `hits` teach the parents of
 * the others (a hit with one parent value, `parentKey` of it, for its values, `childKey`).
 */
export function groupValues(childFacet, parentFacet, table, hits, childKey, parentKey) {
  const known = new Map(Object.entries(table || {}).map(([child, parent]) => [key(child), parent]));
  const learned = new Map();
  for (const hit of hits || []) {
    const parents = hit[parentKey];
    if (Array.isArray(parents) && parents.length === 1) {
      for (const v of hit[childKey] || []) if (!learned.has(key(v))) learned.set(key(v), parents[0]);
    }
  }
  const parentCount = new Map((parentFacet || []).map((c) => [key(c.value), c]));
  const groups = new Map();
  for (const item of childFacet || []) {
    const k = key(item.value);
    const parent = known.get(k) || learned.get(k) || '';
    if (!groups.has(key(parent))) {
      const c = parentCount.get(key(parent));
      groups.set(key(parent), { parent: c ? c.value : parent, count: c ? c.count : null, values: [] });
    }
    groups.get(key(parent)).values.push(item);
  }
  for (const c of parentFacet || []) {
    if (!groups.has(key(c.value))) groups.set(key(c.value), { parent: c.value, count: c.count, values: [] });
  }
  const order = (g) => {
    if (!g.parent) return Number.MAX_SAFE_INTEGER;
    const i = (parentFacet || []).findIndex((c) => key(c.value) === key(g.parent));
    return i < 0 ? 1e6 : i;
  };
  return [...groups.values()].sort((a, b) => order(a) - order(b));
}

export { key as foldKey };
