-- starter_comments.sql: readers' comments of the demo site (loaded after
-- starter.sql, in the same transaction).  Every name and address is
-- invented; the addresses are of example.org.  A thread four replies deep
-- under "Reunited at a bus station" shows the page's three levels and the
-- "in reply to" of a deeper reply; one comment waits for a moderator and
-- one is spam (marked when the site is made: the timer deletes spam 30
-- days after that), so the queue has something in most tabs.  The newest two
-- articles have none (the tests comment on them).  The triggers of
-- sql/013_comments.sql count the approved ones.

INSERT INTO comments (id, article_id, parent_id, author_name, author_email,
	body, state, reason, created_at, updated_at) VALUES
(1, 40, NULL, 'Nasrin K.', 'nasrin.k@example.org',
 'I read this twice. My uncle came back the same way, with one bag and a bus ticket. Thank you for writing it without making it a spectacle.',
 'approved', '', unixepoch('2025-06-10 14:20'), unixepoch('2025-06-10 14:20')),
(2, 40, 1, 'Daniel Okafor', 'd.okafor@example.org',
 'The part about the ticket office stayed with me too. Is there a way for families to reach the volunteers at the station?',
 'approved', '', unixepoch('2025-06-10 18:05'), unixepoch('2025-06-10 18:05')),
(3, 40, 2, 'Homeward Watch', 'desk@example.org',
 'Yes: the helpline is on our Contact page, and the volunteers there can put you in touch. More at https://example.org/helpline',
 'approved', '', unixepoch('2025-06-11 09:12'), unixepoch('2025-06-11 09:12')),
(4, 40, 3, 'Daniel Okafor', 'd.okafor@example.org',
 'Thank you, I have written to them.',
 'approved', '', unixepoch('2025-06-11 10:40'), unixepoch('2025-06-11 10:40')),
(5, 40, 4, 'Nasrin K.', 'nasrin.k@example.org',
 'So did we, and they answered within a day.',
 'approved', '', unixepoch('2025-06-12 08:30'), unixepoch('2025-06-12 08:30')),
(6, 40, NULL, 'Teodor', 'teodor@example.org',
 'Please keep publishing these stories. They are how some of us find the words to talk to our own families.',
 'approved', '', unixepoch('2025-06-13 20:15'), unixepoch('2025-06-13 20:15')),
(7, 39, NULL, 'Amira S.', 'amira.s@example.org',
 'Twenty-four years. I do not know how she kept the keys all that time.',
 'approved', '', unixepoch('2025-03-22 07:50'), unixepoch('2025-03-22 07:50')),
(8, 35, NULL, 'A reader in Velmora', 'reader.velmora@example.org',
 'Still waiting here as well. Thank you for this letter.',
 'approved', '', unixepoch('2024-07-09 11:00'), unixepoch('2024-07-09 11:00')),
(9, 39, NULL, 'Jonas', 'jonas@example.org',
 'Is there a way to send a message to the family in the article?',
 'pending', 'new commenter', unixepoch('2025-03-25 16:45'), unixepoch('2025-03-25 16:45')),
(10, 39, NULL, 'Cheap Flights', 'offers@example.org',
 'Best prices! https://example.org/a https://example.org/b https://example.org/c',
 'spam', 'links', unixepoch('2025-03-26 03:10'), unixepoch('now'));
