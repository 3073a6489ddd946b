CREATE TABLE "session_facilitators" (
	"session_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	CONSTRAINT "session_facilitators_session_id_staff_user_id_pk" PRIMARY KEY("session_id","staff_user_id")
);
--> statement-breakpoint
ALTER TABLE "session_facilitators" ADD CONSTRAINT "session_facilitators_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;