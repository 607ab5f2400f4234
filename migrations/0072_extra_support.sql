CREATE TABLE "activity_breaks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"centre" text NOT NULL,
	"kind" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"children" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hub_family_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "psychology_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"child_id" uuid,
	"requested_on" date NOT NULL,
	"urgency" text NOT NULL,
	"reason" text NOT NULL,
	"due_on" date,
	"first_session_on" date,
	"ended_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_breaks" ADD CONSTRAINT "activity_breaks_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_breaks" ADD CONSTRAINT "activity_breaks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_families" ADD CONSTRAINT "hub_families_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_families" ADD CONSTRAINT "hub_families_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_links" ADD CONSTRAINT "hub_links_hub_family_id_hub_families_id_fk" FOREIGN KEY ("hub_family_id") REFERENCES "public"."hub_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_links" ADD CONSTRAINT "hub_links_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_links" ADD CONSTRAINT "hub_links_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "psychology_requests" ADD CONSTRAINT "psychology_requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "psychology_requests" ADD CONSTRAINT "psychology_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "psychology_requests" ADD CONSTRAINT "psychology_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_breaks_household_idx" ON "activity_breaks" USING btree ("household_id","from_on");--> statement-breakpoint
CREATE INDEX "activity_breaks_from_idx" ON "activity_breaks" USING btree ("from_on");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_families_open_idx" ON "hub_families" USING btree ("household_id") WHERE ended_on is null;--> statement-breakpoint
CREATE INDEX "hub_families_household_idx" ON "hub_families" USING btree ("household_id","started_on");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_links_open_idx" ON "hub_links" USING btree ("household_id") WHERE ended_on is null;--> statement-breakpoint
CREATE INDEX "hub_links_household_idx" ON "hub_links" USING btree ("household_id","started_on");--> statement-breakpoint
CREATE INDEX "hub_links_hub_idx" ON "hub_links" USING btree ("hub_family_id","ended_on");--> statement-breakpoint
CREATE INDEX "psychology_requests_household_idx" ON "psychology_requests" USING btree ("household_id","requested_on");--> statement-breakpoint
CREATE INDEX "psychology_requests_child_idx" ON "psychology_requests" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "psychology_requests_due_idx" ON "psychology_requests" USING btree ("due_on");