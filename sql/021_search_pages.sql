-- 021_search_pages.sql: /search finds published pages as well as
-- published articles, in one list ranked together.
--
-- One index for both, so that bm25 compares them with the same document
-- count, term frequencies and average lengths: two indexes would give the
-- few pages of a site their own statistics (with one page, every word of
-- it is in every page and weighs nothing), and scores from the two could
-- not be sorted together.  site_search replaces 014's article_search: an
-- external-content FTS5 table (title, body_md; the tokenizer "gazette")
-- over the view search_docs, whose doc is an article's id or a page's id
-- negated (ids are positive: SQLite assigns them from 1).  FTS5 reads a
-- row's text (for highlight and snippet) through
-- "SELECT ... FROM search_docs WHERE doc = ?", which SQLite pushes into
-- both arms of the view: the articles' primary key, and the index
-- pages_search_doc on -id.
--
-- As in 014, only published rows are in the index: each table's triggers
-- add a row when it is, or becomes, published, and take it out (FTS5's
-- 'delete' with the old values) when it was published and changes, leaves
-- that state or is deleted.  The edition is not indexed: the query checks
-- it (and the state, and an article's time) through the row, so a row
-- moved to another edition is found only there.  Never use 'rebuild',
-- which would index every row of the view, drafts and trash included.
-- A migration that rebuilds articles or pages (the 12 steps of ALTER
-- TABLE) must drop search_docs first and create it again after.
DROP TRIGGER article_search_insert;
DROP TRIGGER article_search_delete;
DROP TRIGGER article_search_update;
DROP TABLE article_search;

CREATE INDEX pages_search_doc ON pages(-id);

CREATE VIEW search_docs (doc, title, body_md) AS
	SELECT id, title, body_md FROM articles
	UNION ALL
	SELECT -id, title, body_md FROM pages;

CREATE VIRTUAL TABLE site_search USING fts5(
	title, body_md,
	content = 'search_docs', content_rowid = 'doc',
	tokenize = 'gazette'
);

INSERT INTO site_search (rowid, title, body_md)
	SELECT id, title, body_md FROM articles WHERE state = 'published';
INSERT INTO site_search (rowid, title, body_md)
	SELECT -id, title, body_md FROM pages WHERE state = 'published';

CREATE TRIGGER article_search_insert AFTER INSERT ON articles
WHEN new.state = 'published'
BEGIN
	INSERT INTO site_search (rowid, title, body_md)
		VALUES (new.id, new.title, new.body_md);
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles
WHEN old.state = 'published'
BEGIN
	INSERT INTO site_search (site_search, rowid, title, body_md)
		VALUES ('delete', old.id, old.title, old.body_md);
END;

CREATE TRIGGER article_search_update
AFTER UPDATE OF id, title, body_md, state ON articles
WHEN old.state = 'published' OR new.state = 'published'
BEGIN
	INSERT INTO site_search (site_search, rowid, title, body_md)
		SELECT 'delete', old.id, old.title, old.body_md
		WHERE old.state = 'published';
	INSERT INTO site_search (rowid, title, body_md)
		SELECT new.id, new.title, new.body_md
		WHERE new.state = 'published';
END;

CREATE TRIGGER page_search_insert AFTER INSERT ON pages
WHEN new.state = 'published'
BEGIN
	INSERT INTO site_search (rowid, title, body_md)
		VALUES (-new.id, new.title, new.body_md);
END;

CREATE TRIGGER page_search_delete AFTER DELETE ON pages
WHEN old.state = 'published'
BEGIN
	INSERT INTO site_search (site_search, rowid, title, body_md)
		VALUES ('delete', -old.id, old.title, old.body_md);
END;

CREATE TRIGGER page_search_update
AFTER UPDATE OF id, title, body_md, state ON pages
WHEN old.state = 'published' OR new.state = 'published'
BEGIN
	INSERT INTO site_search (site_search, rowid, title, body_md)
		SELECT 'delete', -old.id, old.title, old.body_md
		WHERE old.state = 'published';
	INSERT INTO site_search (rowid, title, body_md)
		SELECT -new.id, new.title, new.body_md
		WHERE new.state = 'published';
END;

-- The words no longer say "articles" (an admin's own wording is kept;
-- the other editions' come from i18n/CODE.tsv).
UPDATE edition_strings SET value = 'Nothing matches your search.'
	WHERE edition_id = 1 AND key = 'search_none'
	AND value = 'No articles match your search.';
UPDATE edition_strings
	SET value = 'Type one or more words to search the site.'
	WHERE edition_id = 1 AND key = 'search_prompt'
	AND value = 'Type one or more words to search the articles.';
