-- 026_logo.sql: the site's logo, shown in the header instead of the
-- site's name (which stays its alternative text, in each edition's
-- words), and named in the JSON-LD of the organisation and of every
-- article's publisher.  The value is the address of an image of the media
-- library ("/uploads/…"); empty, the header shows the name as text.
INSERT INTO settings (key, value) VALUES ('logo', '');
INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'logo', 'Logo: the address of an image of the media library (/uploads/…), shown in the header instead of the name; empty for the name'),
	(1, 'error_logo', 'The logo must be the address of an image of the media library (/uploads/…), or empty.');
