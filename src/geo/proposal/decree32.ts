/**
 * The conditions of Decree 32/2024/NĐ-CP (in force since 1 May 2024) that a proposed cluster
 * can be checked against with the dataset's figures, with the article each comes from.
 */

/** Where the decree's text can be read (the Government's English text, ASEM Connect Vietnam). */
export const DECREE_32_URL = 'http://asemconnectvietnam.gov.vn/law.aspx?ZID1=10&ID1=2&MaVB_id=3031';

/** Size of a cluster, hectares (Article 2, clause 1). */
export const SIZE_MAX_HA = 75;
export const SIZE_MIN_HA = 10;
/** The smaller minimum for a cluster in a mountain district or with a craft village (Article 2, clause 1). */
export const SIZE_MIN_SMALL_HA = 5;
/** Establishment, where clusters are already established in the area: average occupancy must exceed this (Article 8, clause 1, point c)… */
export const AREA_OCCUPANCY_ABOVE_PCT = 50;
/** …or their industrial land not yet leased must not exceed this, hectares (same point). */
export const AREA_UNLEASED_MAX_HA = 100;
/** Expansion: occupancy of at least this (Article 8, clause 2, point c). */
export const EXPANSION_OCCUPANCY_MIN_PCT = 60;

/** Each check and the article it rests on. */
export const ARTICLES = {
  size: 'Điều 2 khoản 1',
  total: 'Điều 8 khoản 2 điểm a',
  planList: 'Điều 8 khoản 1 điểm a',
  areaOccupancy: 'Điều 8 khoản 1 điểm c',
  occupancy: 'Điều 8 khoản 2 điểm c',
  infrastructure: 'Điều 8 khoản 2 điểm d',
} as const;
