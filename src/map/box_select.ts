import type { Map as MLMap, PointLike } from 'maplibre-gl';
import { CLUSTER_LAYERS } from './ids';

/**
 * Shift-drag draws a box; on release, the clusters drawn inside it are reported.
 * Replaces MapLibre's shift-drag box zoom.
 *
 * @param map - the map
 * @param onSelect - receives the ids of the rendered clusters in the box
 * @returns detach
 */
export function attachBoxSelect(map: MLMap, onSelect: (ids: string[]) => void): () => void {
  map.boxZoom.disable();
  const canvas = map.getCanvasContainer();
  let start: { x: number; y: number } | null = null;
  let box: HTMLDivElement | null = null;
  const pos = (e: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left - canvas.clientLeft, y: e.clientY - r.top - canvas.clientTop };
  };
  const onMove = (e: MouseEvent) => {
    if (!start) return;
    const p = pos(e);
    if (!box) {
      box = document.createElement('div');
      box.className = 'select-box';
      canvas.appendChild(box);
    }
    box.style.transform = `translate(${Math.min(start.x, p.x)}px, ${Math.min(start.y, p.y)}px)`;
    box.style.width = `${Math.abs(p.x - start.x)}px`;
    box.style.height = `${Math.abs(p.y - start.y)}px`;
  };
  const finish = (e: MouseEvent) => {
    document.removeEventListener('mousemove', onMove);
    document.removeEventListener('mouseup', finish);
    map.dragPan.enable();
    const s = start;
    start = null;
    box?.remove();
    box = null;
    if (!s) return;
    const p = pos(e);
    if (Math.abs(p.x - s.x) < 3 && Math.abs(p.y - s.y) < 3) return;
    const bounds: [PointLike, PointLike] = [[Math.min(s.x, p.x), Math.min(s.y, p.y)], [Math.max(s.x, p.x), Math.max(s.y, p.y)]];
    const hits = map.queryRenderedFeatures(bounds, { layers: [...CLUSTER_LAYERS] });
    onSelect([...new Set(hits.map((f) => f.properties.id as string))]);
  };
  const onDown = (e: MouseEvent) => {
    if (!e.shiftKey || e.button !== 0) return;
    map.dragPan.disable();
    start = pos(e);
    document.addEventListener('mousemove', onMove);
    document.addEventListener('mouseup', finish);
    e.preventDefault();
  };
  canvas.addEventListener('mousedown', onDown, true);
  return () => canvas.removeEventListener('mousedown', onDown, true);
}
