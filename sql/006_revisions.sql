-- 006_revisions.sql: the words of the revisions pages (the list, one
-- revision compared with the current text, restoring it) and of the
-- comparison the editor shows when a save is refused.  Revisions
-- themselves are in 001's table, written by every save.

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'revisions', 'Revisions'),
	(1, 'revision', 'Revision'),
	(1, 'no_revisions', 'No revisions yet: the next save keeps one.'),
	(1, 'back_to_editor', 'Back to the editor'),
	(1, 'length', 'Length (characters)'),
	(1, 'current_text', 'current'),
	(1, 'saved_by', 'Saved by'),
	(1, 'revision_is_current', 'This revision is the current text.'),
	(1, 'restore', 'Restore this revision'),
	(1, 'restore_hint', 'Restoring saves this revision''s title, excerpt and body as the article''s current text (the address, state, category, tags and image stay as they are). It is a save like any other: it keeps a revision of its own, so it can be undone the same way.'),
	(1, 'restored', 'Revision restored: it is now the current text, and the newest revision.'),
	(1, 'diff_only_revision', 'only in this revision'),
	(1, 'diff_only_current', 'only in the current text'),
	(1, 'diff_only_saved', 'only in the saved text'),
	(1, 'diff_only_yours', 'only in your text'),
	(1, 'diff_none', 'No changes.'),
	(1, 'diff_too_large', 'These texts are too long to compare.'),
	(1, 'diff_replaced', 'Too many changes to match line by line: the changed part is shown as a whole.'),
	(1, 'diff_skipped', 'Unchanged lines'),
	(1, 'diff_more', 'Lines not shown'),
	(1, 'conflict_changes', 'How your text differs from the saved one'),
	(1, 'conflict_saved_text', 'The saved text'),
	(1, 'error_restore_form', 'The form was incomplete; nothing was restored. Try again from this page.'),
	(1, 'error_restore_conflict', 'Someone saved this article after you opened this page, so nothing was restored. The comparison below is with the text saved now; restore again if you still want this revision.');

UPDATE edition_strings SET value = 'Someone else saved this article after you opened it. Nothing was overwritten: your text is still in the form, and below you can see how it differs from the saved text. Saving again replaces the saved text with yours.'
	WHERE edition_id = 1 AND key = 'error_conflict';
