/** The addresses of the reports module's pages. */
export const reportPath = (quarterStart: string) => `/reports/${quarterStart}`;
