CREATE SEQUENCE "change_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "blob_refs" (
	"sha256" text NOT NULL,
	"org_id" text NOT NULL,
	CONSTRAINT "blob_refs_sha256_org_id_pk" PRIMARY KEY("sha256","org_id")
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"op" text NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "changes_op_check" CHECK ("changes"."op" IN ('upsert', 'delete'))
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"user_iin" text NOT NULL,
	"scope_key" text NOT NULL,
	"last_client_seq" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"entity" text NOT NULL,
	"id" text NOT NULL,
	"org_id" text NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	CONSTRAINT "entities_entity_id_pk" PRIMARY KEY("entity","id")
);
--> statement-breakpoint
CREATE TABLE "mutation_results" (
	"client_id" text NOT NULL,
	"client_seq" integer NOT NULL,
	"mutation_id" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"code" text,
	"message" text,
	"current" jsonb,
	"result_seq" bigint NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mutation_results_client_id_client_seq_pk" PRIMARY KEY("client_id","client_seq"),
	CONSTRAINT "mutation_results_status_check" CHECK ("mutation_results"."status" IN ('applied', 'rejected', 'conflict'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_iin" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"kind" text NOT NULL,
	"text_kk" text NOT NULL,
	"text_ru" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_iin" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "changes_row_idx" ON "changes" USING btree ("entity","id");--> statement-breakpoint
CREATE INDEX "changes_org_seq_idx" ON "changes" USING btree ("org_id","seq");--> statement-breakpoint
CREATE INDEX "entities_org_idx" ON "entities" USING btree ("org_id","entity");--> statement-breakpoint
CREATE INDEX "entities_staff_iin_idx" ON "entities" USING btree (("data"->>'iin')) WHERE "entities"."entity" = 'staff';--> statement-breakpoint
CREATE INDEX "entities_contract_idx" ON "entities" USING btree (("data"->>'contractId')) WHERE "entities"."entity" IN ('contractDocument');--> statement-breakpoint
CREATE INDEX "entities_subject_idx" ON "entities" USING btree (("data"->>'subjectId')) WHERE "entities"."entity" = 'historyEvent';--> statement-breakpoint
CREATE UNIQUE INDEX "mutation_results_id_idx" ON "mutation_results" USING btree ("client_id","mutation_id");--> statement-breakpoint
CREATE INDEX "notifications_parent_idx" ON "notifications" USING btree ("parent_iin","seq");