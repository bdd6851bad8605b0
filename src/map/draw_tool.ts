import type { Map as MLMap } from 'maplibre-gl';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { TerraDraw, TerraDrawCircleMode, TerraDrawPolygonMode, TerraDrawRenderMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

/** Drawing modes offered to planners. */
export type DrawMode = 'polygon' | 'circle';

/**
 * Polygon and circle drawing (terra-draw). Each finished shape is handed over and
 * removed from the drawing layer: the app keeps and draws selection areas itself.
 */
export class DrawTool {
  private draw: TerraDraw;

  /**
   * @param map - the map (style loaded)
   * @param onFinish - receives each finished polygon (a circle arrives as a polygon)
   */
  constructor(map: MLMap, onFinish: (f: Feature<Polygon | MultiPolygon>) => void) {
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({ styles: { fillColor: '#0b5cad', fillOpacity: 0.15, outlineColor: '#0b5cad', outlineWidth: 2 } }),
        new TerraDrawCircleMode({ styles: { fillColor: '#0b5cad', fillOpacity: 0.15, outlineColor: '#0b5cad', outlineWidth: 2 } }),
        new TerraDrawRenderMode({ modeName: 'idle', styles: {} }),
      ],
    });
    this.draw.start();
    this.draw.setMode('idle');
    this.draw.on('finish', (id) => {
      const f = this.draw.getSnapshotFeature(id);
      this.draw.removeFeatures([id]);
      if (f && f.geometry.type === 'Polygon') {
        onFinish({ type: 'Feature', properties: {}, geometry: f.geometry });
      }
    });
  }

  /** Starts drawing in a mode, or stops (null). */
  setMode(mode: DrawMode | null): void {
    this.draw.setMode(mode ?? 'idle');
  }

  destroy(): void {
    this.draw.stop();
  }
}
