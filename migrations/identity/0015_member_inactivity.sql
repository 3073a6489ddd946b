ALTER TABLE "participants" ADD COLUMN "kept_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "inactivity_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "inactivity_notice_token_hash" text;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_inactivity_notice_token_hash_unique" UNIQUE("inactivity_notice_token_hash");