CREATE TABLE "staff_supervision_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"signed_on" date NOT NULL,
	"frequency_weeks" integer NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_pdps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"goals" text NOT NULL,
	"training" text NOT NULL,
	"support" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_supervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"case_discussion" text NOT NULL,
	"wellbeing" text NOT NULL,
	"development" text NOT NULL,
	"actions" text NOT NULL,
	"pdp_reviewed" boolean DEFAULT false NOT NULL,
	"next_on" date,
	"supervisor_signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_signed_at" timestamp with time zone,
	"staff_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_starts" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"joined_on" date NOT NULL,
	"induction_required" boolean NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_training" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"item" text NOT NULL,
	"completed_on" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "due_items" DROP CONSTRAINT "due_items_scoped";--> statement-breakpoint
ALTER TABLE "due_items" ADD COLUMN "staff_user_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_supervision_agreements" ADD CONSTRAINT "staff_supervision_agreements_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_supervision_agreements" ADD CONSTRAINT "staff_supervision_agreements_supervisor_id_users_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_supervision_agreements" ADD CONSTRAINT "staff_supervision_agreements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_pdps" ADD CONSTRAINT "staff_pdps_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_pdps" ADD CONSTRAINT "staff_pdps_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_supervision_sessions" ADD CONSTRAINT "staff_supervision_sessions_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_supervision_sessions" ADD CONSTRAINT "staff_supervision_sessions_supervisor_id_users_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_starts" ADD CONSTRAINT "staff_starts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_starts" ADD CONSTRAINT "staff_starts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_training" ADD CONSTRAINT "staff_training_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_training" ADD CONSTRAINT "staff_training_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_supervision_agreements_staff_idx" ON "staff_supervision_agreements" USING btree ("staff_user_id","signed_on");--> statement-breakpoint
CREATE INDEX "staff_pdps_staff_idx" ON "staff_pdps" USING btree ("staff_user_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "staff_supervision_sessions_staff_idx" ON "staff_supervision_sessions" USING btree ("staff_user_id","held_on");--> statement-breakpoint
CREATE INDEX "staff_supervision_sessions_held_idx" ON "staff_supervision_sessions" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "staff_training_staff_idx" ON "staff_training" USING btree ("staff_user_id","item","completed_on");--> statement-breakpoint
CREATE INDEX "due_items_staff_user_idx" ON "due_items" USING btree ("staff_user_id");--> statement-breakpoint
ALTER TABLE "due_items" ADD CONSTRAINT "due_items_scoped" CHECK ("due_items"."household_id" is not null or "due_items"."child_id" is not null or "due_items"."staff_user_id" is not null);