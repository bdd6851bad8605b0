import { describe, expect, it } from 'vitest';
import { checkRecord, proposalsOf, type JournalRecord } from '../../../src/geo/edit/change';
import { explainRecordReason } from '../../../src/geo/edit/record_reasons';

const square = { type: 'Polygon', coordinates: [[[106, 20], [106.01, 20], [106.01, 20.01], [106, 20]]] };
const good = { kind: 'change', id: 'c1', target: 'hn-mau-kim-bang', field: 'status', from: 'planned', to: 'operating', source: ' QĐ 1/QĐ-UBND ', as_of: '2026-02', at: '2026-03-01T08:00:00Z' };
const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [106, 20.4] }, properties: { id: 'nb-moi', name: 'CCN Mới', ex_province: 'Ninh Bình', status: 'planned', wwtp: 'unknown', geometry_quality: 'traced', communes: [], sources: ['https://a.vn/1'] } };
const with_ = (patch: Record<string, unknown>) => ({ ...good, ...patch });
const without = (k: string) => Object.fromEntries(Object.entries(good).filter(([key]) => key !== k));

/** Each bad shape, the reason checkRecord gives, and the code that reason translates to. */
const BAD: [label: string, record: unknown, reason: RegExp, code: string][] = [
  ['null', null, /^not an object$/, 'not_object'],
  ['an array', [good], /^not an object$/, 'not_object'],
  ['a string', 'change', /^not an object$/, 'not_object'],
  ['no id', without('id'), /^missing id$/, 'no_id'],
  ['empty id', with_({ id: '' }), /^missing id$/, 'no_id'],
  ['id of 101 characters', with_({ id: 'x'.repeat(101) }), /^missing id$/, 'no_id'],
  ['numeric id', with_({ id: 7 }), /^missing id$/, 'no_id'],
  ['no at', without('at'), /^"at" is not a timestamp$/, 'bad_at'],
  ['date-only at', with_({ at: '2026-03-01' }), /^"at" is not a timestamp$/, 'bad_at'],
  ['revert without target', { kind: 'revert', id: 'r', at: good.at }, /^a revert names no change$/, 'revert_no_change'],
  ['unknown kind', with_({ kind: 'delete' }), /^unknown kind "delete"$/, 'unknown_kind'],
  ['no kind', without('kind'), /^unknown kind undefined$/, 'unknown_kind'],
  ['no target', without('target'), /^missing target cluster id$/, 'no_target'],
  ['unknown field', with_({ field: 'area' }), /^unknown field "area"$/, 'unknown_field'],
  ['non-editable field', with_({ field: 'ex_province' }), /^unknown field "ex_province"$/, 'unknown_field'],
  ['no source', without('source'), /^no source$/, 'no_source'],
  ['blank source', with_({ source: '   ' }), /^no source$/, 'no_source'],
  ['bad as_of', with_({ as_of: '01/02/2026' }), /^"as_of" is not a date$/, 'bad_as_of'],
  ['month 13', with_({ as_of: '2026-13' }), /^"as_of" is not a date$/, 'bad_as_of'],
  ['no to', without('to'), /^no new value$/, 'no_value'],
  ['bad status', with_({ to: 'closed' }), /^status must be one of planned, established, operating, withdrawn$/, 'bad_status'],
  ['bad wwtp', with_({ field: 'wwtp', to: 'yes' }), /^wwtp must be one of /, 'bad_wwtp'],
  ['negative area', with_({ field: 'planned_area_ha', to: -3 }), /^area must be a positive number of hectares$/, 'bad_area'],
  ['area as text', with_({ field: 'planned_area_ha', to: '30' }), /^area must be a positive number of hectares$/, 'bad_area'],
  ['huge area', with_({ field: 'planned_area_ha', to: 1e308 }), /^area must be a positive number of hectares$/, 'bad_area'],
  ['occupancy 120', with_({ field: 'occupancy_pct', to: 120 }), /^occupancy must be between 0 and 100 %$/, 'bad_occupancy'],
  ['year 2025.5', with_({ field: 'established_year', to: 2025.5 }), /^year must be a whole year \(1950–2100\)$/, 'bad_year'],
  ['bad decision date', with_({ field: 'decision_date', to: '16/3/2020' }), /^date must be YYYY-MM-DD$/, 'bad_date'],
  ['long text', with_({ field: 'notes', to: 'x'.repeat(5001) }), /^expected text of at most 5000 characters$/, 'text_too_long'],
  ['text as number', with_({ field: 'decision', to: 512 }), /^expected text of at most 5000 characters$/, 'text_too_long'],
  ['null name', with_({ field: 'name', to: null }), /^a name cannot be empty$/, 'empty_name'],
  ['footprint given as a bare geometry', with_({ field: 'geometry', to: square }), /^unknown geometry quality undefined$/, 'unknown_quality'],
  ['footprint as array', with_({ field: 'geometry', to: [square] }), /^expected \{ geometry, quality \}$/, 'footprint_shape'],
  ['footprint, unknown quality', with_({ field: 'geometry', to: { geometry: square, quality: 'guessed' } }), /^unknown geometry quality "guessed"$/, 'unknown_quality'],
  ['footprint without geometry', with_({ field: 'geometry', to: { quality: 'traced' } }), /^expected a geometry object$/, 'not_geometry'],
  ['footprint as LineString', with_({ field: 'geometry', to: { geometry: { type: 'LineString', coordinates: [[106, 20], [106.1, 20]] }, quality: 'traced' } }), /^expected Point, Polygon or MultiPolygon, found "LineString"$/, 'geometry_type'],
  ['string coordinates', with_({ field: 'geometry', to: { geometry: { type: 'Point', coordinates: ['106', '20'] }, quality: 'traced' } }), /^coordinates are not a valid position list$/, 'bad_coordinates'],
  ['polygon one level short', with_({ field: 'geometry', to: { geometry: { type: 'Polygon', coordinates: [[106, 20], [106.1, 20]] }, quality: 'traced' } }), /^coordinates are not a valid position list$/, 'bad_coordinates'],
  ['ring of 3', with_({ field: 'geometry', to: { geometry: { type: 'Polygon', coordinates: [[[106, 20], [106.1, 20], [106, 20]]] }, quality: 'traced' } }), /^a ring has fewer than 4 positions$/, 'short_ring'],
  ['feature not a Feature', with_({ field: 'feature', target: 'nb-moi', to: { ...feature, type: 'Point' } }), /^expected a GeoJSON Feature with properties$/, 'not_feature'],
  ['feature without id', with_({ field: 'feature', target: 'nb-moi', to: { ...feature, properties: { name: 'CCN Mới' } } }), /^the new cluster has no id$/, 'new_no_id'],
  ['feature without name', with_({ field: 'feature', target: 'nb-moi', to: { ...feature, properties: { id: 'nb-moi', name: ' ' } } }), /^the new cluster has no name$/, 'new_no_name'],
  ['feature without geometry', with_({ field: 'feature', target: 'nb-moi', to: { ...feature, geometry: null } }), /^expected a geometry object$/, 'not_geometry'],
  ['feature id differs from target', with_({ field: 'feature', target: 'nb-khac', to: feature }), /^the new cluster's id differs from the target$/, 'id_mismatch'],
];

describe('checkRecord rejects each bad shape with a reason', () => {
  it.each(BAD)('%s', (_label, record, reason, code) => {
    const r = checkRecord(record);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toMatch(reason);
    // Every reason has a translation: none falls through to the untranslated fallback.
    const x = explainRecordReason(r.reason);
    expect(x.code).toBe(code);
    expect(x.vi).not.toBe(x.en);
  });

  it('accepts a good change, trims its source, defaults from to null and drops unknown keys', () => {
    const r = checkRecord({ ...without('from'), extra: '<script>', group: 'g1' });
    expect(r).toEqual({ ok: true, record: { ...without('from'), from: null, source: 'QĐ 1/QĐ-UBND', group: 'g1' } });
  });

  it('accepts a revert, a footprint, a cleared fact and a new cluster', () => {
    expect(checkRecord({ kind: 'revert', id: 'r', reverts: 'c1', at: '2026-03-01T08:00:00+07:00' }).ok).toBe(true);
    expect(checkRecord(with_({ field: 'geometry', to: { geometry: square, quality: 'traced' } })).ok).toBe(true);
    expect(checkRecord(with_({ field: 'occupancy_pct', to: null })).ok).toBe(true);
    expect(checkRecord(with_({ field: 'feature', target: 'nb-moi', from: null, to: feature })).ok).toBe(true);
  });

  it('refuses a stored new cluster whose properties would break the map (applyJournal spreads sources)', () => {
    const broken = { ...feature, properties: { ...feature.properties, sources: 5 } };
    const r = checkRecord(with_({ field: 'feature', target: 'nb-moi', from: null, to: broken }));
    expect(r).toEqual({ ok: false, reason: "the new cluster's property \"sources\" is not valid" });
    if (!r.ok) expect(explainRecordReason(r.reason).code).toBe('new_cluster_value');
  });

  it('an unknown sentence translates to the fallback, quoting it in English only', () => {
    expect(explainRecordReason('something new')).toEqual({ code: 'other', vi: 'bản ghi không đúng cấu trúc', en: 'something new' });
    expect(explainRecordReason(`unknown kind "${'x'.repeat(500)}"`).en.length).toBeLessThan(120);
  });
});

describe('proposal records (kept in the journal like edits)', () => {
  const value = { name: 'CCN Thử', kind: 'new', expands: null, variant: 'standard', created_at: '2026-12-01T08:00:00Z', geometry: { type: 'Polygon', coordinates: [[[106, 20.4], [106.01, 20.4], [106.01, 20.41], [106, 20.4]]] } };
  const rec = (patch: Record<string, unknown> = {}, v: Record<string, unknown> | null = value) => ({ kind: 'proposal', id: 'r1', proposal: 'p1', at: '2026-12-01T08:00:00Z', value: v, ...patch });
  it('accepts a saved proposal and a deletion', () => {
    expect(checkRecord(rec())).toMatchObject({ ok: true, record: { kind: 'proposal', proposal: 'p1', value: { name: 'CCN Thử' } } });
    expect(checkRecord(rec({}, null))).toEqual({ ok: true, record: { kind: 'proposal', id: 'r1', proposal: 'p1', at: '2026-12-01T08:00:00Z', value: null } });
  });
  it('names what is wrong with a bad one', () => {
    expect(checkRecord(rec({ proposal: '' }))).toEqual({ ok: false, reason: 'a proposal record names no proposal' });
    expect(checkRecord(rec({}, { ...value, kind: 'merge' }))).toEqual({ ok: false, reason: 'a proposal is neither new nor an expansion' });
    expect(checkRecord(rec({}, { ...value, geometry: { type: 'Point', coordinates: [106, 20] } }))).toEqual({ ok: false, reason: "a proposal's boundary is not a polygon" });
    expect(checkRecord(rec({}, { ...value, geometry: { type: 'Polygon', coordinates: [[[106, 'x']]] } }))).toMatchObject({ ok: false });
  });
  it('the journal\'s proposals: the latest record of each, deletions removed', () => {
    const a = checkRecord(rec()) as { record: JournalRecord };
    const b = checkRecord(rec({ id: 'r2' }, { ...value, name: 'CCN Thử (sửa)' })) as { record: JournalRecord };
    const c = checkRecord(rec({ id: 'r3', proposal: 'p2' })) as { record: JournalRecord };
    const d = checkRecord(rec({ id: 'r4', proposal: 'p2' }, null)) as { record: JournalRecord };
    expect(proposalsOf([a.record, b.record, c.record]).map((p) => [p.id, p.name])).toEqual([['p1', 'CCN Thử (sửa)'], ['p2', 'CCN Thử']]);
    expect(proposalsOf([a.record, c.record, d.record]).map((p) => p.id)).toEqual(['p1']);
  });
});
