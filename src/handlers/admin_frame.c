/*
 * admin_frame.c: the context every admin page starts from: the public
 * frame (language, direction, strings) plus the signed-in staff member,
 * their CSRF token and what their role may open.
 */
#include <string.h>

#include "../auth/session.h"
#include "handlers.h"

/* Builds an admin page's context; see handlers.h. */
struct tval *
admin_frame(struct app *app, struct req *req, struct resp *resp,
            const char *title)
{
	struct arena *a = req->arena;
	struct tval *ctx = frame_context(app, req, resp, title), *u;
	const char *role;

	if (ctx == NULL || req->user == NULL)
		return ctx;
	role = req->user->role;
	u = tv_map(a);
	tv_set_str(a, u, "name", req->user->display_name);
	tv_set_str(a, u, "role", role);
	tv_set_bool(a, u, "is_admin", strcmp(role, "admin") == 0);
	tv_set_bool(a, u, "writes", strcmp(role, "moderator") != 0);
	tv_set(a, ctx, "user", u);
	tv_set_str(a, ctx, "csrf", session_csrf(app, req));
	return ctx;
}
