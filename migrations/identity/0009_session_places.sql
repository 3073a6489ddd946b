CREATE TABLE "session_places" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"venue" text,
	"online_details" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
