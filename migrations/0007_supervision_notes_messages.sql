CREATE TABLE "supervision_notes_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supervision_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"recipients" text[] NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"attachment_name" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"acknowledge_token" text NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_via" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_notes_messages_supervision_id_unique" UNIQUE("supervision_id"),
	CONSTRAINT "supervision_notes_messages_acknowledge_token_unique" UNIQUE("acknowledge_token")
);
--> statement-breakpoint
ALTER TABLE "supervision_notes_messages" ADD CONSTRAINT "supervision_notes_messages_supervision_id_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notes_messages" ADD CONSTRAINT "supervision_notes_messages_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notes_messages" ADD CONSTRAINT "supervision_notes_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_notes_messages_due_idx" ON "supervision_notes_messages" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "supervision_notes_messages_household_idx" ON "supervision_notes_messages" USING btree ("household_id","created_at");