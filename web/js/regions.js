// Which country a region belongs to, to group the region facet by country. From the built-in
// gazetteer (crates/facets/data/gazetteer/regions.tsv, current and former region names). Regions
// not listed here are placed by the countries of the hits that carry them, else under "Other".

const BY_CODE = { ML: 'Mali', BF: 'Burkina Faso', NE: 'Niger' };

const REGIONS = {
  ML: ['Kayes', 'Koulikoro', 'Sikasso', 'Ségou', 'Mopti', 'Tombouctou', 'Gao', 'Kidal', 'Taoudénit', 'Ménaka',
    'Nioro', 'Nioro du Sahel', 'Kita', 'Dioïla', 'Nara', 'Bougouni', 'Koutiala', 'San', 'Douentza', 'Bandiagara', 'Bamako'],
  BF: ['Bankui', 'Djôrô', 'Goulmou', 'Guiriko', 'Kadiogo', 'Kuilsé', 'Liptako', 'Nakambé', 'Nando', 'Nazinon', 'Oubri',
    'Sirba', 'Soum', 'Sourou', 'Tannounyan', 'Tapoa', 'Yaadga', 'Boucle du Mouhoun', 'Cascades', 'Centre', 'Centre-Est',
    'Centre-Nord', 'Centre-Ouest', 'Centre-Sud', 'Est', 'Hauts-Bassins', 'Nord', 'Plateau-Central', 'Sahel', 'Sud-Ouest'],
  NE: ['Agadez', 'Diffa', 'Dosso', 'Maradi', 'Tahoua', 'Tillabéri', 'Zinder', 'Niamey'],
};

const key = (s) => String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

const TABLE = new Map();
for (const [code, names] of Object.entries(REGIONS)) {
  for (const n of names) TABLE.set(key(n), BY_CODE[code]);
}

/**
 * Groups region facet values by country: returns [{country, count|null, regions:[{value,count}]}],
 * countries in the order of the country facet, then the rest.
 */
export function groupRegions(regionFacet, countryFacet, hits) {
  const learned = new Map();
  for (const hit of hits || []) {
    if (Array.isArray(hit.countries) && hit.countries.length === 1) {
      for (const r of hit.regions || []) if (!learned.has(key(r))) learned.set(key(r), hit.countries[0]);
    }
  }
  const countryCount = new Map((countryFacet || []).map((c) => [key(c.value), c]));
  const groups = new Map();
  for (const region of regionFacet || []) {
    const k = key(region.value);
    const country = TABLE.get(k) || learned.get(k) || '';
    if (!groups.has(key(country))) {
      const c = countryCount.get(key(country));
      groups.set(key(country), { country: c ? c.value : country, count: c ? c.count : null, regions: [] });
    }
    groups.get(key(country)).regions.push(region);
  }
  for (const c of countryFacet || []) {
    if (!groups.has(key(c.value))) groups.set(key(c.value), { country: c.value, count: c.count, regions: [] });
  }
  const order = (g) => {
    if (!g.country) return Number.MAX_SAFE_INTEGER;
    const i = (countryFacet || []).findIndex((c) => key(c.value) === key(g.country));
    return i < 0 ? 1e6 : i;
  };
  return [...groups.values()].sort((a, b) => order(a) - order(b));
}

export { key as foldKey };
