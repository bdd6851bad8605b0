import { EX_PROVINCES, type ClusterProps, type ExProvince } from '../types';

/** Published totals for one ex-province (see geodata/reported_figures.json). */
export interface ReportedProvince {
  /** ex-province name, e.g. "Nam Định". */
  name: ExProvince;
  /** Clusters in the 2021–2030 plan (count). */
  planned_count: number | null;
  /** Planned area of those clusters (hectares). */
  planned_ha: number | null;
  /** Clusters with an establishment decision, operating ones included (count). */
  established_count: number | null;
  /** Clusters in operation (count). */
  operating_count: number | null;
  /** Clusters whose central wastewater plant is built or being built (count). */
  wwtp_count: number | null;
  /** Of those, plants that meet the standard / run stably (count). */
  wwtp_ok_count: number | null;
  /** Date the figures refer to (ISO). */
  as_of: string;
  /** URLs of the publications that give these figures. */
  sources: string[];
}

/** The shape of geodata/reported_figures.json. */
export interface ReportedFigures {
  provinces: ReportedProvince[];
}

/** One compared quantity: what the dataset holds, what was published, and dataset − reported. */
export interface Compared {
  dataset: number;
  reported: number | null;
  /** dataset − reported (negative: the dataset is missing that many / that much); null when not reported. */
  gap: number | null;
}

/** One row of the "Dataset vs reported" table. */
export interface ReconciliationRow {
  /** ex-province name, or "Total". */
  ex_province: ExProvince | 'Total';
  /** Every cluster in the dataset counts as planned (all statuses but withdrawn). */
  planned: Compared;
  /** status established or operating (operating ⊂ established ⊂ planned). */
  established: Compared;
  /** status operating. */
  operating: Compared;
  /** Sum of planned_area_ha where known (hectares; clusters without an area add nothing). */
  planned_ha: Compared;
  /** Clusters with a known planned_area_ha (count; not reported, so no gap). */
  with_area: number;
  /** wwtp under_construction, operating or compliant (count). */
  wwtp: Compared;
  /** wwtp operating or compliant (count). */
  wwtp_ok: Compared;
}

function cmp(dataset: number, reported: number | null): Compared {
  const d = Math.round(dataset * 100) / 100;
  return { dataset: d, reported, gap: reported === null ? null : Math.round((d - reported) * 100) / 100 };
}

function sumOrNull(xs: (number | null)[]): number | null {
  return xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/**
 * Compare the dataset's clusters with the published per-ex-province totals.
 *
 * Counting: every cluster in the dataset is "planned", except those withdrawn from the plan; "established" counts
 * established + operating (reports count operating clusters among established ones);
 * "operating" counts operating only. Hectares sum `planned_area_ha` where known.
 * WWTP counts clusters whose `wwtp` is under_construction/operating/compliant; "ok" counts operating/compliant.
 * Pure: does not mutate its inputs.
 *
 * @param clusters - Cluster properties (e.g. `fc.features.map(f => f.properties)`).
 * @param reported - Published figures.
 * @returns One row per ex-province (in EX_PROVINCES order) and a final "Total" row.
 * @example
 * const rows = reconcile(fc.features.map((f) => f.properties), figures);
 */
export function reconcile(clusters: readonly ClusterProps[], reported: ReportedFigures): ReconciliationRow[] {
  const rows: ReconciliationRow[] = [];
  for (const prov of EX_PROVINCES) {
    // A cluster taken out of the plan is not in the reported plan either.
    const cs = clusters.filter((c) => c.ex_province === prov && c.status !== 'withdrawn');
    const rep = reported.provinces.find((p) => p.name === prov);
    const withArea = cs.filter((c) => c.planned_area_ha !== null);
    rows.push({
      ex_province: prov,
      planned: cmp(cs.length, rep?.planned_count ?? null),
      established: cmp(cs.filter((c) => c.status === 'established' || c.status === 'operating').length, rep?.established_count ?? null),
      operating: cmp(cs.filter((c) => c.status === 'operating').length, rep?.operating_count ?? null),
      planned_ha: cmp(withArea.reduce((a, c) => a + (c.planned_area_ha ?? 0), 0), rep?.planned_ha ?? null),
      with_area: withArea.length,
      wwtp: cmp(cs.filter((c) => c.wwtp === 'under_construction' || c.wwtp === 'operating' || c.wwtp === 'compliant').length, rep?.wwtp_count ?? null),
      wwtp_ok: cmp(cs.filter((c) => c.wwtp === 'operating' || c.wwtp === 'compliant').length, rep?.wwtp_ok_count ?? null),
    });
  }
  const total = (pick: (r: ReconciliationRow) => Compared): Compared =>
    cmp(rows.reduce((a, r) => a + pick(r).dataset, 0), sumOrNull(rows.map((r) => pick(r).reported)));
  rows.push({
    ex_province: 'Total',
    planned: total((r) => r.planned),
    established: total((r) => r.established),
    operating: total((r) => r.operating),
    planned_ha: total((r) => r.planned_ha),
    with_area: rows.reduce((a, r) => a + r.with_area, 0),
    wwtp: total((r) => r.wwtp),
    wwtp_ok: total((r) => r.wwtp_ok),
  });
  return rows;
}

/**
 * Render reconciliation rows as a Markdown table (for geodata/README.md).
 *
 * @param rows - Output of {@link reconcile}.
 * @returns Markdown text, one line per row, cells "dataset / reported (gap)".
 */
export function reconciliationMarkdown(rows: readonly ReconciliationRow[]): string {
  const cell = (c: Compared): string =>
    c.reported === null ? `${fmt(c.dataset)} / – ` : `${fmt(c.dataset)} / ${fmt(c.reported)} (${c.gap !== null && c.gap > 0 ? '+' : ''}${fmt(c.gap ?? 0)})`;
  const lines = [
    '| ex-province | planned | established (incl. operating) | operating | planned ha | clusters with area | WWTP built/building | WWTP compliant/stable |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.ex_province} | ${cell(r.planned)} | ${cell(r.established)} | ${cell(r.operating)} | ${cell(r.planned_ha)} | ${r.with_area} | ${cell(r.wwtp)} | ${cell(r.wwtp_ok)} |`);
  }
  return lines.join('\n');
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}
