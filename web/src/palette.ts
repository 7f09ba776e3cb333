/**
 * Colours readable by colour-blind users: Okabe–Ito for categories, viridis (perceptually
 * uniform, safe for deuteranopia and protanopia, readable in grey) for values on a map.
 */
export const CATEGORY = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];

// viridis from its low end (yellow) to its high end (dark purple): darker means more.
const VIRIDIS = ['#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89', '#26828e', '#31688e', '#3e4989', '#482878', '#440154'];

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour of `t` in [0, 1] on the sequential scale. */
export function sequential(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = hexToRgb(VIRIDIS[i]);
  const b = hexToRgb(VIRIDIS[i + 1]);
  const mix = a.map((c, k) => Math.round(c + (b[k] - c) * f));
  return `#${mix.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

export const SEQUENTIAL_STOPS = VIRIDIS;

/** Black or white, whichever contrasts more with the background (WCAG relative luminance). */
export function textOn(background: string): string {
  const [r, g, b] = hexToRgb(background).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? '#111111' : '#ffffff';
}

/** Cells without a value (masked or no data): grey with hatching, never a colour of the scale. */
export const NO_VALUE = '#d9d9d9';
