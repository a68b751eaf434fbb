/*
 * admin_item.c: the save flow of the editors of media posts and
 * publications (see admin_item.h).
 */
#include <string.h>

#include "admin_item.h"

/* Saves a posted editor; see admin_item.h. */
int
admin_item_save(struct app *app, struct req *req, struct resp *resp,
                const struct admin_item_editor *d, void *form,
                const char *const *title, const char *const *state)
{
	const char *old_state = *state; /* NULL for a new item */
	const char *message = d->read(app, req, form);
	const char *action = req_form(req, "action");
	const char *saved_text;
	enum save_result r;
	long long id;

	if (message != NULL && message[0] == '\0')
		return 400; /* not this editor's form: no page to show again */
	if (message != NULL)
		return d->page(app, req, resp, 400, form, message, NULL, false,
		               NULL);
	if (action != NULL && strcmp(action, "preview") == 0)
		return d->page(app, req, resp, 200, form, NULL, NULL, true,
		               NULL);
	r = d->save(app, req, form, &id);
	if (r == SAVE_OK) {
		admin_audit_state(app, req, d->noun, old_state, *state, *title);
		return admin_saved(req, resp, d->base, id);
	}
	message = admin_item_save_message(req->edition, r);
	if (r == SAVE_CONFLICT) {
		if ((saved_text = d->reload(app, req, form)) == NULL)
			return 500;
		return d->page(app, req, resp, 409, form, message, saved_text,
		               false, NULL);
	}
	if (message == NULL)
		return 500;
	return d->page(app, req, resp, 400, form, message, NULL, false, NULL);
}
