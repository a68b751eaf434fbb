-- 017_editions.sql: the four editions made real.  Arabic, Farsi and
-- Albanian are enabled with their own names, digits and date styles;
-- each edition gets a main menu (the Editions entry in every one);
-- articles and pages can be linked to their translations; interface
-- strings remember what the translation files gave them, so that an
-- admin's own wording is never overwritten (src/db/i18n_db.c).

UPDATE editions SET name = 'عربي', lang = 'ar', dir = 'rtl',
	site_name = 'غازيت', date_style = 'dmy', digits = 'arab', enabled = 1
	WHERE code = 'ar';
UPDATE editions SET name = 'فارسی', lang = 'fa', dir = 'rtl',
	site_name = 'گازت', date_style = 'dmy', digits = 'arabext', enabled = 1
	WHERE code = 'fa';
UPDATE editions SET name = 'Shqip', lang = 'sq', dir = 'ltr',
	site_name = 'Gazette', date_style = 'dmy', digits = 'latn', enabled = 1
	WHERE code = 'sq';

-- What the translation files (i18n/CODE.tsv, or the English text for a
-- key a file lacks) last gave a row.  A row whose value differs from it
-- was written by someone else (an admin) and is left alone; NULL for the
-- English rows, which come from the migrations.
ALTER TABLE edition_strings ADD COLUMN shipped TEXT;

-- Translations: articles (and pages) of different editions that say the
-- same thing share a group, the id of the first of them.  A group holds
-- at most one item per edition (checked when an editor links them).
ALTER TABLE articles ADD COLUMN translation_group INTEGER;
CREATE INDEX articles_translation ON articles(translation_group)
	WHERE translation_group IS NOT NULL;
ALTER TABLE pages ADD COLUMN translation_group INTEGER;
CREATE INDEX pages_translation ON pages(translation_group)
	WHERE translation_group IS NOT NULL;

-- Every edition's main menu: Home in a new one, and an Editions entry in
-- each.  The address '#editions' is not a link: the public menu shows
-- there the enabled editions, each linking to its home (src/handlers/
-- frame.c), so a new edition appears in every menu without an edit.
INSERT INTO menus (edition_id, name)
	SELECT id, 'main' FROM editions WHERE true
	ON CONFLICT (edition_id, name) DO NOTHING;
INSERT INTO menu_items (menu_id, label, url, position)
	SELECT m.id, CASE e.code WHEN 'ar' THEN 'الرئيسية'
		WHEN 'fa' THEN 'خانه' WHEN 'sq' THEN 'Kryefaqja' ELSE 'Home' END,
		'/', 0
	FROM menus m JOIN editions e ON e.id = m.edition_id
	WHERE m.name = 'main'
	AND NOT EXISTS (SELECT 1 FROM menu_items i WHERE i.menu_id = m.id);
INSERT INTO menu_items (menu_id, label, url, position)
	SELECT m.id, CASE e.code WHEN 'ar' THEN 'الطبعات'
		WHEN 'fa' THEN 'نسخه‌ها' WHEN 'sq' THEN 'Edicionet' ELSE 'Editions' END,
		'#editions', 100
	FROM menus m JOIN editions e ON e.id = m.edition_id
	WHERE m.name = 'main' AND NOT EXISTS (SELECT 1 FROM menu_items i
		WHERE i.menu_id = m.id AND i.url = '#editions');

-- English is the reference: every key lives here first, and the other
-- editions' rows come from i18n/CODE.tsv (or this text, until
-- translated).  The Solar Hijri month names are for the calendar of the
-- Farsi edition.
INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'editions', 'Editions'),
	(1, 'read_in', 'Read in:'),
	(1, 'translations', 'Translations'),
	(1, 'translation_of', 'Translation of (the id or address of an article of another edition; empty: none)'),
	(1, 'translation_of_page', 'Translation of (the id or address of a page of another edition; empty: none)'),
	(1, 'error_translation', 'No article of another edition has that id or address.'),
	(1, 'error_translation_page', 'No page of another edition has that id or address.'),
	(1, 'error_translation_taken', 'That one is already linked to an item of this edition.'),
	(1, 'edition_new', 'New edition'),
	(1, 'edition_edit', 'Edit edition'),
	(1, 'edition_code', 'Code (such as de or pt-br)'),
	(1, 'edition_prefix', 'Address prefix (/prefix/…)'),
	(1, 'edition_name', 'Name, in its own language'),
	(1, 'edition_lang', 'Language tag (such as de or pt-BR)'),
	(1, 'edition_dir', 'Writing direction'),
	(1, 'edition_dir_ltr', 'Left to right'),
	(1, 'edition_dir_rtl', 'Right to left'),
	(1, 'edition_date_style', 'Date style'),
	(1, 'edition_digits', 'Digits'),
	(1, 'edition_digits_latn', 'Latin (0123)'),
	(1, 'edition_digits_arab', 'Arabic-Indic (٠١٢٣)'),
	(1, 'edition_digits_arabext', 'Persian (۰۱۲۳)'),
	(1, 'edition_enabled', 'Enabled: served under its prefix'),
	(1, 'edition_position', 'Position in the Editions menu'),
	(1, 'edition_strings', 'Interface strings'),
	(1, 'edition_strings_hint', 'A new edition shows the English interface until i18n/CODE.tsv, built into the program, translates it, or until you write its strings here.'),
	(1, 'edition_strings_edit', 'Edit the interface strings'),
	(1, 'edition_strings_find', 'Words in the key or the text'),
	(1, 'edition_strings_more', 'More strings match: give more words to find the others.'),
	(1, 'edition_strings_edited', 'yours: the translation files leave it as it is'),
	(1, 'edition_strings_empty', 'Empty a field to give it back to the translation files.'),
	(1, 'edition_string_key', 'Key'),
	(1, 'edition_string_english', 'English'),
	(1, 'edition_string_value', 'Text'),
	(1, 'error_edition_string', 'A text is one line of at most 1000 bytes, without control characters, for a key of this edition; nothing was saved.'),
	(1, 'edition_added', 'Edition added.'),
	(1, 'error_edition_code', 'A code is 2 to 12 lower-case letters, digits and dashes, starting with a letter, and must be free.'),
	(1, 'error_edition_prefix', 'A prefix is 2 to 12 lower-case letters, digits and dashes, must be free, and may not be one of the site''s own first path segments or a page''s slug.'),
	(1, 'error_edition_default', 'The default edition is served at / and cannot be disabled.'),
	(1, 'error_edition_name', 'A name and a site name are needed (at most 100 characters each).'),
	(1, 'error_edition_lang', 'Give a language tag such as de or pt-BR.'),
	(1, 'error_edition_choice', 'Choose one of the listed values.'),
	(1, 'error_editions', 'Some fields are not valid; nothing was saved.'),
	(1, 'date_style_mdy', 'May 13, 2020'),
	(1, 'date_style_dmy', '13 May 2020'),
	(1, 'date_style_ymd', '2020 May 13');
INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'menu_editions_hint', 'The address #editions makes an item that lists every enabled edition, each linking to its home page.');
