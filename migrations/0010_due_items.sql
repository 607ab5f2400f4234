CREATE TABLE "due_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"shown_from" date,
	"shown_until" date,
	"team_id" uuid,
	"area_id" uuid,
	"owner_user_id" uuid,
	"household_id" uuid,
	"child_id" uuid,
	"label" text NOT NULL,
	"detail" text,
	"href" text NOT NULL,
	CONSTRAINT "due_items_scoped" CHECK ("due_items"."household_id" is not null or "due_items"."child_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "due_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"cites" text NOT NULL,
	"definition_hash" text NOT NULL,
	"rebuilt_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "due_items_rule_record_idx" ON "due_items" USING btree ("rule_id","record_id");--> statement-breakpoint
CREATE INDEX "due_items_due_on_idx" ON "due_items" USING btree ("due_on","rule_id");--> statement-breakpoint
CREATE INDEX "due_items_team_due_on_idx" ON "due_items" USING btree ("team_id","due_on");--> statement-breakpoint
CREATE INDEX "due_items_owner_due_on_idx" ON "due_items" USING btree ("owner_user_id","due_on");--> statement-breakpoint
CREATE INDEX "due_items_household_idx" ON "due_items" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "due_items_child_idx" ON "due_items" USING btree ("child_id");