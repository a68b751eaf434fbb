-- 014_search.sql: the full-text index of published articles behind
-- /search, and the interface strings of the search box and page.
--
-- article_search is an external-content FTS5 table over articles (title
-- and body_md: the Markdown source is the article's text as its author
-- wrote it; the rendered HTML would index tag names and attributes).  It
-- uses the tokenizer "gazette" (src/db/search_tokenizer.c, the one fold
-- of src/util/fold.c), which every Gazette connection registers before it
-- touches the database; any other program writing articles must load
-- libgazette_fts.so first.
--
-- Only published articles are in the index: the triggers add a row when
-- an article is, or becomes, published, and take it out (FTS5's 'delete'
-- with the old values, as SQLite 3.40 has no contentless_delete) when it
-- was published and changes, leaves that state or is deleted.  So the
-- index always holds exactly the published rows' current text, and the
-- 'rebuild' command (which would index every row) must never be used;
-- the rows published now are added below instead.
CREATE VIRTUAL TABLE article_search USING fts5(
	title, body_md,
	content = 'articles', content_rowid = 'id',
	tokenize = 'gazette'
);

INSERT INTO article_search (rowid, title, body_md)
	SELECT id, title, body_md FROM articles WHERE state = 'published';

CREATE TRIGGER article_search_insert AFTER INSERT ON articles
WHEN new.state = 'published'
BEGIN
	INSERT INTO article_search (rowid, title, body_md)
		VALUES (new.id, new.title, new.body_md);
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles
WHEN old.state = 'published'
BEGIN
	INSERT INTO article_search (article_search, rowid, title, body_md)
		VALUES ('delete', old.id, old.title, old.body_md);
END;

CREATE TRIGGER article_search_update
AFTER UPDATE OF id, title, body_md, state ON articles
WHEN old.state = 'published' OR new.state = 'published'
BEGIN
	INSERT INTO article_search (article_search, rowid, title, body_md)
		SELECT 'delete', old.id, old.title, old.body_md
		WHERE old.state = 'published';
	INSERT INTO article_search (rowid, title, body_md)
		SELECT new.id, new.title, new.body_md
		WHERE new.state = 'published';
END;

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'search', 'Search'),
	(1, 'search_label', 'Search the site'),
	(1, 'search_results', 'Search results'),
	(1, 'search_none', 'No articles match your search.'),
	(1, 'search_prompt', 'Type one or more words to search the articles.'),
	(1, 'search_too_long', 'That search is too long. Please use fewer words.');
