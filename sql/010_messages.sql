-- 010_messages.sql: the contact form and the moderators' queue of its
-- messages.
--
-- A message is plain text as the reader typed it (never Markdown or HTML:
-- every page escapes it).  People who write to the organisation may be at
-- risk, so a message keeps no address: ip_hash is a keyed BLAKE2b-128 of
-- the sender's address (IPv6 by its /64) under the key of the day it came
-- (address_keys), good only for seeing that messages of one day came from
-- one place and for the rate limit.  The timer deletes each day's key once
-- the day is over, after which no hash can be linked to an address or to
-- a hash of another day; it also deletes messages older than
-- messages_retention_days.
--
-- state: new (nobody opened it), read, answered, spam (a moderator's
-- verdict, or the form's: spam_reason says why, 'honeypot' or 'too fast'),
-- archived.  notify = 1 while the timer still owes the moderators a
-- notice of it (only when serve runs with --sendmail).
CREATE TABLE messages (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	name TEXT NOT NULL,
	email TEXT NOT NULL,
	subject TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'new' CHECK (state IN
		('new', 'read', 'answered', 'spam', 'archived')),
	spam_reason TEXT NOT NULL DEFAULT '',
	ip_hash BLOB CHECK (ip_hash IS NULL OR length(ip_hash) = 16),
	notify INTEGER NOT NULL DEFAULT 0 CHECK (notify IN (0, 1)),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX messages_state ON messages(state, created_at DESC, id DESC);
CREATE INDEX messages_created ON messages(created_at);
CREATE INDEX messages_notify ON messages(id) WHERE notify = 1;

-- The key of each day's address hashes (day: Unix time / 86400, UTC):
-- 32 random bytes made by the first message of the day, deleted by the
-- timer when the day is over.
CREATE TABLE address_keys (
	day INTEGER PRIMARY KEY,
	key BLOB NOT NULL CHECK (length(key) = 32)
) STRICT;

-- moderators_email: where serve --sendmail sends its notices ('' none);
-- contact_rate_per_minute: POSTs to /contact an address may send a
-- minute; contact_min_seconds: the least time between showing the form
-- and sending it (quicker is a bot's: filed as spam).
INSERT INTO settings (key, value) VALUES
	('messages_retention_days', '365'),
	('moderators_email', ''),
	('contact_rate_per_minute', '10'),
	('contact_min_seconds', '3');

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'contact_title', 'Contact'),
	(1, 'contact_write', 'Write to us'),
	(1, 'contact_intro', 'Fields marked required must be filled in. We keep no record of where you wrote from.'),
	(1, 'contact_name', 'Your name (required)'),
	(1, 'contact_email', 'Your email address (required)'),
	(1, 'contact_subject', 'Subject'),
	(1, 'contact_message', 'Message (required)'),
	(1, 'contact_leave_empty', 'Leave this field empty'),
	(1, 'contact_send', 'Send'),
	(1, 'contact_thanks_title', 'Thank you'),
	(1, 'contact_thanks_text', 'Your message has been sent. We read every message and will answer as soon as we can.'),
	(1, 'contact_write_again', 'Write another message'),
	(1, 'contact_fix', 'Please correct the fields marked below; nothing has been sent yet.'),
	(1, 'contact_stale', 'This form was open for a long time, so it was not sent. Your text is kept below: please send it again.'),
	(1, 'contact_error_name', 'Please give your name (at most 200 characters).'),
	(1, 'contact_error_email', 'Please give an email address such as name@example.org (at most 254 characters).'),
	(1, 'contact_error_subject', 'The subject may be at most 300 characters.'),
	(1, 'contact_error_message', 'Please write a message (at most 10,000 characters).'),
	(1, 'contact_error_characters', 'This field holds characters that cannot be sent (such as control characters).'),
	(1, 'messages', 'Messages'),
	(1, 'msg_new_waiting', 'new messages'),
	(1, 'msg_state_new', 'New'),
	(1, 'msg_state_read', 'Read'),
	(1, 'msg_state_answered', 'Answered'),
	(1, 'msg_state_spam', 'Spam'),
	(1, 'msg_state_archived', 'Archived'),
	(1, 'msg_do_read', 'Mark read'),
	(1, 'msg_do_answered', 'Mark answered'),
	(1, 'msg_do_spam', 'Mark spam'),
	(1, 'msg_do_archived', 'Archive'),
	(1, 'msg_do_delete', 'Delete permanently'),
	(1, 'msg_from', 'From'),
	(1, 'msg_email', 'Email'),
	(1, 'msg_subject', 'Subject'),
	(1, 'msg_received', 'Received'),
	(1, 'msg_state', 'State'),
	(1, 'msg_spam_reason', 'Filed as spam by the form:'),
	(1, 'msg_no_subject', '(no subject)'),
	(1, 'msg_select', 'Select the message from'),
	(1, 'msg_export', 'Download as text'),
	(1, 'msg_back', 'Back to the messages'),
	(1, 'msg_none', 'No messages here.'),
	(1, 'msg_done', 'Done.'),
	(1, 'msg_deleted', 'Deleted.'),
	(1, 'msg_choose', 'Tick at least one message, then choose what to do with them.'),
	(1, 'msg_detail', 'Message'),
	(1, 'queue_states', 'States'),
	(1, 'queue_search', 'Search'),
	(1, 'msg_search_label', 'Words in the name, email, subject or text'),
	(1, 'queue_tick', 'Tick'),
	(1, 'msg_with_ticked', 'With the ticked messages:'),
	(1, 'msg_this_one', 'This message:'),
	(1, 'msg_keys_list', 'Keyboard: j and k move down and up the list, x ticks the one you are on, Enter opens it; a marks answered, s spam, e archives (the ticked ones, or else the one you are on).'),
	(1, 'msg_keys_item', 'Keyboard: a marks answered, s spam, e archives.'),
	(1, 'settings_messages', 'Messages'),
	(1, 'moderators_email', 'Moderators'' email address (notices of new messages when the server runs with --sendmail)'),
	(1, 'messages_retention_days', 'Keep messages for this many days'),
	(1, 'contact_rate_per_minute', 'Messages one address may send a minute');
