/** The words and rules of missing from care, shared by the deadline, the measures and the pages. */

/** The guidance the return interview's deadline and the measures cite. */
export const MISSING_GUIDANCE =
  'Statutory guidance on children who run away or go missing from home or care (Department for Education, January 2014), “When a child is found: independent return interviews” (an independent return interview offered within 72 hours of the child’s return)';

/** The return interview is offered within 72 hours of the return: 3 days from the day the child came back. */
export const INTERVIEW_WITHIN_DAYS = 3;

/** The plan action the measures are shown on (the 2016 plan's Child Missing from Care report, under training). */
export const MISSING_PLAN_TARGET =
  'Target 2, action 2.1: the Child Missing from Care report used to show whether fewer children go missing; carers skilled for children at risk of going missing';

/** The service's own target for return interviews offered in time (local: the guidance sets no percentage). */
export const INTERVIEW_TARGET = 95;

/** The standard the measures evidence. */
export const NMS_5 = 'Fostering Services: National Minimum Standards (2011), standard 5 (children missing from care)';
