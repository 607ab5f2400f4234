CREATE TABLE "child_visit_facts" (
	"placement_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"last_seen_on" date NOT NULL
);
--> statement-breakpoint
-- Each placement's last visit in which the child was seen, derived from the visits already recorded
-- (as src/modules/child-visits/facts.ts derives it).
INSERT INTO "child_visit_facts" ("placement_id", "kind", "last_seen_on")
SELECT coalesce(v.placement_id, v.agency_placement_id),
  CASE WHEN v.placement_id IS NOT NULL THEN 'in-house' ELSE 'agency' END,
  max(v.visited_on)
FROM child_visits v WHERE v.child_seen
GROUP BY 1, 2;
