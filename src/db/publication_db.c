/*
 * publication_db.c: the queries on publications and their tables of
 * contents (see publication_db.h).  A save runs through edit_db_save:
 * Markdown first, then one short write transaction for the checks and
 * writes; the table of contents is replaced whole inside it, under the
 * publication's version check.
 */
#include <string.h>

#include "db_internal.h"
#include "publication_db.h"

/* At most this many entries are read from one table of contents. */
#define TOC_READ_MAX 1000

#define PUB_COLUMNS                                                            \
	"p.id, p.kind, coalesce(p.number, 0), p.slug, p.title, "               \
	"p.book_author, coalesce(p.year, 0), p.published_at, p.updated_at, "   \
	"coalesce(c.path, ''), coalesce(c.width, 0), coalesce(c.height, 0), "  \
	"coalesce(c.alt, ''), coalesce(c.caption, ''), "                       \
	"coalesce(f.path, ''), coalesce(f.bytes, 0), p.link, "                 \
	"p.description_html "
#define PUB_JOINS                                                              \
	"FROM publications p LEFT JOIN media c ON c.id = p.cover_id "          \
	"LEFT JOIN media f ON f.id = p.pdf_id "

static const char sql_list[] =
    "SELECT " PUB_COLUMNS PUB_JOINS
    "WHERE p.edition_id = ?1 AND p.kind = ?2 AND p.state = 'published' "
    "ORDER BY p.number DESC, p.published_at DESC, p.id DESC "
    "LIMIT ?3 OFFSET ?4";
static const char sql_book[] =
    "SELECT " PUB_COLUMNS PUB_JOINS
    "WHERE p.edition_id = ?1 AND p.kind = 'book' AND p.slug = ?2 "
    "AND p.state = 'published'";
static const char sql_issue[] =
    "SELECT " PUB_COLUMNS PUB_JOINS
    "WHERE p.edition_id = ?1 AND p.kind = ?2 AND p.number = ?3 "
    "AND p.state = 'published'";
/* Only published articles are linked from the public contents. */
static const char sql_toc[] =
    "SELECT t.heading, t.excerpt, coalesce(a.slug, '') "
    "FROM publication_toc t LEFT JOIN articles a ON a.id = t.article_id "
    "AND a.state = 'published' WHERE t.publication_id = ? "
    "ORDER BY t.position LIMIT ?";
static const char sql_admin_list[] =
    "SELECT p.id, p.kind, coalesce(p.number, 0), p.title, p.state, e.code, "
    "coalesce(u.display_name, ''), coalesce(w.display_name, ''), "
    "p.updated_at FROM publications p "
    "JOIN editions e ON e.id = p.edition_id "
    "LEFT JOIN users u ON u.id = p.author_id "
    "LEFT JOIN users w ON w.id = p.updated_by "
    "WHERE (?1 IS NULL AND p.state != 'trash' OR p.state = ?1) "
    "AND (?2 IS NULL OR p.kind = ?2) AND (?3 = 0 OR p.author_id = ?3) "
    "AND (?6 = 0 OR p.edition_id = ?6) "
    "ORDER BY p.updated_at DESC, p.id DESC LIMIT ?4 OFFSET ?5";
static const char sql_admin_get[] =
    "SELECT id, edition_id, kind, coalesce(number, 0), title, slug, "
    "book_author, coalesce(year, 0), description_md, state, "
    "coalesce(cover_id, 0), coalesce(pdf_id, 0), link, "
    "coalesce(published_at, 0), coalesce(author_id, 0), version "
    "FROM publications WHERE id = ?";
static const char sql_admin_toc[] =
    "SELECT t.heading, t.excerpt, coalesce(a.slug, '') "
    "FROM publication_toc t LEFT JOIN articles a ON a.id = t.article_id "
    "WHERE t.publication_id = ? ORDER BY t.position LIMIT ?";
static const char sql_version[] =
    "SELECT version, slug, edition_id FROM publications WHERE id = ?";
static const char sql_slug_owner[] =
    "SELECT id FROM publications WHERE edition_id = ? AND slug = ? "
    "AND id != ?";
/* Publications keep no old slugs (issues are found by number). */
static const struct edit_sql edit_sql = {sql_version, sql_slug_owner, NULL,
                                         NULL, NULL};
static const char sql_number_owner[] =
    "SELECT id FROM publications WHERE edition_id = ? AND kind = ? "
    "AND number = ? AND id != ?";
static const char sql_article_id[] =
    "SELECT id FROM articles WHERE edition_id = ? AND slug = ?";
static const char sql_insert[] =
    "INSERT INTO publications (edition_id, kind, number, slug, title, "
    "book_author, year, state, cover_id, pdf_id, link, published_at, "
    "description_md, description_html, author_id, updated_by, created_at, "
    "updated_at, version, trashed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
    "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15, ?16, ?16, 1, "
    "CASE WHEN ?8 = 'trash' THEN ?16 END)";
static const char sql_update[] =
    "UPDATE publications SET edition_id = ?1, kind = ?2, number = ?3, "
    "slug = ?4, title = ?5, book_author = ?6, year = ?7, state = ?8, "
    "cover_id = ?9, pdf_id = ?10, link = ?11, published_at = ?12, "
    "description_md = ?13, description_html = ?14, updated_by = ?15, "
    "updated_at = ?16, version = version + 1, "
    "trashed_at = CASE WHEN ?8 = 'trash' THEN coalesce(trashed_at, ?16) END "
    "WHERE id = ?17";
static const char sql_toc_clear[] =
    "DELETE FROM publication_toc WHERE publication_id = ?";
static const char sql_toc_add[] =
    "INSERT INTO publication_toc (publication_id, position, heading, "
    "excerpt, article_id) VALUES (?, ?, ?, ?, ?)";

/* Fills a publication from the PUB_COLUMNS of the current row. */
static void
read_pub(struct arena *a, sqlite3_stmt *st, struct publication *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->kind = db_col_text(a, st, 1);
	p->number = sqlite3_column_int64(st, 2);
	p->slug = db_col_text(a, st, 3);
	p->title = db_col_text(a, st, 4);
	p->book_author = db_col_text(a, st, 5);
	p->year = sqlite3_column_int64(st, 6);
	p->published_at = sqlite3_column_int64(st, 7);
	p->updated_at = sqlite3_column_int64(st, 8);
	p->cover.path = db_col_text(a, st, 9);
	p->cover.width = sqlite3_column_int64(st, 10);
	p->cover.height = sqlite3_column_int64(st, 11);
	p->cover.alt = db_col_text(a, st, 12);
	p->cover.caption = db_col_text(a, st, 13);
	p->pdf_path = db_col_text(a, st, 14);
	p->pdf_bytes = sqlite3_column_int64(st, 15);
	p->link = db_col_text(a, st, 16);
	/* Stored rendering, made by markdown.c on save. */
	p->description.html = db_col_text(a, st, 17);
	p->description.len = strlen(p->description.html);
}

/* Lists publications of a kind; see publication_db.h. */
int
publication_db_list(struct db *db, struct arena *a, long long edition_id,
                    const char *kind, long long offset, size_t limit,
                    struct publication **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	size_t n = 0;
	int rc = SQLITE_DONE;

	*rows = arena_calloc(a, limit ? limit : 1, sizeof(**rows));
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text(st, 2, kind, -1);
	sqlite3_bind_int64(st, 3, (long long)limit);
	sqlite3_bind_int64(st, 4, offset);
	while (n < limit && (rc = db_step(db, st)) == SQLITE_ROW)
		read_pub(a, st, &(*rows)[n++]);
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	*count = n;
	return 0;
}

/* Steps a prepared lookup of one publication and reads it. */
static int
read_one(struct db *db, struct arena *a, sqlite3_stmt *st,
         struct publication *out)
{
	int rc = db_step(db, st);

	if (rc == SQLITE_ROW)
		read_pub(a, st, out);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Reads a book; see publication_db.h. */
int
publication_db_book(struct db *db, struct arena *a, long long edition_id,
                    const char *slug, struct publication *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_book);

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text(st, 2, slug, -1);
	return read_one(db, a, st, out);
}

/* Reads an issue; see publication_db.h. */
int
publication_db_issue(struct db *db, struct arena *a, long long edition_id,
                     const char *kind, long long number,
                     struct publication *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_issue);

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, edition_id);
	db_bind_text(st, 2, kind, -1);
	sqlite3_bind_int64(st, 3, number);
	return read_one(db, a, st, out);
}

/* Reads the entries of a table of contents with sql (one parameter, the
 * publication, and a limit). */
static int
toc_read(struct db *db, struct arena *a, const char *sql, long long id,
         struct toc_entry **out, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	size_t n = 0, cap = 0;
	struct toc_entry *e = NULL;
	int rc;

	*out = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, TOC_READ_MAX);
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		e = arena_grow(a, e, n, &cap, sizeof(*e));
		e[n].heading = db_col_text(a, st, 0);
		e[n].excerpt = db_col_text(a, st, 1);
		e[n].article_slug = db_col_text(a, st, 2);
		n++;
	}
	sqlite3_reset(st);
	*out = e;
	*count = n;
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Reads a table of contents; see publication_db.h. */
int
publication_db_toc(struct db *db, struct arena *a, long long id,
                   struct toc_entry **out, size_t *count)
{
	return toc_read(db, a, sql_toc, id, out, count);
}

/* Lists publications for the admin; see publication_db.h. */
int
publication_admin_list(struct db *db, struct arena *a,
                       const struct publication_filter *f,
                       struct publication_row **rows, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_admin_list);
	size_t n = 0;
	int rc = SQLITE_DONE;

	*rows = arena_calloc(a, f->limit ? f->limit : 1, sizeof(**rows));
	*count = 0;
	if (st == NULL)
		return -1;
	db_bind_text_opt(st, 1, f->state);
	db_bind_text_opt(st, 2, f->kind);
	sqlite3_bind_int64(st, 3, f->author_id);
	sqlite3_bind_int64(st, 4, (long long)f->limit);
	sqlite3_bind_int64(st, 5, f->offset);
	sqlite3_bind_int64(st, 6, f->edition_id);
	while (n < f->limit && (rc = db_step(db, st)) == SQLITE_ROW) {
		struct publication_row *r = &(*rows)[n++];

		r->id = sqlite3_column_int64(st, 0);
		r->kind = db_col_text(a, st, 1);
		r->number = sqlite3_column_int64(st, 2);
		r->title = db_col_text(a, st, 3);
		r->state = db_col_text(a, st, 4);
		r->edition_code = db_col_text(a, st, 5);
		r->author_name = db_col_text(a, st, 6);
		r->editor_name = db_col_text(a, st, 7);
		r->updated_at = sqlite3_column_int64(st, 8);
	}
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	*count = n;
	return 0;
}

/* Reads a publication for editing; see publication_db.h. */
int
publication_admin_get(struct db *db, struct arena *a, long long id,
                      struct publication_edit *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_admin_get);
	struct toc_entry *toc;
	size_t n, i;
	int rc;

	memset(out, 0, sizeof(*out));
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = db_step(db, st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->edition_id = sqlite3_column_int64(st, 1);
		out->kind = db_col_text(a, st, 2);
		out->number = sqlite3_column_int64(st, 3);
		out->title = db_col_text(a, st, 4);
		out->slug = db_col_text(a, st, 5);
		out->book_author = db_col_text(a, st, 6);
		out->year = sqlite3_column_int64(st, 7);
		out->description_md = db_col_text(a, st, 8);
		out->state = db_col_text(a, st, 9);
		out->cover_id = sqlite3_column_int64(st, 10);
		out->pdf_id = sqlite3_column_int64(st, 11);
		out->link = db_col_text(a, st, 12);
		out->published_at = sqlite3_column_int64(st, 13);
		out->author_id = sqlite3_column_int64(st, 14);
		out->version = sqlite3_column_int64(st, 15);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 1 : -1;
	if (toc_read(db, a, sql_admin_toc, id, &toc, &n) < 0)
		return -1;
	out->toc = arena_calloc(a, n + 1, sizeof(*out->toc));
	for (i = 0; i < n; i++)
		out->toc[i] = (struct toc_input){toc[i].heading, toc[i].excerpt,
		                                 toc[i].article_slug};
	out->toc_count = n;
	return 0;
}

/* Checks that no other issue of the edition and kind has the number. */
static enum save_result
check_number(struct db *db, const struct publication_edit *in)
{
	sqlite3_stmt *st;
	int error = 0;
	long long other;

	if (in->number <= 0)
		return SAVE_OK;
	if ((st = db_stmt(db, sql_number_owner)) != NULL) {
		sqlite3_bind_int64(st, 1, in->edition_id);
		db_bind_text(st, 2, in->kind, -1);
		sqlite3_bind_int64(st, 3, in->number);
		sqlite3_bind_int64(st, 4, in->id);
	}
	other = db_one_int(db, st, &error);
	return error ? SAVE_FAILED : other != 0 ? SAVE_NUMBER_TAKEN : SAVE_OK;
}

/* Checks a publication's number, cover and PDF. */
static enum save_result
check_pub(struct db *db, const void *item)
{
	const struct publication_edit *in = item;
	enum save_result res = check_number(db, in);

	if (res == SAVE_OK)
		res = edit_db_media_ok(db, in->cover_id, "image/*");
	if (res == SAVE_OK)
		res = edit_db_media_ok(db, in->pdf_id, "application/pdf");
	return res;
}

/* When in sets its table of contents: replaces that of publication id
 * with in's entries, resolving each article slug in the edition. */
static enum save_result
toc_replace(struct db *db, long long id, const void *item)
{
	const struct publication_edit *in = item;
	sqlite3_stmt *st;
	int error = 0;

	if (!in->toc_set)
		return SAVE_OK;
	if ((st = db_stmt(db, sql_toc_clear)) != NULL)
		sqlite3_bind_int64(st, 1, id);
	if (db_exec_stmt(db, st) < 0)
		return SAVE_FAILED;
	for (size_t i = 0; i < in->toc_count; i++) {
		const struct toc_input *t = &in->toc[i];
		long long article = 0;

		if (t->article_slug != NULL && t->article_slug[0] != '\0') {
			if ((st = db_stmt(db, sql_article_id)) != NULL) {
				sqlite3_bind_int64(st, 1, in->edition_id);
				db_bind_text(st, 2, t->article_slug, -1);
			}
			article = db_one_int(db, st, &error);
			if (error)
				return SAVE_FAILED;
			if (article == 0)
				return SAVE_BAD_ARTICLE;
		}
		if ((st = db_stmt(db, sql_toc_add)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, (long long)i + 1);
			db_bind_text(st, 3, t->heading, -1);
			db_bind_text(st, 4, t->excerpt ? t->excerpt : "", -1);
			if (article > 0)
				sqlite3_bind_int64(st, 5, article);
		}
		if (db_exec_stmt(db, st) < 0)
			return SAVE_FAILED;
	}
	return SAVE_OK;
}

/* Binds the publication's fields (see sql_insert and sql_update). */
static void
bind_pub(sqlite3_stmt *st, const void *item, const struct trusted_html *html,
         long long user, long long now)
{
	const struct publication_edit *in = item;

	sqlite3_bind_int64(st, 1, in->edition_id);
	db_bind_text(st, 2, in->kind, -1);
	if (in->number > 0)
		sqlite3_bind_int64(st, 3, in->number);
	db_bind_text(st, 4, in->slug, -1);
	db_bind_text(st, 5, in->title, -1);
	db_bind_text(st, 6, in->book_author ? in->book_author : "", -1);
	if (in->year > 0)
		sqlite3_bind_int64(st, 7, in->year);
	db_bind_text(st, 8, in->state, -1);
	if (in->cover_id > 0)
		sqlite3_bind_int64(st, 9, in->cover_id);
	if (in->pdf_id > 0)
		sqlite3_bind_int64(st, 10, in->pdf_id);
	db_bind_text(st, 11, in->link ? in->link : "", -1);
	if (in->published_at > 0)
		sqlite3_bind_int64(st, 12, in->published_at);
	db_bind_text(st, 13, in->description_md, -1);
	db_bind_text(st, 14, html->html, (int)html->len);
	sqlite3_bind_int64(st, 15, user);
	sqlite3_bind_int64(st, 16, now);
	if (in->id > 0)
		sqlite3_bind_int64(st, 17, in->id);
}

/* A publication's save: publications keep no old slugs. */
static const struct edit_item_steps pub_steps = {
    .sql = &edit_sql,
    .insert = sql_insert,
    .update = sql_update,
    .check = check_pub,
    .bind = bind_pub,
    .after = toc_replace,
};

/* Saves a publication; see publication_db.h. */
enum save_result
publication_admin_save(struct db *db, const struct publication_edit *in,
                       long long user_id, long long now, long long *id_out)
{
	struct edit_item item = {in->id,   in->version,        in->edition_id,
	                         in->slug, in->description_md, in};

	return edit_db_save_item(db, &pub_steps, &item, user_id, now, id_out);
}
