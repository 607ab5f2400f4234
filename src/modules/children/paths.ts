/** The addresses of the children module's pages. */
export const childPath = (id: string) => `/children/${id}`;
