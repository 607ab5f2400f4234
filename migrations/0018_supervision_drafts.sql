ALTER TABLE "supervisions" ALTER COLUMN "attendees" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervisions" ALTER COLUMN "working_well" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervisions" ALTER COLUMN "worries" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervisions" ALTER COLUMN "needs_to_happen" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervisions" ALTER COLUMN "scaling_question" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "supervisions" ALTER COLUMN "scaling_score" DROP NOT NULL;