-- 019_export.sql: the sentence export-static puts where a form was in
-- the static copy of the site (comments, contact, search need the live
-- server).  Other editions get theirs from the translation files.
INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'static_form_notice',
	 'This is a static copy of the site: comments, the contact form and search work only on the live site.');
