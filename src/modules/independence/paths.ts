/** The addresses of the independence checklist's pages: each is a young person's, under their record. */
export const checklistPath = (childId: string) => `/children/${childId}/independence`;
export const startChecklistPath = (childId: string) => `/children/${childId}/independence/start`;
export const startDatePath = (childId: string) => `/children/${childId}/independence/start-date`;
export const areaPath = (childId: string, area: string) => `/children/${childId}/independence/areas/${area}`;
export const areaNotDonePath = (childId: string, area: string) =>
  `/children/${childId}/independence/areas/${area}/not-done`;
export const completeChecklistPath = (childId: string) => `/children/${childId}/independence/complete`;
