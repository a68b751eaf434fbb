-- 002_media.sql: media items (the library the media issue builds on),
-- featured images on articles, and the count of approved comments that
-- listings show (kept by the comments feature; zero until it exists).

CREATE TABLE media (
	id INTEGER PRIMARY KEY,
	path TEXT NOT NULL UNIQUE, -- below the uploads folder: 'demo/harbour.jpg'
	mime TEXT NOT NULL,
	width INTEGER NOT NULL DEFAULT 0 CHECK (width >= 0),
	height INTEGER NOT NULL DEFAULT 0 CHECK (height >= 0),
	bytes INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0),
	alt TEXT NOT NULL DEFAULT '',
	caption TEXT NOT NULL DEFAULT '',
	uploaded_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	created_at INTEGER NOT NULL
) STRICT;

ALTER TABLE articles ADD COLUMN featured_media_id INTEGER
	REFERENCES media(id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0
	CHECK (comment_count >= 0);

-- Interface text for what listings and articles now show.
INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'comment', 'comment'),
	(1, 'comments', 'comments'),
	(1, 'share', 'Share'),
	(1, 'share_on', 'Share on'),
	(1, 'share_by_email', 'Share by email'),
	(1, 'email', 'Email'),
	(1, 'follow_us', 'Follow us'),
	(1, 'main_menu', 'Main menu'),
	(1, 'open_menu', 'Menu');
