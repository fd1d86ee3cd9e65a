// A standalone page to look at the map: sample places, the gazetteer's region capitals, and
// a selection that toggles on click so that re-rendering can be watched.
import { renderMap } from '../js/map.js';

const PLACES = [
  ['Gao', 'Gao', 'Mali', 16.27, -0.04, 12], ['Kidal', 'Kidal', 'Mali', 18.44, 1.41, 5],
  ['Tombouctou', 'Tombouctou', 'Mali', 16.77, -3.01, 7], ['Ménaka', 'Ménaka', 'Mali', 15.92, 2.4, 9],
  ['Djibo', 'Soum', 'Burkina Faso', 14.1, -1.63, 15], ['Dori', 'Liptako', 'Burkina Faso', 14.03, -0.03, 8],
  ['Niamey', 'Niamey', 'Niger', 13.51, 2.11, 3], ['Tillabéri', 'Tillabéri', 'Niger', 14.21, 1.45, 11],
  ['Diffa', 'Diffa', 'Niger', 13.32, 12.61, 1],
].map(([name, region, country, lat, lon, count]) => ({ name, region, country, lat, lon, count }));

const state = { lang: 'fr', selected: [], onlyMali: false };
const params = new URLSearchParams(location.search);
// ?many=N: N localities of the gazetteer with made-up counts, to see a crowded map.
if (params.get('many')) {
  const country = { ML: 'Mali', BF: 'Burkina Faso', NE: 'Niger' };
  const tsv = await fetch('../../crates/facets/data/gazetteer/localities.tsv').then((r) => r.text());
  const rows = tsv.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('name\t')).map((l) => l.split('\t'));
  PLACES.length = 0;
  rows.slice(0, Number(params.get('many'))).forEach((c, i) => PLACES.push({
    name: c[0], country: country[c[1]] || c[1], region: c[2], lat: Number(c[4]), lon: Number(c[5]), count: 1 + ((i * 37) % 41),
  }));
}
const [outlines, regions] = await Promise.all([
  fetch('outlines.json').then((r) => r.json()),
  fetch('../../crates/facets/data/gazetteer/regions.tsv')
    .then((r) => (r.ok ? r.text() : ''))
    .then((tsv) => tsv.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('country\t'))
      .map((l) => l.split('\t')).map((c) => ({ name: c[1], lat: Number(c[5]), lon: Number(c[6]) })))
    .catch(() => []),
]);

function draw() {
  const places = state.onlyMali ? PLACES.filter((p) => p.country === 'Mali') : PLACES;
  renderMap(document.getElementById('map'), {
    outlines, places, regions, lang: state.lang, selected: state.selected,
    onSelect(name) {
      state.selected = state.selected.includes(name) ? state.selected.filter((n) => n !== name) : [...state.selected, name];
      document.getElementById('log').textContent = `onSelect(${name}) → [${state.selected.join(', ')}]`;
      draw();
    },
  });
}
document.getElementById('lang').addEventListener('click', (e) => {
  state.lang = state.lang === 'fr' ? 'en' : 'fr';
  document.documentElement.lang = state.lang;
  e.target.textContent = state.lang === 'fr' ? 'EN' : 'FR';
  draw();
});
document.getElementById('only-mali').addEventListener('click', () => { state.onlyMali = !state.onlyMali; draw(); });
if (params.get('lang') === 'en') state.lang = 'en';
if (params.get('selected')) state.selected = params.get('selected').split(',');
draw();
