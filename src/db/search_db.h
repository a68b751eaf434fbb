/*
 * search_db.h: the full-text search of published articles (the index and
 * its triggers: sql/014_search.sql; the tokenizer: search_tokenizer.c).
 */
#ifndef GAZETTE_SEARCH_DB_H
#define GAZETTE_SEARCH_DB_H

#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

/* One article found: its id, and its title and a snippet of its body with
 * the matches between SEARCH_MARK_OPEN and SEARCH_MARK_CLOSE
 * (util/search_query.h), as the author wrote them (not escaped). */
struct search_hit {
	long long id;
	const char *title;
	const char *snippet;
};

/*
 * Finds the published articles of an edition (published_at <= now) that
 * match expr, an FTS5 expression from search_query_build, best first:
 * bm25 with the title weighted 10 and the body 1, multiplied by
 * 1 + 30 / (30 + age in days), so that an article of today counts twice
 * and one of a month ago 1.5 times as much as an old one of the same
 * relevance; then newest first.  Up to limit from offset.  Sets *hits (in
 * a) and *count.  Returns 0 or -1.
 */
int search_db_find(struct db *db, struct arena *a, long long edition_id,
                   const char *expr, long long now, long long offset,
                   size_t limit, struct search_hit **hits, size_t *count);

#endif
