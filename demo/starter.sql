-- starter.sql: the content a new site starts with (`gazette init
-- --starter`), written for Gazette.  Bodies are Markdown; init renders
-- them.  Runs inside init's transaction, only on a database without
-- content.

INSERT INTO users (id, name, display_name, role, password_hash, disabled, created_at)
VALUES (1, 'newsroom', 'Newsroom', 'editor', '!', 1, unixepoch('2019-03-01'));

INSERT INTO categories (id, edition_id, parent_id, slug, name, description, position) VALUES
	(1, 1, NULL, 'news', 'News', 'Reporting from the field and the desk.', 0),
	(2, 1, 1, 'field-reports', 'Field Reports', 'Accounts gathered by our correspondents.', 1),
	(3, 1, NULL, 'open-letters', 'Open Letters', 'Letters to officials, published with their authors'' consent.', 2),
	(4, 1, NULL, 'publications', 'Publications', 'Newsletters, briefs and books.', 3);

INSERT INTO tags (id, edition_id, slug, name) VALUES
	(1, 1, 'families', 'Families'),
	(2, 1, 'human-rights', 'Human rights'),
	(3, 1, 'interviews', 'Interviews'),
	(4, 1, 'newsletter', 'Newsletter');

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, published_at, created_at, updated_at) VALUES
(1, 1, 'welcome-to-the-new-site', 'Welcome to the new site',
 'Our reporting now lives on a faster, simpler home that works on every phone.',
 '## Why we moved

Our readers told us the old site was slow on their phones and hard to read on small screens. The new site loads in a fraction of the time and needs no scripts to read.

### What stays the same

- Every article we have published
- Our editions and our newsletter
- The way to reach us

> A page that loads quickly is a page that gets read.

Write to us through the [contact page](/contact) if anything is missing.',
 'published', 1, 1, unixepoch('2024-05-13 09:30'), unixepoch('2024-05-13'), unixepoch('2024-05-13')),
(2, 1, 'families-wait-for-news', 'Families wait for news: "We only want to hear their voices"',
 'Parents in three cities describe years of silence, and what a single phone call would mean.',
 'For many of the families we met, the hardest part is not knowing.

## Three cities, one question

In each city we heard the same question, asked in different words: *is my child well?*

1. Letters sent through intermediaries go unanswered.
2. Phone numbers change without notice.
3. Visits are refused at the gate.

"We are not asking for anything political," one mother said. "We only want to hear their voices."

Read our earlier [field report](/articles/a-week-on-the-border) for the background.',
 'published', 1, 2, unixepoch('2023-11-02 14:00'), unixepoch('2023-11-02'), unixepoch('2023-11-02')),
(3, 1, 'a-week-on-the-border', 'A week on the border',
 'Our correspondent spent seven days at the crossing and kept a diary.',
 '**Monday.** The crossing opens at seven. By six the queue is already long.

**Wednesday.** A family of five has waited here for two days. The youngest is four.

**Friday.** Rain. The officials close the gate early and nobody knows why.

---

Names have been changed to protect the people we spoke to.',
 'published', 1, 2, unixepoch('2022-08-19 07:15'), unixepoch('2022-08-19'), unixepoch('2022-08-19')),
(4, 1, 'open-letter-to-the-special-rapporteur', 'An open letter to the Special Rapporteur',
 'Eighty-two families ask for an independent visit.',
 'Dear Special Rapporteur,

We write on behalf of eighty-two families who have not heard from their relatives for more than a year. We ask that you request an independent visit and that you meet the families in person.

With respect and hope,

*The families'' committee*',
 'published', 1, 3, unixepoch('2021-03-08 10:00'), unixepoch('2021-03-08'), unixepoch('2021-03-08')),
(5, 1, 'newsletter-no-1', 'Newsletter No. 1',
 'The first issue: who we are, what we do, and how to help.',
 '## In this issue

- **Who we are.** A small team of volunteers and former members.
- **What we do.** We document cases and support families.
- **How to help.** Share our reports; write to your representative.

The full issue will be available as a PDF once the publications section opens.',
 'published', 1, 4, unixepoch('2019-04-01 08:00'), unixepoch('2019-04-01'), unixepoch('2019-04-01')),
(6, 1, 'in-conversation-with-a-former-member', 'In conversation with a former member',
 'Questions and answers on leaving, rebuilding a life and finding family again.',
 '**Q:** When did you decide to leave?

**A:** Not in one day. It was a hundred small days.

**Q:** What helped most afterwards?

**A:** Being believed. And a cousin who answered the phone at two in the morning.

**Q:** What would you tell families who are still waiting?

**A:** Keep writing. Letters do arrive, even when it seems they do not.',
 'published', 1, 1, unixepoch('2020-05-13 12:00'), unixepoch('2020-05-13'), unixepoch('2020-05-13')),
(7, 1, 'draft-notes-for-the-annual-report', 'Draft notes for the annual report',
 'Not yet published.',
 'These notes are a draft and must not appear on the public site.',
 'draft', 1, 4, NULL, unixepoch('2024-06-01'), unixepoch('2024-06-01'));

INSERT INTO article_tags (article_id, tag_id) VALUES
	(2, 1), (2, 2), (3, 2), (4, 1), (4, 2), (5, 4), (6, 3), (6, 1);

INSERT INTO pages (edition_id, slug, title, body_md, state, created_at, updated_at) VALUES
(1, 'about', 'About us',
 'We are an independent group that documents the situation of former members and supports their families.

## What we do

- We publish reports, interviews and open letters.
- We publish a newsletter and occasional briefs.
- We help families write to the authorities.

This site runs on Gazette.',
 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13')),
(1, 'contact', 'Contact us',
 'You can reach the editors by post or by email.

- Email: [editors@example.org](mailto:editors@example.org)
- Post: PO Box 100, 1000 Example City

We read every message. If you are writing about someone at risk, please say so in the first line.',
 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13'));

INSERT INTO menu_items (menu_id, parent_id, label, url, position) VALUES
	(1, NULL, 'News', '/category/news', 1),
	(1, NULL, 'Open Letters', '/category/open-letters', 2),
	(1, NULL, 'Publications', '/category/publications', 3),
	(1, NULL, 'About Us', '/about', 4),
	(1, NULL, 'Contact us', '/contact', 5);
INSERT INTO menu_items (menu_id, parent_id, label, url, position)
	SELECT 1, id, 'Field Reports', '/category/field-reports', 0
	FROM menu_items WHERE menu_id = 1 AND url = '/category/news';
