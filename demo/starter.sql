-- starter.sql: the content a new site starts with (`gazette init
-- --starter`), written for Gazette.  Bodies are Markdown; init renders
-- them.  Runs inside init's transaction, only on a database without
-- content.
--
-- The demo is the site of Homeward Watch, a fictional NGO that supports
-- the families of former members of a closed movement (the Ashgrove
-- Movement, also fictional) and documents their situation.  Every person,
-- place and organisation in it is invented; all text was written for
-- Gazette.  Articles 1-7, categories 1-4, tags 1-4, the about and contact
-- pages, the user 'newsroom' and the first menu items are relied on by the
-- tests: change them only together with the tests.
--
-- The images (demo/images/*.jpg, served as /uploads/demo/NAME.jpg) are
-- drawn by demo/make-images.py and the PDFs (demo/images/*.pdf, one page
-- each) written by demo/make-pdfs.py; the media rows below carry their
-- sizes, so rerun them and update the bytes column if a file changes.

-- Users: the newsroom account and four authors.  None can log in
-- (password_hash '!', disabled).
INSERT INTO users (id, name, display_name, role, password_hash, disabled, created_at)
VALUES (1, 'newsroom', 'Newsroom', 'editor', '!', 1, unixepoch('2019-03-01'));

INSERT INTO users (id, name, display_name, role, password_hash, disabled, created_at) VALUES
	(2, 'ilka', 'Ilka Dorran', 'editor', '!', 1, unixepoch('2019-03-01')),
	(3, 'leyla', 'Leyla Marvand', 'author', '!', 1, unixepoch('2019-05-20')),
	(4, 'bastien', 'Bastien Oakes', 'author', '!', 1, unixepoch('2020-01-08')),
	(5, 'odile', 'Odile Brannock', 'editor', '!', 1, unixepoch('2019-11-04'));

-- Categories.  The first four are relied on by the tests; the others
-- follow the reference site's long names.
INSERT INTO categories (id, edition_id, parent_id, slug, name, description, position) VALUES
	(1, 1, NULL, 'news', 'News', 'Reporting from the field and the desk.', 0),
	(2, 1, 1, 'field-reports', 'Field Reports', 'Accounts gathered by our correspondents.', 1),
	(3, 1, NULL, 'open-letters', 'Open Letters', 'Letters to officials, published with their authors'' consent.', 2),
	(4, 1, NULL, 'publications', 'Publications', 'Newsletters, briefs and books.', 3);
INSERT INTO categories (id, edition_id, parent_id, slug, name, description, position) VALUES
	(5, 1, NULL, 'families-voices', 'Families'' Voices', 'Letters, memories and photographs from the families who are still waiting.', 4),
	(6, 1, NULL, 'former-members', 'Former Members'' Stories', 'People who have left the Movement describe, in their own words, what came before and after.', 5),
	(7, 1, NULL, 'interviews', 'Interviews & Testimony', 'Conversations with former members, relatives, lawyers and doctors.', 6),
	(8, 1, NULL, 'weekly-digest', 'Weekly Digest from Our Partners', 'What our partner organisations read, heard and published this week.', 7),
	(9, 1, NULL, 'the-movement', 'The Movement''s Camps & the Host Country', 'How the Ashgrove Movement runs its compounds, and what the host country allows.', 8),
	(10, 1, 4, 'newsletter', 'Newsletter', 'Every issue of our newsletter, with a PDF for printing.', 9),
	(11, 1, 1, 'videos', 'Videos', 'Short films recorded by families and volunteers.', 10);

-- Tags.
INSERT INTO tags (id, edition_id, slug, name) VALUES
	(1, 1, 'families', 'Families'),
	(2, 1, 'human-rights', 'Human rights'),
	(3, 1, 'interviews', 'Interviews'),
	(4, 1, 'newsletter', 'Newsletter');
INSERT INTO tags (id, edition_id, slug, name) VALUES
	(5, 1, 'reunification', 'Reunification'),
	(6, 1, 'letters', 'Letters'),
	(7, 1, 'camp-lisk', 'Camp Lisk'),
	(8, 1, 'velmora', 'Velmora'),
	(9, 1, 'former-members', 'Former members'),
	(10, 1, 'host-country', 'Host country'),
	(11, 1, 'petition', 'Petition'),
	(12, 1, 'health', 'Health'),
	(13, 1, 'mothers', 'Mothers'),
	(14, 1, 'video', 'Video'),
	(15, 1, 'weekly-digest', 'Weekly digest'),
	(16, 1, 'testimony', 'Testimony'),
	(17, 1, 'legal-aid', 'Legal aid'),
	(18, 1, 'un-mechanisms', 'UN mechanisms'),
	(19, 1, 'anniversaries', 'Anniversaries'),
	(20, 1, 'photo-essays', 'Photo essays');

-- Media: one row per file in demo/images/ (path below the uploads folder;
-- bytes is the file's size).  Ids 1-33 are featured images (1200x675),
-- 34-47 inline images (800x533).
INSERT INTO media (id, path, mime, width, height, bytes, alt, caption, uploaded_by, created_at) VALUES
	(1, 'demo/open-door.jpg', 'image/jpeg', 1200, 675, 16364,
	 'An open door in a brick-red wall; daylight falls across the floor and green hills show through the doorway.',
	 'The door we wanted to open: an illustration for our first post.', 1, unixepoch('2019-03-01')),
	(2, 'demo/closed-door-light.jpg', 'image/jpeg', 1200, 675, 10177,
	 'A closed dark door in a grey wall at night, with a strip of warm light spilling out beneath it.',
	 'Someone is inside; nobody outside is allowed to knock.', 1, unixepoch('2026-02-10')),
	(3, 'demo/kitchen-window.jpg', 'image/jpeg', 1200, 675, 22373,
	 'A kitchen window with two panes looking out on pink hills at sunrise; a cup and a potted plant stand on the sill between plum and rust curtains.',
	 'The window where a mother in Halvan has watched the road for nineteen years.', 1, unixepoch('2019-06-10')),
	(4, 'demo/camp-fence-dusk.jpg', 'image/jpeg', 1200, 675, 33748,
	 'A barbed-wire fence and a watchtower silhouetted against a dusky purple and orange sky.',
	 'Camp Lisk, as former members describe it: a fence, a tower and the desert beyond.', 1, unixepoch('2019-06-12')),
	(5, 'demo/desk-with-letter.jpg', 'image/jpeg', 1200, 675, 25009,
	 'A handwritten letter, a sealed envelope and a pen on a dark blue-grey desk.',
	 'Our letter to the Governor of Velmora Province went by registered post.', 1, unixepoch('2019-10-05')),
	(6, 'demo/city-winter-night.jpg', 'image/jpeg', 1200, 675, 32094,
	 'A city skyline at night, windows lit in yellow under a crescent moon.',
	 'Halvan after dark: the bus from the border usually arrives after nine.', 1, unixepoch('2019-12-15')),
	(7, 'demo/partner-digest.jpg', 'image/jpeg', 1200, 675, 18880,
	 'Translucent circles and triangles in blue, mauve and gold overlapping on a pale background.',
	 'The weekly digest: news gathered by our partners.', 1, unixepoch('2019-12-18')),
	(8, 'demo/newsletter-stack.jpg', 'image/jpeg', 1200, 675, 31213,
	 'A fan of booklets in sage, rust, ochre, navy and plum on a cream background.',
	 'Back issues of our newsletter, printed for families without internet access.', 1, unixepoch('2020-01-10')),
	(9, 'demo/locked-gate.jpg', 'image/jpeg', 1200, 675, 37095,
	 'A closed metal gate with a padlock, set in a barbed-wire fence under a pale sand-coloured sky.',
	 'The inner gate at Camp Lisk, drawn from a former member''s description.', 1, unixepoch('2020-02-20')),
	(10, 'demo/envelopes-lockdown.jpg', 'image/jpeg', 1200, 675, 30587,
	 'Letters and a pile of envelopes with stamps on a plum-coloured table, a pen resting across them.',
	 'Letters collected in the spring of 2020, when visits were impossible.', 1, unixepoch('2020-05-10')),
	(11, 'demo/road-at-dawn.jpg', 'image/jpeg', 1200, 675, 24465,
	 'A straight road running towards pink hills at dawn, with telegraph poles along one side.',
	 'The road from the border towards Halvan.', 1, unixepoch('2020-08-28')),
	(12, 'demo/relocation-map.jpg', 'image/jpeg', 1200, 675, 37755,
	 'A stylised map of coloured regions crossed by a river, with a dotted route joining three map pins.',
	 'An illustrative map of the relocation route; it shows no real borders.', 1, unixepoch('2020-11-25')),
	(13, 'demo/many-signatures.jpg', 'image/jpeg', 1200, 675, 60568,
	 'Dozens of sheets of paper scattered and overlapping on a rust-coloured table.',
	 'Eighty-two signed pages, one for each family.', 1, unixepoch('2021-03-05')),
	(14, 'demo/vigil-lanterns.jpg', 'image/jpeg', 1200, 675, 20962,
	 'Small candles glowing against a dark purple evening sky.',
	 'Candles at the Marren Gate vigil.', 1, unixepoch('2021-06-18')),
	(15, 'demo/brief-cover.jpg', 'image/jpeg', 1200, 675, 16897,
	 'Grey, peach and sage circles, triangles and bars arranged on a cream background.',
	 'The cover design of our brief “Closed Doors, Open Questions”.', 1, unixepoch('2021-11-30')),
	(16, 'demo/old-letter.jpg', 'image/jpeg', 1200, 675, 25550,
	 'A yellowed letter, a pen and an ochre envelope lying on a moss-green surface.',
	 'A copy of the letter a father sent in 2009; the original never came back.', 1, unixepoch('2022-04-01')),
	(17, 'demo/queue-video-still.jpg', 'image/jpeg', 1200, 675, 38502,
	 'Silhouettes of people waiting on both sides of a closed gate in a barbed-wire fence; a play button sits in the centre.',
	 'A still from our video of the queue at Marren Gate.', 1, unixepoch('2022-08-19')),
	(18, 'demo/crossroads.jpg', 'image/jpeg', 1200, 675, 23429,
	 'A road under a blue sky that forks to the right before it reaches green hills.',
	 'Leaving is the start of a second road, not the end of the first.', 1, unixepoch('2022-10-20')),
	(19, 'demo/ministry-steps.jpg', 'image/jpeg', 1200, 675, 29985,
	 'A pale columned government building with broad steps and four small figures standing in front.',
	 'Families have climbed these steps many times.', 1, unixepoch('2022-12-10')),
	(20, 'demo/two-windows.jpg', 'image/jpeg', 1200, 675, 24777,
	 'A window of three panes looking out on a dusky sky and hills, framed by sage and dark blue curtains.',
	 'Two sisters, two countries, one window each.', 1, unixepoch('2023-02-01')),
	(21, 'demo/archive-boxes.jpg', 'image/jpeg', 1200, 675, 26873,
	 'Folders and booklets in rose, plum, rust, ochre and green fanned across a grey-blue background.',
	 'Our case files, kept since 2019.', 1, unixepoch('2023-05-25')),
	(22, 'demo/kitchen-table.jpg', 'image/jpeg', 1200, 675, 53608,
	 'A terracotta tablecloth seen from above with bowls, a glass of tea and a sheet of paper.',
	 'Kitchen tables are where most of our interviews take place.', 1, unixepoch('2023-11-01')),
	(23, 'demo/new-city-morning.jpg', 'image/jpeg', 1200, 675, 30319,
	 'A city skyline in pink and slate against a pale morning sky.',
	 'A new city, and a first job at forty-five.', 1, unixepoch('2024-02-15')),
	(24, 'demo/letters-to-families.jpg', 'image/jpeg', 1200, 675, 30391,
	 'Two letters, two envelopes and a pen on a soft blue surface.',
	 'Letters from former members to the families who are still waiting.', 1, unixepoch('2024-07-05')),
	(25, 'demo/velmora-compound.jpg', 'image/jpeg', 1200, 675, 36206,
	 'Low buildings behind a barbed-wire fence and a watchtower, under a hazy sand-coloured sky with a low red sun.',
	 'The Velmora compound as seen from the public road.', 1, unixepoch('2024-09-20')),
	(26, 'demo/legal-papers.jpg', 'image/jpeg', 1200, 675, 47588,
	 'Three sheets of paper and a pen on a dark desk.',
	 'Residence papers: the first thing a former member needs, and the hardest to get.', 1, unixepoch('2025-01-20')),
	(27, 'demo/spring-tree.jpg', 'image/jpeg', 1200, 675, 15687,
	 'A flowering tree on green hills under a pale sky, with birds in flight.',
	 'Spring, and the new year, in the hills above Bereth.', 1, unixepoch('2025-03-18')),
	(28, 'demo/lake-evening.jpg', 'image/jpeg', 1200, 675, 14635,
	 'The sun setting over dusky hills and calm water, with a few birds in the sky.',
	 'Evening over the reservoir outside Estrel.', 1, unixepoch('2022-10-20')),
	(29, 'demo/report-bars.jpg', 'image/jpeg', 1200, 675, 18368,
	 'A decorative bar chart with rising bars in slate, terracotta, sage and ochre, and a line joining dots above them.',
	 'Cases documented each year since 2019 (illustration).', 1, unixepoch('2025-10-01')),
	(30, 'demo/petition-papers.jpg', 'image/jpeg', 1200, 675, 54697,
	 'Many signed sheets of paper scattered across a dark slate table.',
	 'Signatures collected for the petition on independent access.', 1, unixepoch('2026-02-12')),
	(31, 'demo/birds-over-hills.jpg', 'image/jpeg', 1200, 675, 14630,
	 'A flock of birds over pink and purple hills at dawn, with an ochre sun.',
	 'Letters, like birds, find their way.', 1, unixepoch('2026-09-10')),
	(32, 'demo/seven-years-sunrise.jpg', 'image/jpeg', 1200, 675, 14984,
	 'A low sun over terracotta hills and still water, with birds crossing a sand-coloured sky.',
	 'Seven years of Homeward Watch.', 1, unixepoch('2026-11-18')),
	(33, 'demo/site-tour.jpg', 'image/jpeg', 1200, 675, 16671,
	 'Arcs, circles and triangles in rose, plum and gold on a pale pink background.',
	 'A short tour of the new site.', 1, unixepoch('2024-05-12')),
	(34, 'demo/camp-lisk-from-above.jpg', 'image/jpeg', 800, 533, 24042,
	 'Rows of low buildings with pale roofs seen from above, inside a walled rectangle on sandy ground.',
	 'A drawing of Camp Lisk from above, based on former members'' sketches.', 1, unixepoch('2019-06-12')),
	(35, 'demo/watchtower-evening.jpg', 'image/jpeg', 800, 533, 22529,
	 'A watchtower and a barbed-wire fence against an evening sky of purple and orange.',
	 '“You could see the tower from every window.”', 1, unixepoch('2020-02-20')),
	(36, 'demo/bus-window-view.jpg', 'image/jpeg', 800, 533, 8508,
	 'Green hills under a blue sky with a pale sun, as seen from a moving bus.',
	 'The view from the bus, the morning after leaving.', 1, unixepoch('2020-08-28')),
	(37, 'demo/vigil-candles.jpg', 'image/jpeg', 800, 533, 14183,
	 'Dozens of small candles glowing in the dark.',
	 'Each candle carried the name of one missing relative.', 1, unixepoch('2021-06-18')),
	(38, 'demo/vigil-crowd.jpg', 'image/jpeg', 800, 533, 16009,
	 'Silhouettes of people standing close together at night, holding candles.',
	 'Families at the vigil, shortly before the gate closed.', 1, unixepoch('2021-06-18')),
	(39, 'demo/kitchen-halvan.jpg', 'image/jpeg', 800, 533, 36155,
	 'A sage-green tablecloth seen from above with bowls of food, a glass of tea and a letter.',
	 'Halvan: lunch is laid out for a son who may never sit down to it.', 1, unixepoch('2023-10-28')),
	(40, 'demo/kitchen-bereth.jpg', 'image/jpeg', 800, 533, 14544,
	 'A kitchen window with a view of green hills, a cup and a plant on the sill, between green and rust curtains.',
	 'Bereth: the window faces the road from the east.', 1, unixepoch('2023-10-29')),
	(41, 'demo/kitchen-estrel.jpg', 'image/jpeg', 800, 533, 37620,
	 'A blue checked tablecloth seen from above with bowls, a glass of tea and a letter.',
	 'Estrel: every letter is kept on the table until the next one arrives.', 1, unixepoch('2023-10-30')),
	(42, 'demo/compound-wall.jpg', 'image/jpeg', 800, 533, 25536,
	 'A closed gate in a barbed-wire fence under a hazy sky.',
	 'The main gate of the Velmora compound.', 1, unixepoch('2024-09-20')),
	(43, 'demo/compound-rooftops.jpg', 'image/jpeg', 800, 533, 23803,
	 'Rows of low roofs in grey and cream seen from above, inside a rectangular wall.',
	 'Accommodation blocks inside the compound, drawn from a former resident''s sketch.', 1, unixepoch('2024-09-20')),
	(44, 'demo/compound-night.jpg', 'image/jpeg', 800, 533, 21724,
	 'Town lights and a pale moon at night, buildings in dark silhouette.',
	 'Velmora town at night, eleven kilometres from the compound.', 1, unixepoch('2024-09-20')),
	(45, 'demo/bus-arrival.jpg', 'image/jpeg', 800, 533, 17727,
	 'A terracotta bus pulling in beside a shelter where three figures sit waiting.',
	 'The bus station in Halvan, where a family waited for four hours.', 1, unixepoch('2025-06-05')),
	(46, 'demo/spring-table.jpg', 'image/jpeg', 800, 533, 39266,
	 'A rose-pink tablecloth seen from above with round dishes, bowls and a letter.',
	 'A new-year table, with one place left empty.', 1, unixepoch('2025-03-18')),
	(47, 'demo/stamped-papers.jpg', 'image/jpeg', 800, 533, 21242,
	 'Two sheets of paper, an envelope and a pen on a terracotta surface.',
	 'Forms, copies and stamps: the paperwork of a new life.', 1, unixepoch('2025-01-20'));

-- Articles 1-7: relied on by the tests (6 published, 1 draft).
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

-- Articles 8-47: the demo archive, oldest first.  Columns as above plus
-- featured_media_id (a media id, or NULL).

-- 2019
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(8, 1, 'homeward-watch-opens-its-doors', 'Homeward Watch opens its doors',
 'A small office, a phone line and this website: why a group of families and former members decided to work together.',
 'Today we open a small office, a telephone line and this website. We are parents, brothers, sisters, cousins and former members of the Ashgrove Movement, and we share one aim: that no family should have to wait in silence for news of someone they love.

## Who we are

Most of us met in a waiting room. Some had travelled for two days to reach the border post at Marren Gate; others had written letters for ten years without a single reply. We began by comparing notes, then by keeping records together, and finally by asking for help with one voice.

## What we will do

1. **Document.** Every family that contacts us gets a case file, kept confidential and updated with each letter, call or visit.
2. **Support.** We help families write to the authorities, find a lawyer, and prepare for a visit that may or may not happen.
3. **Publish.** We publish what families and former members want the world to know, in their words and with their consent.

## What we will not do

- We will not publish a name without the consent of the person or their family.
- We will not take sides in the politics of the host country.
- We will not ask families for money, ever.

> "I do not need you to agree with my son. I need you to help me find out whether he is well." — a mother from Halvan, at our first meeting

You can reach us through the [contact page](/contact) or read more [about us](/about). Our first newsletter will appear in the spring.

*Update, June 2019:* our short history of the camp where many of our relatives have lived for twenty years is now online: [What is Camp Lisk?](/articles/what-is-camp-lisk-a-short-history)',
 'published', 2, 1, 1, unixepoch('2019-03-04 09:00'), unixepoch('2019-03-01'), unixepoch('2019-06-17'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(9, 1, 'a-mothers-nineteen-years', 'A mother’s nineteen years at the kitchen window',
 'Soraya has kept her son’s room exactly as he left it in the summer of 2000. She tells us why she still sets the table for two.',
 'The window above Soraya''s sink looks out on the only road into her part of Halvan. From there she can see the bus stop, the bakery and, on a clear morning, the hills to the south. She has stood at that window, by her own count, "a few thousand mornings".

Her son Kaveh was nineteen when he left for what he described as a summer course abroad. He wrote twice that year. The second letter, which she keeps in a biscuit tin, ends with a promise to be home for the new year. That was in 2000.

## The room

Kaveh''s room is as he left it: a poster of a football team that no longer exists, a chemistry textbook with his notes in the margin, a cassette player. Soraya dusts it every Thursday.

"People tell me to make it a sewing room," she says. "I tell them I will, the day he tells me himself."

## What she has tried

Over nineteen years Soraya has:

- written more than two hundred letters, most sent through a cousin who travels to the host country;
- asked three governments, in person, for help;
- stood for a week outside the Movement''s office abroad, where she was told her son did not wish to see her;
- learned to use a smartphone, "in case he ever sends a photograph".

> "I am not angry with him. I am angry with the walls."

## What she wants

Not much, she says: one phone call, without anyone else in the room. "If he tells me himself that he is happy, I will stop. But he must tell me himself."

We will keep Soraya''s case open for as long as she wants us to. If your family is in a similar situation, you can [write to us](/contact).',
 'published', 3, 5, 3, unixepoch('2019-06-17 10:00'), unixepoch('2019-06-10'), unixepoch('2019-06-17'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(10, 1, 'what-is-camp-lisk-a-short-history', 'What is Camp Lisk? A short history of a closed place',
 'For thirty years the Movement''s main compound stood in the southern desert of the host country. Here is what we know about it, and how we know it.',
 'Camp Lisk is a walled compound in the southern desert of the host country, about four hours by road from the nearest city. For most of its existence almost nobody outside the Ashgrove Movement has been allowed in. What follows is drawn from the accounts of forty-three former members, from public records, and from the few journalists who visited under escort.

![Rows of low buildings with pale roofs seen from above, inside a walled rectangle on sandy ground](/uploads/demo/camp-lisk-from-above.jpg "A drawing of Camp Lisk from above, based on former members'' sketches.")

## A timeline

1. **1989.** The Movement, which had left its home country three years earlier, builds the first barracks on land leased from the host government.
2. **1996.** A second wall is added. Former members date the end of free movement between the camp and the nearby town to this year.
3. **2003.** Telephones are removed from the residential blocks. Letters are now collected and read by a "correspondence committee".
4. **2009.** Family visits stop altogether. The Movement says that members no longer wish to receive them.
5. **2016.** The host country announces that the camp will close and that its residents must be moved.
6. **2019.** About 1,900 people are thought to remain. The move to a new site in Velmora Province is expected to take until the end of 2020.

## Daily life, as former members describe it

Days were organised in shifts: work, study, meetings, and what former members call "self-criticism sessions". Personal possessions were limited to what fitted in one locker. Marriage was discouraged and, after 1994, forbidden.

### What residents could not do

- leave the compound without an escort;
- make or receive a private phone call;
- keep letters from family after reading them;
- see a doctor from outside without a supervisor present.

## Why it matters to families

For the families we work with, Camp Lisk is not a place on a map but the last known address of a son, a sister or a father. When it closes, that address closes with it. This is why we are asking for an independent register of everyone who is moved.

*Sources:* interviews by Homeward Watch, 2019; [a 1998 survey of the camp](https://www.example.org/reports/camp-lisk-survey-1998) published by a regional monitoring group; [satellite images compared over twenty years](https://www.example.com/imagery/southern-desert-compounds). See also our [first post](/articles/homeward-watch-opens-its-doors).',
 'published', 2, 9, 4, unixepoch('2019-06-17 15:30'), unixepoch('2019-06-12'), unixepoch('2019-06-17'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(11, 1, 'open-letter-to-the-governor-of-velmora', 'An open letter to the Governor of Velmora Province',
 'Forty-one families ask the Governor to guarantee visits and telephone calls at the new compound before anyone is moved there.',
 'Your Excellency,

We are forty-one families whose relatives live with the Ashgrove Movement at Camp Lisk and who, we understand, are soon to be moved to a new site in your province.

For more than ten years we have not been allowed to visit them. Most of us have not heard their voices in that time. We do not write to take any position on the Movement or on its presence in your country. We write because the move is a chance to begin again.

We respectfully ask you:

1. to make family visits at the new site a condition of its permit;
2. to provide a telephone, without supervision, that residents may use freely;
3. to allow an independent body to register every person who arrives, so that no one is lost on the way.

We would be glad to meet your office at any time and place convenient to you.

With respect and hope,

**Soraya H.**, Halvan\
**Dariush M.**, Bereth\
**Nasrin A.**, Estrel

*on behalf of forty-one families, with the support of Homeward Watch, PO Box 100, Example City*',
 'published', 1, 3, 5, unixepoch('2019-10-09 11:00'), unixepoch('2019-10-05'), unixepoch('2019-10-09'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(12, 1, 'weekly-digest-2019-12-20', 'Weekly digest: 20 December 2019',
 'A first court ruling on family visits, a winter appeal in Bereth, and a long read on leaving closed groups.',
 'Each week our partners at the Bridges Family Network send us what they have read and heard. Here is this week''s selection.

++ A district court in the host country has ruled, for the first time, that a resident of a closed compound may receive a visit from a parent "where the resident does not object in person". Lawyers say the words *in person* matter most. [Read the summary](https://www.example.org/news/2019/12/court-ruling-family-visits).

++ In Bereth, the parents'' group that meets every Tuesday has launched a winter appeal for warm clothes, to be sent with the next delegation. [Details and a list of what is needed](https://www.example.org/bereth/winter-appeal).

++ A long read in a regional magazine looks at why people stay in closed groups long after they have stopped believing. The author interviewed twelve people who left different movements. [Read it here](https://www.example.com/magazine/why-people-stay).

++ Our own [open letter to the Governor of Velmora Province](/articles/open-letter-to-the-governor-of-velmora) has had no reply yet. Forty-nine families have now signed it.

The digest will return on the second week of January. We wish a quiet winter to everyone who is waiting.',
 'published', 5, 8, 7, unixepoch('2019-12-20 16:00'), unixepoch('2019-12-20'), unixepoch('2019-12-20'));

-- 2020
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(13, 1, 'newsletter-no-4', 'Newsletter No. 4',
 'Our winter issue: the Velmora letter, a year of case files, and how to prepare for a visit that might be refused.',
 '## In this issue

- **A letter to Velmora.** Forty-one families wrote to the Governor of the province where the new compound is being built. [Read the letter](/articles/open-letter-to-the-governor-of-velmora).
- **Our first year in numbers.** 112 case files opened, 64 families helped to write to the authorities, 3 phone calls that finally came through.
- **What is Camp Lisk?** A summary of our history of the camp, for readers who cannot go online. [The full text](/articles/what-is-camp-lisk-a-short-history).
- **Preparing for a visit.** A checklist, written with families who have made the journey: documents, photographs, and what to say if you are turned away.
- **A mother''s window.** Soraya''s story, [first published in June](/articles/a-mothers-nineteen-years), with a reply from readers in three countries.

[Download the PDF](https://www.example.org/newsletters/homeward-watch-no-4.pdf) (1.2 MB, 12 pages). Printed copies are available from our office for families without internet access.',
 'published', 1, 10, 8, unixepoch('2020-01-15 08:00'), unixepoch('2020-01-10'), unixepoch('2020-01-15'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(14, 1, 'the-gate-was-always-locked', '“The gate was always locked”: a former member remembers Camp Lisk',
 'R. spent fourteen years inside the camp. She describes the two gates, the tower and the day she walked out of both.',
 'R. agreed to tell her story on condition that we use only her initial. She is forty-six, lives in a city she asked us not to name, and works in a bakery. She left Camp Lisk in 2017.

## Two gates

"People think there was one gate. There were two. The outer one was for trucks, and it opened every morning. The inner one was for us, and it was always locked. In fourteen years I saw it open for a person perhaps five times."

Between the gates was a strip of sand about thirty metres wide. Residents called it "the corridor". Nobody crossed it alone.

![A watchtower and a barbed-wire fence against an evening sky of purple and orange](/uploads/demo/watchtower-evening.jpg "“You could see the tower from every window.”")

## The tower

"You could see the tower from every window. I do not know if anyone was in it. That was the point: you did not know, so you behaved as if someone was."

## Leaving

R. left during a medical transfer to a hospital in the nearest city. She asked a nurse to lend her a phone and called a number she had memorised years before: her brother''s.

"He answered on the second ring. I said my name and he started to cry, and I thought, *he has been waiting all this time*. I had been told for years that my family had forgotten me."

She stayed in the hospital for two more days, then walked out of the front door with her brother. "Nobody stopped me. It was an ordinary door. It opened from the inside."

---

If you have left the Movement and would like to talk to someone who has done the same, our volunteers can put you in touch. [Write to us](/contact); we answer every message.',
 'published', 4, 6, 9, unixepoch('2020-02-27 10:30'), unixepoch('2020-02-20'), unixepoch('2020-02-27'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(15, 1, 'weekly-digest-2020-05-13', 'Weekly digest: 13 May 2020',
 'Borders closed, letters delayed, and families find new ways to keep in touch.',
 'Our partners at the Bridges Family Network have spent the week on the phone with families. The short version: everything is slower, nothing has stopped.

++ Postal services to the host country are suspended until further notice. The network is collecting letters and will send them together when the service resumes. [How to send yours](https://www.example.org/letters/collection-point).

++ A volunteer in Estrel has started a weekly video call for parents who live alone. Twelve joined the first one; thirty the second. [Join the next call](https://www.example.org/estrel/parents-call).

++ A public health researcher explains why closed compounds are at particular risk during an epidemic, and what authorities should ask of those who run them. [Read the explainer](https://www.example.com/health/closed-settings-epidemics).

++ From our archive: a former member on [leaving, rebuilding a life and finding family again](/articles/in-conversation-with-a-former-member), to be published later today.

Stay well, and keep writing.',
 'published', 5, 8, 7, unixepoch('2020-05-13 08:00'), unixepoch('2020-05-12'), unixepoch('2020-05-13'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(16, 1, 'letters-in-the-time-of-lockdown', 'Letters in the time of lockdown: families write anyway',
 'With the post suspended, families kept writing. We collected more than three hundred letters in six weeks.',
 'When the post to the host country was suspended in March, we expected families to stop writing. They did the opposite.

In six weeks our office received 317 letters, addressed to relatives at Camp Lisk and, for the first time, to the new compound at Velmora. Some were a single page. One ran to forty.

## What people wrote about

We do not read families'' letters. But many writers told us, when they dropped them off, what they had written, and a pattern emerged:

- **Ordinary news.** Births, weddings, a new job, a dog that died.
- **Health.** Many parents wanted their children to know they were well, or, more often, that they were not.
- **Recipes.** Several mothers wrote out a favourite dish "so that he can taste home".
- **Apologies.** Some for quarrels decades old, some for nothing at all.

> "I wrote that the apricot tree he planted has fruit this year. That is all. I thought he would like to know." — a father in Bereth

## What happens next

We are keeping every letter in a sealed box, sorted by town. When the post resumes we will send them together, by registered mail, and publish how many were delivered and how many came back.

If you would like to add a letter, bring it to our office or post it to PO Box 100, Example City. Please write the full name of the person on the envelope, and your own address on the back.',
 'published', 3, 5, 10, unixepoch('2020-05-13 17:45'), unixepoch('2020-05-13'), unixepoch('2020-05-13'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(17, 1, 'i-left-with-one-bag', 'Interview: "I left with one bag and a phone number"',
 'T. left the Movement during the move from Camp Lisk. He talks about the first night, the first job and the first call home.',
 'T. is thirty-eight. He joined the Movement at twenty and left it this summer, on the road between Camp Lisk and Velmora. He spoke to Leyla Marvand in our office.

**LM:** Where were you when you decided to leave?

**T.:** On a bus. We were being moved in groups of forty. At a fuel stop I asked to use the toilet, and when I came out the bus was facing the wrong way for a minute, and nobody was looking at me. That minute was enough.

**LM:** What did you take?

**T.:** One bag. Two shirts, a toothbrush, and a piece of paper with my uncle''s phone number on it. I had kept that paper for eleven years, folded inside the lining of a jacket.

![Green hills under a blue sky with a pale sun, as seen from a moving bus](/uploads/demo/bus-window-view.jpg "The view from the bus, the morning after leaving.")

**LM:** Did your uncle answer?

**T.:** His number had changed. The person who answered was a stranger, a young woman. She listened to the whole story and then she found my uncle for me. It took her three hours. I do not know her name.

**LM:** What was hardest in the first weeks?

**T.:** Choosing. What to eat, when to sleep, which shirt. For eighteen years somebody else chose. The first time I went into a supermarket I left without buying anything.

**LM:** And now?

**T.:** I work in a warehouse. I have a bank account. On Sundays I call my mother. We talk about nothing, for an hour. It is the best hour of the week.

**LM:** What would you say to someone still inside who is thinking of leaving?

**T.:** That the world outside is not what you were told. People are kind more often than not. And that your family has not forgotten you. Mine had not.

---

*This interview has been shortened and edited for clarity. For practical advice on the first weeks outside, see the [guide published by our partners](https://www.example.org/guides/first-weeks-outside), and the [story of R.](/articles/the-gate-was-always-locked), who left Camp Lisk in 2017.*',
 'published', 3, 7, 11, unixepoch('2020-09-02 12:00'), unixepoch('2020-08-28'), unixepoch('2020-09-02'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(18, 1, 'questions-and-answers-on-the-velmora-relocation', 'Questions & answers on the Velmora relocation',
 'The last residents of Camp Lisk are being moved north. What do we know, what don''t we know, and what can families do?',
 'The host country says the move from Camp Lisk to the new site in Velmora Province will be complete by the end of this month. Families have been asking us the same questions for weeks. Here are our answers, as of today.

## How many people are being moved?

We estimate between 1,700 and 1,900. Neither the Movement nor the host government has published a figure.

## Where exactly is the new site?

About eleven kilometres outside the town of Velmora, on a former agricultural estate. It is surrounded by a wall and, according to people who have driven past, a fence inside the wall.

## Will families be able to visit?

We do not know. The Governor of the province has not replied to [our open letter](/articles/open-letter-to-the-governor-of-velmora) of October 2019. No visits have been reported so far.

## Has anyone left during the move?

Yes. We know of at least nine people who left the Movement during the journey, including [T., who spoke to us in September](/articles/i-left-with-one-bag). There may be more who have not contacted anyone.

## What can families do now?

1. **Write a short letter** to your relative at the new address (we can give it to you) and keep a copy.
2. **Register your case** with us if you have not already, so that we can include it in our list for the authorities.
3. **Keep your phone on.** Every person who has left so far called a family member within days.
4. **Talk to each other.** The parents'' groups in Halvan, Bereth and Estrel meet weekly and welcome newcomers.

## Where can I read more?

Our [history of Camp Lisk](/articles/what-is-camp-lisk-a-short-history) explains how the camp worked. Our partners have published [a legal note on residents'' rights during the transfer](https://www.example.org/legal/transfer-rights-note).',
 'published', 2, 9, 12, unixepoch('2020-11-30 09:00'), unixepoch('2020-11-25'), unixepoch('2020-11-30'));

-- 2021
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(19, 1, 'eighty-two-families-sign-a-single-letter', 'Eighty-two families sign a single letter',
 'Today''s open letter to the Special Rapporteur took four months to write and eighty-two signatures to send.',
 'This morning we published an [open letter to the Special Rapporteur](/articles/open-letter-to-the-special-rapporteur) asking for an independent visit to the Velmora compound. It is four sentences long. It took four months to write.

## Why so long?

Because every family had to agree on every word. Some wanted the letter to name the Movement''s leaders; others feared that doing so would make things worse for their relatives. Some wanted to ask for the release of everyone; others only for a telephone call. In the end we kept only what all eighty-two families could sign.

## How the signatures were gathered

- **In person** in Halvan, Bereth and Estrel, at the weekly parents'' meetings;
- **by post** from families abroad, on a single page we sent to each of them;
- **by video call** for eleven parents who could not write, with a witness signing on their behalf.

The oldest signatory is ninety-one. The youngest is nineteen, and signed for a father she has never met.

> "We argued for four months and agreed in the end. That is more than most governments manage." — a volunteer in Bereth

## What happens now

The letter has been sent to the Rapporteur''s office by email and by registered post. We will publish any reply in full. Families who would like to add their names can still [contact us](/contact); we will send an updated list every three months.',
 'published', 2, 1, 13, unixepoch('2021-03-08 16:20'), unixepoch('2021-03-05'), unixepoch('2021-03-08'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(20, 1, 'a-banner-reading-hope-at-the-marren-gate-vigil', 'A banner reading "أمل" at the Marren Gate vigil',
 'Two hundred people stood at the border crossing for one night, holding candles and a single word: hope.',
 'On the longest day of the year, about two hundred people gathered at the Marren Gate crossing, the closest point to the Velmora compound that families from our side of the border can reach without a visa.

They came from Halvan, Bereth and Estrel, and a few from much further away. They brought folding chairs, thermos flasks and candles, and one banner, painted by a group of students, with a single word in Arabic: *أمل*, hope.

![Dozens of small candles glowing in the dark](/uploads/demo/vigil-candles.jpg "Each candle carried the name of one missing relative.")

## The names

Each candle had a paper collar with a name on it. At ten o''clock a volunteer read the names aloud, one by one. It took forty minutes. Some families called out a reply after each name; most stood in silence.

"I did not know there were so many," said a young man from Estrel, whose aunt has been with the Movement since before he was born. "I thought we were a few sad families. We are a town."

## The guards

The border guards on the other side watched from their hut, and at midnight one of them walked over to the fence. He did not say anything. He looked at the candles for a while and then went back.

![Silhouettes of people standing close together at night, holding candles](/uploads/demo/vigil-crowd.jpg "Families at the vigil, shortly before the gate closed.")

## Before dawn

By four in the morning most of the candles had burned out. The families packed their chairs, folded the banner and drove home. Nobody had expected anything to happen, and nothing did. But several people told us it was the first night in years they had not felt alone.

*The vigil was organised by the same parents'' groups that gathered the signatures for [the letter of eighty-two families](/articles/eighty-two-families-sign-a-single-letter) in March.*',
 'published', 4, 2, 14, unixepoch('2021-06-21 19:00'), unixepoch('2021-06-18'), unixepoch('2021-06-21'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(21, 1, 'weekly-digest-2021-09-14', 'Weekly digest: 14 September 2021',
 'A parliamentary question, a new helpline, and a radio documentary worth an hour of your week.',
 'Our partners at the Bridges Family Network bring you the week in brief.

++ A member of parliament in the host country has asked the Interior Ministry, in writing, how many people live at the Velmora compound and whether any have asked to leave. The ministry has thirty days to answer. [Read the question](https://www.example.org/parliament/written-question-velmora).

++ A new helpline for people leaving closed groups opened this week, staffed by volunteers who have left themselves. It takes calls in four languages, every evening from six to midnight. [Numbers and hours](https://www.example.org/helpline).

++ "The Long Silence", a radio documentary in three parts, follows two families over a year of waiting. It is gentle, unhurried and at times very funny. [Listen online](https://www.example.com/radio/the-long-silence).

++ Reminder: the parents'' group in Halvan now meets on Wednesdays, not Tuesdays, at the same address.

See you next week.',
 'published', 5, 8, 7, unixepoch('2021-09-14 15:00'), unixepoch('2021-09-14'), unixepoch('2021-09-14'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(22, 1, 'brief-closed-doors-open-questions', 'Our new brief: ‘Closed Doors, Open Questions’',
 'Forty pages on what we know about the Velmora compound, what we don''t, and the seven questions the authorities should answer.',
 'Today we publish our first policy brief, *Closed Doors, Open Questions*. It brings together two years of case files, the testimony of former members and the public record, and asks the authorities of the host country seven questions that families have been asking for years.

## What is in it

1. **The compound.** Its location, size and layout, as far as they can be established from outside.
2. **The residents.** Our best estimate of how many people live there, and how we arrived at it.
3. **Contact with families.** What the rules are said to be, and what families actually experience.
4. **Leaving.** What happened to the people who left during the move from Camp Lisk.
5. **Health.** What former members report about medical care, and the gaps they describe.
6. **The law.** Which obligations the host country has accepted, and how they apply here.
7. **Seven questions.** The questions we believe the authorities can answer, and should.

## Who it is for

The brief is written for officials, journalists and researchers, but we have tried to keep it readable for families too. A twelve-page summary is available in three languages.

[Download the brief (PDF, 2.4 MB)](https://www.example.org/publications/closed-doors-open-questions.pdf) · [Download the summary (PDF, 0.6 MB)](https://www.example.org/publications/closed-doors-summary.pdf)

We would like to thank the families who allowed us to use their stories, and the former members who checked every page for accuracy.',
 'published', 2, 4, 15, unixepoch('2021-12-03 10:00'), unixepoch('2021-11-30'), unixepoch('2021-12-03'));

-- 2022
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(23, 1, 'newsletter-no-12', 'Newsletter No. 12',
 'Our winter issue: a year after the vigil, the brief and its reception, and a new group in Estrel.',
 '## In this issue

- **Six months after the vigil.** What has changed since two hundred people stood at Marren Gate, and what has not. [The original report](/articles/a-banner-reading-hope-at-the-marren-gate-vigil).
- **Closed Doors, Open Questions.** Our brief was discussed in two parliaments and one newspaper. [Read the brief](/articles/brief-closed-doors-open-questions).
- **A new group in Estrel.** Young people whose parents or aunts joined the Movement before they were born now meet monthly. They would like to hear from others like them.
- **Your letters.** Our lockdown letter collection was finally delivered; 212 arrived, 74 came back unopened, 31 are unaccounted for. [The story of the collection](/articles/letters-in-the-time-of-lockdown).
- **Volunteers wanted.** We need translators, drivers and someone who understands spreadsheets.

[Download the PDF](https://www.example.org/newsletters/homeward-watch-no-12.pdf) (1.6 MB, 16 pages).',
 'published', 1, 10, 8, unixepoch('2022-01-12 08:00'), unixepoch('2022-01-10'), unixepoch('2022-01-12'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(24, 1, 'where-is-the-letter-i-sent-in-2009', 'A father’s question: "Where is the letter I sent in 2009?"',
 'Dariush wrote to his daughter the week visits were stopped. Thirteen years later, he is still waiting to learn whether she read it.',
 'Dariush is seventy-four and keeps his papers in a green folder with an elastic band. The first sheet in it is a photocopy of a letter he wrote in April 2009, the week families were told that visits to Camp Lisk had ended.

"I wrote it in one evening," he says. "I did not make a draft. I thought, if I make a draft, I will make it clever, and she does not need clever."

## What the letter said

He does not want it published, but he told us what is in it: that her mother was ill but recovering; that her younger brother had passed his exams; that the house was too quiet; that she could come home whenever she wanted, "with no questions, not one".

## What happened to it

He sent it by registered post. The receipt came back signed, with a name he did not recognise. Then, nothing.

Over the years he has asked:

- the Movement''s office abroad, which said that letters are "passed on to members who wish to receive them";
- two consulates, which said they had no access;
- a former member who left in 2015, who told him that letters were read in a committee and that some were never handed over.

> "I am not asking for an answer. I am asking whether she knows that I wrote. That is a smaller question. Surely someone can answer a small question."

## Why we are publishing this

Because Dariush asked us to, and because his question is shared by hundreds of families. In our brief [Closed Doors, Open Questions](/articles/brief-closed-doors-open-questions), we asked the authorities to require that every letter be handed to the person it is addressed to. We are still waiting for an answer, too.',
 'published', 3, 5, 16, unixepoch('2022-04-05 11:00'), unixepoch('2022-04-01'), unixepoch('2022-04-05'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(25, 1, 'video-the-long-queue-at-marren-gate', 'Video: the long queue at Marren Gate',
 'Four minutes filmed by a volunteer at the crossing: families waiting, and a gate that opens for trucks but not for them.',
 'Our correspondent spent a week at the Marren Gate crossing this month; [her diary is here](/articles/a-week-on-the-border). On the last day a volunteer filmed the queue on a phone, from seven in the morning until the gate closed early in the afternoon.

The film is four minutes long and has no commentary. Faces have been blurred at the request of the families.

[Click here to download the video file](https://media.example.org/video/marren-gate-queue-2022.mp4) (MP4, 38 MB, 4 min 12 s). A [version with subtitles](https://media.example.org/video/marren-gate-queue-2022-subtitled.mp4) is also available.

If you would like to use the film in a talk or a class, you are welcome to; please credit Homeward Watch and [tell us where it was shown](/contact).',
 'published', 4, 11, 17, unixepoch('2022-08-19 13:00'), unixepoch('2022-08-19'), unixepoch('2022-08-19'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(26, 1, 'what-happens-to-the-people-who-leave', 'What happens to the people who leave?',
 'Since 2016 at least sixty people have left the Movement''s compounds. We followed what became of them: papers, work, health and family.',
 'We are often asked what happens to people after they leave. Since 2016 we have been in contact with sixty-three of them. Not all wanted to be interviewed; forty-one answered our questions, some in one conversation and some over several years. This is what they told us.

## The first month

Almost everyone described the first month as the hardest. The problems were practical before they were emotional:

- **Papers.** Most arrived with no identity document at all. Some had passports that had expired fifteen years earlier.
- **Money.** None had savings. Several did not know how to use a bank card.
- **A place to sleep.** Two thirds stayed with family; the rest in shelters or with volunteers.

![The sun setting over dusky hills and calm water, with a few birds in the sky](/uploads/demo/lake-evening.jpg "Evening over the reservoir outside Estrel, where several former members now live.")

## After a year

After a year, most of the people we followed had work, though rarely in the field they had trained for before joining. Many described a second, slower difficulty: learning to make decisions, to disagree, to trust.

### Health

Eleven people told us about health problems that had gone untreated for years: teeth, eyes, joints, and in three cases serious illness. All said they had been reluctant to see a doctor, because inside the compound a visit to a doctor was something to be reported.

### Family

Thirty-seven of the forty-one were in regular contact with at least one family member within a year. Several said that the first call was the moment they were sure they had left.

## What helps

We asked everyone what had helped most. The answers were remarkably similar:

1. someone who answered the phone, at any hour;
2. help with documents, from someone who knew the system;
3. meeting others who had left;
4. time, and not being rushed to explain.

Our [guide for families expecting a relative home](https://www.example.org/guides/when-they-come-home) draws on these answers. For one person''s account of the first weeks, read our interview with [T., who left with one bag](/articles/i-left-with-one-bag).',
 'published', 2, 6, 18, unixepoch('2022-10-27 09:30'), unixepoch('2022-10-20'), unixepoch('2022-10-27'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(27, 1, 'open-letter-to-the-minister-of-the-interior', 'An open letter to the Minister of the Interior',
 'Families ask the host country''s Interior Minister for three things: a register, a telephone and a door.',
 'Dear Minister,

We write as the families of people who live at the compound near Velmora, in your country. Many of us have not spoken to our relatives for more than a decade.

Last year your ministry answered a parliamentary question by saying that the residents of the compound are "free to leave and free to receive visitors". We welcome that statement. We ask you to make it true in practice, by three simple measures:

1. **A register.** That your ministry keep a list of everyone living at the compound, and confirm to a family, on request, whether their relative is there.
2. **A telephone.** That residents have access to a telephone without supervision, at least once a week.
3. **A door.** That anyone who wishes to leave may do so through the main gate, in daylight, and be met by an official of your ministry rather than by the Movement.

We would be grateful for the opportunity to meet you or your officials, and we will share this letter with the members of parliament who raised the question.

Yours faithfully,

**Nasrin A.**, Estrel\
**Dariush M.**, Bereth\
**Soraya H.**, Halvan\
**Homeward Watch**, Example City

*and 104 further families, whose names are held by Homeward Watch*',
 'published', 1, 3, 19, unixepoch('2022-12-15 10:00'), unixepoch('2022-12-10'), unixepoch('2022-12-15'));

-- 2023
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(28, 1, 'we-learned-to-speak-in-half-sentences', '“We learned to speak in half-sentences”: a conversation with two sisters',
 'N. stayed at home; P. joined the Movement and left twenty years later. They talk about the years between them, and the language they lost.',
 'N. and P. are sisters, four years apart. P. joined the Movement in 1999 and left in 2019. N. spent those twenty years writing to her. They spoke to Leyla Marvand together, at N.''s kitchen table.

**LM:** How did you find each other again?

**P.:** I called her from a hospital. I did not have her number; I had our mother''s, and our mother gave me hers.

**N.:** I was at work. I went into the stairwell and sat on the steps and we talked for two hours. My manager came looking for me and saw my face and went away again.

**LM:** What was it like, at first?

**N.:** Strange. We both wanted to say everything, and we could not say anything. We learned to speak in half-sentences. She would start, and stop, and I would wait.

**P.:** Inside, you learn that every sentence can be used against you. So you stop finishing them. It took me a year to finish a sentence in front of my sister.

**LM:** Did you receive N.''s letters?

**P.:** Four. She tells me she wrote more than a hundred.

**N.:** A hundred and thirty-one. I kept copies. I gave them to her, in a box, on her first birthday at home.

**P.:** I have read them all. Some twice. It was like reading a diary of a life I was not allowed to have.

**LM:** What would you like other families to know?

**N.:** Keep the copies.

**P.:** And do not stop writing because nobody answers. The letters you send are not lost. Even the ones that are not given to us: somebody reads them, and somebody knows that we are loved. Inside, that matters more than you think.

---

*N. and P. asked us to thank the volunteers of the [helpline for people leaving closed groups](https://www.example.org/helpline). More accounts from former members are collected in [Former Members'' Stories](/category/former-members).*',
 'published', 3, 7, 20, unixepoch('2023-02-08 12:00'), unixepoch('2023-02-01'), unixepoch('2023-02-08'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(29, 1, 'is-the-movement-still-recruiting', 'Is the Movement still recruiting? What our records show',
 'Families keep asking whether young people are still joining. Our case files suggest the answer is: rarely, and differently.',
 'Among the questions we receive most often is this one: *is the Movement still recruiting?* Parents of teenagers ask it; so do journalists. We looked at our own records to find out what we can, and cannot, say.

## What we looked at

- 486 case files opened between 2019 and 2023;
- the year in which each person joined, where the family knows it;
- the accounts of 52 former members about recruitment in their time.

## What we found

1. **Almost everyone joined before 2005.** Of the people whose year of joining is known, 91% joined between 1985 and 2004.
2. **Recent cases are few, and different.** We have eleven cases of people who joined after 2010. None were recruited at home; all were approached while studying or working abroad.
3. **The approach has changed.** Former members describe recruitment in the 1990s as political meetings and public events. Recent cases began with offers of work, accommodation or language courses.

### What we cannot say

Our records only include families who contact us. A family that does not know where their child has gone, or does not know we exist, is not in them. The real number of recent recruits may be higher.

## What families can do

If your son or daughter abroad mentions a job offer or course that seems unusually generous, ask questions, gently. Our partners have published [a short guide for parents](https://www.example.org/guides/generous-offers) that does not assume the worst. And if you are worried, [write to us](/contact): we would rather hear from a hundred families who turn out to be fine than miss one who is not.',
 'published', 2, 9, 21, unixepoch('2023-05-30 09:00'), unixepoch('2023-05-25'), unixepoch('2023-05-30'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(30, 1, 'newsletter-no-19', 'Newsletter No. 19',
 'Our autumn issue: recruitment, two sisters, and a first answer from the Ministry.',
 '## In this issue

- **A first answer.** The Interior Ministry replied to [our open letter](/articles/open-letter-to-the-minister-of-the-interior) after ten months. The reply is polite, short and says nothing new; we print it in full.
- **Is the Movement still recruiting?** A summary of what our case files show, and what they cannot. [The full article](/articles/is-the-movement-still-recruiting).
- **Half-sentences.** Two sisters on twenty years apart and the year it took to talk again. [Read the conversation](/articles/we-learned-to-speak-in-half-sentences).
- **Letters still welcome.** Our office now forwards letters to the Velmora compound every month. The first batch of the autumn leaves on 20 October.
- **Thank you.** To the bakery in Bereth that has fed the Tuesday meeting for four years, free of charge.

[Download the PDF](https://www.example.org/newsletters/homeward-watch-no-19.pdf) (1.4 MB, 14 pages).',
 'published', 1, 10, 8, unixepoch('2023-10-04 08:00'), unixepoch('2023-10-02'), unixepoch('2023-10-04'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(31, 1, 'weekly-digest-2023-11-02', 'Weekly digest: 2 November 2023',
 'A delegation postponed, a conference in Estrel, and a photographer''s portraits of waiting.',
 'The week in brief, from our partners at the Bridges Family Network.

++ The parliamentary delegation that was due to visit Velmora Province this month has been postponed "for logistical reasons". No new date has been set. [The announcement](https://www.example.org/news/2023/11/delegation-postponed).

++ A two-day conference in Estrel brought together families, former members and researchers of closed groups from six countries. The recordings of the main sessions are now online. [Watch the sessions](https://www.example.com/conference/estrel-2023).

++ A photographer spent a year with families who are waiting for someone. Her portraits show kitchens, doorways and telephones more than faces. [See the series](https://www.example.com/photography/the-waiting-rooms).

++ Today we publish our correspondent''s report from three cities, [Families wait for news](/articles/families-wait-for-news), and this evening a photo essay from the same journey.

Until next week.',
 'published', 5, 8, 7, unixepoch('2023-11-02 09:10'), unixepoch('2023-11-01'), unixepoch('2023-11-02'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(32, 1, 'three-kitchen-tables-a-photo-essay', 'Three cities, three kitchen tables: a photo essay',
 'Most of our interviews happen at kitchen tables. Our correspondent drew three of them, in Halvan, Bereth and Estrel.',
 'On the journey that produced today''s report, [Families wait for news](/articles/families-wait-for-news), our correspondent was not allowed to take photographs of the people she met. So she drew their kitchens instead, from memory, on the bus each evening. Here are three of them.

## Halvan

![A sage-green tablecloth seen from above with bowls of food, a glass of tea and a letter](/uploads/demo/kitchen-halvan.jpg "Halvan: lunch is laid out for a son who may never sit down to it.")

Every day at one o''clock, a mother in Halvan lays out lunch for two: rice, herbs, a bowl of yoghurt, tea. When her son does not come, she eats her half and gives his to the neighbour''s children. She has done this, she says, "since the year the telephones were taken away".

## Bereth

![A kitchen window with a view of green hills, a cup and a plant on the sill, between green and rust curtains](/uploads/demo/kitchen-bereth.jpg "Bereth: the window faces the road from the east.")

In Bereth, a father has moved his kitchen table so that it faces the window. The road from the east, the one a bus from the border would take, runs past it. "I do not watch it," he says. "I just like to sit where I can see it."

## Estrel

![A blue checked tablecloth seen from above with bowls, a glass of tea and a letter](/uploads/demo/kitchen-estrel.jpg "Estrel: every letter is kept on the table until the next one arrives.")

In Estrel, the last letter a family received, in 2016, lies on the kitchen table under a glass paperweight. It will stay there, they told us, until the next one arrives. Then it will go into a drawer with the others, and the new one will take its place.

---

*Drawings by our correspondent; names and details have been left out at the families'' request.*',
 'published', 4, 5, 22, unixepoch('2023-11-02 18:30'), unixepoch('2023-10-28'), unixepoch('2023-11-02'));

-- 2024
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(33, 1, 'rebuilding-a-life-at-forty-five', 'Rebuilding a life at forty-five: jobs, papers and a bank account',
 'M. left the Velmora compound in 2022 with no documents; eighteen months later he has a flat, a job and a library card.',
 'M. keeps a list on his fridge. At the top, in his own handwriting, it says *Things I have done*. The first item, dated March 2022, is "called my brother". The last, from last week, is "paid the electricity bill online".

He was forty-five when he left the Velmora compound, after twenty-three years in the Movement. He had no passport, no identity card, no bank account, no work history and no address.

## Step by step

### Papers (five months)

The hardest part, and the first. The consulate needed proof of identity; proof of identity needed a document from the consulate. A volunteer lawyer broke the circle with a sworn statement from his brother and two old school photographs.

### An address (two weeks)

His brother''s sofa, then a room in a shared flat found through a church noticeboard.

### A bank account (one afternoon, after three refusals)

"The fourth bank did not ask why I had no history. The clerk just said, *everybody starts somewhere*."

### Work (four months)

M. trained as an engineer before he joined. Today he repairs bicycles. "It is engineering," he says. "Small engineering. I like that you can see when it is fixed."

## What he would change

- "Someone should tell you, on the first day, the order to do things in. I did them in the wrong order and had to do some twice."
- "Nobody should have to explain, at every counter, where they have been for twenty years."

Our partners have turned M.''s order of things into [a checklist for the first six months](https://www.example.org/guides/first-six-months). For more stories like his, see [What happens to the people who leave?](/articles/what-happens-to-the-people-who-leave)',
 'published', 4, 6, 23, unixepoch('2024-02-19 10:00'), unixepoch('2024-02-15'), unixepoch('2024-02-19'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(34, 1, 'a-short-tour-of-the-new-site', 'A short tour of the new site: categories, tags & the archive',
 'Where to find our open letters, newsletters, interviews and digests, and how the archive is organised.',
 'This morning we [moved to a new site](/articles/welcome-to-the-new-site). Here is a short tour for readers who knew the old one.

## Sections

Every article belongs to one section, shown above its title:

- [News](/category/news), with [field reports](/category/field-reports) and [videos](/category/videos) from our correspondents;
- [Families'' Voices](/category/families-voices): letters, memories and photographs from the families;
- [Former Members'' Stories](/category/former-members): in their own words;
- [Interviews & Testimony](/category/interviews);
- [Open Letters](/category/open-letters) to officials and institutions;
- [The Movement''s Camps & the Host Country](/category/the-movement): what we know about the compounds;
- [Weekly Digest from Our Partners](/category/weekly-digest);
- [Publications](/category/publications), including every [newsletter](/category/newsletter).

## Tags

Tags cut across sections. For example, [Letters](/tag/letters) gathers everything about the letters families send, whatever the section, and [Camp Lisk](/tag/camp-lisk) everything about the old camp.

## The archive

Every article we have published since 2019 is here, newest first. Use *Older Posts* at the bottom of any page to go back in time.

## Something missing?

If a link from the old site no longer works, please [tell us](/contact) which one. We will fix it.',
 'published', 1, 1, 33, unixepoch('2024-05-13 11:00'), unixepoch('2024-05-12'), unixepoch('2024-05-13'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(35, 1, 'to-the-families-still-waiting', 'To the families still waiting: a letter from former members',
 'Twenty-six people who have left the Movement write to the families of those who have not.',
 'Dear mothers, fathers, sisters, brothers, sons and daughters,

We are people who have left. Some of us left twenty years ago, some last spring. We lived in Camp Lisk and in Velmora, and many of us lived there while you were writing to us.

We want you to know three things.

First: we were told that you had forgotten us. Most of us believed it, for a long time. It was not true, and when we learned that it was not true, it changed everything.

Second: your letters matter, even the ones that were never handed to us. Inside, we could tell when a person had been written to. Something in them held on.

Third: when your son or sister calls, and we believe that one day many of them will, you do not need to say anything clever. Say their name. Say you are glad. Ask if they have eaten. The rest can wait.

We do not know when the waiting will end. We only know that it can, because for us it did.

With love and respect,

**R.**, who left in 2017\
**T.**, who left in 2020\
**P.**, who left in 2019, with her sister N., who never stopped writing\
**M.**, who left in 2022

*and twenty-two further former members of the Ashgrove Movement, who signed in person at the offices of Homeward Watch*',
 'published', 1, 3, 24, unixepoch('2024-07-08 09:00'), unixepoch('2024-07-05'), unixepoch('2024-07-08'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(36, 1, 'inside-the-velmora-compound', 'Inside the Velmora compound: the rules nobody wrote down',
 'A regional quarterly spent six months talking to people who have lived at the Movement''s new site. We reprint their long report in full.',
 'Eleven kilometres outside the small town of Velmora, at the end of a road that appears on no bus timetable, a wall runs for almost two kilometres around what used to be a fruit farm. The trees have gone. In their place stand some forty low buildings, a meeting hall, a water tower and a second, inner fence. This is where the Ashgrove Movement has lived since it left Camp Lisk in 2020, and where, by the best available estimate, about 1,600 people live today.

Nobody from outside the Movement has been inside for longer than an afternoon. For this report we spoke, over six months, to nineteen people who lived at the compound and have since left, to four people who have delivered goods there, and to officials who would speak only without their names. What emerges is not a set of written rules, since former residents insist there are almost none on paper, but a set of habits so strong that nobody needs to write them down.

![A closed gate in a barbed-wire fence under a hazy sky](/uploads/demo/compound-wall.jpg "The main gate of the Velmora compound.")

## The gate

Every account begins at the gate. There is only one that residents use, and it is not, strictly speaking, locked. "It has a guard, not a lock," one woman who left in 2023 told us. "The guard is one of us. He smiles. He asks where you are going. You have never in your life said where you are going, because you have never gone anywhere, so you say *nowhere*, and he smiles again, and you go back."

Officials in the provincial capital point out, correctly, that the host country''s law allows any resident to leave. They are less able to say how a resident would do so. There is no public transport. The nearest telephone outside the compound is in the town. Residents do not, as a rule, carry money or identity documents; both are kept "for safety" by an office near the gate.

## The day

Days at Velmora follow a pattern that former residents of Camp Lisk recognise at once. A morning meeting; work in the kitchens, workshops or the print room; an afternoon of study; an evening session in which residents speak about their own faults and the faults of others. Sleep is short. Free time, in the sense of time that belongs to a person, does not exist.

"People imagine something dramatic," said a man who lived there for two years before leaving in 2022. "It is not dramatic. It is tiring. You are tired all the time, and when you are tired all the time you do not ask questions. I think that is the real wall."

![Rows of low roofs in grey and cream seen from above, inside a rectangular wall](/uploads/demo/compound-rooftops.jpg "Accommodation blocks inside the compound, drawn from a former resident''s sketch.")

## Letters and telephones

The Movement''s representatives abroad say that residents are free to correspond with their families. Former residents describe something different. Letters arrive at an office, are opened and read, and are then, in some cases, given to the person they are addressed to, usually in the presence of a supervisor, who takes the letter back afterwards. Several people told us they had been shown a letter from home only to be asked, immediately, to write a reply rejecting the family that sent it.

There are telephones in the compound, in the administrative building. Residents do not use them. Asked whether this was a rule, one former resident laughed. "Nobody told me I could not use the telephone. Nobody told me I could not fly, either."

## Medical care

Medical care is one of the few areas where the compound depends on the outside world. A doctor from the town visits, we were told, twice a month, and serious cases are taken to the provincial hospital. It is in hospitals, repeatedly, that people have found the chance to leave. Three of the nineteen people we interviewed left from a hospital bed, by asking a nurse to lend them a telephone.

Two of them described the same moment: the realisation, as the nurse handed over the phone, that they did not know anyone''s number. One of them remembered her mother''s, from childhood. The other called a number that had once belonged to his brother and reached a stranger, who spent the afternoon finding the family for him.

## What the authorities know

Officials in the province are candid in private. They know roughly how many people live in the compound. They do not keep a list of names. They say they have no reason to believe anyone is held against their will, and no way to check. A request to visit the compound, made by a parliamentary delegation in 2023, was postponed and has not been renewed.

"It is a private property," one official told us. "We do not enter private property without a reason. Give me a complaint and I will have a reason." Asked how a resident who does not use telephones and does not leave the gate might make a complaint, he paused for a long time. "That," he said, "is a good question."

![Town lights and a pale moon at night, buildings in dark silhouette](/uploads/demo/compound-night.jpg "Velmora town at night, eleven kilometres from the compound.")

## The families

For the families of residents, most of whom live across the border, Velmora is a word on an envelope. Groups in Halvan, Bereth and Estrel continue to write, to petition and, once a year, to gather at the nearest border crossing. Their demands have not changed in a decade: a list of names, a private telephone call, a door that opens.

None of these, several officials acknowledged, would be difficult to provide. None has been provided.

## Why the habits hold

Perhaps the most striking thing about our interviews is how few of the former residents blamed any single person. They described a place in which everyone watched everyone, in which the watching had long ago become automatic, and in which the absence of written rules made every rule harder to challenge. "You cannot argue with a rule nobody wrote," said the woman who left in 2023. "You can only break it. And you have to break it alone."

She broke it on an ordinary afternoon, she said, walking past the smiling guard and telling him, for the first time in nineteen years, exactly where she was going.

---

*This article first appeared in The Lowland Quarterly, autumn 2024, and is reprinted with the editors'' permission. [Read it on their site](https://lowland-quarterly.example.com/2024/autumn/inside-the-velmora-compound).*',
 'published', 1, 9, 25, unixepoch('2024-09-23 08:30'), unixepoch('2024-09-20'), unixepoch('2024-09-23'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(37, 1, 'weekly-digest-2024-11-11', 'Weekly digest: 11 November 2024',
 'A hospital that lends its phone, a court that asks for a list, and a choir that sings for the absent.',
 'The week in brief, from our partners at the Bridges Family Network.

++ Nurses at the provincial hospital in Velmora have, quietly, put up a notice in four languages: *you may use this telephone*. At least two people have done so this year. [The story](https://www.example.org/news/2024/11/hospital-telephone).

++ An administrative court has asked the Interior Ministry to explain, within sixty days, why it does not keep a register of the residents of the Velmora compound. It is the first time a court has asked the question. [The order, summarised](https://www.example.org/legal/2024/register-order).

++ The Estrel choir of families, which began as four mothers in a living room, performed in the city''s cathedral on Sunday. Every song was chosen by someone for someone who is absent. [Listen to a recording](https://www.example.com/music/estrel-choir-2024).

++ If you missed it in September, our reprint of [Inside the Velmora compound](/articles/inside-the-velmora-compound) is the most complete account yet of life at the new site.

Until next week.',
 'published', 5, 8, 7, unixepoch('2024-11-11 10:00'), unixepoch('2024-11-11'), unixepoch('2024-11-11'));

-- 2025
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(38, 1, 'interview-a-lawyer-on-residence-papers-and-family-visits', 'Interview: a lawyer on residence papers & family visits',
 'A volunteer lawyer who has helped thirty former members get their papers explains what the law allows, and what it doesn''t.',
 'H. is a lawyer at the Northlight Legal Clinic, a volunteer service that has helped thirty people who left the Movement to obtain identity documents and residence papers. She spoke to Leyla Marvand.

**LM:** What is the first legal problem a person faces when they leave?

**H.:** They do not exist, on paper. Their passport expired long ago, or was never returned to them. The host country has no record of them as residents, because the Movement held a collective permit. So the first job is to prove that they are who they say they are.

**LM:** How do you do that?

**H.:** With whatever there is. School certificates, old photographs, a birth certificate from home, sworn statements from relatives. Every case is a small puzzle. The fastest took six weeks, the slowest two years.

![Two sheets of paper, an envelope and a pen on a terracotta surface](/uploads/demo/stamped-papers.jpg "Forms, copies and stamps: the paperwork of a new life.")

**LM:** Can a family demand a visit?

**H.:** Not directly. The law protects the resident''s right to receive visitors, not the family''s right to visit. That sounds like a small difference, but it means that a resident has to ask, and a resident who never sees a telephone never asks. What families *can* do is ask the authorities to confirm that their relative is alive and present. We are arguing in court that the authorities must be able to answer that.

**LM:** What should families keep?

**H.:** Everything. Copies of letters sent and received, postal receipts, the names of officials who answered the phone, dates. In two of our cases, a mother''s notebook was the most important piece of evidence we had.

**LM:** And former members?

**H.:** Come to us early. Before you sign anything, before you apply for anything. An application made in the wrong order can cost six months.

---

*The Northlight Legal Clinic publishes [a plain-language guide to residence papers](https://www.example.org/northlight/residence-guide). Our own [story of M.](/articles/rebuilding-a-life-at-forty-five) shows what the process looks like from the other side of the counter.*',
 'published', 3, 7, 26, unixepoch('2025-01-27 11:00'), unixepoch('2025-01-20'), unixepoch('2025-01-27'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(39, 1, 'what-home-means-after-twenty-four-years', 'What “خانه” means after twenty-four years away',
 'Kaveh came home last autumn. On the first day of spring, his mother Soraya set the new-year table for two, and this time both places were taken.',
 'In June 2019 we told the story of [Soraya, who had stood at her kitchen window for nineteen years](/articles/a-mothers-nineteen-years) waiting for her son. In October last year, Kaveh came home.

He left the Velmora compound from a hospital, like several others before him, and called the only number he remembered: the one on the kitchen wall in Halvan, unchanged since 1998. Soraya answered. "I knew his voice after one word," she says. "He said *Maman* and I sat down on the floor."

## *Khāneh*

In Persian, the word *خانه* (khāneh) means house and home at once. We asked Kaveh what it means to him now.

"Inside, we said *the base*, or *the unit*. Never *home*. I had not used the word in twenty-four years. The first night here I said it by accident, *I am going to bed, this is my home*, and my mother started to cry, and then I did."

![A rose-pink tablecloth seen from above with round dishes, bowls and a letter](/uploads/demo/spring-table.jpg "A new-year table, with one place left empty.")

## The table

This year, on the first day of spring, Soraya set the new-year table as she has every year: seven symbolic dishes, a mirror, a bowl of water, painted eggs. For twenty-four years she set two places and cleared one. This year she set three.

"The third is for the ones still waiting," she says. "Now it is someone else''s turn to be waited for, and someone else''s turn to wait."

## What comes next

Kaveh is learning to drive. He has found work in a pharmacy. He has not yet moved the football poster in his old room, and says he does not intend to.

He has also joined the parents'' group in Halvan, as the only member who is not a parent. "They ask me what it is like inside. I tell them. And then I tell them that I came home, and they look at me as if I were a letter that finally arrived."',
 'published', 3, 5, 27, unixepoch('2025-03-21 10:00'), unixepoch('2025-03-18'), unixepoch('2025-03-21'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(40, 1, 'reunited-at-a-bus-station', 'Reunited at a bus station: a field report from Halvan',
 'A family waited four hours for a bus from the border. Our correspondent waited with them.',
 'The bus from the border is due in Halvan at five in the afternoon. On the day we were there, it arrived at a quarter past nine.

Waiting for it, on a bench under the shelter, were a mother, a father and a grown-up daughter, and a bag of oranges that got smaller as the evening went on. On the bus, if everything had gone to plan, was their son, who had left the Velmora compound eleven days earlier and whom none of them had seen for sixteen years.

![A terracotta bus pulling in beside a shelter where three figures sit waiting](/uploads/demo/bus-arrival.jpg "The bus station in Halvan, where a family waited for four hours.")

## Four hours

The first hour was easy, the father said afterwards. They talked about the traffic. In the second hour the daughter checked her phone every two minutes. In the third, nobody spoke. In the fourth, the mother began to peel oranges and hand out segments to strangers on the next bench, "so that my hands had something to do".

## Nine fifteen

When the bus came in, nobody moved. Then the doors opened and a man in a borrowed coat got off, looked along the platform, and stopped.

We will not describe what happened next. The family asked us not to, and in any case it did not need words. After a while the daughter took a photograph, the only one, of her parents and her brother standing very close together under the shelter light. Then they went home.

## What made it possible

- A nurse who lent a phone;
- a lawyer who got an emergency travel document issued in nine days;
- a cousin who drove four hundred kilometres to the border and back;
- a family that never changed its phone number.

If someone in your family has just left, the [guide for the first weeks](https://www.example.org/guides/first-weeks-outside) may help. And the [lawyer who helped with the papers](/articles/interview-a-lawyer-on-residence-papers-and-family-visits) explains how travel documents work.',
 'published', 4, 2, 6, unixepoch('2025-06-10 09:00'), unixepoch('2025-06-05'), unixepoch('2025-06-10'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(41, 1, 'newsletter-no-27', 'Newsletter No. 27',
 'Our autumn issue: the annual report, a bus station in Halvan, and a court''s first question.',
 '## In this issue

- **Annual report 2024–25.** What we documented this year, and what we could not. [The report](/articles/annual-report-2024-2025).
- **Reunited at a bus station.** A family, an evening, and a bag of oranges. [Read the field report](/articles/reunited-at-a-bus-station).
- **Khāneh.** Kaveh on coming home after twenty-four years, and his mother''s new-year table. [The story](/articles/what-home-means-after-twenty-four-years).
- **Paperwork.** A lawyer answers the questions families ask most. [The interview](/articles/interview-a-lawyer-on-residence-papers-and-family-visits).
- **Dates for your diary.** Our open day in November; the Estrel choir''s winter concert; and next year''s vigil at Marren Gate, on 21 June.

[Download the PDF](https://www.example.org/newsletters/homeward-watch-no-27.pdf) (1.9 MB, 20 pages).',
 'published', 1, 10, 8, unixepoch('2025-10-06 08:00'), unixepoch('2025-10-01'), unixepoch('2025-10-06'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(42, 1, 'annual-report-2024-2025', 'Annual report 2024–25: what we documented, and what we could not',
 'Ninety-four new cases, eleven people who left, six reunions, and one question that still has no answer.',
 'Our annual report covers July 2024 to June 2025. Here are the main figures; the full report, with methods and case summaries, is available as a PDF.

## In numbers

- **94** new case files opened, bringing the total since 2019 to 731.
- **11** people known to have left the Velmora compound, the highest number in any year.
- **6** families reunited in person; **23** in contact by telephone for the first time.
- **1,140** letters forwarded to the compound; **402** returned unopened.
- **0** replies to our requests for a list of residents.

## What we could not document

We still cannot say how many people live at the compound, how many are ill, or how many would leave if they could. We cannot say whether our letters are handed over. These are not gaps in our work; they are the questions we are asking the authorities to answer.

## Where the money came from

Homeward Watch is run by volunteers and two part-time staff. Our costs this year were met by small donations from 612 individuals and a grant from a foundation that supports family reunification. We take no money from governments or from any party to the conflict.

## Thank you

To every family who trusted us with their story; to the former members who checked our facts; and to the nurses, lawyers, drivers and cousins who made this year''s reunions happen.

[Download the full report (PDF, 3.1 MB)](https://www.example.org/publications/annual-report-2024-2025.pdf)',
 'published', 2, 4, 29, unixepoch('2025-10-06 14:00'), unixepoch('2025-10-01'), unixepoch('2025-10-06'));

-- 2026
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(43, 1, 'petition-independent-access-to-velmora', 'Sign the petition: independent access to the Velmora compound',
 'We are asking the host country to let an independent body visit the compound and speak privately with every resident. Add your name.',
 'Today we launch a public petition, with our partners in five countries, asking the government of the host country to allow an independent body to visit the Velmora compound.

## What the petition asks

1. That an independent body, chosen by the authorities and acceptable to the families, be allowed to visit the compound without notice.
2. That it be able to speak privately with every resident who wishes to speak to it.
3. That it publish, at least, the number of residents and confirm to each family whether their relative is present and well.

## Why now

In the past year eleven people left the compound, more than ever before. Every one of them has described conditions that an independent visitor could verify in an afternoon. An administrative court has asked the Interior Ministry why no register is kept. The moment has never been better.

**[Sign the petition](https://petition.example.org/velmora-independent-access)**: it takes a minute, and we will deliver every signature by hand.

You can also read [the open letter we are publishing this afternoon](/articles/open-letter-on-independent-access), which explains our reasons in more detail, and our earlier [letter to the Minister of the Interior](/articles/open-letter-to-the-minister-of-the-interior).',
 'published', 5, 1, 30, unixepoch('2026-02-16 09:00'), unixepoch('2026-02-12'), unixepoch('2026-02-16'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(44, 1, 'open-letter-on-independent-access', 'Why we are asking for independent access: an open letter',
 'To the government of the host country, from the families of the residents of the Velmora compound.',
 'To the Government of the host country,

For seventeen years the families of the people who live with the Ashgrove Movement have asked for the same small things: a list of names, a private telephone call, a door that opens. We have asked politely, in letters, in person and in court. We have not been answered.

We are now asking for something that would answer all three at once: that an independent visitor be allowed into the Velmora compound, to count, to listen and to report.

We do not ask you to close the compound, or to take any position on the Movement. We ask you to find out, on behalf of families who cannot, whether the people we love are alive, well and free to leave. A state that allows a closed place to exist on its soil can, surely, allow someone to look inside it.

We have today launched [a public petition](/articles/petition-independent-access-to-velmora) in support of this request. We will deliver the signatures to your embassy in person.

With respect, and with hope that has lasted longer than many of us expected,

**The families'' committees of Halvan, Bereth and Estrel**\
**Homeward Watch**, PO Box 100, Example City\
*16 February 2026*',
 'published', 1, 3, 2, unixepoch('2026-02-16 15:00'), unixepoch('2026-02-14'), unixepoch('2026-02-16'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(45, 1, 'weekly-digest-2026-06-30', 'Weekly digest: 30 June 2026',
 'The vigil, a ministry answer at last, and a petition that passed twenty thousand signatures.',
 'The week in brief, from our partners at the Bridges Family Network.

++ More than three hundred people attended the sixth vigil at Marren Gate on 21 June, the largest yet. For the first time, a local official from the other side of the border came to the fence and accepted a copy of the list of names. [Photographs and a short report](https://www.example.org/news/2026/06/sixth-vigil).

++ The Interior Ministry has told the administrative court that it "is considering" a register of residents of the Velmora compound. Lawyers describe the answer as "a door left slightly open". [The ministry''s submission, summarised](https://www.example.org/legal/2026/register-answer).

++ The petition for independent access to the compound has passed twenty thousand signatures. [Add yours](https://petition.example.org/velmora-independent-access), or read [why we launched it](/articles/petition-independent-access-to-velmora).

++ Worth reading: a psychologist who works with people leaving closed groups on why the first year is often harder for families than for the person who left. [Read the essay](https://www.example.com/essays/the-second-homecoming).

Until next week.',
 'published', 5, 8, 7, unixepoch('2026-06-30 12:00'), unixepoch('2026-06-30'), unixepoch('2026-06-30'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(46, 1, 'is-it-too-late-to-write', 'Is it too late to write? A former member answers readers'' questions',
 'P., who left the Movement in 2019, answers the questions families send us most often.',
 'We asked readers to send questions for a former member. P., who left in 2019 and whose [conversation with her sister](/articles/we-learned-to-speak-in-half-sentences) many of you wrote to us about, agreed to answer a selection. Questions are from readers; answers are hers.

**Q: My brother has been inside for twenty-six years. Is it too late to write?**

**P.:** No. I was inside for twenty years and I would have given anything for one more letter. There is no such thing as too late, only *not yet*.

**Q: What should I write about?**

**P.:** Small things. The weather, the neighbours, what you cooked. Big things frighten the people who read the letters before your brother does. Small things get through, and small things are what he misses.

**Q: Should I criticise the Movement in my letter?**

**P.:** I would not. Not because it is wrong, but because the letter may not be handed over, and if it is, he may be made to answer it in front of others. Write to *him*, not to them.

**Q: My daughter once sent a letter saying she never wanted to hear from us again. Should I stop?**

**P.:** I wrote a letter like that. I was told what to write and I wrote it. Please do not stop.

**Q: If she calls, what should I say?**

**P.:** Her name. That you are glad. Ask if she has eaten. Do not ask why, or where she has been, or whether she is sorry. Not yet. Those questions will come, and she will answer them when she can.

**Q: Is there anything you wish your family had done differently?**

**P.:** Nothing. They kept writing. They kept the same phone number. They kept my room. Whatever else you do, do those three things.

---

*If you would like to send a question for a future article, [write to us](/contact). More advice for families is in [the letter from former members](/articles/to-the-families-still-waiting).*',
 'published', 3, 7, 31, unixepoch('2026-09-14 12:00'), unixepoch('2026-09-10'), unixepoch('2026-09-14'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(47, 1, 'seven-years-of-homeward-watch', 'Seven years of Homeward Watch: what you helped us do',
 'In March 2019 we opened a small office and a phone line. Seven and a half years later, a look back and a thank-you.',
 'When we [opened our doors](/articles/homeward-watch-opens-its-doors) in March 2019, we had a borrowed office, one telephone and a list of forty families. This week, as we prepare our eighth annual report, we looked back.

## What we have done together

- **812** families have opened a case file with us.
- **58** people who left the Movement''s compounds have been helped with papers, housing or work.
- **31** families have been reunited in person, and many more by telephone.
- **6** vigils at Marren Gate, and one banner that has been to every one of them.
- **27,400** signatures on the petition for [independent access to the Velmora compound](/articles/petition-independent-access-to-velmora).

## What has not changed

There is still no public register of the people who live at Velmora. Visits are still not possible. Most of the families who wrote to us in 2019 are still waiting.

## What comes next

1. Deliver the petition, in person, before the end of the year.
2. Follow the court case on a register to its end.
3. Open a second office, in Estrel, for families in the west.
4. Keep answering the phone.

> "We did not start this to win. We started it so that nobody would wait alone." — one of our founding volunteers, a mother from Halvan

Thank you for reading, for writing, for signing and for waiting with us.',
 'published', 2, 1, 32, unixepoch('2026-11-20 10:00'), unixepoch('2026-11-18'), unixepoch('2026-11-20'));

-- A draft and a scheduled article: neither may appear on the public site.
INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(48, 1, 'draft-the-estrel-choir', 'Draft: a season with the Estrel choir',
 'Not yet published.',
 'Notes for a profile of the families'' choir in Estrel. Check names and permissions before publishing; this draft must not appear on the public site.',
 'draft', 3, 5, NULL, NULL, unixepoch('2026-11-01'), unixepoch('2026-11-10'));

INSERT INTO articles (id, edition_id, slug, title, excerpt, body_md, state, author_id, category_id, featured_media_id, published_at, created_at, updated_at) VALUES
(49, 1, 'winter-appeal-keep-the-line-open', 'Winter appeal: keep the phone line open',
 'Scheduled far ahead, so that the demo always has one article waiting to be published.',
 'This article is scheduled for the distant future and must not appear on the public site until then.',
 'scheduled', 5, 1, 1, unixepoch('2099-12-01 09:00'), unixepoch('2026-11-20'), unixepoch('2026-11-20'));

-- Tags of articles 8-49 (1-4 each).
INSERT INTO article_tags (article_id, tag_id) VALUES
	(8, 5), (8, 9),
	(9, 13), (9, 5), (9, 6),
	(10, 7), (10, 10), (10, 9),
	(11, 1), (11, 6), (11, 8), (11, 10),
	(12, 15), (12, 2),
	(13, 4),
	(14, 7), (14, 9), (14, 16),
	(15, 15), (15, 12), (15, 6),
	(16, 6), (16, 13),
	(17, 3), (17, 9), (17, 16),
	(18, 8), (18, 7), (18, 10),
	(19, 1), (19, 18), (19, 6), (19, 2),
	(20, 5), (20, 10), (20, 20),
	(21, 15), (21, 10),
	(22, 8), (22, 2),
	(23, 4),
	(24, 1), (24, 6),
	(25, 14), (25, 10),
	(26, 9), (26, 12), (26, 17),
	(27, 6), (27, 10), (27, 8),
	(28, 3), (28, 16), (28, 5),
	(29, 9), (29, 8),
	(30, 4),
	(31, 15), (31, 20),
	(32, 20), (32, 13), (32, 1),
	(33, 9), (33, 17),
	(34, 4),
	(35, 6), (35, 9), (35, 5),
	(36, 8), (36, 16), (36, 10), (36, 12),
	(37, 15), (37, 17),
	(38, 3), (38, 17),
	(39, 5), (39, 13), (39, 19),
	(40, 5), (40, 17),
	(41, 4),
	(42, 19), (42, 2),
	(43, 11), (43, 8),
	(44, 1), (44, 11), (44, 6),
	(45, 15), (45, 11),
	(46, 3), (46, 6), (46, 9),
	(47, 19), (47, 11),
	(48, 13),
	(49, 11);

-- Pages.  The tests rely on the titles and on the mailto link.
INSERT INTO pages (edition_id, slug, title, body_md, state, created_at, updated_at) VALUES
(1, 'about', 'About us',
 'We are an independent group that documents the situation of former members and supports their families.

## What we do

- We publish reports, interviews and open letters.
- We publish a newsletter and occasional briefs.
- We help families write to the authorities.

## Who we are

Homeward Watch was founded in March 2019 by parents, brothers, sisters and former members of the Ashgrove Movement, a closed movement that has kept its members in walled compounds abroad for more than thirty years. Most of us met in waiting rooms and at border crossings, and decided that nobody should wait alone.

Today we are about sixty volunteers in Halvan, Bereth, Estrel and abroad, and two part-time staff. Our [first post](/articles/homeward-watch-opens-its-doors) explains why we started; our [seventh anniversary note](/articles/seven-years-of-homeward-watch) what has happened since.

## How we work

1. **Consent first.** We publish nothing about a person without their consent or their family''s.
2. **Confidential files.** Case files are kept offline and seen only by the volunteer who holds them.
3. **Independence.** We take no money from governments, from the Movement or from any party to the conflict, and we do not take sides in the politics of the host country.
4. **Free, always.** Families never pay for anything.

## Our partners

We work with the Bridges Family Network, whose [weekly digest](/category/weekly-digest) we publish, with the Northlight Legal Clinic, and with parents'' groups in three cities.

*Homeward Watch, the Ashgrove Movement and every person and place on this demonstration site are fictional.*

This site runs on Gazette.',
 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13')),
(1, 'contact', 'Contact us',
 'You can reach the editors by post or by email.

- Email: [editors@example.org](mailto:editors@example.org)
- Post: PO Box 100, 1000 Example City

We read every message. If you are writing about someone at risk, please say so in the first line.

## Families

If someone in your family lives, or has lived, with the Ashgrove Movement, we can open a case file for you, help you write to the authorities and put you in touch with the parents'' group nearest to you. Tell us as much or as little as you like; nothing is published without your consent.

## Former members

If you have left, or are thinking of leaving, you can write to us in confidence. Our volunteers include people who have left themselves.

## Press

Journalists are welcome to write to the same address. We can sometimes arrange interviews with families or former members, always with their consent and on their terms.',
 'published', unixepoch('2019-03-01'), unixepoch('2024-05-13'));

-- Settings and the English edition's name.
UPDATE settings SET value = 'https://www.facebook.com/example-homeward-watch' WHERE key = 'social_facebook';
UPDATE settings SET value = 'https://twitter.com/example_homeward' WHERE key = 'social_twitter';
UPDATE settings SET value = 'https://www.instagram.com/example.homeward.watch/' WHERE key = 'social_instagram';
UPDATE settings SET value = 'https://www.youtube.com/@example-homeward-watch' WHERE key = 'social_youtube';
UPDATE editions SET site_name = 'Homeward Watch', tagline = 'No family should wait alone' WHERE id = 1;

-- Main menu: News and Open Letters, then the Media and Publications
-- dropdowns of the reference site, About Us, Contact us.  The first items
-- are relied on by the tests (test_pages_menu.c); seventeen in all with
-- the Editions entry (sql/017_editions.sql), so that the menu editor still
-- offers two empty rows.
INSERT INTO menu_items (menu_id, parent_id, label, url, position) VALUES
	(1, NULL, 'News', '/category/news', 1),
	(1, NULL, 'Open Letters', '/category/open-letters', 2),
	(1, NULL, 'Media', '/media/cartoons', 3),
	(1, NULL, 'Publications', '/publications/books', 4),
	(1, NULL, 'About Us', '/about', 5),
	(1, NULL, 'Contact us', '/contact', 6);
INSERT INTO menu_items (menu_id, parent_id, label, url, position)
	SELECT 1, p.id, c.label, c.url, c.position
	FROM menu_items p, (
		SELECT '/category/news' AS top, 'Field Reports' AS label, '/category/field-reports' AS url, 0 AS position
		UNION ALL SELECT '/category/news', 'Families'' Voices', '/category/families-voices', 1
		UNION ALL SELECT '/media/cartoons', 'Cartoons', '/media/cartoons', 0
		UNION ALL SELECT '/media/cartoons', 'NewsPics', '/media/newspics', 1
		UNION ALL SELECT '/media/cartoons', 'Photo Gallery', '/media/photos', 2
		UNION ALL SELECT '/media/cartoons', 'Videos', '/media/videos', 3
		UNION ALL SELECT '/publications/books', 'Books', '/publications/books', 0
		UNION ALL SELECT '/publications/books', 'Newsletter', '/publications/newsletter', 1
		UNION ALL SELECT '/publications/books', 'Pars Brief', '/publications/pars-brief', 2
	) c
	WHERE p.menu_id = 1 AND p.parent_id IS NULL AND p.url = c.top
	ORDER BY c.top DESC, c.position;

-- Files of the publications: one-page PDFs from demo/make-pdfs.py.
INSERT INTO media (id, path, mime, width, height, bytes, alt, caption, uploaded_by, created_at) VALUES
	(48, 'demo/newsletter-19.pdf', 'application/pdf', 0, 0, 1063, '', 'Newsletter No. 19', 1, unixepoch('2023-10-04')),
	(49, 'demo/newsletter-27.pdf', 'application/pdf', 0, 0, 1036, '', 'Newsletter No. 27', 1, unixepoch('2025-10-06')),
	(50, 'demo/newsletter-28.pdf', 'application/pdf', 0, 0, 1051, '', 'Newsletter No. 28', 1, unixepoch('2026-11-25')),
	(51, 'demo/pars-brief-1.pdf', 'application/pdf', 0, 0, 1098, '', 'Pars Brief No. 1', 1, unixepoch('2021-12-03')),
	(52, 'demo/pars-brief-2.pdf', 'application/pdf', 0, 0, 1042, '', 'Pars Brief No. 2', 1, unixepoch('2025-10-20')),
	(53, 'demo/waiting-rooms.pdf', 'application/pdf', 0, 0, 963, '', 'Waiting Rooms', 1, unixepoch('2022-06-01'));

-- The media sections: cartoons and NewsPics (an image each), two photo
-- albums (album_items below), two videos (a YouTube and a Vimeo video,
-- each with a poster from the library; the demo has no video file), and a
-- draft.  Captions are Markdown; init renders them (caption_html '').
INSERT INTO media_posts (id, edition_id, section, slug, title, state, image_id, video_provider, video_ref, author_id, published_at, created_at, updated_at, caption_md) VALUES
	(1, 1, 'cartoons', 'the-long-wait', 'The long wait', 'published', 2, NULL, NULL, 5,
	 unixepoch('2026-02-11 09:00'), unixepoch('2026-02-11'), unixepoch('2026-02-11'),
	 'A closed door, a light beneath it, and nobody allowed to knock. *Drawn for the families'' committee.*'),
	(2, 1, 'cartoons', 'letters-like-birds', 'Letters, like birds', 'published', 31, NULL, NULL, 5,
	 unixepoch('2026-09-11 09:00'), unixepoch('2026-09-11'), unixepoch('2026-09-11'),
	 'For every reader who asked whether it is [too late to write](/articles/is-it-too-late-to-write).'),
	(3, 1, 'cartoons', 'the-paperwork-of-a-new-life', 'The paperwork of a new life', 'published', 47, NULL, NULL, 4,
	 unixepoch('2025-01-28 09:00'), unixepoch('2025-01-28'), unixepoch('2025-01-28'),
	 'Forms, copies, stamps, and a queue for each of them.'),
	(4, 1, 'newspics', 'vigil-at-marren-gate', 'Vigil at Marren Gate', 'published', 38, NULL, NULL, 2,
	 unixepoch('2021-06-19 08:00'), unixepoch('2021-06-19'), unixepoch('2021-06-19'),
	 'Families held candles at the gate until it closed for the night. Read the [report from the vigil](/articles/a-banner-reading-hope-at-the-marren-gate-vigil).'),
	(5, 1, 'newspics', 'signatures-on-their-way', 'Signatures on their way', 'published', 30, NULL, NULL, 2,
	 unixepoch('2026-02-17 08:00'), unixepoch('2026-02-17'), unixepoch('2026-02-17'),
	 'The first pages of the petition for independent access, ready to be delivered.'),
	(6, 1, 'newspics', 'the-compound-from-the-public-road', 'The compound from the public road', 'published', 25, NULL, NULL, 3,
	 unixepoch('2024-09-24 08:00'), unixepoch('2024-09-24'), unixepoch('2024-09-24'),
	 'As close as a visitor can come to the Velmora compound.'),
	(7, 1, 'photos', 'kitchen-tables', 'Kitchen tables in three cities', 'published', NULL, NULL, NULL, 3,
	 unixepoch('2023-11-03 10:00'), unixepoch('2023-11-03'), unixepoch('2023-11-03'),
	 'The photographs of our [photo essay](/articles/three-kitchen-tables-a-photo-essay): the places where most of our interviews take place.'),
	(8, 1, 'photos', 'the-vigil', 'The vigil, in pictures', 'published', 14, NULL, NULL, 2,
	 unixepoch('2021-06-22 10:00'), unixepoch('2021-06-22'), unixepoch('2021-06-22'),
	 'One evening at Marren Gate.'),
	(9, 1, 'videos', 'the-queue-at-marren-gate', 'The queue at Marren Gate', 'published', 17, 'youtube', 'M7lc1UVf-VE', 2,
	 unixepoch('2022-08-20 13:00'), unixepoch('2022-08-20'), unixepoch('2022-08-20'),
	 'Families waiting on both sides of a closed gate. The video plays from YouTube only when you ask for it; the [article](/articles/video-the-long-queue-at-marren-gate) tells the story.'),
	(10, 1, 'videos', 'a-tour-of-the-new-site', 'A tour of the new site', 'published', 33, 'vimeo', '76979871', 1,
	 unixepoch('2024-05-14 11:00'), unixepoch('2024-05-14'), unixepoch('2024-05-14'),
	 'Categories, tags and the archive in two minutes. (Until the film is ready, the player shows a placeholder video.)'),
	(11, 1, 'cartoons', 'the-form-we-never-filled-in', 'The form we never filled in', 'draft', NULL, NULL, NULL, 4,
	 NULL, unixepoch('2026-10-01'), unixepoch('2026-10-01'),
	 'A draft, not on the public site.');

INSERT INTO album_items (post_id, position, media_id, caption) VALUES
	(7, 1, 39, ''),
	(7, 2, 40, ''),
	(7, 3, 41, ''),
	(7, 4, 22, 'Where the questions are asked: a kitchen table in Halvan.'),
	(7, 5, 46, ''),
	(8, 1, 14, ''),
	(8, 2, 37, ''),
	(8, 3, 38, ''),
	(8, 4, 20, 'Two sisters watched the vigil from two countries.');

-- Publications: three books (one with a PDF, two with outside links),
-- three newsletter issues and two Pars Briefs, each with its PDF; the
-- issues' tables of contents name demo articles (the scheduled winter
-- appeal is not linked until it is published).
INSERT INTO publications (id, edition_id, kind, number, slug, title, book_author, year, state, cover_id, pdf_id, link, author_id, published_at, created_at, updated_at, description_md) VALUES
	(1, 1, 'book', NULL, 'waiting-rooms', 'Waiting Rooms: Families of the Ashgrove Movement', 'Ilka Dorran', 2022, 'published', 21, 53, '', 2,
	 unixepoch('2022-06-01 10:00'), unixepoch('2022-06-01'), unixepoch('2022-06-01'),
	 'Thirty families tell, in their own words, what waiting means: the letters, the phone calls that never came, the journeys to a gate that stays closed.

Free to download and to print.'),
	(2, 1, 'book', NULL, 'the-second-road', 'The Second Road', 'Leyla Marvand', 2024, 'published', 18, NULL, 'https://example.org/books/the-second-road', 3,
	 unixepoch('2024-10-15 10:00'), unixepoch('2024-10-15'), unixepoch('2024-10-15'),
	 'Former members on the years after leaving: papers, work, family, and learning to speak in whole sentences again. Published by our partners; read it on their site.'),
	(3, 1, 'book', NULL, 'letters-that-came-back', 'Letters That Came Back', 'ed. Odile Brannock', 2020, 'published', 16, NULL, 'https://example.org/books/letters-that-came-back', 5,
	 unixepoch('2020-12-10 10:00'), unixepoch('2020-12-10'), unixepoch('2020-12-10'),
	 'A collection of letters that families sent and that were returned unopened, with the families'' notes.'),
	(4, 1, 'newsletter', 19, 'newsletter-no-19-2023', 'Newsletter No. 19', '', NULL, 'published', 8, 48, '', 1,
	 unixepoch('2023-10-04 08:00'), unixepoch('2023-10-04'), unixepoch('2023-10-04'),
	 'Our autumn issue: recruitment, two sisters, and a letter to the minister.'),
	(5, 1, 'newsletter', 27, 'newsletter-no-27-2025', 'Newsletter No. 27', '', NULL, 'published', 8, 49, '', 1,
	 unixepoch('2025-10-06 08:00'), unixepoch('2025-10-06'), unixepoch('2025-10-06'),
	 'The annual report, a reunion, and what a lawyer says about residence papers.'),
	(6, 1, 'newsletter', 28, 'newsletter-no-28-2026', 'Newsletter No. 28', '', NULL, 'published', 8, 50, '', 1,
	 unixepoch('2026-11-25 08:00'), unixepoch('2026-11-25'), unixepoch('2026-11-25'),
	 'Seven years of Homeward Watch, the petition, and your letters.'),
	(7, 1, 'brief', 1, 'pars-brief-no-1', 'Closed Doors, Open Questions', '', NULL, 'published', 15, 51, '', 5,
	 unixepoch('2021-12-03 10:00'), unixepoch('2021-12-03'), unixepoch('2021-12-03'),
	 'Our first brief: what families are told at the gate, and what the law of the host country allows. See also [our article on it](/articles/brief-closed-doors-open-questions).'),
	(8, 1, 'brief', 2, 'pars-brief-no-2', 'Five Years of Refused Visits', '', NULL, 'published', 29, 52, '', 5,
	 unixepoch('2025-10-20 10:00'), unixepoch('2025-10-20'), unixepoch('2025-10-20'),
	 'Every visit families asked for between 2020 and 2025, and the answers they received.');

INSERT INTO publication_toc (publication_id, position, heading, excerpt, article_id) VALUES
	(4, 1, 'Is the Movement still recruiting?', 'What our records of the last four years show.', 29),
	(4, 2, 'Two sisters, two countries', 'A conversation about speaking in half-sentences.', 28),
	(4, 3, 'A letter to the Minister of the Interior', 'The families'' committee asks for a meeting.', 27),
	(4, 4, 'From the case files', 'Three new families came to us this summer.', NULL),
	(5, 1, 'Annual report 2024–25', 'What we documented, and what we could not.', 42),
	(5, 2, 'Reunited at a bus station', 'A field report from Halvan.', 40),
	(5, 3, 'Residence papers and family visits', 'A lawyer answers the questions families ask most.', 38),
	(5, 4, 'What “home” means', 'After twenty-four years away.', 39),
	(6, 1, 'Seven years of Homeward Watch', 'What you helped us do.', 47),
	(6, 2, 'The petition for independent access', 'Where the signatures went, and what comes next.', 43),
	(6, 3, 'Is it too late to write?', 'A former member answers readers.', 46),
	(6, 4, 'Winter appeal', 'Keep the phone line open.', 49),
	(7, 1, 'At the gate', 'What families are told when they ask to visit.', NULL),
	(7, 2, 'The law', 'What the host country allows, and what it does not.', NULL),
	(7, 3, 'Five questions', 'For the authorities, from the families.', 22);
