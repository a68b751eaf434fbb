-- 001_init.sql: the core schema.  Never edited once released: later changes
-- go in new numbered files.  Times are Unix seconds in UTC.

CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES
	('base_url', 'http://127.0.0.1:8080'),
	('timezone', 'UTC'),
	('social_facebook', ''),
	('social_twitter', ''),
	('social_instagram', ''),
	('social_youtube', ''),
	('upload_max_bytes', '16777216');

-- An edition is a language version of the whole site, served under its
-- prefix ('' for the default edition at /).
CREATE TABLE editions (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	prefix TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	lang TEXT NOT NULL,
	dir TEXT NOT NULL CHECK (dir IN ('ltr', 'rtl')),
	site_name TEXT NOT NULL,
	tagline TEXT NOT NULL DEFAULT '',
	date_style TEXT NOT NULL DEFAULT 'mdy' CHECK (date_style IN ('mdy', 'dmy', 'ymd')),
	digits TEXT NOT NULL DEFAULT 'latn' CHECK (digits IN ('latn', 'arab', 'arabext')),
	enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
	position INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO editions (id, code, prefix, name, lang, dir, site_name, date_style, digits, enabled, position) VALUES
	(1, 'en', '', 'English', 'en', 'ltr', 'Gazette', 'mdy', 'latn', 1, 0),
	(2, 'ar', 'ar', 'عربي', 'ar', 'rtl', 'Gazette', 'dmy', 'arab', 0, 1),
	(3, 'fa', 'fa', 'فارسی', 'fa', 'rtl', 'Gazette', 'dmy', 'arabext', 0, 2),
	(4, 'sq', 'sq', 'Shqip', 'sq', 'ltr', 'Gazette', 'dmy', 'latn', 0, 3);

-- Interface text per edition: templates show {{t.key}}.
CREATE TABLE edition_strings (
	edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (edition_id, key)
) STRICT, WITHOUT ROWID;

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'newer_posts', 'Newer Posts'),
	(1, 'older_posts', 'Older Posts'),
	(1, 'recent_posts', 'Recent Posts'),
	(1, 'read_more', 'Read more'),
	(1, 'by', 'By'),
	(1, 'tags', 'Tags'),
	(1, 'category', 'Category'),
	(1, 'tag', 'Tag'),
	(1, 'page_n', 'Page'),
	(1, 'menu', 'Menu'),
	(1, 'skip_to_content', 'Skip to content'),
	(1, 'back_to_top', 'Back to top'),
	(1, 'previous_article', 'Previous article'),
	(1, 'next_article', 'Next article'),
	(1, 'no_articles', 'Nothing has been published here yet.'),
	(1, 'not_found_title', 'Page not found'),
	(1, 'not_found_text', 'The page you asked for does not exist or has moved.'),
	(1, 'bad_request_title', 'Bad request'),
	(1, 'bad_request_text', 'The request could not be understood.'),
	(1, 'method_title', 'Method not allowed'),
	(1, 'method_text', 'This address does not accept that kind of request.'),
	(1, 'error_title', 'Something went wrong'),
	(1, 'error_text', 'The server could not answer this request. Please try again later.'),
	(1, 'home', 'Home'),
	(1, 'month_1', 'January'), (1, 'month_2', 'February'),
	(1, 'month_3', 'March'), (1, 'month_4', 'April'),
	(1, 'month_5', 'May'), (1, 'month_6', 'June'),
	(1, 'month_7', 'July'), (1, 'month_8', 'August'),
	(1, 'month_9', 'September'), (1, 'month_10', 'October'),
	(1, 'month_11', 'November'), (1, 'month_12', 'December');

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE COLLATE NOCASE,
	display_name TEXT NOT NULL,
	email TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'moderator')),
	password_hash TEXT NOT NULL,
	totp_secret BLOB,
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at INTEGER NOT NULL
) STRICT;

-- Categories nest through parent_id; an archive shows its descendants too.
CREATE TABLE categories (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	parent_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL DEFAULT 0,
	UNIQUE (edition_id, slug)
) STRICT;
CREATE INDEX categories_parent ON categories(parent_id);

CREATE TABLE tags (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	UNIQUE (edition_id, slug)
) STRICT;

-- body_md is the source; body_html its rendering, made once on save.
CREATE TABLE articles (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	excerpt TEXT NOT NULL DEFAULT '',
	body_md TEXT NOT NULL DEFAULT '',
	body_html TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
		('draft', 'pending', 'scheduled', 'published', 'private', 'trash')),
	author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
	published_at INTEGER,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (edition_id, slug),
	CHECK (state NOT IN ('scheduled', 'published') OR published_at IS NOT NULL)
) STRICT;
CREATE INDEX articles_listing ON articles(edition_id, state, published_at DESC, id DESC);
CREATE INDEX articles_category ON articles(category_id, state, published_at DESC, id DESC);
CREATE INDEX articles_scheduled ON articles(published_at) WHERE state = 'scheduled';

CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

-- Every save of an article keeps the previous version here.
CREATE TABLE revisions (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	title TEXT NOT NULL,
	excerpt TEXT NOT NULL,
	body_md TEXT NOT NULL,
	created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX revisions_article ON revisions(article_id, id);

CREATE TABLE pages (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	body_md TEXT NOT NULL DEFAULT '',
	body_html TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'trash')),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (edition_id, slug)
) STRICT;

-- Menus are data: a named menu per edition with nested items.
CREATE TABLE menus (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	name TEXT NOT NULL,
	UNIQUE (edition_id, name)
) STRICT;

CREATE TABLE menu_items (
	id INTEGER PRIMARY KEY,
	menu_id INTEGER NOT NULL REFERENCES menus(id) ON DELETE CASCADE,
	parent_id INTEGER REFERENCES menu_items(id) ON DELETE CASCADE,
	label TEXT NOT NULL,
	url TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX menu_items_menu ON menu_items(menu_id, parent_id, position);

INSERT INTO menus (id, edition_id, name) VALUES (1, 1, 'main');
INSERT INTO menu_items (menu_id, label, url, position) VALUES
	(1, 'Home', '/', 0);
