-- Each booking keeps its session's first day, so a carer's training dates come from the bookings alone.
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_id_starts_on_key" UNIQUE("id","starts_on");--> statement-breakpoint
ALTER TABLE "training_bookings" ADD COLUMN "session_starts_on" date;--> statement-breakpoint
UPDATE "training_bookings" b SET "session_starts_on" = s."starts_on" FROM "training_sessions" s WHERE s."id" = b."session_id";--> statement-breakpoint
ALTER TABLE "training_bookings" ALTER COLUMN "session_starts_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_session_starts_on_fk" FOREIGN KEY ("session_id","session_starts_on") REFERENCES "public"."training_sessions"("id","starts_on") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "training_bookings_attended_on_idx" ON "training_bookings" USING btree ("carer_id","session_starts_on") WHERE "training_bookings"."attendance" = 'attended';
