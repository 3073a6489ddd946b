CREATE TABLE "feedback_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	CONSTRAINT "feedback_codes_invitation_id_unique" UNIQUE("invitation_id")
);
--> statement-breakpoint
ALTER TABLE "feedback_codes" ADD CONSTRAINT "feedback_codes_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;