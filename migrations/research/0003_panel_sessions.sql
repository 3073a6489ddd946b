CREATE TABLE "panel_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"panel_id" uuid NOT NULL,
	"title" text NOT NULL,
	"theme" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"venue" text,
	"venue_access" text[] DEFAULT '{}'::text[] NOT NULL,
	"online_details" text,
	"capacity" integer NOT NULL,
	"invitations_sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notice_override_reason" text,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "panel_sessions" ADD CONSTRAINT "panel_sessions_panel_id_panels_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "panel_sessions_panel_idx" ON "panel_sessions" USING btree ("panel_id","starts_at");