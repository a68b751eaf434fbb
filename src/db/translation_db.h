/*
 * translation_db.h: articles and pages linked to their translations.
 * Items of different editions that say the same thing share a
 * translation group (the column translation_group, the id of one of
 * them); a group holds at most one item per edition.  The public pages
 * read a group's published members ("Read in: …" and the hreflang
 * alternates); the editors link an item to another edition's item.
 */
#ifndef GAZETTE_TRANSLATION_DB_H
#define GAZETTE_TRANSLATION_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"
#include "edit_db.h"

enum translation_kind {
	TRANSLATION_ARTICLE,
	TRANSLATION_PAGE,
	TRANSLATION__MAX,
};

/* One member of a group. */
struct translation {
	long long id;
	long long edition_id;
	const char *slug;
	const char *title;
	const char *state;
};

/*
 * Lists the members of item id's group, itself included, by edition:
 * only published ones when published_only.  *count is 0 when the item is
 * in no group.  Rows are in a.  Returns 0 or -1.
 */
int translation_db_group(struct db *db, struct arena *a,
                         enum translation_kind kind, long long id,
                         bool published_only, struct translation **out,
                         size_t *count);

/*
 * Finds the item of edition_id whose slug is slug (any state).  Returns
 * its id, 0 when there is none, -1 on error.
 */
long long translation_db_find(struct db *db, enum translation_kind kind,
                              long long edition_id, const char *slug);

/*
 * Inside an editor's save transaction, after item id of edition_id is
 * written: with target 0 takes it out of its group; with target > 0 puts
 * it in target's group (made of target when it has none).  Returns
 * SAVE_OK, SAVE_BAD_TRANSLATION (target is gone, is the item itself or
 * of the same edition), SAVE_TRANSLATION_TAKEN (the group has another
 * item of edition_id) or SAVE_FAILED.
 */
enum save_result translation_db_link_locked(struct db *db,
                                            enum translation_kind kind,
                                            long long id, long long edition_id,
                                            long long target);

#endif
