-- 028_admin_counts.sql: the dashboard's counts in plural forms ("1 new
-- message", not "1 new messages"), through frame_count like the public
-- counts (022_plurals.sql), and a word for an empty list.  The admin area
-- is in English, so English only.
INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'nothing_here', 'None.'),
	(1, 'n_new_messages_zero', '{n} new messages'),
	(1, 'n_new_messages_one', '{n} new message'),
	(1, 'n_new_messages_two', '{n} new messages'),
	(1, 'n_new_messages_few', '{n} new messages'),
	(1, 'n_new_messages_many', '{n} new messages'),
	(1, 'n_new_messages_other', '{n} new messages'),
	(1, 'n_waiting_comments_zero', '{n} comments waiting for approval'),
	(1, 'n_waiting_comments_one', '{n} comment waiting for approval'),
	(1, 'n_waiting_comments_two', '{n} comments waiting for approval'),
	(1, 'n_waiting_comments_few', '{n} comments waiting for approval'),
	(1, 'n_waiting_comments_many', '{n} comments waiting for approval'),
	(1, 'n_waiting_comments_other', '{n} comments waiting for approval');
DELETE FROM edition_strings WHERE key IN ('msg_new_waiting',
	'cmt_pending_waiting');
