import type { Map as MLMap } from 'maplibre-gl';

/** The part of MapLibre's evaluated sky this module reads (colours have an alpha `a`, 0–1). */
interface SkyColours {
  'sky-color'?: { a: number };
  'horizon-color'?: { a: number };
}

/** Whether a sky with these colours can change a pixel (its shader only mixes the two colours). */
export function skyVisible(sky: SkyColours | undefined): boolean {
  return !!sky && ((sky['sky-color']?.a ?? 1) > 0 || (sky['horizon-color']?.a ?? 1) > 0);
}

/**
 * MapLibre 6 draws a sky on every frame, even when the style has none: a full-screen quad whose
 * colours default to transparent, so it changes no pixel (and it writes the depth the frame was
 * cleared to). On PCs that render WebGL in software that pass costs every frame, and its
 * program is the first one the map compiles: on 2 cores that compile waited 100+ ms for the
 * browser's GPU thread, which was still rastering the page, before the map could do anything
 * else. This wraps the map's sky drawing so that it runs only when the sky has a visible colour.
 *
 * The painter's draw functions are MapLibre internals (typed, not documented): if a later
 * version has none, the map is left as it is.
 * @returns a function that puts MapLibre's own sky drawing back
 */
export function skipInvisibleSky(map: MLMap): () => void {
  const painter = (map as { painter?: MLMap['painter'] }).painter;
  const own = painter?.drawFunctions?.sky;
  if (!painter || typeof own !== 'function') return () => {};
  const before = painter.drawFunctions;
  // (a copy: MapLibre's table of draw functions is shared by every map on the page)
  painter.drawFunctions = {
    ...before,
    sky: (mesh, frame) => {
      if (skyVisible(frame.data.sky as SkyColours | undefined)) own(mesh, frame);
    },
  };
  return () => {
    painter.drawFunctions = before;
  };
}
