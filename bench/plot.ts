/**
 * Hand-written SVG charts for the benchmark results: grouped bars and lines on a logarithmic
 * axis, as plain SVG text (no chart package). Values <= 0 or missing are drawn as nothing.
 */

export interface Series {
  name: string;
  color: string;
}

export interface BarGroup {
  label: string;
  /** One value per series, in the order of `series`; null when not measured. */
  values: (number | null)[];
}

export interface BarChart {
  title: string;
  unit: string;
  series: Series[];
  groups: BarGroup[];
  /** Horizontal reference lines (targets). */
  references?: { value: number; label: string }[];
  format?: (value: number) => string;
}

export interface LineChart {
  title: string;
  xLabel: string;
  unit: string;
  series: (Series & { points: [x: number, y: number | null][] })[];
  references?: { value: number; label: string }[];
  formatX?: (value: number) => string;
  format?: (value: number) => string;
}

const WIDTH = 900;
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

export const PALETTE = ['#1f77b4', '#aec7e8', '#d62728', '#ff9896', '#2ca02c', '#98df8a', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function defaultFormat(value: number): string {
  if (value >= 1e6) return `${+(value / 1e6).toPrecision(3)}M`;
  if (value >= 1e3) return `${+(value / 1e3).toPrecision(3)}k`;
  if (value >= 1) return `${+value.toPrecision(3)}`;
  if (value >= 1e-3) return `${+(value * 1e3).toPrecision(3)}m`;
  return `${+(value * 1e6).toPrecision(3)}µ`;
}

/** Decades covering the values (and references), at least one. */
function logDomain(values: number[]): [number, number] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return [0, 1];
  // A bar at the very bottom of a decade would have no height: start a third of a decade lower.
  const lo = Math.floor(Math.log10(Math.min(...positive)) - 0.3);
  const hi = Math.ceil(Math.log10(Math.max(...positive)));
  return [lo, hi === lo ? lo + 1 : hi];
}

interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

function logAxis(frame: Frame, domain: [number, number], unit: string, format: (v: number) => string): { svg: string; scale: (v: number) => number } {
  const [lo, hi] = domain;
  const scale = (v: number) => frame.y + frame.h - ((Math.log10(v) - lo) / (hi - lo)) * frame.h;
  const parts: string[] = [];
  for (let e = lo; e <= hi; e++) {
    const y = scale(10 ** e);
    parts.push(`<line x1="${frame.x}" x2="${frame.x + frame.w}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#ddd"/>`);
    parts.push(`<text x="${frame.x - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" font-size="11" ${FONT}>${escape(format(10 ** e))}</text>`);
    if (e < hi) {
      for (const k of [2, 5]) {
        const yk = scale(k * 10 ** e);
        parts.push(`<line x1="${frame.x}" x2="${frame.x + frame.w}" y1="${yk.toFixed(1)}" y2="${yk.toFixed(1)}" stroke="#f2f2f2"/>`);
      }
    }
  }
  parts.push(`<line x1="${frame.x}" x2="${frame.x}" y1="${frame.y}" y2="${frame.y + frame.h}" stroke="#333"/>`);
  parts.push(`<line x1="${frame.x}" x2="${frame.x + frame.w}" y1="${frame.y + frame.h}" y2="${frame.y + frame.h}" stroke="#333"/>`);
  parts.push(`<text x="${frame.x - 48}" y="${frame.y + frame.h / 2}" font-size="12" ${FONT} transform="rotate(-90 ${frame.x - 48} ${frame.y + frame.h / 2})" text-anchor="middle">${escape(unit)} (log scale)</text>`);
  return { svg: parts.join('\n'), scale };
}

function legend(series: Series[], x: number, y: number): string {
  let cursor = x;
  return series
    .map((s) => {
      const item = `<rect x="${cursor}" y="${y - 10}" width="12" height="12" fill="${s.color}"/>` +
        `<text x="${cursor + 16}" y="${y}" font-size="12" ${FONT}>${escape(s.name)}</text>`;
      cursor += 28 + s.name.length * 6.5;
      return item;
    })
    .join('\n');
}

function references(refs: { value: number; label: string }[] | undefined, frame: Frame, scale: (v: number) => number): string {
  return (refs ?? [])
    .map((r) => {
      const y = scale(r.value);
      if (y < frame.y || y > frame.y + frame.h) return '';
      return `<line x1="${frame.x}" x2="${frame.x + frame.w}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#c00" stroke-dasharray="6 4"/>` +
        `<text x="${frame.x + 4}" y="${(y - 4).toFixed(1)}" font-size="11" fill="#c00" ${FONT}>${escape(r.label)}</text>`;
    })
    .join('\n');
}

/** A grouped bar chart on a log axis, as an SVG fragment of the given height at vertical offset `top`. */
export function barChartFragment(chart: BarChart, top: number, height = 380): string {
  const format = chart.format ?? defaultFormat;
  const frame: Frame = { x: 80, y: top + 50, w: WIDTH - 110, h: height - 110 };
  const values = chart.groups.flatMap((g) => g.values).filter((v): v is number => v !== null);
  const domain = logDomain([...values, ...(chart.references ?? []).map((r) => r.value)]);
  const axis = logAxis(frame, domain, chart.unit, format);
  const groupWidth = frame.w / Math.max(1, chart.groups.length);
  const barWidth = Math.min(28, (groupWidth * 0.8) / Math.max(1, chart.series.length));
  const parts = [
    `<text x="${WIDTH / 2}" y="${top + 22}" text-anchor="middle" font-size="15" font-weight="bold" ${FONT}>${escape(chart.title)}</text>`,
    legend(chart.series, frame.x, top + 42),
    axis.svg,
  ];
  chart.groups.forEach((group, gi) => {
    // Only the measured series take a slot, so a group with one value has its bar centred.
    const present = group.values.map((v, si) => (v !== null && v > 0 ? si : -1)).filter((si) => si >= 0);
    const start = frame.x + gi * groupWidth + (groupWidth - barWidth * present.length) / 2;
    group.values.forEach((value, si) => {
      if (value === null || !(value > 0)) return;
      const y = Math.max(frame.y, axis.scale(value));
      const h = frame.y + frame.h - y;
      const x = start + present.indexOf(si) * barWidth;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${Math.max(0, h).toFixed(1)}" fill="${chart.series[si].color}">` +
        `<title>${escape(`${group.label} ${chart.series[si].name}: ${format(value)}`)}</title></rect>`);
      if (barWidth >= 14) {
        parts.push(`<text x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(y - 3).toFixed(1)}" text-anchor="middle" font-size="9" ${FONT}>${escape(format(value))}</text>`);
      }
    });
    parts.push(`<text x="${(frame.x + gi * groupWidth + groupWidth / 2).toFixed(1)}" y="${frame.y + frame.h + 18}" text-anchor="middle" font-size="12" ${FONT}>${escape(group.label)}</text>`);
  });
  parts.push(references(chart.references, frame, axis.scale));
  return parts.join('\n');
}

/** A line chart with log x and log y axes. */
export function lineChartFragment(chart: LineChart, top: number, height = 380): string {
  const format = chart.format ?? defaultFormat;
  const formatX = chart.formatX ?? defaultFormat;
  const frame: Frame = { x: 80, y: top + 50, w: WIDTH - 230, h: height - 110 };
  const ys = chart.series.flatMap((s) => s.points.map((p) => p[1])).filter((v): v is number => v !== null);
  const xs = [...new Set(chart.series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const domain = logDomain([...ys, ...(chart.references ?? []).map((r) => r.value)]);
  const axis = logAxis(frame, domain, chart.unit, format);
  const [xlo, xhi] = xs.length > 1 ? [Math.log10(xs[0]), Math.log10(xs[xs.length - 1])] : [Math.log10(xs[0] ?? 1) - 1, Math.log10(xs[0] ?? 1) + 1];
  const xscale = (x: number) => frame.x + 20 + ((Math.log10(x) - xlo) / (xhi - xlo || 1)) * (frame.w - 40);
  const parts = [
    `<text x="${WIDTH / 2}" y="${top + 22}" text-anchor="middle" font-size="15" font-weight="bold" ${FONT}>${escape(chart.title)}</text>`,
    axis.svg,
  ];
  for (const x of xs) {
    parts.push(`<text x="${xscale(x).toFixed(1)}" y="${frame.y + frame.h + 18}" text-anchor="middle" font-size="12" ${FONT}>${escape(formatX(x))}</text>`);
  }
  parts.push(`<text x="${frame.x + frame.w / 2}" y="${frame.y + frame.h + 36}" text-anchor="middle" font-size="12" ${FONT}>${escape(chart.xLabel)} (log scale)</text>`);
  chart.series.forEach((s, i) => {
    const points = s.points.filter((p): p is [number, number] => p[1] !== null && p[1] > 0);
    if (points.length > 1) {
      parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.map(([x, y]) => `${xscale(x).toFixed(1)},${axis.scale(y).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const [x, y] of points) {
      parts.push(`<circle cx="${xscale(x).toFixed(1)}" cy="${axis.scale(y).toFixed(1)}" r="3.5" fill="${s.color}"><title>${escape(`${s.name} at ${formatX(x)}: ${format(y)}`)}</title></circle>`);
    }
    const ly = frame.y + 10 + i * 18;
    parts.push(`<rect x="${frame.x + frame.w + 20}" y="${ly - 10}" width="12" height="12" fill="${s.color}"/>` +
      `<text x="${frame.x + frame.w + 36}" y="${ly}" font-size="12" ${FONT}>${escape(s.name)}</text>`);
  });
  parts.push(references(chart.references, frame, axis.scale));
  return parts.join('\n');
}

/** Stacks fragments (each with its height) into one SVG document. */
export function svgDocument(fragments: { render: (top: number, height: number) => string; height: number }[], footnote?: string): string {
  let top = 0;
  const body: string[] = [];
  for (const fragment of fragments) {
    body.push(fragment.render(top, fragment.height));
    top += fragment.height;
  }
  if (footnote) {
    for (const [i, line] of footnote.split('\n').entries()) {
      body.push(`<text x="20" y="${top + 16 + i * 15}" font-size="11" fill="#555" ${FONT}>${escape(line)}</text>`);
    }
    top += 16 + footnote.split('\n').length * 15;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${top}" viewBox="0 0 ${WIDTH} ${top}">\n` +
    `<rect width="100%" height="100%" fill="white"/>\n${body.join('\n')}\n</svg>\n`;
}
