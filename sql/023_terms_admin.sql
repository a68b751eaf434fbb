-- 023_terms_admin.sql: the interface strings of the categories and tags
-- pages (/admin/categories, /admin/tags: admin_terms.c).  No schema
-- change: categories, tags and article_tags are 001's, and a renamed
-- term's old addresses go to 018's redirects table.
INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'term_categories', 'Categories'),
	(1, 'term_category_new', 'Add a category'),
	(1, 'term_category_edit', 'Edit category'),
	(1, 'term_tag_new', 'Add a tag'),
	(1, 'term_tag_edit', 'Edit tag'),
	(1, 'term_name', 'Name'),
	(1, 'term_parent', 'Parent category'),
	(1, 'term_no_parent', '(none: a top category)'),
	(1, 'term_description', 'Description'),
	(1, 'term_none', 'None yet in this edition.'),
	(1, 'term_slug_hint', 'Leave empty to make it from the name. After a change of slug the old address leads to the new one.'),
	(1, 'term_back', 'Back to the list'),
	(1, 'term_category_delete_hint', 'Deleting a category leaves its articles without a category and moves its subcategories up to its parent.'),
	(1, 'term_tag_delete_hint', 'Deleting a tag takes it off its articles; the articles stay.'),
	(1, 'term_articles_now', 'Articles using it:'),
	(1, 'term_deleted', 'Deleted.'),
	(1, 'error_term_name', 'Give a name of 1 to 200 bytes, on one line.'),
	(1, 'error_term_slug', 'Give a slug of letters, digits and single hyphens, or leave it empty to make it from the name.'),
	(1, 'error_term_slug_taken', 'Another one of this edition has that slug.'),
	(1, 'error_term_parent', 'Choose a parent category of the same edition that is neither this category nor one below it.'),
	(1, 'error_term_description', 'The description is too long (at most 2000 bytes).');
