CREATE TABLE "timed_placements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"child_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"placement_type" text NOT NULL,
	"team_id" uuid,
	"area_id" uuid,
	"restricted" boolean NOT NULL,
	"placed_with" text,
	"reg24_from" date,
	"reg24_until" date,
	"child_reference" text NOT NULL,
	"child_area_id" uuid NOT NULL,
	"child_left_care_on" date
);
--> statement-breakpoint
CREATE INDEX "timed_placements_child_idx" ON "timed_placements" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "timed_placements_end_idx" ON "timed_placements" USING btree ("end_date");--> statement-breakpoint
-- Every placement regulation 28(2) times, derived from the records already held (as
-- src/modules/child-visits/facts.ts derives it from rule.ts's placementRows): not Staying Put nor
-- short breaks; with the household's team, area, name and any temporary approval, and the child's
-- reference, area and the day they left care.
INSERT INTO "timed_placements" ("kind", "id", "child_id", "start_date", "end_date", "placement_type", "team_id",
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
  WHERE p.placement_type NOT IN ('staying_put', 'short_break')
  UNION ALL
  SELECT 'agency', a.id, a.child_id, a.start_date, a.end_date, a.placement_type, NULL, NULL, false, a.agency_name,
    NULL, NULL
  FROM agency_placements a
  WHERE a.placement_type NOT IN ('staying_put', 'short_break')
) u JOIN children c ON c.id = u.child_id;
