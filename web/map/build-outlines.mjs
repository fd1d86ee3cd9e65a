// Builds web/map/outlines.json, the country outlines of the results map, from Natural Earth's
// 1:50m countries as shipped (TopoJSON) by the npm package world-atlas (ISC; the data is public
// domain). Re-run with:
//
//   cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//   node web/map/build-outlines.mjs /tmp/package/countries-50m.json > web/map/outlines.json
//
// (countries-50m.json of world-atlas 2.0.2: sha256 04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394)
//
// Steps: decode the shared arcs, project them, simplify each arc once (so two neighbours keep the
// very same border), assemble the countries, clip them to the view plus a margin (the margin keeps
// clipped edges outside the picture), round to whole units and write relative SVG paths.

import { readFileSync } from 'node:fs';

// The view: Mali, Burkina Faso, Niger and what surrounds them.
const VIEW = { west: -13, east: 17, south: 8, north: 25.4 };
const WIDTH = 1000;
const MID_LAT = 16;
const MARGIN = 12; // view units kept beyond the frame before clipping
const TOLERANCE = 0.6; // Douglas-Peucker tolerance in view units (a pixel at full width)
const MIN_RING_AREA = 6; // square view units; smaller islands and clipping crumbs are dropped

// ISO 3166 numeric id (Natural Earth / world-atlas) → code and names. Every country that reaches
// into the view must be listed here: the script fails otherwise.
const COUNTRIES = {
  466: ['ML', 'Mali', 'Mali', true],
  854: ['BF', 'Burkina Faso', 'Burkina Faso', true],
  562: ['NE', 'Niger', 'Niger', true],
  12: ['DZ', 'Algérie', 'Algeria'],
  478: ['MR', 'Mauritanie', 'Mauritania'],
  686: ['SN', 'Sénégal', 'Senegal'],
  324: ['GN', 'Guinée', 'Guinea'],
  384: ['CI', "Côte d'Ivoire", "Côte d'Ivoire"],
  288: ['GH', 'Ghana', 'Ghana'],
  768: ['TG', 'Togo', 'Togo'],
  204: ['BJ', 'Bénin', 'Benin'],
  566: ['NG', 'Nigeria', 'Nigeria'],
  148: ['TD', 'Tchad', 'Chad'],
  434: ['LY', 'Libye', 'Libya'],
  120: ['CM', 'Cameroun', 'Cameroon'],
  140: ['CF', 'Centrafrique', 'Central African Rep.'],
  504: ['MA', 'Maroc', 'Morocco'],
  732: ['EH', 'Sahara occidental', 'Western Sahara'],
  694: ['SL', 'Sierra Leone', 'Sierra Leone'],
  430: ['LR', 'Liberia', 'Liberia'],
  270: ['GM', 'Gambie', 'Gambia'],
  624: ['GW', 'Guinée-Bissau', 'Guinea-Bissau'],
};

const k = WIDTH / ((VIEW.east - VIEW.west) * Math.cos((MID_LAT * Math.PI) / 180));
const kx = +(k * Math.cos((MID_LAT * Math.PI) / 180)).toFixed(4);
const ky = +k.toFixed(4);
const HEIGHT = Math.round((VIEW.north - VIEW.south) * ky);
const project = ([lon, lat]) => [(lon - VIEW.west) * kx, (VIEW.north - lat) * ky];

function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return project([x * sx + tx, y * sy + ty]);
    });
  });
}

function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const len = dx * dx + dy * dy;
  const t = len ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function simplify(points) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(points[i], points[a], points[b]);
      if (d > worst) [worst, at] = [d, i];
    }
    if (worst > TOLERANCE) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function ring(arcIndexes, arcs) {
  const out = [];
  for (const index of arcIndexes) {
    const arc = index < 0 ? [...arcs[~index]].reverse() : arcs[index];
    out.push(...(out.length ? arc.slice(1) : arc));
  }
  return out;
}

// Sutherland-Hodgman against each side of the rectangle.
function clip(points, [x0, y0, x1, y1]) {
  const sides = [
    [(p) => p[0] >= x0, (a, b) => cut(a, b, 0, x0)],
    [(p) => p[0] <= x1, (a, b) => cut(a, b, 0, x1)],
    [(p) => p[1] >= y0, (a, b) => cut(a, b, 1, y0)],
    [(p) => p[1] <= y1, (a, b) => cut(a, b, 1, y1)],
  ];
  let out = points;
  for (const [inside, intersect] of sides) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(intersect(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(intersect(prev, cur));
    }
    if (!out.length) break;
  }
  return out;
}

function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

function area(points) {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[(i + 1) % points.length];
    sum += ax * by - bx * ay;
  }
  return sum / 2;
}

function roundRing(points) {
  const out = [];
  for (const [x, y] of points) {
    const p = [Math.round(x), Math.round(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0][0] === out.at(-1)[0] && out[0][1] === out.at(-1)[1]) out.pop();
  return out;
}

// "M12 34l3-2 4 5z": absolute start, then relative steps; a minus sign is its own separator.
function pathData(rings) {
  let d = '';
  for (const points of rings) {
    const nums = (values) => values.map((v, i) => (i && v >= 0 ? ' ' : '') + v).join('');
    d += `M${nums(points[0])}l`;
    const steps = [];
    for (let i = 1; i < points.length; i++) steps.push(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
    d += `${nums(steps)}z`;
  }
  return d;
}

function pointInRing([x, y], points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

// Where the name goes: the point of the largest visible ring farthest from its edges and from the
// frame (a grid search, good enough at this scale), with that distance as the room around it.
function labelPoint(rings) {
  const frame = [0, 0, WIDTH, HEIGHT];
  const visible = rings.map((r) => clip(r, frame)).filter((r) => r.length > 2);
  if (!visible.length) return null;
  const biggest = visible.reduce((a, b) => (Math.abs(area(a)) >= Math.abs(area(b)) ? a : b));
  const xs = biggest.map((p) => p[0]);
  const ys = biggest.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let best = null;
  const steps = 60;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const p = [minX + ((maxX - minX) * i) / steps, minY + ((maxY - minY) * j) / steps];
      if (!pointInRing(p, biggest)) continue;
      let room = Math.min(p[0], p[1], WIDTH - p[0], HEIGHT - p[1]);
      for (let a = 0; a < rings.length; a++) {
        for (let b = 0; b < rings[a].length; b++) {
          room = Math.min(room, segmentDistance(p, rings[a][b], rings[a][(b + 1) % rings[a].length]));
        }
      }
      if (!best || room > best.room) best = { p, room };
    }
  }
  return best && { label: best.p.map(Math.round), room: Math.round(best.room) };
}

const topology = JSON.parse(readFileSync(process.argv[2] || '/tmp/package/countries-50m.json', 'utf8'));
const arcs = decodeArcs(topology).map(simplify);
const bounds = [-MARGIN, -MARGIN, WIDTH + MARGIN, HEIGHT + MARGIN];
const countries = [];
for (const geometry of topology.objects.countries.geometries) {
  const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
  const rings = polygons
    .flat()
    .map((indexes) => roundRing(clip(ring(indexes, arcs), bounds)))
    .filter((r) => r.length > 2 && Math.abs(area(r)) >= MIN_RING_AREA);
  if (!rings.length) continue;
  const known = COUNTRIES[Number(geometry.id)];
  if (!known) throw new Error(`country ${geometry.id} (${geometry.properties.name}) reaches the view: add it to COUNTRIES`);
  const [code, name_fr, name_en, focus] = known;
  // label: where the module writes the name; room: how far that point is from the border (view units).
  const placed = labelPoint(rings);
  countries.push({
    code,
    name_fr,
    name_en,
    ...(focus ? { focus: true } : {}),
    ...(placed || {}),
    points: rings.reduce((n, r) => n + r.length, 0),
    d: pathData(rings),
  });
}
// Neighbours first, the focus countries last: their borders are drawn on top.
countries.sort((a, b) => (a.focus ? 1 : 0) - (b.focus ? 1 : 0) || a.code.localeCompare(b.code));
for (const c of countries) process.stderr.write(`${c.code} ${c.points} points, ${c.d.length} bytes\n`);

const out = {
  source: 'Natural Earth 1:50m admin-0 countries (public domain), via world-atlas 2.0.2 countries-50m.json (ISC); built by web/map/build-outlines.mjs',
  viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
  projection: {
    type: 'equirectangular',
    lon0: VIEW.west,
    lat0: VIEW.north,
    kx,
    ky,
    formula: 'x = (lon - lon0) * kx; y = (lat0 - lat) * ky',
  },
  countries: countries.map(({ points, ...c }) => c),
};
process.stdout.write(
  `{${Object.entries(out)
    .map(([key, value]) =>
      key === 'countries'
        ? `"countries":[\n${value.map((c) => JSON.stringify(c)).join(',\n')}\n]`
        : `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join(',\n')}}\n`,
);
