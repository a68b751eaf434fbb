-- 012_media_library.sql: the media library.
--
-- A media item gets what the library shows and edits: a title (the file's
-- name without its extension unless the uploader gives one), the name the
-- file was uploaded with, a credit line, an optional section (the public
-- media section it is meant for: a filter in the library, nothing more) and
-- a version for optimistic concurrency (an edit names the version it
-- started from and is refused when another edit came first).
--
-- kind follows mime and is computed by SQLite (a virtual generated
-- column), so no row can say 'image' for a PDF, whoever inserts it (the
-- starter content and the importer name only the mime type).
--
-- media_sizes holds the smaller copies image.c makes of an image (widths
-- 320, 640, 1024 and 1600, each in the original's format and in WebP), for
-- srcset; they go with their item (ON DELETE CASCADE), and their files are
-- removed after the delete commits.
--
-- Search is a scan: instr() on the lower-cased title, alt text and caption,
-- as the articles list does.  A newsroom's library of some thousands of
-- items scans in a few milliseconds; FTS5 would need triggers to stay in
-- step, which this does not earn yet.  The indexes serve the library's
-- pages: newest first, by kind or by section.

ALTER TABLE media ADD COLUMN kind TEXT GENERATED ALWAYS AS (
	CASE
		WHEN mime LIKE 'image/%' THEN 'image'
		WHEN mime = 'application/pdf' THEN 'pdf'
		WHEN mime LIKE 'video/%' THEN 'video'
		WHEN mime LIKE 'audio/%' THEN 'audio'
		ELSE 'other'
	END) VIRTUAL;
ALTER TABLE media ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN original_name TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN credit TEXT NOT NULL DEFAULT '';
ALTER TABLE media ADD COLUMN section TEXT CHECK (section IN
	('cartoons', 'newspics', 'photos', 'videos'));
ALTER TABLE media ADD COLUMN version INTEGER NOT NULL DEFAULT 1
	CHECK (version >= 1);

-- Items made before this migration, and items added without a name (the
-- starter content, an import): named after their file, the title without
-- its extension.  ("x/y/z.jpg" less rtrim's cut at the last '/' is
-- "z.jpg"; the same at the last '.' gives "z.".)
UPDATE media SET original_name =
	replace(path, rtrim(path, replace(path, '/', '')), '');
UPDATE media SET title = CASE
	WHEN instr(original_name, '.') > 1 THEN substr(original_name, 1,
		length(rtrim(original_name, replace(original_name, '.', ''))) - 1)
	ELSE original_name END;
CREATE TRIGGER media_named AFTER INSERT ON media
WHEN NEW.original_name = '' OR NEW.title = ''
BEGIN
	UPDATE media SET original_name =
		replace(path, rtrim(path, replace(path, '/', '')), '')
	WHERE id = NEW.id AND original_name = '';
	UPDATE media SET title = CASE
		WHEN instr(original_name, '.') > 1 THEN substr(original_name, 1,
			length(rtrim(original_name,
				replace(original_name, '.', ''))) - 1)
		ELSE original_name END
	WHERE id = NEW.id AND title = '';
END;

CREATE INDEX media_created ON media(created_at DESC, id DESC);
CREATE INDEX media_kind ON media(kind, created_at DESC, id DESC);
CREATE INDEX media_section ON media(section, created_at DESC, id DESC)
	WHERE section IS NOT NULL;
CREATE INDEX media_uploader ON media(uploaded_by);
CREATE INDEX articles_featured ON articles(featured_media_id)
	WHERE featured_media_id IS NOT NULL;

CREATE TABLE media_sizes (
	id INTEGER PRIMARY KEY,
	media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
	width INTEGER NOT NULL CHECK (width > 0),
	height INTEGER NOT NULL CHECK (height > 0),
	mime TEXT NOT NULL,
	path TEXT NOT NULL UNIQUE, -- below the uploads folder
	bytes INTEGER NOT NULL CHECK (bytes >= 0)
) STRICT;
CREATE INDEX media_sizes_media ON media_sizes(media_id, width);

-- The upload limit, in MiB (1 to 64: nginx's ceiling for /admin/media/).
-- It replaces upload_max_bytes, which nothing read.
INSERT INTO settings (key, value) VALUES ('upload_max_mb', '20');
DELETE FROM settings WHERE key = 'upload_max_bytes';

UPDATE edition_strings SET value = 'Featured image'
	WHERE edition_id = 1 AND key = 'featured_image';

INSERT INTO edition_strings (edition_id, key, value) VALUES
	(1, 'media_library', 'Media'),
	(1, 'media_upload', 'Upload'),
	(1, 'media_upload_title', 'Upload a file'),
	(1, 'media_upload_hint', 'JPEG, PNG, WebP or GIF images, PDF, MP4, WebM or MP3. Images are re-encoded without their metadata: no location is kept.'),
	(1, 'media_upload_max', 'Largest file (MB):'),
	(1, 'media_file', 'File'),
	(1, 'media_title', 'Title'),
	(1, 'media_title_hint', 'Shown in the library; the file''s name when left empty.'),
	(1, 'media_alt', 'Alternative text'),
	(1, 'media_alt_hint', 'What the image shows, for people who cannot see it. Needed for images.'),
	(1, 'media_caption', 'Caption'),
	(1, 'media_credit', 'Credit'),
	(1, 'media_section', 'Section'),
	(1, 'media_no_section', '(none)'),
	(1, 'media_section_cartoons', 'Cartoons'),
	(1, 'media_section_newspics', 'News pictures'),
	(1, 'media_section_photos', 'Photos'),
	(1, 'media_section_videos', 'Videos'),
	(1, 'media_kind', 'Type'),
	(1, 'media_kind_image', 'Image'),
	(1, 'media_kind_pdf', 'PDF'),
	(1, 'media_kind_video', 'Video'),
	(1, 'media_kind_audio', 'Audio'),
	(1, 'media_kind_other', 'Other'),
	(1, 'media_search', 'Search title, alt text and caption'),
	(1, 'media_grid', 'Grid'),
	(1, 'media_list', 'List'),
	(1, 'media_view', 'View'),
	(1, 'media_none', 'No media here yet.'),
	(1, 'media_size', 'Size'),
	(1, 'media_dimensions', 'Dimensions'),
	(1, 'media_uploaded_by', 'Uploaded by'),
	(1, 'media_uploaded_at', 'Uploaded'),
	(1, 'media_original_name', 'Uploaded as'),
	(1, 'media_address', 'Address'),
	(1, 'media_sizes', 'Sizes made for screens'),
	(1, 'media_markdown', 'Markdown to insert it in a body'),
	(1, 'media_uses', 'Where it is used'),
	(1, 'media_unused', 'Not used anywhere.'),
	(1, 'media_use_featured', 'featured image of the article'),
	(1, 'media_use_article', 'in the body of the article'),
	(1, 'media_use_page', 'in the body of the page'),
	(1, 'media_use_media_post', 'image or video of the media post'),
	(1, 'media_use_album', 'a photo of the album'),
	(1, 'media_use_publication', 'cover or PDF of the publication'),
	(1, 'media_edit', 'Edit media'),
	(1, 'media_read_only', 'Only its uploader, editors and admins may change this item.'),
	(1, 'media_delete', 'Delete permanently'),
	(1, 'media_delete_hint', 'The file and its sizes are removed from the server.'),
	(1, 'media_in_use', 'This item is in use and cannot be deleted. Remove it from these places first:'),
	(1, 'media_deleted', 'Deleted.'),
	(1, 'media_uploaded', 'Uploaded.'),
	(1, 'media_open_file', 'Open the file'),
	(1, 'media_upload_limit', 'Upload limit (MB, 1 to 64)'),
	(1, 'media_choose', 'Choose from the library'),
	(1, 'media_choose_hint', 'Pick one, then save the article.'),
	(1, 'media_choose_search', 'Find'),
	(1, 'media_no_image', 'No featured image'),
	(1, 'media_current', 'Current'),
	(1, 'media_featured_path', 'Its address (/uploads/…)'),
	(1, 'media_upload_here', 'Or upload a new image'),
	(1, 'media_upload_use', 'Upload and use as featured image'),
	(1, 'media_save_article', 'Save the article'),
	(1, 'media_upload_done', 'Uploaded. Save the article to keep it as its featured image.'),
	(1, 'media_insert', 'Images to insert in the body'),
	(1, 'media_insert_hint', 'Copy a line into the body where the image should appear.'),
	(1, 'media_insert_button', 'Insert'),
	(1, 'error_media_alt', 'Images need an alternative text.'),
	(1, 'error_media_fields', 'A field is too long, or the section is not one of the list.'),
	(1, 'error_media_file', 'Choose a file to upload.'),
	(1, 'error_media_one_file', 'Upload one file at a time.'),
	(1, 'error_media_refused', 'This file was not accepted:'),
	(1, 'error_media_too_large', 'The file is larger than the upload limit.'),
	(1, 'error_media_conflict', 'Someone else changed this item after you opened it. Its current text is shown; make your change again.'),
	(1, 'error_media_unconfigured', 'Uploads are not configured on this server (gazette serve runs without --uploads).');
