/*
 * export_db.h: what export-static asks of the database besides the pages
 * it renders through the request path: how many uploaded files the site
 * has, and one read transaction held across every page, so the copy is
 * the site as one commit left it.
 */
#ifndef GAZETTE_EXPORT_DB_H
#define GAZETTE_EXPORT_DB_H

#include "../util/arena.h"
#include "db.h"

/*
 * Begins a read transaction and reads once, so that its snapshot is taken
 * now: every later query on db sees the database as it is at this moment,
 * whatever other connections commit, until export_db_snapshot_end.
 * Returns 0 or -1 (logged).
 */
int export_db_snapshot_begin(struct db *db);

/* Ends the read transaction export_db_snapshot_begin opened. */
void export_db_snapshot_end(struct db *db);

/* Returns how many media items (uploaded files) the site has, or -1. */
long long export_db_media_count(struct db *db);

/*
 * A fingerprint of everything the public site shows except the articles
 * table: every row of every table export_db.c calls public, hashed
 * whatever their order (sums of 128-bit XXH3 of each row's columns).
 * Tables it calls private (sessions, the audit log, revisions, messages,
 * …), virtual tables (the search index) and their shadow tables are left
 * out.  Returns 0; 1 when the schema has a table it does not know (its
 * name in unknown: the caller must then assume everything changed); -1 on
 * a database error.
 */
int export_db_fingerprint(struct db *db, unsigned char out[16], char *unknown,
                          size_t unknown_len);

/* One article as export-static compares it between two runs. */
struct export_article {
	long long id;
	long long edition_id;
	const char *slug;
	/* XXH3-128 of every column of its row, and XXH3-64 of the columns
	 * that decide where it is listed, its address and which pages it
	 * links as its translations (edition, state, publication time,
	 * category, slug, author, translation group, sticky). */
	unsigned char content[16];
	unsigned long long position;
};

/*
 * Reads every article (whatever its state) into *out (count in *count),
 * in id order, allocated from a.  Returns 0 or -1.
 */
int export_db_articles(struct db *db, struct arena *a,
                       struct export_article **out, size_t *count);

/* When an edition published an article: a date archive to export. */
struct export_published {
	long long edition_id;
	long long published_at;
};

/*
 * Reads each distinct (edition, publication time) of the published
 * articles into *out (count in *count), allocated from a: the periods
 * whose date archives (/YYYY, /YYYY/MM, /YYYY/MM/DD) have a page, which
 * no page links.  Returns 0 or -1.
 */
int export_db_published(struct db *db, struct arena *a,
                        struct export_published **out, size_t *count);

#endif
