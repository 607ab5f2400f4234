CREATE TABLE "joint_training_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day_id" uuid NOT NULL,
	"user_id" uuid,
	"panel_member_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_training_attendance_one_person" CHECK (num_nonnulls("joint_training_attendance"."user_id", "joint_training_attendance"."panel_member_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "joint_training_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"theme" text NOT NULL,
	"place" text NOT NULL,
	"organised_by" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_training_evaluations" (
	"attendance_id" uuid PRIMARY KEY NOT NULL,
	"confidence_before" integer NOT NULL,
	"confidence_after" integer NOT NULL,
	"usefulness" integer NOT NULL,
	"will_do_differently" text NOT NULL,
	"from_paper" boolean NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_training_evaluations_before" CHECK ("joint_training_evaluations"."confidence_before" between 1 and 5),
	CONSTRAINT "joint_training_evaluations_after" CHECK ("joint_training_evaluations"."confidence_after" between 1 and 5),
	CONSTRAINT "joint_training_evaluations_usefulness" CHECK ("joint_training_evaluations"."usefulness" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "joint_training_attendance" ADD CONSTRAINT "joint_training_attendance_day_id_joint_training_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."joint_training_days"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_training_attendance" ADD CONSTRAINT "joint_training_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_training_attendance" ADD CONSTRAINT "joint_training_attendance_panel_member_id_panel_members_id_fk" FOREIGN KEY ("panel_member_id") REFERENCES "public"."panel_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_training_attendance" ADD CONSTRAINT "joint_training_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_training_days" ADD CONSTRAINT "joint_training_days_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_training_evaluations" ADD CONSTRAINT "joint_training_evaluations_attendance_id_joint_training_attendance_id_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."joint_training_attendance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_training_evaluations" ADD CONSTRAINT "joint_training_evaluations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "joint_training_attendance_day_user_idx" ON "joint_training_attendance" USING btree ("day_id","user_id") WHERE "joint_training_attendance"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "joint_training_attendance_day_panel_member_idx" ON "joint_training_attendance" USING btree ("day_id","panel_member_id") WHERE "joint_training_attendance"."panel_member_id" is not null;--> statement-breakpoint
CREATE INDEX "joint_training_attendance_user_idx" ON "joint_training_attendance" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "joint_training_attendance_panel_member_idx" ON "joint_training_attendance" USING btree ("panel_member_id");--> statement-breakpoint
CREATE INDEX "joint_training_days_held_on_idx" ON "joint_training_days" USING btree ("held_on");