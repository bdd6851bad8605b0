import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { MatchCluster, SurveyMatch } from './match_survey';
import type { CrsId, ParseResult, SurveyIssue } from './types';

/**
 * How the map shows the reprojected shapes before anything is applied: their GeoJSON text, or,
 * for files of many thousands of shapes, a picture of them over their box (Web Mercator, as the
 * map draws an image), which costs the page one texture instead of every shape's tiles.
 */
export type SurveyPreview = { kind: 'geojson'; blob: Blob } | { kind: 'image'; blob: Blob; bbox: [number, number, number, number]; shown: number };

/** A coordinate system the planner may confirm, with how many of the file's points it puts in the province. */
export interface CrsCandidate {
  crs: CrsId;
  swapped: boolean;
  inside: number;
}

/** What the app asks the survey worker: parse a file (or pasted text), then reproject it. */
export type SurveyRequest =
  | {
      type: 'parse';
      id: number;
      bytes: Uint8Array;
      fileName: string;
      /** Where the shapes are expected (the cluster the planner has open), to tell close readings apart. */
      near?: [number, number];
      /** The province's outline, a finer test than its box. */
      outline?: Polygon | MultiPolygon;
    }
  | { type: 'reproject'; id: number; crs: CrsId; swapped: boolean }
  /** Pair the reprojected shapes with the clusters as shown (journal applied). */
  | { type: 'match'; id: number; clusters: MatchCluster[] }
  /** The reprojected geometries of some shapes (those the planner accepted), by index. */
  | { type: 'shapes'; id: number; features: number[] };

/**
 * What the worker answers; progress and `matches` messages come before the answer of the same id.
 * The shapes themselves stay in the worker: the map gets them as GeoJSON text (`preview`, a Blob
 * its own worker reads), the main thread only counts, boxes and matches, so a file of 100,000
 * shapes costs it no long task.
 */
export type SurveyResponse =
  | { type: 'progress'; id: number; phase: 'parse' | 'reproject' | 'match'; done: number; total: number }
  | { type: 'parsed'; id: number; result: ParseResult; candidates: CrsCandidate[]; total: number }
  | { type: 'reprojected'; id: number; count: number; bbox: [number, number, number, number] | null; preview: SurveyPreview; outside: SurveyIssue | null }
  /** One part of the matches, in import order (sent in parts so none is a long task to receive). */
  | { type: 'matches'; id: number; matches: SurveyMatch[] }
  | { type: 'matched'; id: number; total: number }
  | { type: 'shapes'; id: number; geometries: (Geometry | null)[] }
  | { type: 'failed'; id: number; issue: SurveyIssue };
