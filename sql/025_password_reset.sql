-- 025_password_reset.sql: "Lost your password?" for staff.
--
-- A request (by account name or email) files one row per account, which
-- replaces any earlier one, so a new request makes the last link worthless
-- at once.  The worker that takes the request never sees a token: it
-- leaves token_hash NULL and mail_pending 1, and the timer process, which
-- runs the sendmail (timer.c), makes the token (256 random bits), keeps
-- only its BLAKE2b-256 hash here and hands the link to the sendmail.  So
-- the token itself is never written anywhere but in the mail.  A link
-- works until expires_at (an hour after the request) and once: using it
-- deletes the row.
CREATE TABLE password_resets (
	user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	requested_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	mail_pending INTEGER NOT NULL DEFAULT 1 CHECK (mail_pending IN (0, 1)),
	token_hash BLOB UNIQUE CHECK (token_hash IS NULL OR
		length(token_hash) = 32)
) STRICT;

-- users.email (001_init.sql) is '' or one address, not unique: accounts
-- may share one (imported authors often do), and a reset asked for by
-- email then mails each enabled account that has it, naming the account.
CREATE INDEX users_email ON users (lower(email)) WHERE email != '';

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'your_email', 'Your email'),
	(1, 'set_email', 'Set email'),
	(1, 'email_help', 'Where a link to set a new password is sent if you forget yours. Leave it empty for none.'),
	(1, 'error_email', 'That is not an email address.'),
	(1, 'error_confirm_empty', 'Give your password or a code from your app.'),
	(1, 'error_current_empty', 'Give your current password.'),
	(1, 'lost_password', 'Lost your password?'),
	(1, 'lost_password_help', 'Give your user name or email address. If an account matches, a link to set a new password is sent to its email address. The link works for an hour, once.'),
	(1, 'name_or_email', 'User name or email address'),
	(1, 'send_link', 'Send the link'),
	(1, 'lost_password_sent', 'If an account matches, we sent a link to set a new password to its email address. It works for an hour. Check your mail.'),
	(1, 'lost_password_empty', 'Give a user name or an email address.'),
	(1, 'lost_password_throttled', 'Too many requests. Wait a while before asking again.'),
	(1, 'reset_title', 'Set a new password'),
	(1, 'reset_help', 'Choose a new password of 12 to 128 characters. Every session of your account ends; two-factor login, if it is on, stays on.'),
	(1, 'reset_bad_link', 'This link does not work: it was used already, it is more than an hour old, a newer one was sent, or it was mistyped. Ask for a new one.'),
	(1, 'reset_done', 'Your password is set. Log in with it.'),
	(1, 'ask_new_link', 'Ask for a new link');
