import type { Map as MLMap } from 'maplibre-gl';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import {
  TerraDraw,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawRenderMode,
  TerraDrawSelectMode,
  TerraDrawSessionUndoRedo,
  ValidateNotSelfIntersecting,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';

/** What the footprint editor reports: the drafted shape (null: none) and its undo/redo state. */
export interface FootprintEditorEvents {
  onChange(geometry: Polygon | MultiPolygon | null): void;
  onHistory(h: { canUndo: boolean; canRedo: boolean }): void;
  /** The editor switched tool itself (a finished new shape is reshaped next). */
  onTool(tool: 'reshape'): void;
}

const COLOR = '#c2185b';
const POLYGON_STYLE = { fillColor: COLOR, fillOpacity: 0.15, outlineColor: COLOR, outlineWidth: 3 } as const;

/**
 * Drawing, reshaping (vertex by vertex) and moving a cluster's footprint, with terra-draw's own
 * undo/redo (each vertex while drawing, each drag after); the app binds Ctrl+Z / Ctrl+Shift+Z to it
 * wherever the focus is (terra-draw's own keys work only with the map focused).
 * Self-intersecting shapes are refused while drawing and editing.
 */
export class FootprintEditor {
  private draw: TerraDraw;
  private stopped = false;
  private tool: 'draw' | 'reshape' | 'none' = 'none';

  /**
   * @param map - the map (style loaded)
   * @param events - receives every change of the draft and of the undo/redo stacks
   */
  constructor(map: MLMap, private events: FootprintEditorEvents) {
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [
        new TerraDrawPolygonMode({ styles: POLYGON_STYLE, validation: (f) => ValidateNotSelfIntersecting(f) }),
        new TerraDrawSelectMode({
          flags: {
            polygon: {
              feature: {
                draggable: true,
                selfIntersectable: false,
                coordinates: { draggable: true, midpoints: true, deletable: true },
              },
            },
          },
          styles: { selectedPolygonColor: COLOR, selectedPolygonFillOpacity: 0.2, selectedPolygonOutlineColor: COLOR, selectedPolygonOutlineWidth: 3 },
        }),
        new TerraDrawRenderMode({ modeName: 'idle', styles: {} }),
      ],
      undoRedo: {
        modeLevel: new TerraDrawModeUndoRedo(),
        sessionLevel: new TerraDrawSessionUndoRedo(),
      },
    });
    this.draw.start();
    this.draw.setMode('idle');
    this.draw.on('change', () => this.report());
    this.draw.on('history', () => this.reportHistory());
    this.draw.on('finish', (id, ctx) => {
      // A finished new shape is reshaped next, so the planner can fix a vertex at once.
      if (ctx.mode !== 'polygon') return;
      queueMicrotask(() => {
        if (this.stopped) return;
        this.tool = 'reshape';
        this.draw.selectFeature(id);
        this.events.onTool('reshape');
      });
    });
  }

  private polygons(): GeoJSONStoreFeatures[] {
    return this.draw.getSnapshot().filter((f) => f.geometry.type === 'Polygon' && f.properties.mode === 'polygon');
  }

  /** The draft as one geometry: a Polygon, or a MultiPolygon when there are several parts. */
  geometry(): Polygon | MultiPolygon | null {
    const parts = this.polygons().map((f) => (f.geometry as Polygon).coordinates);
    if (!parts.length) return null;
    return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts };
  }

  private report(): void {
    this.events.onChange(this.geometry());
    this.reportHistory();
  }

  private reportHistory(): void {
    this.events.onHistory({ canUndo: this.draw.canUndo(), canRedo: this.draw.canRedo() });
  }

  /** Puts a shape in the editor (replacing what is there) and selects it for reshaping. */
  load(g: Polygon | MultiPolygon | null): void {
    this.draw.clear();
    const parts: Position[][][] = !g ? [] : g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const features = parts.map((coordinates) => ({
      id: this.draw.getFeatureId(),
      type: 'Feature' as const,
      geometry: { type: 'Polygon' as const, coordinates },
      properties: { mode: 'polygon' },
    }));
    if (features.length) this.draw.addFeatures(features);
    // (the shape the planner starts from is not a step to undo)
    this.draw.clearUndoRedoHistory();
    this.report();
  }

  /** Starts drawing a new shape (the old one is removed: undo brings it back) or reshaping the current one. */
  setTool(tool: 'draw' | 'reshape' | 'none', force = false): void {
    if (tool === this.tool && !force) return;
    this.tool = tool;
    if (tool === 'draw') {
      const ids = this.polygons().map((f) => f.id!);
      if (ids.length) this.draw.removeFeatures(ids);
      this.draw.setMode('polygon');
    } else if (tool === 'reshape') {
      this.draw.setMode('select');
      const first = this.polygons()[0];
      if (first) this.draw.selectFeature(first.id!);
    } else {
      this.draw.setMode('idle');
    }
  }

  undo(): void {
    this.draw.undo();
    this.report();
  }

  redo(): void {
    this.draw.redo();
    this.report();
  }

  destroy(): void {
    this.stopped = true;
    this.draw.stop();
  }
}
