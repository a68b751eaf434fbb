-- 032_character_limits.sql: the limits of a menu label, a row heading, a
-- category's or tag's name and description, and an edition's string are
-- counted in characters, as every other field's are, not in bytes: an
-- Arabic or Farsi letter takes two bytes in UTF-8, so such a limit gave
-- those editions half the letters it said.
UPDATE edition_strings SET value = replace(value, 'bytes', 'characters')
	WHERE edition_id = 1 AND key IN ('error_menu_label',
		'error_row_heading', 'error_term_name', 'error_term_description',
		'error_edition_string');
