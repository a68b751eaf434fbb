-- 008_two_factor.sql: optional two-factor login with TOTP (RFC 6238, 30 s
-- steps, 6 digits, HMAC-SHA1: what every authenticator app reads).
--
-- A TOTP secret has to be read back to check a code, so unlike passwords
-- and session ids it cannot be kept as a hash.  It is kept as its 20 raw
-- random bytes (a BLOB, never its text), protected like the site's own
-- secret in settings: the database file is 0600 and never served, backups
-- must be kept as carefully.  It is shown to its owner only while setting
-- up, and never logged or audited.
--
-- A row with enabled = 0 is a setup that no correct code has confirmed
-- yet: it asks nothing at login.  last_step is the time step (Unix time /
-- 30) of the last code accepted; a code whose step is not after it is
-- refused, so each code works once, even inside its window.
CREATE TABLE two_factor (
	user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
	secret BLOB NOT NULL CHECK (length(secret) = 20),
	enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
	last_step INTEGER NOT NULL DEFAULT 0 CHECK (last_step >= 0),
	created_at INTEGER NOT NULL
) STRICT;

-- One-time recovery codes, for a lost phone: only the BLAKE2b-256 hash of
-- each code is kept, and a code's row is deleted when it is used.
CREATE TABLE recovery_codes (
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	code_hash BLOB NOT NULL CHECK (length(code_hash) = 32),
	PRIMARY KEY (user_id, code_hash)
) STRICT, WITHOUT ROWID;

-- The roles whose accounts must use two-factor login, separated by
-- commas ("admin,editor"); empty: nobody must.
INSERT INTO settings (key, value) VALUES ('two_factor_roles', '');

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'two_factor', 'Two-factor login'),
	(1, 'two_factor_on', 'Two-factor login is on: signing in asks for a code from your authenticator app.'),
	(1, 'two_factor_off', 'Two-factor login is off. With it on, signing in also asks for a code from an authenticator app on your phone.'),
	(1, 'two_factor_must', 'Your role must use two-factor login. Set it up to go on using the admin area.'),
	(1, 'two_factor_set_up', 'Set up two-factor login'),
	(1, 'two_factor_scan', 'Scan this code with your authenticator app, or type the key below into it. Then give the 6-digit code the app shows.'),
	(1, 'two_factor_qr', 'QR code holding the key of your account for an authenticator app'),
	(1, 'two_factor_key', 'Key'),
	(1, 'two_factor_app_code', 'Code from your app (6 digits)'),
	(1, 'two_factor_turn_on', 'Turn on'),
	(1, 'two_factor_turn_off', 'Turn off two-factor login'),
	(1, 'two_factor_confirm', 'Your password, or a code from your app'),
	(1, 'two_factor_recovery_left', 'Recovery codes left:'),
	(1, 'two_factor_new_codes', 'Make new recovery codes'),
	(1, 'recovery_codes', 'Recovery codes'),
	(1, 'recovery_codes_text', 'Keep these codes somewhere safe, away from your phone. Each one lets you sign in once without the app. They are not shown again; making new ones voids these.'),
	(1, 'continue', 'Continue'),
	(1, 'login_code_title', 'Code from your app'),
	(1, 'login_code', 'Code from your app, or a recovery code'),
	(1, 'login_code_wrong', 'That code is not right, or was used already. Try the next code your app shows.'),
	(1, 'login_code_expired', 'That sign-in took too long. Please log in again.'),
	(1, 'error_two_factor_code', 'That code is not right. Check your phone''s clock and try the code your app shows now.'),
	(1, 'error_two_factor_confirm', 'That is neither your password nor a current code from your app.'),
	(1, 'error_two_factor_state', 'Two-factor login is already on, or was never set up: reload the page.'),
	(1, 'error_two_factor_required', 'Your role must use two-factor login: it cannot be turned off.'),
	(1, 'two_factor_roles', 'Roles that must use two-factor login'),
	(1, 'two_factor_reset', 'Turn off two-factor login');
