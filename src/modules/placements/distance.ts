import districtsFile from './postcode-districts.json' with { type: 'json' };

/**
 * Distance between two postcode districts (CT1, ME14, TN23 ...), from the approximate centre of
 * each district: good enough to put the carers nearest a child's school first. Unknown
 * districts have no distance.
 */

const districts: Record<string, { lat: number; lon: number }> = districtsFile.districts;
const EARTH_RADIUS_KM = 6371;

/** The district (outward code) of a full or partial postcode: 'ct1 2ab' → 'CT1'; null if not a postcode. */
export function postcodeDistrict(postcode: string | null | undefined): string | null {
  if (!postcode) return null;
  const text = postcode.trim().toUpperCase().replace(/\s+/g, ' ');
  const full = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?[0-9][A-Z]{2}$/.exec(text);
  if (full) return full[1]!;
  return /^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(text) ? text : null;
}

/** Great-circle distance in km between two points (haversine). */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Km between the centres of two postcodes' districts, or null when either is not known. */
export function districtDistanceKm(from: string | null | undefined, to: string | null | undefined): number | null {
  const a = districts[postcodeDistrict(from) ?? ''];
  const b = districts[postcodeDistrict(to) ?? ''];
  return a && b ? greatCircleKm(a, b) : null;
}

export function isKnownDistrict(district: string): boolean {
  return district in districts;
}
