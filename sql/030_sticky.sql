-- 030_sticky.sql: sticky articles.  018 kept WordPress's "stick to the
-- front page" flag without using it; the home page now lists the sticky
-- articles of its edition first, newest first, then the others
-- (content_db.c), and editors and admins set it in the article editor.
-- Other listings and the feeds stay in order of publication.
CREATE INDEX articles_sticky ON articles(edition_id, published_at DESC)
	WHERE sticky = 1 AND state = 'published';

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'sticky_label', 'Pin to the top of the home page');
