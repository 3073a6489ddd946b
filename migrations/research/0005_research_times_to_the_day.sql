ALTER TABLE "panel_members" ALTER COLUMN "joined_at" SET DEFAULT date_trunc('day', now(), 'Europe/London');--> statement-breakpoint
ALTER TABLE "participant_profiles" ALTER COLUMN "updated_at" SET DEFAULT date_trunc('day', now(), 'Europe/London');--> statement-breakpoint
ALTER TABLE "session_participation" ALTER COLUMN "recorded_at" SET DEFAULT date_trunc('day', now(), 'Europe/London');--> statement-breakpoint
ALTER TABLE "survey_responses" ALTER COLUMN "submitted_at" SET DEFAULT date_trunc('day', now(), 'Europe/London');--> statement-breakpoint
-- Rows written before this change are cut to the UK day too.
UPDATE "panel_members" SET "joined_at" = date_trunc('day', "joined_at", 'Europe/London');--> statement-breakpoint
UPDATE "participant_profiles" SET "updated_at" = date_trunc('day', "updated_at", 'Europe/London');--> statement-breakpoint
UPDATE "session_participation" SET "recorded_at" = date_trunc('day', "recorded_at", 'Europe/London');--> statement-breakpoint
UPDATE "survey_responses" SET "submitted_at" = date_trunc('day', "submitted_at", 'Europe/London');
