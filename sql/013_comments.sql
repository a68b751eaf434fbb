-- 013_comments.sql: readers' comments under articles, the switches that
-- close them, and the count that listings show.
--
-- A comment is plain text as the reader typed it: every page escapes it,
-- and only its http(s) addresses become links (rel="nofollow ugc"); never
-- Markdown or HTML.  The columns follow what a WordPress export (WXR)
-- holds, so that the importer can bring comments with their threads and
-- states:
--   parent_id    the comment it answers (of the same article), NULL for
--                a comment on the article itself; any depth is stored,
--                pages show three levels;
--   state        pending (waits for a moderator), approved (shown), spam,
--                trash: WordPress's comment_approved 0, 1, 'spam', 'trash';
--   reason       why the form did not approve it: 'new commenter',
--                'links' (more than two), 'honeypot', 'too fast'; '' for
--                imports;
--   author_email kept for moderators only (never shown publicly) and to
--                know a returning commenter: one with an approved comment
--                under the same name and address is approved at once;
--   author_url   only imports bring one (the form asks for none);
--   created_at   the comment's time in UTC (WordPress's comment_date_gmt);
--   ip_hash      as messages.ip_hash: a keyed hash under the day's key.
CREATE TABLE comments (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	parent_id INTEGER REFERENCES comments(id) ON DELETE SET NULL,
	author_name TEXT NOT NULL,
	author_email TEXT NOT NULL DEFAULT '',
	author_url TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN
		('pending', 'approved', 'spam', 'trash')),
	reason TEXT NOT NULL DEFAULT '',
	ip_hash BLOB CHECK (ip_hash IS NULL OR length(ip_hash) = 16),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	CHECK (parent_id IS NULL OR parent_id != id)
) STRICT;
-- An article's approved comments in order (its page); the queue by state,
-- newest first; replies of a comment (the foreign key's SET NULL); the
-- approved comments of a commenter (the approval rule); the timer's purge.
CREATE INDEX comments_article ON comments(article_id, state, created_at, id);
CREATE INDEX comments_state ON comments(state, created_at DESC, id DESC);
CREATE INDEX comments_parent ON comments(parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_author ON comments(author_email COLLATE NOCASE,
	author_name) WHERE state = 'approved';
CREATE INDEX comments_updated ON comments(updated_at)
	WHERE state IN ('spam', 'trash');

-- articles.comment_count (002_media.sql) is the number of approved
-- comments, kept by these triggers in the transaction of every change,
-- whoever writes (the form, the queue, an import).
UPDATE articles SET comment_count = 0 WHERE comment_count != 0;
CREATE TRIGGER comments_count_insert AFTER INSERT ON comments
	WHEN NEW.state = 'approved'
BEGIN
	UPDATE articles SET comment_count = comment_count + 1
		WHERE id = NEW.article_id;
END;
CREATE TRIGGER comments_count_delete AFTER DELETE ON comments
	WHEN OLD.state = 'approved'
BEGIN
	UPDATE articles SET comment_count = comment_count - 1
		WHERE id = OLD.article_id;
END;
CREATE TRIGGER comments_count_update AFTER UPDATE OF state, article_id
	ON comments
	WHEN (OLD.state = 'approved') != (NEW.state = 'approved')
		OR OLD.article_id != NEW.article_id
BEGIN
	UPDATE articles SET comment_count = comment_count - 1
		WHERE id = OLD.article_id AND OLD.state = 'approved';
	UPDATE articles SET comment_count = comment_count + 1
		WHERE id = NEW.article_id AND NEW.state = 'approved';
END;

-- Comments may be closed per article (the editor's "comments open"), and
-- for every article comments_close_after_days after it was published
-- (0: never).  comments_rate_per_minute: POSTs of the comment form one
-- address may send a minute (counted apart from the contact form's);
-- comments_min_seconds: the least time between showing the form and
-- sending it (quicker is a bot's: filed as spam).
ALTER TABLE articles ADD COLUMN comments_open INTEGER NOT NULL DEFAULT 1
	CHECK (comments_open IN (0, 1));

INSERT INTO settings (key, value) VALUES
	('comments_close_after_days', '0'),
	('comments_rate_per_minute', '10'),
	('comments_min_seconds', '3');

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'comments_title', 'Comments'),
	(1, 'comment_leave', 'Leave a comment'),
	(1, 'comment_reply_to', 'Reply to'),
	(1, 'comment_reply', 'Reply'),
	(1, 'comment_cancel_reply', 'Cancel the reply'),
	(1, 'comment_in_reply_to', 'in reply to'),
	(1, 'comment_intro', 'Comments appear once a moderator has approved them (after your first, they appear at once). Your email address is never published. Plain text only; web addresses become links.'),
	(1, 'comment_name', 'Your name (required)'),
	(1, 'comment_email', 'Your email address (required, never published)'),
	(1, 'comment_text', 'Comment (required)'),
	(1, 'comment_send', 'Post the comment'),
	(1, 'comment_held', 'Thank you. Your comment will appear once a moderator has approved it.'),
	(1, 'comments_closed', 'Comments are closed.'),
	(1, 'comments_closed_post', 'Comments on this article are closed, so your comment was not posted.'),
	(1, 'comment_error_text', 'Please write a comment (at most 5,000 characters).'),
	(1, 'comment_parent_gone', 'The comment you replied to is no longer shown. Your text is kept below: you may post it as a comment on the article.'),
	(1, 'comments_allow', 'Comments open'),
	(1, 'cmt_pending_waiting', 'comments waiting for approval'),
	(1, 'cmt_state_pending', 'Pending'),
	(1, 'cmt_state_approved', 'Approved'),
	(1, 'cmt_state_spam', 'Spam'),
	(1, 'cmt_state_trash', 'Trash'),
	(1, 'cmt_do_approve', 'Approve'),
	(1, 'cmt_do_unapprove', 'Unapprove'),
	(1, 'cmt_do_spam', 'Mark spam'),
	(1, 'cmt_do_trash', 'Move to the trash'),
	(1, 'cmt_do_delete', 'Delete permanently'),
	(1, 'cmt_author', 'Author'),
	(1, 'cmt_comment', 'Comment'),
	(1, 'cmt_article', 'Article'),
	(1, 'cmt_url', 'Web address'),
	(1, 'cmt_reason', 'Held because'),
	(1, 'cmt_select', 'Select the comment by'),
	(1, 'cmt_back', 'Back to the comments'),
	(1, 'cmt_none', 'No comments here.'),
	(1, 'cmt_choose', 'Tick at least one comment, then choose what to do with them.'),
	(1, 'cmt_search_label', 'Words in the name, email, text or article title'),
	(1, 'cmt_with_ticked', 'With the ticked comments:'),
	(1, 'cmt_this_one', 'This comment:'),
	(1, 'cmt_keys_list', 'Keyboard: j and k move down and up the list, x ticks the one you are on, Enter opens it; a approves, u unapproves, s marks spam, d moves to the trash (the ticked ones, or else the one you are on).'),
	(1, 'cmt_keys_item', 'Keyboard: a approves, u unapproves, s marks spam, d moves to the trash.'),
	(1, 'cmt_view_public', 'See it on the article'),
	(1, 'cmt_on', 'on'),
	(1, 'settings_comments', 'Comments'),
	(1, 'comments_close_after_days', 'Close comments this many days after an article is published (0: never)'),
	(1, 'comments_rate_per_minute', 'Comments one address may send a minute');
