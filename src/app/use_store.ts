import { createContext } from 'preact';
import { useContext, useEffect, useReducer, useRef } from 'preact/hooks';
import type { AppStore } from '../store/store';
import type { ProximityService } from '../store/proximity_service';
import type { JournalService } from '../store/journal_service';
import type { SurveyClient } from '../store/survey_client';
import type { MapView } from '../map/map_view';
import type { Store } from '../store/types';

export const StoreContext = createContext<AppStore | null>(null);
export const ProximityContext = createContext<ProximityService | null>(null);
export const JournalContext = createContext<JournalService | null>(null);

/** The edit journal's service from context. */
export function useJournal(): JournalService {
  const j = useContext(JournalContext);
  if (!j) throw new Error('JournalContext is missing');
  return j;
}
export const SurveyContext = createContext<SurveyClient | null>(null);

/** The survey import's worker client from context. */
export function useSurveyClient(): SurveyClient {
  const c = useContext(SurveyContext);
  if (!c) throw new Error('SurveyContext is missing');
  return c;
}
/** The map view once it exists (for image export). */
export const MapViewContext = createContext<{ current: MapView | null }>({ current: null });

/** The proximity service (Web Worker) from context. */
export function useProximity(): ProximityService {
  const p = useContext(ProximityContext);
  if (!p) throw new Error('ProximityContext is missing');
  return p;
}

/** The app store from context. */
export function useAppStoreApi(): AppStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('StoreContext is missing');
  return s;
}

/**
 * Subscribes a component to a slice of the store; re-renders only when the
 * selected value changes (Object.is). Selectors must return stable values.
 */
export function useStore<T>(selector: (s: Store) => T): T {
  const store = useAppStoreApi();
  const [, force] = useReducer((n: number) => n + 1, 0);
  const sel = useRef(selector);
  sel.current = selector;
  const value = selector(store.getState());
  const last = useRef(value);
  last.current = value;
  useEffect(
    () =>
      store.subscribe((s) => {
        if (!Object.is(sel.current(s), last.current)) force(0);
      }),
    [store],
  );
  return value;
}

/** The current UI language plus a bound `t`. */
export { t } from './i18n';
