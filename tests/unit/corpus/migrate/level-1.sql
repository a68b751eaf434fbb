-- A database at schema level 1 (001_init.sql) with the starter content,
-- kept so that every later migration is tested against real data.
BEGIN TRANSACTION;
CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, tag_id)
) STRICT, WITHOUT ROWID;
INSERT INTO "article_tags" VALUES(2,1);
INSERT INTO "article_tags" VALUES(4,1);
INSERT INTO "article_tags" VALUES(6,1);
INSERT INTO "article_tags" VALUES(2,2);
INSERT INTO "article_tags" VALUES(3,2);
INSERT INTO "article_tags" VALUES(4,2);
INSERT INTO "article_tags" VALUES(6,3);
INSERT INTO "article_tags" VALUES(5,4);
CREATE TABLE articles (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	excerpt TEXT NOT NULL DEFAULT '',
	body_md TEXT NOT NULL DEFAULT '',
	body_html TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
		('draft', 'pending', 'scheduled', 'published', 'private', 'trash')),
	author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
	published_at INTEGER,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (edition_id, slug),
	CHECK (state NOT IN ('scheduled', 'published') OR published_at IS NOT NULL)
) STRICT;
INSERT INTO "articles" VALUES(1,1,'welcome-to-the-new-site','Welcome to the new site','Our reporting now lives on a faster, simpler home that works on every phone.','## Why we moved

Our readers told us the old site was slow on their phones and hard to read on small screens. The new site loads in a fraction of the time and needs no scripts to read.

### What stays the same

- Every article we have published
- Our editions and our newsletter
- The way to reach us

> A page that loads quickly is a page that gets read.

Write to us through the [contact page](/contact) if anything is missing.','<h2>Why we moved</h2>
<p>Our readers told us the old site was slow on their phones and hard to read on small screens. The new site loads in a fraction of the time and needs no scripts to read.</p>
<h3>What stays the same</h3>
<ul>
<li>Every article we have published</li>
<li>Our editions and our newsletter</li>
<li>The way to reach us</li>
</ul>
<blockquote>
<p>A page that loads quickly is a page that gets read.</p>
</blockquote>
<p>Write to us through the <a href="/contact">contact page</a> if anything is missing.</p>
','published',1,1,1715592600,1715558400,1715558400);
INSERT INTO "articles" VALUES(2,1,'families-wait-for-news','Families wait for news: "We only want to hear their voices"','Parents in three cities describe years of silence, and what a single phone call would mean.','For many of the families we met, the hardest part is not knowing.

## Three cities, one question

In each city we heard the same question, asked in different words: *is my child well?*

1. Letters sent through intermediaries go unanswered.
2. Phone numbers change without notice.
3. Visits are refused at the gate.

"We are not asking for anything political," one mother said. "We only want to hear their voices."

Read our earlier [field report](/articles/a-week-on-the-border) for the background.','<p>For many of the families we met, the hardest part is not knowing.</p>
<h2>Three cities, one question</h2>
<p>In each city we heard the same question, asked in different words: <em>is my child well?</em></p>
<ol>
<li>Letters sent through intermediaries go unanswered.</li>
<li>Phone numbers change without notice.</li>
<li>Visits are refused at the gate.</li>
</ol>
<p>“We are not asking for anything political,” one mother said. “We only want to hear their voices.”</p>
<p>Read our earlier <a href="/articles/a-week-on-the-border">field report</a> for the background.</p>
','published',1,2,1698933600,1698883200,1698883200);
INSERT INTO "articles" VALUES(3,1,'a-week-on-the-border','A week on the border','Our correspondent spent seven days at the crossing and kept a diary.','**Monday.** The crossing opens at seven. By six the queue is already long.

**Wednesday.** A family of five has waited here for two days. The youngest is four.

**Friday.** Rain. The officials close the gate early and nobody knows why.

---

Names have been changed to protect the people we spoke to.','<p><strong>Monday.</strong> The crossing opens at seven. By six the queue is already long.</p>
<p><strong>Wednesday.</strong> A family of five has waited here for two days. The youngest is four.</p>
<p><strong>Friday.</strong> Rain. The officials close the gate early and nobody knows why.</p>
<hr />
<p>Names have been changed to protect the people we spoke to.</p>
','published',1,2,1660893300,1660867200,1660867200);
INSERT INTO "articles" VALUES(4,1,'open-letter-to-the-special-rapporteur','An open letter to the Special Rapporteur','Eighty-two families ask for an independent visit.','Dear Special Rapporteur,

We write on behalf of eighty-two families who have not heard from their relatives for more than a year. We ask that you request an independent visit and that you meet the families in person.

With respect and hope,

*The families'' committee*','<p>Dear Special Rapporteur,</p>
<p>We write on behalf of eighty-two families who have not heard from their relatives for more than a year. We ask that you request an independent visit and that you meet the families in person.</p>
<p>With respect and hope,</p>
<p><em>The families’ committee</em></p>
','published',1,3,1615197600,1615161600,1615161600);
INSERT INTO "articles" VALUES(5,1,'newsletter-no-1','Newsletter No. 1','The first issue: who we are, what we do, and how to help.','## In this issue

- **Who we are.** A small team of volunteers and former members.
- **What we do.** We document cases and support families.
- **How to help.** Share our reports; write to your representative.

The full issue will be available as a PDF once the publications section opens.','<h2>In this issue</h2>
<ul>
<li><strong>Who we are.</strong> A small team of volunteers and former members.</li>
<li><strong>What we do.</strong> We document cases and support families.</li>
<li><strong>How to help.</strong> Share our reports; write to your representative.</li>
</ul>
<p>The full issue will be available as a PDF once the publications section opens.</p>
','published',1,4,1554105600,1554076800,1554076800);
INSERT INTO "articles" VALUES(6,1,'in-conversation-with-a-former-member','In conversation with a former member','Questions and answers on leaving, rebuilding a life and finding family again.','**Q:** When did you decide to leave?

**A:** Not in one day. It was a hundred small days.

**Q:** What helped most afterwards?

**A:** Being believed. And a cousin who answered the phone at two in the morning.

**Q:** What would you tell families who are still waiting?

**A:** Keep writing. Letters do arrive, even when it seems they do not.','<p><strong>Q:</strong> When did you decide to leave?</p>
<p><strong>A:</strong> Not in one day. It was a hundred small days.</p>
<p><strong>Q:</strong> What helped most afterwards?</p>
<p><strong>A:</strong> Being believed. And a cousin who answered the phone at two in the morning.</p>
<p><strong>Q:</strong> What would you tell families who are still waiting?</p>
<p><strong>A:</strong> Keep writing. Letters do arrive, even when it seems they do not.</p>
','published',1,1,1589371200,1589328000,1589328000);
INSERT INTO "articles" VALUES(7,1,'draft-notes-for-the-annual-report','Draft notes for the annual report','Not yet published.','These notes are a draft and must not appear on the public site.','<p>These notes are a draft and must not appear on the public site.</p>
','draft',1,4,NULL,1717200000,1717200000);
CREATE TABLE categories (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	parent_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL DEFAULT 0,
	UNIQUE (edition_id, slug)
) STRICT;
INSERT INTO "categories" VALUES(1,1,NULL,'news','News','Reporting from the field and the desk.',0);
INSERT INTO "categories" VALUES(2,1,1,'field-reports','Field Reports','Accounts gathered by our correspondents.',1);
INSERT INTO "categories" VALUES(3,1,NULL,'open-letters','Open Letters','Letters to officials, published with their authors'' consent.',2);
INSERT INTO "categories" VALUES(4,1,NULL,'publications','Publications','Newsletters, briefs and books.',3);
CREATE TABLE edition_strings (
	edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
	key TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (edition_id, key)
) STRICT, WITHOUT ROWID;
INSERT INTO "edition_strings" VALUES(1,'back_to_top','Back to top');
INSERT INTO "edition_strings" VALUES(1,'bad_request_text','The request could not be understood.');
INSERT INTO "edition_strings" VALUES(1,'bad_request_title','Bad request');
INSERT INTO "edition_strings" VALUES(1,'by','By');
INSERT INTO "edition_strings" VALUES(1,'category','Category');
INSERT INTO "edition_strings" VALUES(1,'error_text','The server could not answer this request. Please try again later.');
INSERT INTO "edition_strings" VALUES(1,'error_title','Something went wrong');
INSERT INTO "edition_strings" VALUES(1,'home','Home');
INSERT INTO "edition_strings" VALUES(1,'menu','Menu');
INSERT INTO "edition_strings" VALUES(1,'method_text','This address does not accept that kind of request.');
INSERT INTO "edition_strings" VALUES(1,'method_title','Method not allowed');
INSERT INTO "edition_strings" VALUES(1,'month_1','January');
INSERT INTO "edition_strings" VALUES(1,'month_10','October');
INSERT INTO "edition_strings" VALUES(1,'month_11','November');
INSERT INTO "edition_strings" VALUES(1,'month_12','December');
INSERT INTO "edition_strings" VALUES(1,'month_2','February');
INSERT INTO "edition_strings" VALUES(1,'month_3','March');
INSERT INTO "edition_strings" VALUES(1,'month_4','April');
INSERT INTO "edition_strings" VALUES(1,'month_5','May');
INSERT INTO "edition_strings" VALUES(1,'month_6','June');
INSERT INTO "edition_strings" VALUES(1,'month_7','July');
INSERT INTO "edition_strings" VALUES(1,'month_8','August');
INSERT INTO "edition_strings" VALUES(1,'month_9','September');
INSERT INTO "edition_strings" VALUES(1,'newer_posts','Newer Posts');
INSERT INTO "edition_strings" VALUES(1,'next_article','Next article');
INSERT INTO "edition_strings" VALUES(1,'no_articles','Nothing has been published here yet.');
INSERT INTO "edition_strings" VALUES(1,'not_found_text','The page you asked for does not exist or has moved.');
INSERT INTO "edition_strings" VALUES(1,'not_found_title','Page not found');
INSERT INTO "edition_strings" VALUES(1,'older_posts','Older Posts');
INSERT INTO "edition_strings" VALUES(1,'page_n','Page');
INSERT INTO "edition_strings" VALUES(1,'previous_article','Previous article');
INSERT INTO "edition_strings" VALUES(1,'read_more','Read more');
INSERT INTO "edition_strings" VALUES(1,'recent_posts','Recent Posts');
INSERT INTO "edition_strings" VALUES(1,'skip_to_content','Skip to content');
INSERT INTO "edition_strings" VALUES(1,'tag','Tag');
INSERT INTO "edition_strings" VALUES(1,'tags','Tags');
CREATE TABLE editions (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	prefix TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	lang TEXT NOT NULL,
	dir TEXT NOT NULL CHECK (dir IN ('ltr', 'rtl')),
	site_name TEXT NOT NULL,
	tagline TEXT NOT NULL DEFAULT '',
	date_style TEXT NOT NULL DEFAULT 'mdy' CHECK (date_style IN ('mdy', 'dmy', 'ymd')),
	digits TEXT NOT NULL DEFAULT 'latn' CHECK (digits IN ('latn', 'arab', 'arabext')),
	enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
	position INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO "editions" VALUES(1,'en','','English','en','ltr','Gazette','','mdy','latn',1,0);
INSERT INTO "editions" VALUES(2,'ar','ar','عربي','ar','rtl','Gazette','','dmy','arab',0,1);
INSERT INTO "editions" VALUES(3,'fa','fa','فارسی','fa','rtl','Gazette','','dmy','arabext',0,2);
INSERT INTO "editions" VALUES(4,'sq','sq','Shqip','sq','ltr','Gazette','','dmy','latn',0,3);
CREATE TABLE menu_items (
	id INTEGER PRIMARY KEY,
	menu_id INTEGER NOT NULL REFERENCES menus(id) ON DELETE CASCADE,
	parent_id INTEGER REFERENCES menu_items(id) ON DELETE CASCADE,
	label TEXT NOT NULL,
	url TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO "menu_items" VALUES(1,1,NULL,'Home','/',0);
INSERT INTO "menu_items" VALUES(2,1,NULL,'News','/category/news',1);
INSERT INTO "menu_items" VALUES(3,1,NULL,'Open Letters','/category/open-letters',2);
INSERT INTO "menu_items" VALUES(4,1,NULL,'Publications','/category/publications',3);
INSERT INTO "menu_items" VALUES(5,1,NULL,'About Us','/about',4);
INSERT INTO "menu_items" VALUES(6,1,NULL,'Contact us','/contact',5);
INSERT INTO "menu_items" VALUES(7,1,2,'Field Reports','/category/field-reports',0);
CREATE TABLE menus (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	name TEXT NOT NULL,
	UNIQUE (edition_id, name)
) STRICT;
INSERT INTO "menus" VALUES(1,1,'main');
CREATE TABLE pages (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	body_md TEXT NOT NULL DEFAULT '',
	body_html TEXT NOT NULL DEFAULT '',
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'trash')),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	UNIQUE (edition_id, slug)
) STRICT;
INSERT INTO "pages" VALUES(1,1,'about','About us','We are an independent group that documents the situation of former members and supports their families.

## What we do

- We publish reports, interviews and open letters.
- We publish a newsletter and occasional briefs.
- We help families write to the authorities.

This site runs on Gazette.','<p>We are an independent group that documents the situation of former members and supports their families.</p>
<h2>What we do</h2>
<ul>
<li>We publish reports, interviews and open letters.</li>
<li>We publish a newsletter and occasional briefs.</li>
<li>We help families write to the authorities.</li>
</ul>
<p>This site runs on Gazette.</p>
','published',1551398400,1715558400);
INSERT INTO "pages" VALUES(2,1,'contact','Contact us','You can reach the editors by post or by email.

- Email: [editors@example.org](mailto:editors@example.org)
- Post: PO Box 100, 1000 Example City

We read every message. If you are writing about someone at risk, please say so in the first line.','<p>You can reach the editors by post or by email.</p>
<ul>
<li>Email: <a href="mailto:editors@example.org">editors@example.org</a></li>
<li>Post: PO Box 100, 1000 Example City</li>
</ul>
<p>We read every message. If you are writing about someone at risk, please say so in the first line.</p>
','published',1551398400,1715558400);
CREATE TABLE revisions (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	title TEXT NOT NULL,
	excerpt TEXT NOT NULL,
	body_md TEXT NOT NULL,
	created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
INSERT INTO "settings" VALUES('base_url','http://127.0.0.1:8080');
INSERT INTO "settings" VALUES('timezone','UTC');
INSERT INTO "settings" VALUES('social_facebook','');
INSERT INTO "settings" VALUES('social_twitter','');
INSERT INTO "settings" VALUES('social_instagram','');
INSERT INTO "settings" VALUES('social_youtube','');
INSERT INTO "settings" VALUES('upload_max_bytes','16777216');
CREATE TABLE tags (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	UNIQUE (edition_id, slug)
) STRICT;
INSERT INTO "tags" VALUES(1,1,'families','Families');
INSERT INTO "tags" VALUES(2,1,'human-rights','Human rights');
INSERT INTO "tags" VALUES(3,1,'interviews','Interviews');
INSERT INTO "tags" VALUES(4,1,'newsletter','Newsletter');
CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE COLLATE NOCASE,
	display_name TEXT NOT NULL,
	email TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'author', 'moderator')),
	password_hash TEXT NOT NULL,
	totp_secret BLOB,
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at INTEGER NOT NULL
) STRICT;
INSERT INTO "users" VALUES(1,'newsroom','Newsroom','','editor','!',NULL,1,1551398400);
CREATE INDEX categories_parent ON categories(parent_id);
CREATE INDEX articles_listing ON articles(edition_id, state, published_at DESC, id DESC);
CREATE INDEX articles_category ON articles(category_id, state, published_at DESC, id DESC);
CREATE INDEX articles_scheduled ON articles(published_at) WHERE state = 'scheduled';
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);
CREATE INDEX revisions_article ON revisions(article_id, id);
CREATE INDEX menu_items_menu ON menu_items(menu_id, parent_id, position);
COMMIT;
