/*
 * export_db.c: export-static's own queries (see export_db.h).  The pages
 * themselves are read by the handlers, through app_handle.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <xxhash.h>

#include "db_internal.h"
#include "export_db.h"

static const char sql_begin[] = "BEGIN DEFERRED";
static const char sql_touch[] = "SELECT count(*) FROM editions";
static const char sql_media[] = "SELECT count(*) FROM media";

/* Begins the export's snapshot; see export_db.h. */
int
export_db_snapshot_begin(struct db *db)
{
	int error = 0;

	if (db_exec_stmt(db, db_stmt(db, sql_begin)) < 0)
		return -1;
	/* A deferred transaction takes its snapshot at its first read. */
	db_one_int(db, db_stmt(db, sql_touch), &error);
	if (error) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* Ends the export's snapshot; see export_db.h. */
void
export_db_snapshot_end(struct db *db)
{
	db_read_end(db);
}

/* Counts media items; see export_db.h. */
long long
export_db_media_count(struct db *db)
{
	int error = 0;
	long long n = db_one_int(db, db_stmt(db, sql_media), &error);

	return error ? -1 : n;
}

/* Tables whose rows never show on the public site (redirects answer old
 * WordPress addresses, which a static copy does not have). */
static const char *const private_tables[] = {
    "address_keys",   "audit_log",       "import_map",     "messages",
    "page_revisions", "password_resets", "recovery_codes", "redirects",
    "revisions",      "sessions",        "throttle",       "two_factor",
};

/* Tables that do, each read whole (every column, new ones too). */
static const struct {
	const char *name;
	const char *sql;
} public_tables[] = {
    {"album_items", "SELECT * FROM album_items"},
    {"article_tags", "SELECT * FROM article_tags"},
    {"categories", "SELECT * FROM categories"},
    {"comments", "SELECT * FROM comments"},
    {"edition_strings", "SELECT * FROM edition_strings"},
    {"editions", "SELECT * FROM editions"},
    {"media", "SELECT * FROM media"},
    {"media_posts", "SELECT * FROM media_posts"},
    {"media_sizes", "SELECT * FROM media_sizes"},
    {"menu_items", "SELECT * FROM menu_items"},
    {"menus", "SELECT * FROM menus"},
    {"old_slugs", "SELECT * FROM old_slugs"},
    {"page_old_slugs", "SELECT * FROM page_old_slugs"},
    {"pages", "SELECT * FROM pages"},
    {"publication_toc", "SELECT * FROM publication_toc"},
    {"publications", "SELECT * FROM publications"},
    {"settings", "SELECT * FROM settings"},
    {"tags", "SELECT * FROM tags"},
    {"users", "SELECT * FROM users"},
};

static const char sql_tables[] =
    "SELECT name, coalesce(sql, '') FROM sqlite_schema WHERE type = 'table' "
    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";

/* Hashes column col of the current row into state: its type, then its
 * value's bytes. */
static void
hash_column(XXH3_state_t *state, sqlite3_stmt *st, int col)
{
	int type = sqlite3_column_type(st, col);
	unsigned char t = (unsigned char)type;

	XXH3_128bits_update(state, &t, 1);
	if (type == SQLITE_INTEGER) {
		sqlite3_int64 v = sqlite3_column_int64(st, col);

		XXH3_128bits_update(state, &v, sizeof(v));
	} else if (type == SQLITE_FLOAT) {
		double v = sqlite3_column_double(st, col);

		XXH3_128bits_update(state, &v, sizeof(v));
	} else if (type != SQLITE_NULL) {
		const void *p = type == SQLITE_BLOB
		                    ? sqlite3_column_blob(st, col)
		                    : sqlite3_column_text(st, col);
		int n = sqlite3_column_bytes(st, col);

		XXH3_128bits_update(state, &n, sizeof(n));
		if (p != NULL && n > 0)
			XXH3_128bits_update(state, p, (size_t)n);
	}
}

/* Returns the 128-bit hash of the current row of st. */
static XXH128_hash_t
hash_row(XXH3_state_t *state, sqlite3_stmt *st)
{
	int n = sqlite3_column_count(st);

	XXH3_128bits_reset(state);
	for (int c = 0; c < n; c++)
		hash_column(state, st, c);
	return XXH3_128bits_digest(state);
}

/* Adds the rows of one table, in any order, into sum. */
static int
hash_table(struct db *db, XXH3_state_t *state, const char *sql,
           XXH128_hash_t *sum)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		XXH128_hash_t h = hash_row(state, st);

		sum->low64 += h.low64;
		sum->high64 += h.high64;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Tells whether name is in list[0..n). */
static bool
listed(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

/* Fingerprints the public tables; see export_db.h. */
int
export_db_fingerprint(struct db *db, unsigned char out[16], char *unknown,
                      size_t unknown_len)
{
	sqlite3_stmt *st = db_stmt(db, sql_tables);
	XXH3_state_t *state = XXH3_createState();
	XXH128_hash_t sums[sizeof(public_tables) / sizeof(public_tables[0])];
	char virt[16][64];
	size_t nvirt = 0, i;
	int rc, result = 0;

	memset(sums, 0, sizeof(sums));
	if (st == NULL || state == NULL) {
		XXH3_freeState(state);
		return -1;
	}
	/* First the schema: every table must be known. */
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *create = (const char *)sqlite3_column_text(st, 1);
		bool shadow = false;

		if (strncmp(create, "CREATE VIRTUAL", 14) == 0) {
			if (nvirt < 16)
				snprintf(virt[nvirt++], sizeof(virt[0]), "%s_",
				         name);
			continue;
		}
		for (i = 0; i < nvirt; i++)
			if (strncmp(name, virt[i], strlen(virt[i])) == 0)
				shadow = true;
		if (shadow || strcmp(name, "articles") == 0 ||
		    listed(private_tables,
		           sizeof(private_tables) / sizeof(private_tables[0]),
		           name))
			continue;
		for (i = 0;
		     i < sizeof(public_tables) / sizeof(public_tables[0]); i++)
			if (strcmp(public_tables[i].name, name) == 0)
				break;
		if (i == sizeof(public_tables) / sizeof(public_tables[0]) &&
		    result == 0) {
			snprintf(unknown, unknown_len, "%s", name);
			result = 1;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		result = -1;
	for (i = 0; result == 0 &&
	            i < sizeof(public_tables) / sizeof(public_tables[0]);
	     i++)
		if (hash_table(db, state, public_tables[i].sql, &sums[i]) < 0)
			result = -1;
	if (result == 0) {
		XXH128_hash_t h = XXH3_128bits(sums, sizeof(sums));

		memcpy(out, &h, 16);
	}
	XXH3_freeState(state);
	return result;
}

static const char sql_articles[] = "SELECT * FROM articles ORDER BY id";

/* Reads every article's hashes; see export_db.h. */
int
export_db_articles(struct db *db, struct arena *a, struct export_article **out,
                   size_t *count)
{
	/* Where it is listed (its author's archive too), its address, and
	 * its translations (a page of the group links each other member). */
	static const char *const position[] = {
	    "edition_id", "state",     "published_at",      "category_id",
	    "slug",       "author_id", "translation_group", "sticky"};
	enum { NPOS = sizeof(position) / sizeof(position[0]) };
	sqlite3_stmt *st = db_stmt(db, sql_articles);
	XXH3_state_t *state = XXH3_createState();
	struct export_article *v = NULL;
	size_t n = 0, cap = 0;
	int rc, cols, pos[NPOS], id_col = -1, edition_col = -1, slug_col = -1;

	*out = NULL;
	*count = 0;
	if (st == NULL || state == NULL) {
		XXH3_freeState(state);
		return -1;
	}
	cols = sqlite3_column_count(st);
	for (int k = 0; k < NPOS; k++) {
		pos[k] = -1;
		for (int c = 0; c < cols; c++)
			if (strcmp(sqlite3_column_name(st, c), position[k]) ==
			    0)
				pos[k] = c;
	}
	for (int c = 0; c < cols; c++) {
		if (strcmp(sqlite3_column_name(st, c), "id") == 0)
			id_col = c;
		if (strcmp(sqlite3_column_name(st, c), "edition_id") == 0)
			edition_col = c;
		if (strcmp(sqlite3_column_name(st, c), "slug") == 0)
			slug_col = c;
	}
	if (id_col < 0 || edition_col < 0 || slug_col < 0 || pos[2] < 0) {
		XXH3_freeState(state);
		return -1;
	}
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		struct export_article *e;
		XXH128_hash_t h;

		v = arena_grow(a, v, n, &cap, sizeof(*v));
		e = &v[n++];
		e->id = sqlite3_column_int64(st, id_col);
		e->edition_id = sqlite3_column_int64(st, edition_col);
		e->slug = db_col_text(a, st, slug_col);
		h = hash_row(state, st);
		memcpy(e->content, &h, 16);
		XXH3_128bits_reset(state);
		for (int k = 0; k < NPOS; k++)
			if (pos[k] >= 0)
				hash_column(state, st, pos[k]);
		e->position = XXH3_128bits_digest(state).low64;
	}
	sqlite3_reset(st);
	XXH3_freeState(state);
	if (rc != SQLITE_DONE)
		return -1;
	*out = v;
	*count = n;
	return 0;
}

static const char sql_published[] =
    "SELECT DISTINCT edition_id, published_at FROM articles "
    "WHERE state = 'published' ORDER BY edition_id, published_at";

/* Reads the published articles' editions and times; see export_db.h. */
int
export_db_published(struct db *db, struct arena *a,
                    struct export_published **out, size_t *count)
{
	sqlite3_stmt *st = db_stmt(db, sql_published);
	struct export_published *v = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	*count = 0;
	if (st == NULL)
		return -1;
	while ((rc = db_step(db, st)) == SQLITE_ROW) {
		v = arena_grow(a, v, n, &cap, sizeof(*v));
		v[n].edition_id = sqlite3_column_int64(st, 0);
		v[n].published_at = sqlite3_column_int64(st, 1);
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	*out = v;
	*count = n;
	return 0;
}
