-- 027_author_slugs.sql: an author's address is made from their display
-- name, not from their login.
--
-- 024 made /author/SLUG from the login name, as WordPress makes
-- user_nicename, and so published every author's login: half of what a
-- password guesser needs.  The slug is now slug(display_name) (the SQL
-- function of src/db/sql_functions.c, util/slug.c's rules, so an Arabic
-- or Farsi name stays readable), "author-ID" when nothing is left of it,
-- with "-ID" after it when another account has it already.  It is made
-- once, when the account is, and does not follow later changes of the
-- display name (nor of the login), so an author's address never changes.
DROP TRIGGER users_slug_insert;
DROP TRIGGER users_slug_rename;

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

-- The accounts there are get theirs the same way, oldest first (the
-- older keeps the plain slug), through a trigger of this migration's
-- own; their old addresses, and their feeds', lead to the new ones in
-- every edition.
CREATE TEMP TABLE old_author_slugs AS SELECT id, slug FROM users;
UPDATE users SET slug = NULL;
CREATE TEMP TRIGGER users_slug_again AFTER UPDATE OF display_name ON users
BEGIN
	UPDATE users SET slug = (SELECT CASE
		WHEN s = '' THEN 'author-' || NEW.id
		WHEN EXISTS (SELECT 1 FROM users o WHERE o.slug = s
			AND o.id != NEW.id) THEN s || '-' || NEW.id
		ELSE s END
		FROM (SELECT slug(NEW.display_name) AS s))
	WHERE id = NEW.id;
END;
UPDATE users SET display_name = display_name;
DROP TRIGGER users_slug_again;

CREATE TEMP TABLE author_moves AS
SELECT p.base || o.slug || p.tail AS old_path,
	p.base || u.slug || p.tail AS new_path
FROM old_author_slugs o JOIN users u USING (id)
JOIN (SELECT CASE prefix WHEN '' THEN '' ELSE '/' || prefix END
		|| '/author/' AS base, t.tail
	FROM editions,
	(SELECT '' AS tail UNION ALL SELECT '/feed.atom'
		UNION ALL SELECT '/feed.rss') t) p
WHERE o.slug IS NOT NULL AND o.slug != u.slug;
-- A new address is no old one any more; an old one that led to a moved
-- address (a WordPress author's, from the importer) leads to its new
-- place in one step.
DELETE FROM redirects WHERE path IN (SELECT new_path FROM author_moves);
UPDATE redirects SET url = (SELECT new_path FROM author_moves
		WHERE old_path = redirects.url)
	WHERE kind = 'url' AND url IN (SELECT old_path FROM author_moves);
INSERT OR IGNORE INTO redirects (path, kind, url, created_at)
	SELECT old_path, 'url', new_path, unixepoch() FROM author_moves;
DROP TABLE author_moves;
DROP TABLE old_author_slugs;
