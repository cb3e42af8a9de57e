-- The replica lives in its own file attached as `replica` (db/replica-files.ts): its name and the DDL of its tables.
CREATE TABLE `replica_layout` (
	`id` integer PRIMARY KEY NOT NULL,
	`file` text NOT NULL,
	`ddl` text NOT NULL
);
--> statement-breakpoint
-- The download queue holds a whole replica's documents after a bootstrap: the next due jobs and the next retry time are read by index, not by a scan per finished download.
CREATE INDEX `blob_jobs_priority_idx` ON `blob_jobs` (`priority`);--> statement-breakpoint
CREATE INDEX `blob_jobs_retry_idx` ON `blob_jobs` (`retry_after`);
