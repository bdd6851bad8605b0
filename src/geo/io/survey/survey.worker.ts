/**
 * Web Worker entry for the survey import: parsing and reprojection of a planner's files run
 * here, so the map stays usable and the import can be cancelled (the app ends the worker).
 */
import { createSurveyHandler } from './survey_handler';
import type { SurveyRequest, SurveyResponse } from './survey_protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<SurveyRequest>) => void) | null;
  postMessage(message: SurveyResponse): void;
}

const scope = self as unknown as WorkerScope;
const handle = createSurveyHandler((r) => scope.postMessage(r));
scope.onmessage = (event) => handle(event.data);
