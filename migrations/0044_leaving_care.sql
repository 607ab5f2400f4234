ALTER TABLE "children" ADD COLUMN "left_care_reason" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "left_care_details" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "death_notified_chief_inspector_on" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "death_notified_responsible_authority_on" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "death_notified_secretary_of_state_on" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "death_notified_area_authority_on" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "death_notified_health_board_on" date;