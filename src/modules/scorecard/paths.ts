/** The addresses of the scorecard module's pages. */
export const measurePath = (measureId: string) => `/scorecard/${measureId}`;
