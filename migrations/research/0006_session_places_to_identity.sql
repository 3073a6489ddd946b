ALTER TABLE "panel_sessions" DROP COLUMN "venue";--> statement-breakpoint
ALTER TABLE "panel_sessions" DROP COLUMN "online_details";