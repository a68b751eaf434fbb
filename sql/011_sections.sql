-- 011_sections.sql: the public media sections (cartoons, NewsPics, photo
-- albums, videos) and the publications (books, numbered newsletters, Pars
-- Briefs), each item belonging to an edition and moving through the
-- states articles use (draft, pending, scheduled, published, private,
-- trash), with a version for conflicting saves, who wrote and who saved
-- last, and when it went to the trash (the timer empties it after 30
-- days and publishes scheduled items, as for articles).  Markdown texts
-- are kept beside their rendering, made once on save, and last in the row
-- (see 003: listings then never read a row's overflow pages).

-- A media post is an image post (cartoons, newspics: image_id is the
-- image), an album (photos: image_id is an optional cover, the photos are
-- album_items) or a video (videos: image_id is the poster; the video is
-- an uploaded file, video_id, or a YouTube or Vimeo video known by its
-- provider and id only, never by HTML or a free address).
CREATE TABLE media_posts (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	section TEXT NOT NULL CHECK (section IN
		('cartoons', 'newspics', 'photos', 'videos')),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
		('draft', 'pending', 'scheduled', 'published', 'private', 'trash')),
	image_id INTEGER REFERENCES media(id) ON DELETE SET NULL,
	video_id INTEGER REFERENCES media(id) ON DELETE SET NULL,
	video_provider TEXT CHECK (video_provider IN ('youtube', 'vimeo')),
	video_ref TEXT CHECK (length(video_ref) BETWEEN 1 AND 20
		AND video_ref NOT GLOB '*[^A-Za-z0-9_-]*'),
	author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	published_at INTEGER,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	trashed_at INTEGER,
	version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	caption_md TEXT NOT NULL DEFAULT '',
	caption_html TEXT NOT NULL DEFAULT '',
	UNIQUE (edition_id, slug),
	CHECK (state NOT IN ('scheduled', 'published') OR published_at IS NOT NULL),
	CHECK ((video_provider IS NULL) = (video_ref IS NULL)),
	CHECK (video_id IS NULL OR video_provider IS NULL)
) STRICT;
CREATE INDEX media_posts_listing
	ON media_posts(edition_id, section, state, published_at DESC, id DESC);
CREATE INDEX media_posts_changed ON media_posts(edition_id, state, updated_at);
CREATE INDEX media_posts_scheduled ON media_posts(published_at)
	WHERE state = 'scheduled';
CREATE INDEX media_posts_image ON media_posts(image_id);
CREATE INDEX media_posts_video ON media_posts(video_id);

-- The photos of an album, by position (1, 2, …: the address of each
-- photo's own page, /media/photos/SLUG/POSITION).  A photo deleted from
-- the library leaves the albums it was in.
CREATE TABLE album_items (
	post_id INTEGER NOT NULL REFERENCES media_posts(id) ON DELETE CASCADE,
	position INTEGER NOT NULL CHECK (position >= 1),
	media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
	caption TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (post_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX album_items_media ON album_items(media_id);

-- Books (number NULL; book_author and year), and numbered issues of the
-- newsletter and of the Pars Brief (number unique per edition and kind).
-- The file is a PDF from the library (pdf_id) or an outside http(s) link,
-- never both.
CREATE TABLE publications (
	id INTEGER PRIMARY KEY,
	edition_id INTEGER NOT NULL REFERENCES editions(id),
	kind TEXT NOT NULL CHECK (kind IN ('book', 'newsletter', 'brief')),
	number INTEGER CHECK (number BETWEEN 1 AND 1000000),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	book_author TEXT NOT NULL DEFAULT '',
	year INTEGER CHECK (year BETWEEN 1 AND 9999),
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN
		('draft', 'pending', 'scheduled', 'published', 'private', 'trash')),
	cover_id INTEGER REFERENCES media(id) ON DELETE SET NULL,
	pdf_id INTEGER REFERENCES media(id) ON DELETE SET NULL,
	link TEXT NOT NULL DEFAULT '' CHECK (link = ''
		OR link GLOB 'http://?*' OR link GLOB 'https://?*'),
	author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
	published_at INTEGER,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	trashed_at INTEGER,
	version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	description_md TEXT NOT NULL DEFAULT '',
	description_html TEXT NOT NULL DEFAULT '',
	UNIQUE (edition_id, slug),
	UNIQUE (edition_id, kind, number),
	CHECK ((kind = 'book') = (number IS NULL)),
	CHECK (pdf_id IS NULL OR link = ''),
	CHECK (state NOT IN ('scheduled', 'published') OR published_at IS NOT NULL)
) STRICT;
-- Newest first: issues by number, books (no number) by date.
CREATE INDEX publications_listing ON publications(edition_id, kind, state,
	number DESC, published_at DESC, id DESC);
CREATE INDEX publications_changed
	ON publications(edition_id, state, updated_at);
CREATE INDEX publications_scheduled ON publications(published_at)
	WHERE state = 'scheduled';
CREATE INDEX publications_cover ON publications(cover_id);
CREATE INDEX publications_pdf ON publications(pdf_id);

-- An issue's table of contents: headings with short excerpts, each
-- optionally naming an article of the site.
CREATE TABLE publication_toc (
	publication_id INTEGER NOT NULL
		REFERENCES publications(id) ON DELETE CASCADE,
	position INTEGER NOT NULL CHECK (position >= 1),
	heading TEXT NOT NULL,
	excerpt TEXT NOT NULL DEFAULT '',
	article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
	PRIMARY KEY (publication_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX publication_toc_article ON publication_toc(article_id);

INSERT INTO edition_strings (edition_id, key, value) VALUES
	-- The public pages.
	(1, 'cartoons', 'Cartoons'),
	(1, 'newspics', 'NewsPics'),
	(1, 'photos', 'Photo Gallery'),
	(1, 'videos', 'Videos'),
	(1, 'books', 'Books'),
	(1, 'newsletter', 'Newsletter'),
	(1, 'pars_brief', 'Pars Brief'),
	(1, 'no_items', 'Nothing has been published here yet.'),
	(1, 'photos_count', 'photos'),
	(1, 'photo_n', 'Photo'),
	(1, 'photo_of', 'of'),
	(1, 'previous_photo', 'Previous photo'),
	(1, 'next_photo', 'Next photo'),
	(1, 'back_to_album', 'Back to the album'),
	(1, 'album_empty', 'This album has no photos yet.'),
	(1, 'play_video', 'Play the video'),
	(1, 'video_on_youtube', 'Watch on YouTube'),
	(1, 'video_on_vimeo', 'Watch on Vimeo'),
	(1, 'video_youtube_note', 'Playing the video loads it from YouTube (youtube-nocookie.com), which then receives your address.'),
	(1, 'video_vimeo_note', 'Playing the video loads it from Vimeo (player.vimeo.com, with Do Not Track), which then receives your address.'),
	(1, 'video_download', 'Download the video file'),
	(1, 'video_unsupported', 'Your browser cannot play this video here:'),
	(1, 'download_pdf', 'Download the PDF'),
	(1, 'read_online', 'Read it online'),
	(1, 'issue_no', 'No.'),
	(1, 'in_this_issue', 'In this issue'),
	(1, 'read_article', 'Read the article'),
	(1, 'book_by', 'by'),
	-- The admin area.
	(1, 'media_posts', 'Media sections'),
	(1, 'new_cartoon', 'New cartoon'),
	(1, 'new_newspic', 'New NewsPic'),
	(1, 'new_album', 'New album'),
	(1, 'new_video', 'New video'),
	(1, 'new_media_post', 'New media post'),
	(1, 'edit_media_post', 'Edit media post'),
	(1, 'section', 'Section'),
	(1, 'caption_md', 'Caption or description (Markdown)'),
	(1, 'image_post', 'Image (cartoons and NewsPics), cover (albums) or poster (videos)'),
	(1, 'video_file', 'Video file from the library'),
	(1, 'video_url', 'Or a YouTube or Vimeo address'),
	(1, 'video_url_hint', 'https://www.youtube.com/watch?v=…, https://youtu.be/…, https://vimeo.com/…'),
	(1, 'album_photos', 'Photos of the album'),
	(1, 'album_hint', 'Photos are shown by position, lowest first. Fill in an empty row to add a photo; tick Delete to take one out of the album (it stays in the library).'),
	(1, 'photo', 'Photo'),
	(1, 'photo_caption', 'Caption (empty: the library''s)'),
	(1, 'no_media', '(none)'),
	(1, 'publications', 'Publications'),
	(1, 'new_book', 'New book'),
	(1, 'new_newsletter', 'New newsletter issue'),
	(1, 'new_brief', 'New Pars Brief'),
	(1, 'new_publication', 'New publication'),
	(1, 'edit_publication', 'Edit publication'),
	(1, 'kind', 'Kind'),
	(1, 'kind_book', 'Book'),
	(1, 'kind_newsletter', 'Newsletter'),
	(1, 'kind_brief', 'Pars Brief'),
	(1, 'issue_number', 'Issue number (newsletters and briefs)'),
	(1, 'book_author', 'Author (books)'),
	(1, 'year', 'Year (books)'),
	(1, 'description_md', 'Description (Markdown)'),
	(1, 'cover', 'Cover image'),
	(1, 'pdf_file', 'PDF from the library'),
	(1, 'outside_link', 'Or an outside link (http:// or https://)'),
	(1, 'toc', 'Table of contents'),
	(1, 'toc_hint', 'Entries are shown by position, lowest first. Fill in an empty row to add one; tick Delete to remove one. An article is named by its address (/articles/…) or slug.'),
	(1, 'toc_heading', 'Heading'),
	(1, 'toc_excerpt', 'Excerpt'),
	(1, 'toc_article', 'Article (address or slug)'),
	(1, 'position', 'Position'),
	(1, 'delete', 'Delete'),
	(1, 'new_row', 'New row'),
	(1, 'rows_full', 'The form holds as many rows as it can carry; delete one to add another.'),
	(1, 'error_section', 'Choose one of the sections.'),
	(1, 'error_kind', 'Choose books, newsletter or Pars Brief.'),
	(1, 'error_media', 'Choose a file of the right kind from the library: an image, a video or a PDF.'),
	(1, 'error_image_required', 'Cartoons and NewsPics need an image.'),
	(1, 'error_video_required', 'A video needs a file from the library or a YouTube or Vimeo address, not both.'),
	(1, 'error_video_url', 'Give a YouTube or Vimeo address (https://www.youtube.com/watch?v=…, https://youtu.be/…, https://vimeo.com/…).'),
	(1, 'error_album_empty', 'An album needs at least one photo before it is published.'),
	(1, 'error_number', 'An issue needs a number from 1 to 1000000; books have none.'),
	(1, 'error_number_taken', 'Another issue of this edition has that number.'),
	(1, 'error_year', 'The year is a number from 1 to 9999.'),
	(1, 'error_link', 'Give an outside link as http(s)://host/…, without spaces or quotes, or choose a PDF, not both.'),
	(1, 'error_item_text', 'A text is too long.'),
	(1, 'error_rows', 'Some rows are not valid; nothing was saved.'),
	(1, 'error_row_photo', 'Choose a photo, or empty the caption.'),
	(1, 'error_row_heading', 'A heading is needed (at most 300 bytes).'),
	(1, 'error_row_position', 'The position is a whole number from 0 to 9999.'),
	(1, 'error_row_text', 'A text of this row is too long.'),
	(1, 'error_article', 'No article of this edition has that address or slug.'),
	(1, 'error_item_slug_taken', 'Another item of this edition has that slug.'),
	(1, 'error_item_conflict', 'Someone else saved this item after you opened it. Nothing was overwritten: your text is still in the form, and below you can see how it differs from the saved text. Saving again replaces the saved text with yours.');
