-- Name search folds Kazakh letters, ё and Latin passport spellings (domain/name-search.ts, registered on every
-- connection as qabyl_fold_name): the search indexes hold folded names, so they become contentless FTS5 tables
-- rebuilt here from the replica rows, kept in step by triggers in the same transaction as the row.
DROP TRIGGER IF EXISTS `contracts_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `contracts_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `contracts_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `contracts_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `contracts_fts` USING fts5(number, child_name, child_iin, parent_name, parent_iin, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 4');
--> statement-breakpoint
INSERT INTO `contracts_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) SELECT rowid, number, qabyl_fold_name(child_name), child_iin, qabyl_fold_name(parent_name), parent_iin FROM `contracts`;
--> statement-breakpoint
CREATE TRIGGER `contracts_fts_ai` AFTER INSERT ON `contracts` BEGIN
  INSERT INTO `contracts_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES (new.rowid, new.number, qabyl_fold_name(new.child_name), new.child_iin, qabyl_fold_name(new.parent_name), new.parent_iin);
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_fts_ad` AFTER DELETE ON `contracts` BEGIN
  DELETE FROM `contracts_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `contracts_fts_au` AFTER UPDATE ON `contracts` BEGIN
  DELETE FROM `contracts_fts` WHERE rowid = old.rowid;
  INSERT INTO `contracts_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES (new.rowid, new.number, qabyl_fold_name(new.child_name), new.child_iin, qabyl_fold_name(new.parent_name), new.parent_iin);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `special_queue_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `special_queue_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `special_queue_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `special_queue_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `special_queue_fts` USING fts5(number, child_name, child_iin, parent_name, parent_iin, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 4');
--> statement-breakpoint
INSERT INTO `special_queue_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) SELECT rowid, number, qabyl_fold_name(child_name), child_iin, qabyl_fold_name(parent_name), parent_iin FROM `special_queue_applications`;
--> statement-breakpoint
CREATE TRIGGER `special_queue_fts_ai` AFTER INSERT ON `special_queue_applications` BEGIN
  INSERT INTO `special_queue_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES (new.rowid, new.number, qabyl_fold_name(new.child_name), new.child_iin, qabyl_fold_name(new.parent_name), new.parent_iin);
END;
--> statement-breakpoint
CREATE TRIGGER `special_queue_fts_ad` AFTER DELETE ON `special_queue_applications` BEGIN
  DELETE FROM `special_queue_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `special_queue_fts_au` AFTER UPDATE ON `special_queue_applications` BEGIN
  DELETE FROM `special_queue_fts` WHERE rowid = old.rowid;
  INSERT INTO `special_queue_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin) VALUES (new.rowid, new.number, qabyl_fold_name(new.child_name), new.child_iin, qabyl_fold_name(new.parent_name), new.parent_iin);
END;
