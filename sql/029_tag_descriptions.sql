-- 029_tag_descriptions.sql: a tag has a description as a category does
-- (WordPress's tag_description, imported from wp:tag_description),
-- edited in /admin/tags and shown at the head of the tag's archive and
-- in its meta description; and the heading of the term lists' count,
-- which counts published articles only, as WordPress's Count does.
ALTER TABLE tags ADD COLUMN description TEXT NOT NULL DEFAULT '';
INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'term_published', 'Published articles');
