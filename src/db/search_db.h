/*
 * search_db.h: the full-text search of published articles and pages (the
 * index and its triggers: sql/021_search_pages.sql; the tokenizer:
 * search_tokenizer.c).
 */
#ifndef GAZETTE_SEARCH_DB_H
#define GAZETTE_SEARCH_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

/* One article or page found: its id, whether it is a page, its slug,
 * and its title and a snippet of its body with the matches between
 * SEARCH_MARK_OPEN and SEARCH_MARK_CLOSE (util/search_query.h), as the
 * author wrote them (not escaped). */
struct search_hit {
	long long id;
	bool page;
	const char *slug;
	const char *title;
	const char *snippet;
};

/*
 * Finds the published articles (published_at <= now) and published pages
 * of an edition that match expr, an FTS5 expression from
 * search_query_build, in one list, best first: bm25 with the title
 * weighted 10 and the body 1 (one index, so articles' and pages' scores
 * compare), an article's multiplied by 1 + 30 / (30 + age in days), so
 * that an article of today counts twice and one of a month ago 1.5 times
 * as much as an old one of the same relevance; a page's by 1 (it has no
 * publication date: it ranks as an old article would, on relevance
 * alone).  Ties: articles newest first, then pages.  Up to limit from
 * offset.  Sets *hits (in a) and *count.  Returns 0 or -1.
 */
int search_db_find(struct db *db, struct arena *a, long long edition_id,
                   const char *expr, long long now, long long offset,
                   size_t limit, struct search_hit **hits, size_t *count);

#endif
