/**
 * The review module's settings: local targets, named here and shown in words on its pages
 * ("local target", never as law). Regulation 28 sets only the yearly interval.
 */

/** A link without an account stops working 28 days after it was made. */
export const LINK_DAYS = 28;
export const LINK_DAYS_TEXT = 'links work for 28 days';

/** Chasing a link not returned: a reminder after 7 days, the requester's manager told after 14 (local target). */
export const REMIND_AFTER_DAYS = 7;
export const MANAGER_AFTER_DAYS = 14;
export const CHASING_TEXT = 'local target: a reminder after 7 days, the manager told after 14';

/** The carers have 28 days to comment on their copy of the report. */
export const COMMENT_DAYS = 28;
