/*
 * menu_db.h: an edition's main menu as rows: the one query that reads it
 * (site_db.c builds the public two-level menu from it, the menu editor
 * shows it) and the save of the whole menu editor in one transaction.
 */
#ifndef GAZETTE_MENU_DB_H
#define GAZETTE_MENU_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

struct menu_row {
	long long id;
	long long parent_id; /* 0 for a top item */
	const char *label;
	const char *url;
	long long position;
};

/*
 * Reads the items of the edition's main menu: top items first, then the
 * others, each group by position and then id.  Sets *rows (in a) and
 * *count (0 when the edition has no menu).  Returns 0 or -1.
 */
int menu_db_list(struct db *db, struct arena *a, long long edition_id,
                 struct menu_row **rows, size_t *count);

/* One row of the menu editor, already checked by the handler. */
struct menu_change {
	long long id;        /* 0 for a new item */
	long long parent_id; /* 0 for a top item, else an existing item */
	const char *label;
	const char *url;
	long long position;
	bool remove; /* delete the item (id > 0) */
};

enum menu_save_result {
	MENU_SAVE_OK,
	MENU_SAVE_CONFLICT, /* an id is not (any longer) an item of this menu,
	                       or the result would nest deeper than two
	                       levels: someone else changed the menu */
	MENU_SAVE_FAILED,   /* the database failed (logged) */
};

/*
 * Applies the menu editor's rows to the edition's main menu in one BEGIN
 * IMMEDIATE transaction, creating the menu when the edition has none:
 * existing items are updated, new ones inserted, removed ones deleted (an
 * item's sub-items move up to the top level rather than going with it).
 * Items the rows do not name are left as they are.  Anything but
 * MENU_SAVE_OK changes nothing.
 */
enum menu_save_result menu_db_save(struct db *db, long long edition_id,
                                   const struct menu_change *rows,
                                   size_t count);

#endif
