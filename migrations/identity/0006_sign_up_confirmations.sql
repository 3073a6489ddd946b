CREATE TABLE "sign_up_confirmations" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"participant_id" uuid NOT NULL,
	"panel_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "participant_id" uuid;--> statement-breakpoint
ALTER TABLE "panel_memberships" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_up_confirmations" ADD CONSTRAINT "sign_up_confirmations_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_up_confirmations_participant_idx" ON "sign_up_confirmations" USING btree ("participant_id");--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;