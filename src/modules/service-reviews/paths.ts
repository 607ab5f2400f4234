/** The addresses of the six-monthly reviews' pages: the list, and each review by its kind, half-year and area. */
import type { IsoDate } from '../../platform/dates/index.ts';
import { periodSlug } from './periods.ts';

export const serviceReviewsPath = () => '/service-reviews';

/** A review's page: `/service-reviews/childrens-feedback/2026-04/areas/<area>`, or without the area for a service-wide one. */
export function serviceReviewPath(kind: string, periodStart: IsoDate, areaId: string | null): string {
  const base = `/service-reviews/${kind}/${periodSlug(periodStart)}`;
  return areaId ? `${base}/areas/${areaId}` : base;
}

/** The route templates of a review's page (service-wide, and an area's). */
export const reviewRoute = '/service-reviews/:kind/:period';
export const areaReviewRoute = '/service-reviews/:kind/:period/areas/:areaId';
