-- 024_archives.sql: author archives (/author/SLUG) and what they need.
--
-- An author's address is made from the account's login name as WordPress
-- makes user_nicename from the login: lower case, with '.', '_' and '@'
-- (the other characters a name may hold besides [A-Za-z0-9-]) made '-',
-- runs of '-' made one, none at either end: "Jane.Doe" is "jane-doe".
-- A name that leaves nothing ("...") is "author-ID"; a slug another
-- account already has gets "-ID" after it.  Names never change, so an
-- author's address does not either.  The slug is set by the triggers
-- below for every way an account is made (the admin's form, the command
-- line, the WordPress import), and once here for the accounts there are.
ALTER TABLE users ADD COLUMN slug TEXT;
CREATE UNIQUE INDEX users_slug ON users(slug);

CREATE TRIGGER users_slug_insert AFTER INSERT ON users
BEGIN
	UPDATE users SET slug = (SELECT CASE
		WHEN s = '' THEN 'author-' || NEW.id
		WHEN EXISTS (SELECT 1 FROM users o WHERE o.slug = s
			AND o.id != NEW.id) THEN s || '-' || NEW.id
		ELSE s END
		FROM (SELECT trim(replace(replace(replace(replace(replace(
			replace(lower(replace(replace(replace(NEW.name, '.',
			'-'), '_', '-'), '@', '-')), '--', '-'), '--', '-'),
			'--', '-'), '--', '-'), '--', '-'), '--', '-'), '-')
			AS s))
	WHERE id = NEW.id;
END;

CREATE TRIGGER users_slug_rename AFTER UPDATE OF name ON users
BEGIN
	UPDATE users SET slug = NULL WHERE id = NEW.id;
	UPDATE users SET slug = (SELECT CASE
		WHEN s = '' THEN 'author-' || NEW.id
		WHEN EXISTS (SELECT 1 FROM users o WHERE o.slug = s
			AND o.id != NEW.id) THEN s || '-' || NEW.id
		ELSE s END
		FROM (SELECT trim(replace(replace(replace(replace(replace(
			replace(lower(replace(replace(replace(NEW.name, '.',
			'-'), '_', '-'), '@', '-')), '--', '-'), '--', '-'),
			'--', '-'), '--', '-'), '--', '-'), '--', '-'), '-')
			AS s))
	WHERE id = NEW.id;
END;

-- The accounts there are, oldest first (the older keeps the plain slug).
UPDATE users SET name = name;

-- An author's archive reads the index alone, newest first.
CREATE INDEX articles_author
	ON articles(author_id, edition_id, state, published_at DESC, id DESC);

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'author_archive', 'Articles by {name}');
