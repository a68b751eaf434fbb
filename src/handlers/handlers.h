/*
 * handlers.h: every handler the route table names, and the pieces of the
 * page frame they share (handlers/frame.c).  Only router.c calls handlers.
 */
#ifndef GAZETTE_HANDLERS_H
#define GAZETTE_HANDLERS_H

#include "../app.h"
#include "../db/auth_db.h"
#include "../db/content_db.h"

/* handlers/article.c */
int home_show(struct app *app, struct req *req, struct resp *resp);
int article_show(struct app *app, struct req *req, struct resp *resp);
int category_show(struct app *app, struct req *req, struct resp *resp);
int tag_show(struct app *app, struct req *req, struct resp *resp);

/*
 * handlers/admin_frame.c: the context of an admin page: frame_context()
 * plus user (name, role, is_admin, writes) and csrf when someone is
 * signed in.  Returns NULL when the site could not be loaded.
 */
struct tval *admin_frame(struct app *app, struct req *req, struct resp *resp,
                         const char *title);

/* handlers/admin_login.c */
int admin_login_form(struct app *app, struct req *req, struct resp *resp);
int admin_login_submit(struct app *app, struct req *req, struct resp *resp);
int admin_logout(struct app *app, struct req *req, struct resp *resp);
int admin_login_resume(struct app *app, struct req *req, struct resp *resp);
int admin_dashboard(struct app *app, struct req *req, struct resp *resp);

/*
 * handlers/admin_login.c: the login throttle, which the second factor
 * shares.  login_throttled checks it before an attempt on account name:
 * 0 to go on, 429 (Retry-After set, audited; the caller renders its page)
 * or -1.  login_failed counts a failed attempt against the account and
 * the address and audits it as action.
 */
int login_throttled(struct app *app, struct req *req, struct resp *resp,
                    const char *name);
void login_failed(struct app *app, struct req *req, long long user_id,
                  const char *name, const char *action);

/* handlers/admin_two_factor.c */
int admin_two_factor_setup(struct app *app, struct req *req, struct resp *resp);
int admin_two_factor_enable(struct app *app, struct req *req,
                            struct resp *resp);
int admin_two_factor_recovery(struct app *app, struct req *req,
                              struct resp *resp);
int admin_two_factor_disable(struct app *app, struct req *req,
                             struct resp *resp);

enum two_factor_result {
	TWO_FACTOR_ERROR = -1,
	TWO_FACTOR_WRONG,    /* wrong, reused, or two-factor login is off */
	TWO_FACTOR_CODE,     /* a code from the app, now spent */
	TWO_FACTOR_RECOVERY, /* a recovery code, now deleted */
};

/*
 * Checks a second factor for user: a 6-digit code from the app, whose
 * time step must come after the last one accepted (and is then spent),
 * or, when recovery is true, one of the account's recovery codes
 * (deleted and audited).
 */
enum two_factor_result two_factor_check(struct app *app, struct req *req,
                                        const struct staff *user,
                                        const char *code, bool recovery);

/*
 * Adds the account page's two-factor section to ctx: two_factor_on,
 * two_factor_required (the role must use it), two_factor_must (required
 * and not on yet) and recovery_left.  Returns 0 or -1.
 */
int two_factor_account(struct app *app, struct req *req, struct tval *ctx);

/* handlers/admin_articles.c */
int admin_articles_list(struct app *app, struct req *req, struct resp *resp);
int admin_article_new(struct app *app, struct req *req, struct resp *resp);
int admin_article_create(struct app *app, struct req *req, struct resp *resp);
int admin_article_edit(struct app *app, struct req *req, struct resp *resp);
int admin_article_save(struct app *app, struct req *req, struct resp *resp);

/* handlers/admin_users.c */
int admin_users(struct app *app, struct req *req, struct resp *resp);
int admin_user_create(struct app *app, struct req *req, struct resp *resp);
int admin_user_update(struct app *app, struct req *req, struct resp *resp);
int admin_account(struct app *app, struct req *req, struct resp *resp);
/* Renders the account page with status and an optional message key. */
int admin_account_page(struct app *app, struct req *req, struct resp *resp,
                       int status, const char *message_key);
int admin_account_password(struct app *app, struct req *req, struct resp *resp);
int admin_account_end_session(struct app *app, struct req *req,
                              struct resp *resp);
int admin_audit(struct app *app, struct req *req, struct resp *resp);

/* handlers/admin_settings.c */
int admin_settings(struct app *app, struct req *req, struct resp *resp);
int admin_settings_save(struct app *app, struct req *req, struct resp *resp);

/* handlers/page.c */
int page_show(struct app *app, struct req *req, struct resp *resp);
int recent_posts_show(struct app *app, struct req *req, struct resp *resp);

/*
 * handlers/frame.c: builds, for every edition, the parts of the page frame
 * that do not depend on the request (strings, menu, Recent Posts, social
 * links) into app->frames, allocated in the site's arena.  Called by
 * app.c whenever the site is (re)loaded.  Returns 0 or -1.
 */
int frame_load(struct app *app);

/*
 * handlers/frame.c: the context every public page starts from: language
 * and direction, site name, menu, interface strings (t.*), footer years,
 * Recent Posts.  title is the page's own title (NULL for the home page).
 * Raises resp->last_modified to the newest content change.  Returns the
 * map, or NULL when the site could not be loaded.
 */
struct tval *frame_context(struct app *app, struct req *req, struct resp *resp,
                           const char *title);

/* Returns the articles per listing page (the posts_per_page setting,
 * 1 to 50; 10 when unset or invalid). */
size_t frame_per_page(const struct app *app);

/* Returns the edition's URL prefix: "" or "/ar". */
const char *frame_prefix(const struct req *req);

/*
 * Formats a Unix time as the edition shows dates ("May 13, 2020"), in the
 * site's time zone and the edition's digits.  Returns a string in the
 * request's arena.
 */
const char *frame_date(struct app *app, struct req *req, long long t);

/*
 * Returns a TV_MAP describing the published article id for listings
 * (title, URL, excerpt, dates, category, comment count, featured image,
 * share pieces), or NULL when there is none (or the database fails).  The
 * map may be shared with other requests: never change it.
 */
const struct tval *frame_article_summary(struct app *app, struct req *req,
                                         long long id);

#endif
