CREATE TABLE "sign_up_drafts" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"panel_id" uuid NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
