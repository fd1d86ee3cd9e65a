// The timeline: results per month as an inline SVG bar chart. Click (or Enter on) a bar to filter
// that month; drag across bars (or Shift+arrows then Enter) to select a period (from/to).

import { s, h, clear } from './dom.js';
import { t, fmtMonth, fmtNumber } from './i18n.js';

const HEIGHT = 120;
const PAD = { top: 14, right: 8, bottom: 30, left: 8 };
const HEIGHT_LABEL_1 = HEIGHT - 17;
const HEIGHT_LABEL_2 = HEIGHT - 4;

function monthIndex(ym) {
  const [y, m] = ym.split('-').map(Number);
  return y * 12 + (m - 1);
}

function monthOf(index) {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** Every month between the first and the last, zeros filled in. */
export function fillMonths(counts) {
  const valid = counts.filter((c) => /^\d{4}-\d{2}$/.test(c.month));
  if (!valid.length) return [];
  const byMonth = new Map(valid.map((c) => [c.month, c.count]));
  const idx = valid.map((c) => monthIndex(c.month));
  const lo = Math.min(...idx);
  const hi = Math.max(...idx);
  if (hi - lo > 600) return valid.sort((a, b) => a.month.localeCompare(b.month));
  const out = [];
  for (let i = lo; i <= hi; i++) out.push({ month: monthOf(i), count: byMonth.get(monthOf(i)) || 0 });
  return out;
}

export function lastDay(ym) {
  const [y, m] = ym.split('-').map(Number);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${ym}-${String(d).padStart(2, '0')}`;
}

/**
 * Draws the chart into `figure`. `selected(month)` says whether a bar is in the current
 * selection; `onMonth(month)` and `onRange(firstMonth, lastMonth)` are called on interaction.
 */
/** Years instead of months when the span is too long to draw month by month. */
function byYear(bars) {
  const years = new Map();
  for (const b of bars) {
    const y = b.month.slice(0, 4);
    if (!years.has(y)) years.set(y, { month: y, count: 0, first: `${y}-01`, last: `${y}-12` });
    years.get(y).count += b.count;
  }
  return [...years.values()];
}

export function renderTimeline(figure, monthBars, { selected, onMonth, onRange }) {
  clear(figure);
  const yearly = monthBars.length > 180;
  const bars = yearly ? byYear(monthBars) : monthBars;
  const isOn = (b) => {
    if (!yearly) return selected(b.month);
    for (let m = 1; m <= 12; m++) if (selected(`${b.month}-${String(m).padStart(2, '0')}`)) return true;
    return false;
  };
  const pick = (i) => (yearly ? onRange(bars[i].first, bars[i].last) : onMonth(bars[i].month));
  const pickRange = (a, b) => onRange(yearly ? bars[a].first : bars[a].month, yearly ? bars[b].last : bars[b].month);
  figure.setAttribute('aria-labelledby', 'timeline-caption');
  const caption = h('figcaption', { id: 'timeline-caption' },
    h('span', { class: 'tl-title', text: t(yearly ? 'timelineTitleYear' : 'timelineTitle') }), ' ',
    h('span', { class: 'tl-help', text: t('timelineHelp') }));
  figure.append(caption);
  if (!bars.length) {
    figure.append(h('p', { class: 'tl-empty', text: t('timelineEmpty') }));
    return;
  }
  const width = Math.max(280, Math.floor(figure.clientWidth || 600));
  const n = bars.length;
  const inner = width - PAD.left - PAD.right;
  const step = inner / n;
  const gap = step > 6 ? Math.min(2, step * 0.15) : 0;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const anySelected = bars.some(isOn);

  const svg = s('svg', {
    class: 'tl-svg', width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'group',
    'aria-label': t('timelineTitle'),
  });
  svg.append(s('line', { class: 'tl-axis', x1: PAD.left, x2: width - PAD.right, y1: HEIGHT - PAD.bottom + 0.5, y2: HEIGHT - PAD.bottom + 0.5 }));
  svg.append(s('text', { class: 'tl-max', x: PAD.left, y: 10, text: fmtNumber(max) }));
  const brush = s('rect', { class: 'tl-brush', x: 0, y: PAD.top - 4, width: 0, height: plotH + 4, visibility: 'hidden' });
  svg.append(brush);

  const cols = [];
  let labelEvery = 1;
  while (step * labelEvery < 44) labelEvery++;
  bars.forEach((b, i) => {
    const x = PAD.left + i * step;
    const bh = b.count ? Math.max(2, (b.count / max) * plotH) : 0;
    const bw = Math.max(1, Math.min(step - gap, 48));
    const label = t('timelineBar', { month: yearly ? b.month : fmtMonth(b.month, true), count: fmtNumber(b.count) });
    const on = isOn(b);
    const g = s('g', {
      class: `tl-col${on ? ' on' : ''}${anySelected && !on ? ' dim' : ''}`,
      [yearly ? 'data-year' : 'data-month']: b.month, 'data-count': b.count, 'data-index': i, role: 'button', tabindex: i === 0 ? 0 : -1,
      'aria-label': label, 'aria-pressed': on ? 'true' : 'false',
    },
    s('title', { text: label }),
    s('rect', { class: 'tl-hit', x, y: PAD.top - 4, width: step, height: plotH + 4 }),
    s('rect', { class: 'tl-bar', x: x + (step - bw) / 2, y: HEIGHT - PAD.bottom - bh, width: bw, height: bh }));
    const [yy, mm] = yearly ? [b.month, '01'] : b.month.split('-');
    const cx = x + step / 2;
    if (yearly) {
      if (i % labelEvery === 0) g.append(s('text', { class: 'tl-label', x: cx, y: HEIGHT_LABEL_1, 'text-anchor': 'middle', text: yy }));
    } else if (labelEvery >= 12) {
      if (mm === '01' || i === 0) g.append(s('text', { class: 'tl-label', x: cx, y: HEIGHT_LABEL_1, 'text-anchor': 'middle', text: yy }));
    } else {
      if (i % labelEvery === 0) g.append(s('text', { class: 'tl-label', x: cx, y: HEIGHT_LABEL_1, 'text-anchor': 'middle', text: fmtMonth(b.month).split(' ')[0] }));
      if (mm === '01' || i === 0) g.append(s('text', { class: 'tl-label tl-year', x: cx, y: HEIGHT_LABEL_2, 'text-anchor': 'middle', text: yy }));
    }
    svg.append(g);
    cols.push(g);
  });
  figure.append(h('div', { class: 'tl-wrap' }, svg));

  // Pointer: click = month, drag = range.
  let start = -1;
  let end = -1;
  const indexAt = (evt) => {
    const rect = svg.getBoundingClientRect();
    const x = ((evt.clientX - rect.left) / rect.width) * width;
    return Math.max(0, Math.min(n - 1, Math.floor((x - PAD.left) / step)));
  };
  const showBrush = () => {
    const a = Math.min(start, end);
    const b = Math.max(start, end);
    brush.setAttribute('x', PAD.left + a * step);
    brush.setAttribute('width', (b - a + 1) * step);
    brush.setAttribute('visibility', 'visible');
  };
  svg.addEventListener('pointerdown', (evt) => {
    if (evt.button !== 0) return;
    start = end = indexAt(evt);
    try { svg.setPointerCapture(evt.pointerId); } catch (_) { /* synthetic events */ }
    showBrush();
    evt.preventDefault();
  });
  svg.addEventListener('pointermove', (evt) => {
    if (start < 0) return;
    end = indexAt(evt);
    showBrush();
  });
  const finish = (evt) => {
    if (start < 0) return;
    end = indexAt(evt);
    const a = Math.min(start, end);
    const b = Math.max(start, end);
    start = end = -1;
    brush.setAttribute('visibility', 'hidden');
    if (a === b) pick(a);
    else pickRange(a, b);
  };
  svg.addEventListener('pointerup', finish);
  svg.addEventListener('pointercancel', () => { start = end = -1; brush.setAttribute('visibility', 'hidden'); });

  // Keyboard: roving focus over bars; Enter/Space filters; Shift+arrows extends a range.
  let anchor = -1;
  svg.addEventListener('keydown', (evt) => {
    const g = evt.target.closest && evt.target.closest('.tl-col');
    if (!g) return;
    const i = Number(g.dataset.index);
    let next = i;
    if (evt.key === 'ArrowRight') next = Math.min(n - 1, i + 1);
    else if (evt.key === 'ArrowLeft') next = Math.max(0, i - 1);
    else if (evt.key === 'Home') next = 0;
    else if (evt.key === 'End') next = n - 1;
    else if (evt.key === 'Enter' || evt.key === ' ') {
      evt.preventDefault();
      if (anchor >= 0 && anchor !== i) pickRange(Math.min(anchor, i), Math.max(anchor, i));
      else pick(i);
      anchor = -1;
      return;
    } else return;
    evt.preventDefault();
    if (evt.shiftKey) {
      if (anchor < 0) anchor = i;
      start = anchor; end = next; showBrush(); start = end = -1;
    } else {
      anchor = -1;
      brush.setAttribute('visibility', 'hidden');
    }
    cols[i].setAttribute('tabindex', -1);
    cols[next].setAttribute('tabindex', 0);
    cols[next].focus();
  });
}
