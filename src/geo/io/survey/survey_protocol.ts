import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { CrsId, ParseResult, SurveyIssue } from './types';

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
  | { type: 'reproject'; id: number; crs: CrsId; swapped: boolean };

/** What the worker answers; progress messages come before the answer of the same id. */
export type SurveyResponse =
  | { type: 'progress'; id: number; phase: 'parse' | 'reproject'; done: number; total: number }
  | { type: 'parsed'; id: number; result: ParseResult; candidates: CrsCandidate[]; total: number }
  | { type: 'reprojected'; id: number; features: Feature<Geometry, Record<string, unknown>>[]; outside: SurveyIssue | null }
  | { type: 'failed'; id: number; issue: SurveyIssue };
