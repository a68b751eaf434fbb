-- 022_plurals.sql: counts in each language's plural forms.
--
-- "3 comments" was a number and one of two words ('comment', 'comments',
-- and 'photos' whatever the count).  Arabic has six forms: لا تعليقات,
-- تعليق واحد, تعليقان, ٣ تعليقات, ١١ تعليقًا, ١٠٠ تعليق.  A count is now the
-- string n_NOUN_CATEGORY, CATEGORY the count's CLDR plural category in
-- the edition's language (src/util/plural.c), "{n}" standing for the
-- number in the edition's digits.  English uses one and other; the other
-- categories are here so that every edition has a row for each, for the
-- strings editor (a language that never uses one leaves it alone).
DELETE FROM edition_strings WHERE key IN ('comment', 'comments',
	'photos_count');
INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'n_comments_zero', '{n} comments'),
	(1, 'n_comments_one', '{n} comment'),
	(1, 'n_comments_two', '{n} comments'),
	(1, 'n_comments_few', '{n} comments'),
	(1, 'n_comments_many', '{n} comments'),
	(1, 'n_comments_other', '{n} comments'),
	(1, 'n_photos_zero', '{n} photos'),
	(1, 'n_photos_one', '{n} photo'),
	(1, 'n_photos_two', '{n} photos'),
	(1, 'n_photos_few', '{n} photos'),
	(1, 'n_photos_many', '{n} photos'),
	(1, 'n_photos_other', '{n} photos');
