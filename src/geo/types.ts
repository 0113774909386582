import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, LineString, MultiLineString } from 'geojson';
import type { DistrictProps, ParkProps, ZoneProps, Link } from '../loaders/schemas';
import type { TopSectorId } from '../domain/ids';

export type LonLat = [number, number];
export type Areal = Polygon | MultiPolygon;
export type DistrictFeature = Feature<Areal, DistrictProps>;
export type ZoneFeature = Feature<Areal | LineString | MultiLineString, ZoneProps>;
export type ParkFeature = Feature<Point, ParkProps>;
export type DistrictCollection = FeatureCollection<Areal, DistrictProps>;
export type ZoneCollection = FeatureCollection<Areal | LineString | MultiLineString, ZoneProps>;
export type ParkCollection = FeatureCollection<Point, ParkProps>;

/** What the linker says about one point. */
export interface PointLinks {
  district: string | null;
  zones: string[];
  sectors: TopSectorId[];
  links: Link[];
}

export type { Link };
