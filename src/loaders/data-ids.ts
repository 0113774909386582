/**
 * The value lists of the data's new fields (places on the official list, positions, footprints,
 * link reasons, the scorecard). A module of its own, with no imports, so any layer may use the
 * lists without loading the schema library.
 */

// why a place is on the map (BASES) is a shared id list: src/domain/ids.ts

/** What made a link: a designation of the plan, a zone of the plan, or the official park list. */
export const LINK_VIAS = ['designation', 'zone', 'list'] as const;

/** For a zone link: the place's point lies in the zone, or only its footprint touches the zone. */
export const LINK_BY = ['point', 'footprint'] as const;

/**
 * How a place's point was found:
 * 'published' a published coordinate of the place itself;
 * 'anchor' placed at, or at a stated offset from, a published coordinate of something nearby
 *   (a metro station, a town, an airport);
 * 'container' placed at the point we use for a larger area that a source says contains it;
 * 'estimate' our own placement (the note says on what grounds).
 */
export const POSITION_METHODS = ['published', 'anchor', 'container', 'estimate'] as const;

/**
 * The datum check of a published coordinate: 'agrees' a second, independent coordinate of the
 * same thing lies within 150 m; 'converted' it came from a GCJ-02 map and was converted to WGS-84;
 * 'unchecked' no second coordinate exists, so it keeps ±500 m for a possible GCJ-02 shift.
 */
export const DATUM_CHECKS = ['agrees', 'converted', 'unchecked'] as const;

/** How a schematic footprint was drawn: from the 四至 bounds, or as a circle of the stated area. */
export const FOOTPRINT_METHODS = ['four-bounds', 'circle'] as const;

/** The batches of the official list (2020-03: 26 parks, 2021-04-07: +14, 2022-06-16: +13). */
export const BATCH_YEARS = [2020, 2021, 2022] as const;

/** A target's status in the scorecard (rule in data/README.md). */
export const TARGET_STATUSES = ['met', 'not-met', 'met-proxy', 'not-verifiable', 'not-comparable', 'no-data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** How an outturn compares with the plan's measure: the same measure, a proxy, or context only. */
export const COMPARABILITY = ['same', 'proxy', 'context'] as const;

/** How far a reported figure can be trusted (rule in data/README.md). */
export const SOURCE_CONFIDENCES = ['high', 'medium', 'low'] as const;
