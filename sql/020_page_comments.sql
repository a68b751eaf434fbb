-- 020_page_comments.sql: comments under pages as well as articles.
--
-- WordPress lets readers comment on pages (its "Allow comments" box in a
-- page's Discussion panel), and its exports carry those comments: an
-- import that dropped them would lose what readers wrote.  A comment now
-- hangs under exactly one article or one page.  Pages' comments are
-- closed unless the editor opens them (WordPress's default for new pages);
-- they never close by age (comments_close_after_days is about articles,
-- as WordPress's "close comments on posts older than").  Pages keep no
-- count: no listing shows one.
--
-- SQLite cannot drop a column's NOT NULL, so the table is rebuilt as its
-- documentation describes (migrate.c switches foreign keys off meanwhile);
-- the triggers and indexes of 013 are made again, the count triggers
-- unchanged: a page's comment has no article_id, so they change nothing.

ALTER TABLE pages ADD COLUMN comments_open INTEGER NOT NULL DEFAULT 0
	CHECK (comments_open IN (0, 1));

CREATE TABLE comments_new (
	id INTEGER PRIMARY KEY,
	article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
	page_id INTEGER REFERENCES pages(id) ON DELETE CASCADE,
	parent_id INTEGER REFERENCES comments_new(id) ON DELETE SET NULL,
	author_name TEXT NOT NULL,
	author_email TEXT NOT NULL DEFAULT '',
	author_url TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN
		('pending', 'approved', 'spam', 'trash')),
	reason TEXT NOT NULL DEFAULT '',
	ip_hash BLOB CHECK (ip_hash IS NULL OR length(ip_hash) = 16),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK (parent_id IS NULL OR parent_id != id),
	CHECK ((article_id IS NULL) != (page_id IS NULL))
) STRICT;
INSERT INTO comments_new (id, article_id, page_id, parent_id, author_name,
	author_email, author_url, body, state, reason, ip_hash, created_at,
	updated_at)
	SELECT id, article_id, NULL, parent_id, author_name, author_email,
		author_url, body, state, reason, ip_hash, created_at,
		updated_at
	FROM comments;
DROP TABLE comments;
ALTER TABLE comments_new RENAME TO comments;

CREATE INDEX comments_article ON comments(article_id, state, created_at, id)
	WHERE article_id IS NOT NULL;
CREATE INDEX comments_page ON comments(page_id, state, created_at, id)
	WHERE page_id IS NOT NULL;
CREATE INDEX comments_state ON comments(state, created_at DESC, id DESC);
CREATE INDEX comments_parent ON comments(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_author ON comments(author_email COLLATE NOCASE,
	author_name) WHERE state = 'approved';
CREATE INDEX comments_updated ON comments(updated_at)
	WHERE state IN ('spam', 'trash');

CREATE TRIGGER comments_count_insert AFTER INSERT ON comments
	WHEN NEW.state = 'approved' AND NEW.article_id IS NOT NULL
BEGIN
	UPDATE articles SET comment_count = comment_count + 1
		WHERE id = NEW.article_id;
END;
CREATE TRIGGER comments_count_delete AFTER DELETE ON comments
	WHEN OLD.state = 'approved' AND OLD.article_id IS NOT NULL
BEGIN
	UPDATE articles SET comment_count = comment_count - 1
		WHERE id = OLD.article_id;
END;
CREATE TRIGGER comments_count_update AFTER UPDATE OF state, article_id
	ON comments
	WHEN (OLD.state = 'approved') != (NEW.state = 'approved')
		OR OLD.article_id IS NOT NEW.article_id
BEGIN
	UPDATE articles SET comment_count = comment_count - 1
		WHERE id = OLD.article_id AND OLD.state = 'approved';
	UPDATE articles SET comment_count = comment_count + 1
		WHERE id = NEW.article_id AND NEW.state = 'approved';
END;

-- The queue names what a comment is under, an article or a page.
UPDATE edition_strings SET value = 'On'
	WHERE edition_id = 1 AND key = 'cmt_article' AND value = 'Article';
UPDATE edition_strings SET value = 'See it on the site'
	WHERE edition_id = 1 AND key = 'cmt_view_public'
	AND value = 'See it on the article';
UPDATE edition_strings SET value = 'Words in the name, email, text or title'
	WHERE edition_id = 1 AND key = 'cmt_search_label'
	AND value = 'Words in the name, email, text or article title';
UPDATE edition_strings SET value = 'The comment you replied to is no longer shown. Your text is kept below: you may post it as a comment on the page.'
	WHERE edition_id = 1 AND key = 'comment_parent_gone'
	AND value LIKE 'The comment you replied to is no longer shown.%';
UPDATE edition_strings SET value = 'Comments here are closed, so your comment was not posted.'
	WHERE edition_id = 1 AND key = 'comments_closed_post'
	AND value = 'Comments on this article are closed, so your comment was not posted.';
