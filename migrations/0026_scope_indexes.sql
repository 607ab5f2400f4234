DROP INDEX "due_items_due_on_idx";--> statement-breakpoint
DROP INDEX "children_area_idx";--> statement-breakpoint
DROP INDEX "referrals_status_idx";--> statement-breakpoint
CREATE INDEX "households_team_ids_idx" ON "households" USING btree ("team_id","id","restricted");--> statement-breakpoint
CREATE INDEX "placements_open_household_idx" ON "placements" USING btree ("household_id","child_id") WHERE "placements"."end_date" is null;--> statement-breakpoint
CREATE INDEX "due_items_due_on_idx" ON "due_items" USING btree ("due_on","rule_id","team_id","household_id","child_id","staff_user_id","shown_from","shown_until");--> statement-breakpoint
CREATE INDEX "children_area_idx" ON "children" USING btree ("area_id","id");--> statement-breakpoint
CREATE INDEX "referrals_status_idx" ON "referrals" USING btree ("status","updated_at");