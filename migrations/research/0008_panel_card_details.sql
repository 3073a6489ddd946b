ALTER TABLE "panels" ADD COLUMN "meets" text;--> statement-breakpoint
ALTER TABLE "panels" ADD COLUMN "format" text;--> statement-breakpoint
ALTER TABLE "panels" ADD COLUMN "thanks" text;