DROP INDEX "placements_child_idx";--> statement-breakpoint
CREATE INDEX "placements_child_idx" ON "placements" USING btree ("child_id","start_date","household_id","end_date");