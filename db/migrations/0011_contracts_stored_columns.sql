-- The contracts' derived columns (tab, voucher flag, group) are STORED: computed once when a row is written instead of
-- at every read and once per index on every index build (a bootstrap builds six indexes over them). SQLite cannot
-- change a column's kind in place, so the table is rebuilt; rowids are kept, so the search index stays valid.
CREATE TABLE `__new_contracts` (
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
	`data` text NOT NULL,
	`tab` text GENERATED ALWAYS AS (CASE WHEN status IN ('submitted', 'resubmitted') THEN 'review'
      WHEN status IN ('rework_requested', 'offer_sent', 'awaiting_parent') THEN 'rework'
      WHEN status = 'signed' THEN 'signed' ELSE 'archive' END) STORED,
	`is_voucher` integer GENERATED ALWAYS AS (coalesce(json_extract(data, '$.isVoucher'), 0)) STORED,
	`group_id` text GENERATED ALWAYS AS (json_extract(data, '$.group.id')) STORED
);
--> statement-breakpoint
INSERT INTO `__new_contracts` (rowid, id, org_id, number, status, child_iin, child_name, parent_iin, parent_name, submitted_at, due_on, rework_count, version, data)
  SELECT rowid, id, org_id, number, status, child_iin, child_name, parent_iin, parent_name, submitted_at, due_on, rework_count, version, data FROM `contracts`;
--> statement-breakpoint
DROP TABLE `contracts`;
--> statement-breakpoint
ALTER TABLE `__new_contracts` RENAME TO `contracts`;
--> statement-breakpoint
CREATE INDEX `contracts_org_status_idx` ON `contracts` (`org_id`,`status`,`due_on`);
--> statement-breakpoint
CREATE INDEX `contracts_submitted_idx` ON `contracts` (`submitted_at`);
--> statement-breakpoint
CREATE INDEX `contracts_child_iin_idx` ON `contracts` (`child_iin`);
--> statement-breakpoint
CREATE INDEX `contracts_tab_due_idx` ON `contracts` (`tab`,`due_on`,`id`,`is_voucher`);
--> statement-breakpoint
CREATE INDEX `contracts_tab_submitted_idx` ON `contracts` (`tab`,`submitted_at`,`id`,`due_on`,`is_voucher`);
--> statement-breakpoint
CREATE INDEX `contracts_tab_child_name_idx` ON `contracts` (`tab`,`child_name`,`id`,`due_on`,`is_voucher`);
--> statement-breakpoint
CREATE INDEX `contracts_tab_parent_name_idx` ON `contracts` (`tab`,`parent_name`,`id`,`due_on`,`is_voucher`);
--> statement-breakpoint
CREATE INDEX `contracts_tab_rework_idx` ON `contracts` (`tab`,`rework_count`,`id`,`due_on`,`is_voucher`);
--> statement-breakpoint
CREATE INDEX `contracts_group_idx` ON `contracts` (`group_id`,`tab`);
--> statement-breakpoint
CREATE TRIGGER `contracts_fts_ai` AFTER INSERT ON `contracts` BEGIN
  INSERT INTO `contracts_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin, tab) VALUES (new.rowid, new.number, qabyl_fold_name(new.child_name), new.child_iin, qabyl_fold_name(new.parent_name), new.parent_iin, new.tab);
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_fts_ad` AFTER DELETE ON `contracts` BEGIN
  DELETE FROM `contracts_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_fts_au` AFTER UPDATE ON `contracts` BEGIN
  DELETE FROM `contracts_fts` WHERE rowid = old.rowid;
  INSERT INTO `contracts_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin, tab) VALUES (new.rowid, new.number, qabyl_fold_name(new.child_name), new.child_iin, qabyl_fold_name(new.parent_name), new.parent_iin, new.tab);
END;
