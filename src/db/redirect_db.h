/*
 * redirect_db.h: old addresses (a WordPress site's, filled by the
 * importer, and the old slugs of renamed categories and tags, kept by
 * term_db.c) that answer 301 with the current address of what they named.
 */
#ifndef GAZETTE_REDIRECT_DB_H
#define GAZETTE_REDIRECT_DB_H

#include "../util/arena.h"
#include "db.h"

/*
 * Finds the redirect of path (percent-decoded, without a trailing slash)
 * and sets *location (in a) to its target's current address: an
 * article, page, category or tag by its slug under its edition's prefix
 * (articles and pages only while published; a category's or tag's Atom
 * feed when the row's url is "feed", its RSS feed for "feed.rss"), a
 * media item's /uploads/
 * address, or a fixed path.  Returns 0 found, 1 none (or a target that
 * is gone or not public), -1.
 */
int redirect_db_find(struct db *db, struct arena *a, const char *path,
                     const char **location);

#endif
