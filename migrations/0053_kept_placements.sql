-- The kept placements hold every placement now, not only those regulation 28(2) times: the measure
-- of children placed with in-house carers reads them too, and counts Staying Put and short breaks.
-- The visits measure still leaves those two out (rule.ts's keptTimedPlacements).
ALTER TABLE "timed_placements" RENAME TO "kept_placements";--> statement-breakpoint
ALTER INDEX "timed_placements_pkey" RENAME TO "kept_placements_pkey";--> statement-breakpoint
ALTER INDEX "timed_placements_child_idx" RENAME TO "kept_placements_child_idx";--> statement-breakpoint
ALTER INDEX "timed_placements_end_idx" RENAME TO "kept_placements_end_idx";--> statement-breakpoint
-- The placements 0052 left out, derived as src/modules/child-visits/facts.ts derives every row
-- (rule.ts's everyPlacementRow).
INSERT INTO "kept_placements" ("kind", "id", "child_id", "start_date", "end_date", "placement_type", "team_id",
  "area_id", "restricted", "placed_with", "reg24_from", "reg24_until", "child_reference", "child_area_id",
  "child_left_care_on")
SELECT u.*, c.reference, c.area_id, c.left_care_on
FROM (
  SELECT 'in-house', p.id, p.child_id, p.start_date, p.end_date, p.placement_type, h.team_id, t.area_id,
    h.restricted, h.name, ta.approved_on,
    least(ta.ended_on, CASE WHEN h.approved_on >= ta.approved_on THEN h.approved_on END)
  FROM placements p JOIN households h ON h.id = p.household_id JOIN teams t ON t.id = h.team_id
    LEFT JOIN (SELECT DISTINCT ON (x.household_id, x.child_id) x.household_id, x.child_id, x.approved_on, x.ended_on
      FROM temporary_approvals x ORDER BY x.household_id, x.child_id, x.approved_on DESC) ta
      ON ta.household_id = p.household_id AND ta.child_id = p.child_id
  WHERE p.placement_type IN ('staying_put', 'short_break')
  UNION ALL
  SELECT 'agency', a.id, a.child_id, a.start_date, a.end_date, a.placement_type, NULL, NULL, false, a.agency_name,
    NULL, NULL
  FROM agency_placements a
  WHERE a.placement_type IN ('staying_put', 'short_break')
) u JOIN children c ON c.id = u.child_id;
