/** Which column a table is sorted by, and which way. */
export interface SortState<K extends string> {
  key: K;
  asc: boolean;
}

/** A column header that sorts its table: a click sorts by it, a second click reverses. */
export function SortHeader<K extends string>(props: { col: K; label: string; sort: SortState<K>; onSort: (s: SortState<K>) => void }) {
  const { col, sort } = props;
  const on = sort.key === col;
  return (
    <th scope="col" aria-sort={on ? (sort.asc ? 'ascending' : 'descending') : 'none'}>
      <button type="button" class="sort" onClick={() => props.onSort({ key: col, asc: on ? !sort.asc : true })}>
        {props.label} {on ? (sort.asc ? '▲' : '▼') : ''}
      </button>
    </th>
  );
}
