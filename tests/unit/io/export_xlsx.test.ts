import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../src/geo/io/export_csv';
import { clustersToXlsx } from '../../../src/geo/io/export_xlsx';
import type { ClusterCollection } from '../../../src/geo/types';

const fc = JSON.parse(readFileSync(resolve(__dirname, '../../../geodata/clusters.geojson'), 'utf8')) as ClusterCollection;

async function readBack(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  return wb;
}

describe('clustersToXlsx', () => {
  it('writes every cluster with the CSV columns; numbers are numbers, Vietnamese text is intact', async () => {
    const bytes = await clustersToXlsx(fc.features, { sheet: 'Cụm công nghiệp', title: 'Các cụm theo bộ lọc', created: new Date(2026, 11, 1) });
    expect(Buffer.from(bytes.subarray(0, 2)).toString('latin1')).toBe('PK'); // a zip, as .xlsx is
    const wb = await readBack(bytes);
    const ws = wb.getWorksheet('Cụm công nghiệp')!;
    expect(ws.rowCount).toBe(fc.features.length + 1);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...CSV_COLUMNS]);
    const col = (k: string) => CSV_COLUMNS.indexOf(k) + 1;
    fc.features.forEach((f, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(col('id')).value).toBe(f.properties.id);
      expect(row.getCell(col('name')).value).toBe(f.properties.name);
      const area = row.getCell(col('planned_area_ha')).value;
      if (f.properties.planned_area_ha === null) expect(area).toBeNull();
      else expect(area).toBe(f.properties.planned_area_ha);
      expect(typeof row.getCell(col('lon')).value).toBe('number');
    });
    const chau = ws.getRow(fc.features.findIndex((f) => f.properties.id === 'hn-chau-giang') + 2);
    expect(chau.getCell(col('planned_area_ha')).type).toBe(ExcelJS.ValueType.Number);
    expect(chau.getCell(col('notes_vi')).value).toContain('39,69 ha');
  });
  it('writes a text that looks like a formula as text, not as a formula', async () => {
    const f = { ...fc.features[0]!, properties: { ...fc.features[0]!.properties, notes: '=HYPERLINK("http://x","y")' } };
    const ws = (await readBack(await clustersToXlsx([f], { sheet: 'a/b[c]', title: 't' }))).worksheets[0]!;
    expect(ws.name).toBe('a b c ');
    const cell = ws.getRow(2).getCell(CSV_COLUMNS.indexOf('notes') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x","y")');
  });
});
