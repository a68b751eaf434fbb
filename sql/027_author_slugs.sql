-- 027_author_slugs.sql: an author's address is made from their display
-- name, not from their login.
--
-- 024 made /author/SLUG from the login name, as WordPress makes
-- user_nicename, and so published every author's login: half of what a
-- password guesser needs.  The slug is now slug(display_name) (the SQL
-- function of src/db/sql_functions.c, util/slug.c's rules, so an Arabic
-- or Farsi name stays readable), "author-ID" when nothing is left of it,
-- with "-ID" after it when another account has it already.  It is made
-- when the account is, and does not follow later changes of the display
-- name (nor of the login); an admin may change it (/admin/users), and
-- the old address then leads to the new one.
DROP TRIGGER users_slug_insert;
DROP TRIGGER users_slug_rename;

-- Every form of an author's address in every edition: the archive and
-- its two feeds (base || slug || tail).
CREATE VIEW author_address_forms AS
SELECT CASE prefix WHEN '' THEN '' ELSE '/' || prefix END || '/author/'
		AS base, t.tail
	FROM editions,
	(SELECT '' AS tail UNION ALL SELECT '/feed.atom'
		UNION ALL SELECT '/feed.rss') t;

-- A new account's address, from its display name.  An old address that
-- is the same (another author's from a WordPress import, say) is kept:
-- the archive answers first when the new author has articles in the
-- edition, and the old address otherwise leads where it always did.
CREATE TRIGGER users_slug_insert AFTER INSERT ON users
BEGIN
	UPDATE users SET slug = (SELECT CASE
		WHEN s = '' THEN 'author-' || NEW.id
		WHEN EXISTS (SELECT 1 FROM users o WHERE o.slug = s
			AND o.id != NEW.id) THEN s || '-' || NEW.id
		ELSE s END
		FROM (SELECT slug(NEW.display_name) AS s))
	WHERE id = NEW.id;
END;

-- A changed address (an admin's choice in /admin/users, or the upgrade
-- below): the old one, in every form, leads to the new one (301); an old
-- address that led to the old one (a WordPress author's, from the
-- importer, or an earlier change) leads to the new one in one step; and
-- the new one is nobody's old address any more.
CREATE TRIGGER users_slug_moved AFTER UPDATE OF slug ON users
	WHEN OLD.slug IS NOT NULL AND NEW.slug IS NOT NULL
		AND OLD.slug != NEW.slug
BEGIN
	DELETE FROM redirects WHERE path IN
		(SELECT base || NEW.slug || tail FROM author_address_forms);
	UPDATE redirects SET url = (SELECT f.base || NEW.slug || f.tail
			FROM author_address_forms f
			WHERE f.base || OLD.slug || f.tail = redirects.url)
		WHERE kind = 'url' AND url IN (SELECT base || OLD.slug || tail
			FROM author_address_forms);
	INSERT OR IGNORE INTO redirects (path, kind, url, created_at)
		SELECT base || OLD.slug || tail, 'url',
			base || NEW.slug || tail, unixepoch()
		FROM author_address_forms;
END;

-- The accounts there are get theirs the same way, the oldest keeping the
-- plain slug; a slug another account holds now (made from a login) is
-- given "-ID" too, so that no two accounts share one at any moment of
-- the update.  Worked out once, then written.
CREATE TEMP TABLE author_slugs AS
SELECT id, CASE
		WHEN s = '' THEN 'author-' || id
		WHEN row_number() OVER (PARTITION BY s ORDER BY id) > 1
			OR EXISTS (SELECT 1 FROM users o WHERE o.slug = s
				AND o.id != u.id) THEN s || '-' || id
		ELSE s END AS slug
	FROM (SELECT id, slug(display_name) AS s FROM users) u;
UPDATE users SET slug = (SELECT n.slug FROM author_slugs n
	WHERE n.id = users.id);
DROP TABLE author_slugs;

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'author_address', 'Author address'),
	(1, 'set_address', 'Change address'),
	(1, 'error_user_slug', 'An author address is lower-case letters, digits and single dashes (as in /author/jane-doe), and must be free. The old address will lead to the new one.');
