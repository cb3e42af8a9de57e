ALTER TABLE "sessions" ADD COLUMN "cert_serial" text;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "revocation" jsonb;