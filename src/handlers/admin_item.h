/*
 * admin_item.h: the save flow the editors of media posts
 * (admin_sections.c) and publications (admin_publications.c) share.  The
 * posted form is read and checked: one with a bad field comes back with
 * 400 and a message, a preview with 200.  A good one is saved under the
 * version the editor opened: 303 to the saved item (a change of state
 * readers notice is audited), 409 with the saved text beside the sent one
 * when someone saved in between, 400 with a message when the save was
 * refused (a slug or number taken, a library item gone …).
 */
#ifndef GAZETTE_ADMIN_ITEM_H
#define GAZETTE_ADMIN_ITEM_H

#include <stdbool.h>

#include "handlers.h"

/*
 * An editor, as admin_item_save runs it.  Its functions get the editor's
 * own form (void *form): the item being edited and what the form sent
 * besides it (the rows of a table, shown again as sent).
 */
struct admin_item_editor {
	const char *base; /* "/admin/media-posts": a save answers base/ID */
	const char *noun; /* "media post": an item, in the audit log */
	/* Reads the posted fields into form and checks them.  Returns NULL
	 * when they are valid, "" when the form is not this editor's, else
	 * the message to show. */
	const char *(*read)(struct app *app, struct req *req, void *form);
	/* Renders the editor of form with status, a message (or NULL), the
	 * saved text after a conflict (or NULL), a preview of the sent text
	 * and a notice (or NULL). */
	int (*page)(struct app *app, struct req *req, struct resp *resp,
	            int status, const void *form, const char *message,
	            const char *other_body, bool preview, const char *notice);
	/* Saves form's item as the request's user, now; sets *id. */
	enum save_result (*save)(struct app *app, struct req *req,
	                         const void *form, long long *id);
	/* After a conflict: sets form's version to the saved item's and
	 * returns the saved text, or NULL when the item cannot be read. */
	const char *(*reload)(struct app *app, struct req *req, void *form);
};

/*
 * Saves the posted editor d over form (shared by create and update),
 * whose item has its title at *title and its state at *state (NULL for
 * a new item; both read again after the form is).  Returns the status:
 * 303 (saved), 200 (preview), 400 (a bad field, a refused save: the form
 * again with a message; not this editor's form), 409 (a conflict: the
 * form again with both texts), 500.
 */
int admin_item_save(struct app *app, struct req *req, struct resp *resp,
                    const struct admin_item_editor *d, void *form,
                    const char *const *title, const char *const *state);

#endif
