-- 018_import.sql: what `gazette import-wxr` (a WordPress export) needs.
--
-- Imported bodies are HTML, not Markdown: body_format says which source
-- an article or page has.  For 'html' rows body_md holds the sanitised
-- HTML (the source the editor shows) and body_html the same HTML; a save
-- from the editor sanitises it again instead of running cmark.
--
-- sticky keeps WordPress's "stick to the front page" flag.  The site
-- shows articles newest first everywhere (a news site's front page is a
-- chronology); the flag is kept so that nothing in the export is lost.
ALTER TABLE articles ADD COLUMN body_format TEXT NOT NULL DEFAULT 'markdown'
	CHECK (body_format IN ('markdown', 'html'));
ALTER TABLE articles ADD COLUMN sticky INTEGER NOT NULL DEFAULT 0
	CHECK (sticky IN (0, 1));
ALTER TABLE pages ADD COLUMN body_format TEXT NOT NULL DEFAULT 'markdown'
	CHECK (body_format IN ('markdown', 'html'));

-- What each imported WordPress object became, so that running the same
-- import again updates rows in place instead of adding them twice.
--   source    the exporting site (wp:base_site_url, else the channel's
--             link), so two sites' post 12 stay apart;
--   kind      what it is here;
--   wp_key    WordPress's key: a post id (or the guid when an export
--             has no ids), a term's slug, an author's login, a comment
--             id as "post:comment", a menu item as "menu:post id" (the
--             theme test data repeats menu item ids across menus);
--   local_id  the row here; NULL for an attachment whose file was not
--             given (--uploads-from): url keeps its old address and the
--             summary lists it as missing;
--   note      what the import had to change (a password-protected post
--             brought in as a draft).
-- local_id is not a foreign key: it names rows of several tables.  A row
-- deleted here since the last import is made again.
CREATE TABLE import_map (
	source TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('user', 'category', 'tag',
		'article', 'page', 'media', 'comment', 'menu_item')),
	wp_key TEXT NOT NULL,
	local_id INTEGER,
	url TEXT NOT NULL DEFAULT '',
	note TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (source, kind, wp_key)
) STRICT, WITHOUT ROWID;

-- Old addresses that answer 301: path is percent-decoded, without a
-- trailing slash ('/2020/01/02/hello', '/?p=12', '/category/a/b'); the
-- target is a row (its current address is read at each request, so a
-- later change of slug is followed; articles and pages only while
-- published), or, for kind 'url', the fixed path in url.  A category's
-- row with url 'feed' leads to that category's feed.  The router looks
-- here only when no route matched (and for paths ending in '/').
CREATE TABLE redirects (
	path TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('article', 'page', 'category',
		'tag', 'media', 'url')),
	target_id INTEGER,
	url TEXT NOT NULL DEFAULT '',
	created_at INTEGER NOT NULL,
	CHECK ((kind = 'url') = (target_id IS NULL))
) STRICT, WITHOUT ROWID;

-- Imported authors are disabled accounts with no password (password_hash
-- '', which no login verifies).  Setting a password in /admin/users
-- enables the account: that is the admin's decision to let them in.
CREATE TRIGGER users_first_password AFTER UPDATE OF password_hash ON users
	WHEN OLD.password_hash = '' AND NEW.password_hash != ''
BEGIN
	UPDATE users SET disabled = 0 WHERE id = NEW.id;
END;

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'body_html_source', 'Body (HTML from the WordPress import: cleaned again when saved)');
