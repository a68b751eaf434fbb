-- 004_sessions.sql: staff sessions, login throttling and the audit log.

-- A session is known by the BLAKE2b hash of the token in its cookie; the
-- token itself is never stored.
CREATE TABLE sessions (
	id_hash BLOB PRIMARY KEY CHECK (length(id_hash) = 32),
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	created_at INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL, -- absolute expiry
	address TEXT NOT NULL DEFAULT '',
	user_agent TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

-- Failed logins per account ('account:NAME') and per address
-- ('address:KEY', IPv6 by /64) in the current window.
CREATE TABLE throttle (
	key TEXT PRIMARY KEY,
	window_start INTEGER NOT NULL,
	failures INTEGER NOT NULL CHECK (failures >= 0)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	user_name TEXT NOT NULL DEFAULT '',
	action TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT '',
	address TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_log_at ON audit_log(at);

INSERT INTO settings (key, value) VALUES
	('session_idle_minutes', '30'),
	('session_absolute_hours', '12'),
	('login_account_failures', '5'),
	('login_address_failures', '20'),
	('login_window_minutes', '15'),
	('form_min_seconds', '1');

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'admin', 'Admin'),
	(1, 'log_in', 'Log in'),
	(1, 'log_out', 'Log out'),
	(1, 'user_name', 'User name'),
	(1, 'password', 'Password'),
	(1, 'login_failed', 'That name and password do not match an account.'),
	(1, 'login_throttled', 'Too many failed attempts. Please wait and try again.'),
	(1, 'form_expired', 'The form expired. Please try again.'),
	(1, 'dashboard', 'Dashboard'),
	(1, 'drafts', 'Drafts'),
	(1, 'pending_review', 'Pending review'),
	(1, 'scheduled', 'Scheduled'),
	(1, 'published', 'Published'),
	(1, 'recent_publishes', 'Recently published'),
	(1, 'signed_in_as', 'Signed in as'),
	(1, 'forbidden_title', 'Not allowed'),
	(1, 'forbidden_text', 'Your account may not do this, or the form was stale. Go back and try again.'),
	(1, 'too_many_title', 'Too many requests'),
	(1, 'too_many_text', 'Please wait a little and try again.');
