CREATE TABLE "plan_action_measures" (
	"action_id" uuid NOT NULL,
	"measure_id" text NOT NULL,
	CONSTRAINT "plan_action_measures_action_id_measure_id_pk" PRIMARY KEY("action_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"number" text NOT NULL,
	"what_we_want" text NOT NULL,
	"who" text DEFAULT '' NOT NULL,
	"owner_user_id" uuid,
	"by_when" date,
	"by_when_text" text DEFAULT '' NOT NULL,
	"achieved_and_target" text DEFAULT '' NOT NULL,
	"how_measured" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"carried_forward_from_action_id" uuid
);
--> statement-breakpoint
CREATE TABLE "plan_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"standards" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"rag" text NOT NULL,
	"narrative" text NOT NULL,
	"by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rolled_over_from_plan_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_action_measures" ADD CONSTRAINT "plan_action_measures_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_target_id_plan_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."plan_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_carried_forward_from_action_id_plan_actions_id_fk" FOREIGN KEY ("carried_forward_from_action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_updates" ADD CONSTRAINT "plan_updates_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_updates" ADD CONSTRAINT "plan_updates_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_rolled_over_from_plan_id_plans_id_fk" FOREIGN KEY ("rolled_over_from_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_target_idx" ON "plan_actions" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "plan_targets_plan_idx" ON "plan_targets" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_updates_action_idx" ON "plan_updates" USING btree ("action_id","on_date");