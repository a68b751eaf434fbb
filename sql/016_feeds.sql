-- 016_feeds.sql: the feeds' settings (how many articles a feed carries,
-- whether it carries whole articles or their excerpts) and the words of
-- their part of /admin/settings.  The sitemaps and the head of the pages
-- need no schema.
INSERT OR IGNORE INTO settings (key, value) VALUES
	('feed_items', '20'),
	('feed_full_content', '0');

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'settings_feeds', 'Feeds'),
	(1, 'feed_items', 'Articles in each feed (1 to 100)'),
	(1, 'feed_full_content', 'Feeds carry whole articles (unticked: their excerpts only)');
