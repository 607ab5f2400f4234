/** The addresses of the payments pages. */
export const paymentsPath = () => '/payments';
export const newRatesPath = () => '/payments/rates/new';
export const enhancementsPath = (view?: 'without') =>
  view ? `/payments/enhancements?view=${view}` : '/payments/enhancements';
export const newEnhancementPath = (childReference?: string) =>
  childReference
    ? `/payments/enhancements/new?child=${encodeURIComponent(childReference)}`
    : '/payments/enhancements/new';
export const enhancementPath = (id: string) => `/payments/enhancements/${id}`;
