-- 007_pages_menu.sql: what the pages editor and the menu editor need.
-- Pages get what articles got in 005: a version for optimistic
-- concurrency (a save names the version it started from and is refused
-- when another save came first), who saved last, when a page went to the
-- trash (the timer empties it after 30 days), a revision per save, and the
-- slugs a page used to have (their URLs answer 301 to the current one).

ALTER TABLE pages ADD COLUMN version INTEGER NOT NULL DEFAULT 1
	CHECK (version >= 1);
ALTER TABLE pages ADD COLUMN updated_by INTEGER
	REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE pages ADD COLUMN trashed_at INTEGER;

CREATE TABLE page_revisions (
	id INTEGER PRIMARY KEY,
	page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	title TEXT NOT NULL,
	body_md TEXT NOT NULL,
	created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX page_revisions_page ON page_revisions(page_id, id);

CREATE TABLE page_old_slugs (
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	slug TEXT NOT NULL,
	page_id INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
	PRIMARY KEY (edition_id, slug)
) STRICT, WITHOUT ROWID;

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'pages', 'Pages'),
	(1, 'new_page', 'New page'),
	(1, 'edit_page', 'Edit page'),
	(1, 'last_edit', 'Last edit'),
	(1, 'view_public', 'View'),
	(1, 'error_page_slug_taken', 'Another page of this edition has that slug.'),
	(1, 'error_slug_reserved', 'That slug is the first part of one of the site''s own addresses (such as /admin or /articles): choose another.'),
	(1, 'error_page_state', 'Choose draft, published or trash.'),
	(1, 'error_edition', 'Choose one of the editions.'),
	(1, 'error_page_conflict', 'Someone else saved this page after you opened it. Your text is below; their version is now the current one.'),
	(1, 'menu_editor', 'Main menu'),
	(1, 'menu_hint', 'One level of sub-items: choose a top item as the parent. Items are shown by position, lowest first. Fill in an empty row to add an item. Deleting an item moves its sub-items up to the top level.'),
	(1, 'menu_label', 'Label'),
	(1, 'menu_url', 'Address (/path or https://…)'),
	(1, 'menu_parent', 'Parent'),
	(1, 'menu_position', 'Position'),
	(1, 'menu_delete', 'Delete'),
	(1, 'menu_top_level', '(top level)'),
	(1, 'menu_new_item', 'New item'),
	(1, 'menu_full', 'The menu holds as many items as this form can carry; delete one to add another.'),
	(1, 'menu_show', 'Show'),
	(1, 'error_menu', 'Some rows are not valid; nothing was saved.'),
	(1, 'error_menu_label', 'A label is needed (at most 200 bytes).'),
	(1, 'error_menu_url', 'Give a site path starting with / or an http(s):// address, without spaces or quotes.'),
	(1, 'error_menu_parent', 'The parent must be another item at the top level.'),
	(1, 'error_menu_position', 'The position is a whole number from 0 to 9999.'),
	(1, 'error_menu_conflict', 'Someone else changed the menu after you opened it. Here is the current menu; make your change again.');
