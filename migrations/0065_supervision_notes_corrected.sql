ALTER TABLE "supervision_notes_messages" ADD COLUMN "corrected" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Corrected notes written before this column were told by their subject.
UPDATE "supervision_notes_messages" SET "corrected" = true WHERE "subject" LIKE 'Corrected notes%';
