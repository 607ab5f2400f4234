-- The kept facts for existing records (the same derivations as households/facts.ts and
-- supervision/facts.ts; `npm run measures:rebuild-facts` runs them again).
INSERT INTO "household_status_periods" ("household_id", "status", "from_on", "to_on")
WITH ev AS (
  SELECT e.household_id, e.to_status AS status, e.on_date AS from_on,
    lead(e.on_date) OVER (PARTITION BY e.household_id ORDER BY e.on_date, e.created_at, e.id) AS to_on
  FROM household_status_events e
), firsts AS (
  SELECT household_id, min(from_on) AS first_on FROM ev GROUP BY household_id
)
SELECT household_id, status, from_on, to_on FROM ev WHERE to_on IS NULL OR to_on > from_on
UNION ALL
SELECT h.id, h.status, h.status_since, f.first_on
  FROM households h LEFT JOIN firsts f ON f.household_id = h.id
  WHERE f.first_on IS NULL OR h.status_since < f.first_on;
--> statement-breakpoint
INSERT INTO "household_supervision_facts"
  ("household_id", "last_visit_on", "last_unannounced_visit_on", "agreement_signed_on", "agreement_review_on")
WITH v AS (
  SELECT s.household_id, max(s.visit_date) AS last_visit_on,
    max(s.visit_date) FILTER (WHERE NOT s.announced) AS last_unannounced_visit_on
  FROM supervisions s WHERE s.status = 'final'
  GROUP BY s.household_id
), a AS (
  SELECT a.household_id, max(a.signed_on) AS agreement_signed_on, max(a.review_on) AS agreement_review_on
  FROM supervision_agreements a
  GROUP BY a.household_id
)
SELECT coalesce(v.household_id, a.household_id), v.last_visit_on, v.last_unannounced_visit_on,
  a.agreement_signed_on, a.agreement_review_on
FROM v FULL JOIN a ON a.household_id = v.household_id;
--> statement-breakpoint
INSERT INTO "child_seen_facts" ("child_id", "household_id", "last_seen_on")
SELECT sc.child_id, s.household_id, max(s.visit_date)
FROM supervisions s JOIN supervision_children sc ON sc.supervision_id = s.id
WHERE s.status = 'final' AND sc.seen IN ('seen', 'seen_alone')
GROUP BY sc.child_id, s.household_id;
