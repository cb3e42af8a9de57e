-- The contracts' search index knows each row's inbox tab (a `tab` token column), so a search yields only the rows of
-- the tab being read and the tab's match count comes from the index alone (electron/backend/contracts/inbox-query.ts).
DROP TRIGGER IF EXISTS `contracts_fts_ai`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `contracts_fts_ad`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `contracts_fts_au`;
--> statement-breakpoint
DROP TABLE IF EXISTS `contracts_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `contracts_fts` USING fts5(number, child_name, child_iin, parent_name, parent_iin, tab, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 4');
--> statement-breakpoint
INSERT INTO `contracts_fts`(rowid, number, child_name, child_iin, parent_name, parent_iin, tab) SELECT rowid, number, qabyl_fold_name(child_name), child_iin, qabyl_fold_name(parent_name), parent_iin, tab FROM `contracts`;
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
