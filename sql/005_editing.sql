-- 005_editing.sql: what editing articles needs: a version number for
-- optimistic concurrency (a save names the version it started from and is
-- refused when another save came first), who saved last, when an article
-- went to the trash, and the slugs an article used to have (their URLs
-- answer 301 to the current one).

ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1
	CHECK (version >= 1);
ALTER TABLE articles ADD COLUMN updated_by INTEGER
	REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN trashed_at INTEGER;

CREATE TABLE old_slugs (
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	slug TEXT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (edition_id, slug)
) STRICT, WITHOUT ROWID;

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'articles', 'Articles'),
	(1, 'new_article', 'New article'),
	(1, 'edit_article', 'Edit article'),
	(1, 'title', 'Title'),
	(1, 'slug', 'Slug (address)'),
	(1, 'slug_hint', 'Leave empty to make it from the title.'),
	(1, 'body', 'Body (Markdown)'),
	(1, 'excerpt', 'Excerpt'),
	(1, 'tags_hint', 'Tags, separated by commas'),
	(1, 'edition', 'Edition'),
	(1, 'state', 'State'),
	(1, 'publish_at', 'Publish at (site time)'),
	(1, 'save', 'Save'),
	(1, 'preview', 'Preview'),
	(1, 'all', 'All'),
	(1, 'search_titles', 'Search titles'),
	(1, 'filter', 'Filter'),
	(1, 'author', 'Author'),
	(1, 'edited_by', 'Last edited by'),
	(1, 'no_category', '(none)'),
	(1, 'state_draft', 'Draft'),
	(1, 'state_pending', 'Pending review'),
	(1, 'state_scheduled', 'Scheduled'),
	(1, 'state_published', 'Published'),
	(1, 'state_private', 'Private'),
	(1, 'state_trash', 'Trash'),
	(1, 'saved', 'Saved.'),
	(1, 'error_title_required', 'A title is needed.'),
	(1, 'error_slug', 'That slug is not valid: use letters, digits and single dashes.'),
	(1, 'error_slug_taken', 'Another article of this edition has that slug.'),
	(1, 'error_category', 'That category does not exist in this edition.'),
	(1, 'error_state', 'Your role may not put an article in that state.'),
	(1, 'error_publish_at', 'Give the date and time to publish at.'),
	(1, 'error_body', 'The body is too long or not valid text.'),
	(1, 'error_conflict', 'Someone else saved this article after you opened it. Your text is below; their version is now the current one.'),
	(1, 'error_image', 'No image in the media library has that address.');

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'users', 'Users'),
	(1, 'new_user', 'New user'),
	(1, 'display_name', 'Display name'),
	(1, 'role', 'Role'),
	(1, 'sessions', 'Sessions'),
	(1, 'disabled', 'Disabled'),
	(1, 'disable', 'Disable'),
	(1, 'enable', 'Enable'),
	(1, 'change_role', 'Change role'),
	(1, 'reset_password', 'Set password'),
	(1, 'create', 'Create'),
	(1, 'your_account', 'Your account'),
	(1, 'change_password', 'Change password'),
	(1, 'current_password', 'Current password'),
	(1, 'new_password', 'New password (12 to 128 characters)'),
	(1, 'your_sessions', 'Where you are signed in'),
	(1, 'this_session', 'this one'),
	(1, 'end_session', 'End'),
	(1, 'last_seen', 'Last seen'),
	(1, 'audit_log', 'Audit log'),
	(1, 'when', 'When'),
	(1, 'who', 'Who'),
	(1, 'what', 'What'),
	(1, 'address', 'Address'),
	(1, 'error_user_name', 'A name is 1 to 64 letters, digits or . _ @ -, and must be free.'),
	(1, 'error_role', 'Choose one of the roles.'),
	(1, 'error_password', 'A password has 12 to 128 characters.'),
	(1, 'error_current_password', 'The current password is not right.'),
	(1, 'error_self', 'You cannot disable your own account or change your own role.');

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'featured_image', 'Featured image (/uploads/…)');

INSERT INTO settings (key, value) VALUES
	('posts_per_page', '10'),
	('footer_text', '');

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'settings', 'Settings'),
	(1, 'site_name', 'Site name'),
	(1, 'tagline', 'Tagline'),
	(1, 'base_url', 'Base URL (https://example.org)'),
	(1, 'timezone', 'Time zone (e.g. Europe/Tirane)'),
	(1, 'posts_per_page', 'Articles per page (1 to 50)'),
	(1, 'footer_text', 'Footer text'),
	(1, 'social_links', 'Social links (https:// addresses, or empty)'),
	(1, 'error_settings', 'Some settings were not valid; nothing was saved.');

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'session_expired', 'Your session ended before you sent that form. Sign in again: what you wrote is kept and you can send it again.'),
	(1, 'kept_title', 'Your form was kept'),
	(1, 'kept_text', 'You are signed in again. Send the form you wrote before your session ended, or leave it.'),
	(1, 'kept_send', 'Send it again'),
	(1, 'kept_discard', 'Leave it');
