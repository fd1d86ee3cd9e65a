// The results map: country outlines (map/outlines.json, from Natural Earth), one mark per locality
// sized by its number of reports, region capitals as labelled dots, and the same places as a list of
// buttons. Styles in map/map.css. The SVG scales with its box while marks and text keep a screen
// size: --u is the number of view units per CSS pixel, refreshed when the box is resized.

const TEXT = {
  fr: { map: 'Carte des lieux des résultats', list: 'Liste des lieux', none: 'Aucun lieu dans ces résultats', reports: (n, s) => `${s} rapport${n > 1 ? 's' : ''}` },
  en: { map: 'Map of the result places', list: 'Places list', none: 'No places in these results', reports: (n, s) => `${s} report${n === 1 ? '' : 's'}` },
};
const ARROWS = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
// What to undo before a container is drawn again: its resize observer.
const cleanups = new WeakMap();
const fold = (s) => String(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const SVG_TAGS = new Set(['svg', 'g', 'path', 'circle', 'text']);

function el(tag, attrs = {}, text) {
  const e = SVG_TAGS.has(tag) ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}
const show = (node, on) => node.setAttribute('display', on ? 'inline' : 'none');
const overlaps = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
// Where a text w wide and 2h high goes at x, y: the point, the anchor and the box it covers.
const spot = (x, y, anchor, w, h) => {
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x, y, anchor, box: [left, y - h, left + w, y + h] };
};

/**
 * Draws the map into `container`, replacing what a previous call drew there.
 * places: [{name, region, country, lat, lon, count}]; regions: [{name, lat, lon}];
 * selected: names of the localities filtered on; onSelect(name) on click, Enter or Space.
 */
export function renderMap(container, { outlines, places = [], regions = [], lang, onSelect = () => {}, selected = [] }) {
  const focused = container.contains(document.activeElement) ? document.activeElement : null;
  const wasOpen = container.querySelector('.sm-list')?.open;
  cleanups.get(container)?.();

  const lg = lang === 'en' ? 'en' : 'fr';
  const t = TEXT[lg];
  const count = (p) => t.reports(p.count, p.count.toLocaleString(lg));
  const label = (p) => `${p.name} — ${count(p)}`;
  const where = (p) => [p.region, p.country].filter(Boolean).join(', ');
  const chosen = new Set(selected.map(fold));
  const isOn = (p) => chosen.has(fold(p.name));
  const [, , W, H] = outlines.viewBox.split(/[\s,]+/).map(Number);
  const { lon0, lat0, kx, ky } = outlines.projection;
  const project = (o) => {
    const x = (o.lon - lon0) * kx;
    const y = (lat0 - o.lat) * ky;
    return x >= 0 && y >= 0 && x <= W && y <= H ? [x, y] : null;
  };
  const list = places.filter((p) => p && p.name && p.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, lg));
  const most = Math.max(5, ...list.map((p) => p.count));

  const svg = el('svg', { viewBox: outlines.viewBox, class: 'sm-svg', role: 'group', 'aria-label': `${t.map} (${list.length})` });
  const decor = el('g', { 'aria-hidden': 'true' });
  const layer = el('g');
  svg.append(decor, layer);
  for (const c of outlines.countries) decor.append(el('path', { d: c.d, class: c.focus ? 'sm-country sm-focus' : 'sm-country' }));
  const names = outlines.countries.filter((c) => c.label).sort((a, b) => !!b.focus - !!a.focus).map((c) => {
    const name = c[`name_${lg}`];
    const text = el('text', { class: c.focus ? 'sm-name sm-focus' : 'sm-name', dy: '0.35em' }, c.focus ? name.toLocaleUpperCase(lg) : name);
    decor.append(text);
    return { c, text, chars: name.length };
  });
  const dots = regions.filter((r) => r && r.name && project(r)).map((r) => {
    const [x, y] = project(r);
    const dot = el('circle', { cx: x.toFixed(1), cy: y.toFixed(1), class: 'sm-region' });
    const text = el('text', { class: 'sm-region-name', dy: '0.35em' }, r.name);
    decor.append(dot, text);
    return { x, y, dot, text, chars: r.name.length };
  });
  const marks = list.filter(project).map((p) => {
    const [x, y] = project(p);
    const m = el('circle', {
      cx: x.toFixed(1), cy: y.toFixed(1), class: isOn(p) ? 'sm-mark is-selected' : 'sm-mark', role: 'button',
      tabindex: '-1', 'aria-label': label(p), 'aria-pressed': String(isOn(p)), 'data-name': p.name,
    });
    layer.append(m);
    return { m, p, x, y, r: 0 };
  });
  const stop = marks.find((k) => isOn(k.p)) || marks[0];
  if (stop) stop.m.tabIndex = 0;

  const frame = el('div', { class: 'sm-frame' });
  const tip = el('div', { class: 'sm-tip', 'aria-hidden': 'true', hidden: '' });
  frame.append(svg, tip);
  if (!list.length) frame.append(el('p', { class: 'sm-note' }, t.none));

  let u = 1;
  let width = 0;
  const byMark = new Map(marks.map((k) => [k.m, k]));
  const tell = (k) => {
    tip.hidden = !k;
    if (!k) return;
    tip.replaceChildren(el('strong', {}, k.p.name), ` — ${count(k.p)}`);
    if (where(k.p)) tip.append(el('small', {}, where(k.p)));
    const r = k.r / u + 6;
    const above = k.y / u - r - tip.offsetHeight;
    tip.style.left = `${Math.max(0, Math.min(frame.clientWidth - tip.offsetWidth, k.x / u - tip.offsetWidth / 2))}px`;
    tip.style.top = `${above < 0 ? k.y / u + r : above}px`;
  };

  // Sizes in screen pixels, then the names: country names first (focus countries always,
  // neighbours when the name fits), then the region capitals they leave free, each name where it
  // hides no mark and no other name; a capital inside a mark loses its dot, its name goes beside.
  const fit = () => {
    const px = svg.getBoundingClientRect().width;
    if (!px || px === width) return;
    width = px;
    u = W / px;
    svg.style.setProperty('--u', u.toFixed(3));
    // The largest mark: 11 to 22 px with the width, smaller when many marks crowd the map.
    const biggest = Math.max(7, Math.min(22, Math.max(11, px / 45)) * Math.min(1, Math.sqrt(25 / marks.length)));
    const taken = marks.map((k) => {
      k.r = u * Math.max(3.5, biggest * Math.sqrt(k.p.count / most));
      k.m.setAttribute('r', k.r.toFixed(1));
      return [k.x - k.r, k.y - k.r, k.x + k.r, k.y + k.r];
    });
    const free = (b) => b[0] >= 0 && b[1] >= 0 && b[2] <= W && b[3] <= H && !taken.some((o) => overlaps(b, o));
    const place = (text, spots, must) => {
      const at = spots.find((s) => free(s.box)) || (must && spots[0]);
      show(text, at);
      if (!at) return;
      text.setAttribute('x', at.x.toFixed(1));
      text.setAttribute('y', at.y.toFixed(1));
      text.setAttribute('text-anchor', at.anchor);
      taken.push(at.box);
    };
    for (const { c, text, chars } of names) {
      const size = (c.focus ? 13 : 11) * u;
      const half = (chars * size * (c.focus ? 0.8 : 0.56)) / 2;
      const spots = [];
      for (const dy of [0, -1.6, 1.6, -3.2, 3.2]) {
        for (const dx of [0, -0.5, 0.5]) {
          if (Math.hypot(dx * half, dy * size) <= c.room) spots.push(spot(c.label[0] + dx * half, c.label[1] + dy * size, 'middle', 2 * half, size / 2));
        }
      }
      place(text, c.focus || half < c.room * 1.3 ? spots : [], c.focus);
    }
    const named = taken.slice(marks.length);
    for (const d of dots) {
      const under = marks.find((k) => Math.hypot(k.x - d.x, k.y - d.y) < k.r);
      d.gap = 5 * u + (under ? under.r - Math.hypot(under.x - d.x, under.y - d.y) : 0);
      const box = [d.x - 3 * u, d.y - 3 * u, d.x + 3 * u, d.y + 3 * u];
      d.on = !named.some((o) => overlaps(box, o));
      d.dot.setAttribute('r', (2.5 * u).toFixed(1));
      show(d.dot, d.on && !under);
      if (d.on && !under) taken.push(box);
    }
    for (const { x, y, text, chars, gap, on } of dots) {
      const w = chars * 11 * u * 0.56;
      const h = 5.5 * u;
      place(text, on ? [spot(x + gap, y, 'start', w, h), spot(x - gap, y, 'end', w, h), spot(x, y - gap - h, 'middle', w, h), spot(x, y + gap + h, 'middle', w, h)] : []);
    }
  };

  // Arrow keys go to the nearest mark in that direction (one tab stop for the whole map).
  const move = (k, [ax, ay]) => {
    let best = null;
    let score = Infinity;
    for (const o of marks) {
      const along = (o.x - k.x) * ax + (o.y - k.y) * ay;
      const s = along + 2 * Math.abs((o.x - k.x) * ay - (o.y - k.y) * ax);
      if (o !== k && along >= 0 && s < score) [best, score] = [o, s];
    }
    best?.m.focus();
  };
  svg.addEventListener('pointerover', (e) => byMark.has(e.target) && tell(byMark.get(e.target)));
  svg.addEventListener('pointerout', () => tell(byMark.get(document.activeElement)));
  svg.addEventListener('click', (e) => byMark.has(e.target) && onSelect(byMark.get(e.target).p.name));
  svg.addEventListener('keydown', (e) => {
    const k = byMark.get(e.target);
    if (!k || !(e.key === 'Enter' || e.key === ' ' || ARROWS[e.key])) return;
    e.preventDefault();
    if (ARROWS[e.key]) move(k, ARROWS[e.key]);
    else onSelect(k.p.name);
  });
  // On the <div>: focus listeners on an <svg> make Chromium put the <svg> itself in the tab order.
  frame.addEventListener('focusin', (e) => {
    const k = byMark.get(e.target);
    if (!k) return;
    for (const o of marks) o.m.tabIndex = o === k ? 0 : -1;
    tell(k);
  });
  frame.addEventListener('focusout', () => tell(null));

  const details = el('details', { class: 'sm-list', open: wasOpen ? '' : null });
  const ul = el('ul');
  details.append(el('summary', {}, `${t.list} (${list.length})`), list.length ? ul : el('p', { class: 'sm-note' }, t.none));
  for (const p of list) {
    const b = el('button', { type: 'button', 'aria-pressed': String(isOn(p)), 'data-name': p.name }, label(p));
    if (where(p)) b.append(el('span', { class: 'sm-where' }, ` · ${where(p)}`));
    ul.append(el('li'));
    ul.lastChild.append(b);
  }
  ul.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (b) onSelect(b.dataset.name);
  });

  const root = el('div', { class: 'sm-map' });
  root.append(frame, details);
  container.replaceChildren(root);
  fit();
  const observer = new ResizeObserver(fit);
  observer.observe(frame);
  cleanups.set(container, () => observer.disconnect());

  // A re-render after a selection keeps the keyboard where it was.
  if (focused) {
    const same = [...(focused.closest('.sm-list') ? ul : layer).querySelectorAll('[data-name]')]
      .find((e) => e.dataset.name === focused.dataset?.name);
    (focused.tagName === 'SUMMARY' ? details.firstChild : same || stop?.m || details.firstChild).focus({ preventScroll: true });
  }
}
