CREATE TABLE "consents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"research_participation" boolean NOT NULL,
	"contact" boolean NOT NULL,
	"privacy_notice_version" text NOT NULL,
	"guardian_consent" boolean DEFAULT false NOT NULL,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_memberships" (
	"participant_id" uuid NOT NULL,
	"panel_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_memberships_participant_id_panel_id_pk" PRIMARY KEY("participant_id","panel_id")
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"email" text,
	"phone" text,
	"preferred_contact" text NOT NULL,
	"age_group" text NOT NULL,
	"access_needs" text,
	"caring_commitments" text,
	"availability" text[] DEFAULT '{}'::text[] NOT NULL,
	"attendance_mode" text NOT NULL,
	"guardian_name" text,
	"guardian_contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participants_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_memberships" ADD CONSTRAINT "panel_memberships_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_participant_idx" ON "consents" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "panel_memberships_panel_idx" ON "panel_memberships" USING btree ("panel_id");