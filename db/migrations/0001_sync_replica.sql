CREATE TABLE `blob_jobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`priority` integer DEFAULT 10 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`retry_after` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`part_key` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`key` blob NOT NULL,
	`nonce` blob NOT NULL,
	`stored_at` text NOT NULL,
	`last_opened_at` text
);
--> statement-breakpoint
CREATE INDEX `blobs_last_opened_idx` ON `blobs` (`last_opened_at`);--> statement-breakpoint
CREATE TABLE `bootstrap_staging` (
	`seq` integer PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`id` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contract_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`kind` text NOT NULL,
	`round` integer NOT NULL,
	`current` integer NOT NULL,
	`sha256` text NOT NULL,
	`review_status` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contract_documents_contract_idx` ON `contract_documents` (`contract_id`,`current`);--> statement-breakpoint
CREATE INDEX `contract_documents_sha_idx` ON `contract_documents` (`sha256`);--> statement-breakpoint
CREATE TABLE `contracts` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`child_iin` text NOT NULL,
	`child_name` text NOT NULL,
	`parent_iin` text NOT NULL,
	`parent_name` text NOT NULL,
	`submitted_at` text,
	`due_on` text,
	`rework_count` integer NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contracts_org_status_idx` ON `contracts` (`org_id`,`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `contracts_submitted_idx` ON `contracts` (`submitted_at`);--> statement-breakpoint
CREATE INDEX `contracts_child_iin_idx` ON `contracts` (`child_iin`);--> statement-breakpoint
CREATE TABLE `directions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`child_iin` text NOT NULL,
	`child_name` text NOT NULL,
	`parent_name` text NOT NULL,
	`offer_due_on` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `directions_org_status_idx` ON `directions` (`org_id`,`status`,`offer_due_on`);--> statement-breakpoint
CREATE TABLE `history_events` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`at` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `history_events_subject_idx` ON `history_events` (`subject_type`,`subject_id`,`at`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`bin` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`client_seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mutation_id` text NOT NULL,
	`name` text NOT NULL,
	`args` text NOT NULL,
	`target_entity` text NOT NULL,
	`target_id` text NOT NULL,
	`base_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`confirmed` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`result_code` text,
	`result_message` text,
	`current` text,
	`answered_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_mutation_id_unique` ON `outbox` (`mutation_id`);--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`);--> statement-breakpoint
CREATE INDEX `outbox_target_idx` ON `outbox` (`target_entity`,`target_id`);--> statement-breakpoint
CREATE TABLE `special_queue_applications` (
	`id` text PRIMARY KEY NOT NULL,
	`pmpk_org_id` text NOT NULL,
	`number` text NOT NULL,
	`status` text NOT NULL,
	`child_iin` text NOT NULL,
	`child_name` text NOT NULL,
	`parent_iin` text NOT NULL,
	`parent_name` text NOT NULL,
	`submitted_at` text NOT NULL,
	`conclusion_sha256` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `special_queue_org_status_idx` ON `special_queue_applications` (`pmpk_org_id`,`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `special_queue_child_iin_idx` ON `special_queue_applications` (`child_iin`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`iin` text NOT NULL,
	`version` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `staff_org_idx` ON `staff` (`org_id`);--> statement-breakpoint
CREATE INDEX `staff_iin_idx` ON `staff` (`iin`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`cursor` integer,
	`needs_bootstrap` integer DEFAULT 1 NOT NULL,
	`token` text,
	`token_expires_at` text,
	`user` text,
	`last_synced_at` text
);
