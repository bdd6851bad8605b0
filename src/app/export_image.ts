import { STATUS_COLOR, WWTP_COLOR } from '../map/palette';
import { STATUSES, WWTP_STATES } from '../geo/types';
import type { Lang } from '../geo/format';
import { scaleBarMetres } from '../geo/io/scale_bar';
import { t, type MessageKey } from './i18n';

/** What goes on the printed map besides the map itself. */
export interface ImageParts {
  canvas: HTMLCanvasElement;
  metresPerPixel: number;
  pixelRatio: number;
  lang: Lang;
  subtitle: string;
  attribution: string;
}

/**
 * Composes a PNG for reports: title and what is shown, the map, a legend of status
 * and wastewater symbols, a scale bar and the attribution.
 */
export async function composeMapImage(p: ImageParts): Promise<Blob> {
  await document.fonts.ready;
  const r = p.pixelRatio;
  const head = 64 * r;
  const foot = 28 * r;
  const out = document.createElement('canvas');
  out.width = p.canvas.width;
  out.height = p.canvas.height + head + foot;
  const ctx = out.getContext('2d')!;
  const font = (px: number, weight = 400) => `${weight} ${px * r}px 'Be Vietnam Pro', sans-serif`;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.fillStyle = '#1d1d1f';
  ctx.font = font(18, 600);
  ctx.fillText(t(p.lang, 'app.title'), 12 * r, 26 * r);
  ctx.font = font(12);
  ctx.fillStyle = '#5d6166';
  ctx.fillText(p.subtitle, 12 * r, 48 * r);
  ctx.drawImage(p.canvas, 0, head);

  // Legend, bottom right of the map.
  const rows: [string, string, string][] = [
    ...STATUSES.map((s) => [t(p.lang, `status.${s}` as MessageKey), STATUS_COLOR[s], '#666'] as [string, string, string]),
    ...WWTP_STATES.map((w) => [t(p.lang, `wwtp.${w}` as MessageKey), '#fff', WWTP_COLOR[w]] as [string, string, string]),
  ];
  const lh = 16 * r;
  const lw = 260 * r;
  const lx = out.width - lw - 10 * r;
  const ly = head + p.canvas.height - rows.length * lh - 40 * r;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(lx, ly, lw, rows.length * lh + 30 * r);
  ctx.font = font(11, 600);
  ctx.fillStyle = '#1d1d1f';
  ctx.fillText(t(p.lang, 'legend.title'), lx + 8 * r, ly + 14 * r);
  ctx.font = font(11);
  rows.forEach(([label, fill, stroke], i) => {
    const y = ly + 22 * r + i * lh;
    ctx.fillStyle = fill;
    ctx.strokeStyle = stroke;
    ctx.lineWidth = 2 * r;
    ctx.fillRect(lx + 8 * r, y, 18 * r, 11 * r);
    ctx.strokeRect(lx + 8 * r, y, 18 * r, 11 * r);
    ctx.fillStyle = '#1d1d1f';
    ctx.fillText(label, lx + 32 * r, y + 10 * r);
  });
  ctx.font = font(10);
  ctx.fillStyle = '#5d6166';
  ctx.fillText(t(p.lang, 'legend.schematic'), lx + 8 * r, ly + 22 * r + rows.length * lh + 4 * r, lw - 16 * r);

  drawScaleBar(ctx, p.metresPerPixel, r, 12 * r, head + p.canvas.height - 14 * r);
  drawNorthArrow(ctx, r, 12 * r, head + 12 * r);

  ctx.font = font(10);
  ctx.fillStyle = '#5d6166';
  ctx.fillText(p.attribution, 12 * r, out.height - 10 * r, out.width - 24 * r);
  return new Promise((res, rej) => out.toBlob((b) => (b ? res(b) : rej(new Error('The image could not be encoded'))), 'image/png'));
}

const INK = '#1d1d1f';
const barFont = (r: number, px: number) => `400 ${px * r}px 'Be Vietnam Pro', sans-serif`;

/**
 * A scale bar of a round length (at most 120 CSS px), its left end at (x, y) on the bar's
 * base line, on a white box.
 *
 * @param metresPerPixel - ground resolution (m per CSS pixel)
 * @param r - device pixels per CSS pixel of `ctx`
 */
export function drawScaleBar(ctx: CanvasRenderingContext2D, metresPerPixel: number, r: number, x: number, y: number): void {
  const metres = scaleBarMetres(metresPerPixel, 120);
  const px = (metres / metresPerPixel) * r;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(x - 4 * r, y - 16 * r, px + 8 * r, 22 * r);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2 * r;
  ctx.beginPath();
  ctx.moveTo(x, y - 6 * r);
  ctx.lineTo(x, y);
  ctx.lineTo(x + px, y);
  ctx.lineTo(x + px, y - 6 * r);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = barFont(r, 11);
  ctx.fillText(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`, x + 4 * r, y - 5 * r);
}

/** A north arrow (the maps are drawn north up), its top left at (x, y). */
export function drawNorthArrow(ctx: CanvasRenderingContext2D, r: number, x: number, y: number): void {
  const w = 18 * r;
  const h = 26 * r;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(x - 3 * r, y - 3 * r, w + 6 * r, h + 18 * r);
  ctx.fillStyle = INK;
  ctx.beginPath();
  ctx.moveTo(x + w / 2, y + 12 * r);
  ctx.lineTo(x + w, y + h + 12 * r);
  ctx.lineTo(x + w / 2, y + h + 6 * r);
  ctx.lineTo(x, y + h + 12 * r);
  ctx.closePath();
  ctx.fill();
  ctx.font = `600 ${12 * r}px 'Be Vietnam Pro', sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillText('N', x + w / 2, y + 10 * r);
  ctx.textAlign = 'start';
}
