ALTER TABLE "household_members" ADD COLUMN "moved_in_on" date;--> statement-breakpoint
ALTER TABLE "household_members" ADD COLUMN "left_on" date;