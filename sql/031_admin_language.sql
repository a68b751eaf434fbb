-- 031_admin_language.sql: the admin area in each staff member's own
-- language.  An account may choose one of the site's editions whose
-- interface strings (and lang, dir, dates) its admin pages use once it
-- is signed in (src/auth/session.c); NULL is the default edition, as
-- before.  Only the words change: new articles, pages and the editions
-- the admin lists start from stay the default edition's.
ALTER TABLE users ADD COLUMN admin_edition_id INTEGER
	REFERENCES editions(id) ON DELETE SET NULL;

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'admin_language', 'Language of the admin area'),
	(1, 'admin_language_help', 'The admin pages you see once signed in use this edition''s words and writing direction. The articles and pages you write are not affected.'),
	(1, 'set_admin_language', 'Set language'),
	(1, 'error_admin_language', 'Choose one of the site''s editions.');
