-- 003_article_columns.sql: articles rebuilt with the Markdown source and
-- the rendered body as the last columns.  SQLite keeps a row's first bytes
-- in the table's page and the rest in overflow pages; with the bodies in
-- the middle, every listing read each row's overflow chain to reach its
-- state, category or date.  Also indexes for the newest change per edition.
-- (migrate.c runs migrations with foreign keys off and checks them before
-- committing, so dropping the old table deletes nothing that refers to it.)

CREATE TABLE articles_new (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	excerpt TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
		('draft', 'pending', 'scheduled', 'published', 'private', 'trash')),
	author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
	featured_media_id INTEGER REFERENCES media(id) ON DELETE SET NULL,
	comment_count INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
	published_at INTEGER,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	body_md TEXT NOT NULL DEFAULT '',
	body_html TEXT NOT NULL DEFAULT '',
	UNIQUE (edition_id, slug),
	CHECK (state NOT IN ('scheduled', 'published') OR published_at IS NOT NULL)
) STRICT;

INSERT INTO articles_new (id, edition_id, slug, title, excerpt, state,
	author_id, category_id, featured_media_id, comment_count, published_at,
	created_at, updated_at, body_md, body_html)
SELECT id, edition_id, slug, title, excerpt, state, author_id, category_id,
	featured_media_id, comment_count, published_at, created_at, updated_at,
	body_md, body_html
FROM articles;

DROP TABLE articles;
ALTER TABLE articles_new RENAME TO articles;

CREATE INDEX articles_listing ON articles(edition_id, state, published_at DESC, id DESC);
CREATE INDEX articles_category ON articles(category_id, state, published_at DESC, id DESC);
CREATE INDEX articles_scheduled ON articles(published_at) WHERE state = 'scheduled';
CREATE INDEX articles_changed ON articles(edition_id, state, updated_at);
CREATE INDEX pages_changed ON pages(edition_id, state, updated_at);
