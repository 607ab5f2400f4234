/** The addresses of the reviews module's pages. */
export const householdReviewsPath = (householdId: string) => `/households/${householdId}/reviews`;
export const newReviewPath = (householdId: string) => `/households/${householdId}/reviews/new`;
export const reviewPath = (id: string) => `/reviews/${id}`;
export const reviewRecordPath = (id: string, kind: string) => `/reviews/${id}/record/${kind.replace('_', '-')}`;
export const reviewChecksPath = (id: string) => `/reviews/${id}/checks`;
export const newLinkPath = (id: string, kind: string, childId: string) =>
  `/reviews/${id}/links/new?kind=${kind}&childId=${encodeURIComponent(childId)}`;
export const completeReviewPath = (id: string) => `/reviews/${id}/complete`;
export const reviewPdfPath = (id: string) => `/reviews/${id}/report.pdf`;
export const reviewDocxPath = (id: string) => `/reviews/${id}/report.docx`;
export const portalReviewPath = (id: string) => `/portal/reviews/${id}`;
export const cancelReviewPath = (id: string) => `/reviews/${id}/cancel`;
export const correctReviewPath = (id: string) => `/reviews/${id}/correct`;
