CREATE TABLE "session_participation" (
	"pseudonym" text NOT NULL,
	"session_id" uuid NOT NULL,
	"attended" boolean NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_participation_pseudonym_session_id_pk" PRIMARY KEY("pseudonym","session_id")
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "session_participation" ADD CONSTRAINT "session_participation_session_id_panel_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."panel_sessions"("id") ON DELETE cascade ON UPDATE no action;