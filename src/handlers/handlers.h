/*
 * handlers.h: every handler the route table names, and the pieces of the
 * page frame they share (handlers/frame.c).  Only router.c calls handlers.
 */
#ifndef GAZETTE_HANDLERS_H
#define GAZETTE_HANDLERS_H

#include "../app.h"
#include "../db/article_admin_db.h"
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

/* handlers/admin_articles.c */
int admin_articles_list(struct app *app, struct req *req, struct resp *resp);
int admin_article_new(struct app *app, struct req *req, struct resp *resp);
int admin_article_create(struct app *app, struct req *req, struct resp *resp);
int admin_article_edit(struct app *app, struct req *req, struct resp *resp);
int admin_article_save(struct app *app, struct req *req, struct resp *resp);

/*
 * Reads the article {id} (req->param_int) into ed, strings in the
 * request's arena, when the signed-in user may edit it: admins and
 * editors any, authors their own drafts and pending articles.  Returns 0,
 * or the status to answer: 404, 403 or 500.
 */
int admin_article_load(struct app *app, struct req *req,
                       struct article_edit *ed);

/* Returns the message (in edition e's strings) for a save refused with r,
 * or NULL for SAVE_OK and SAVE_FAILED. */
const char *admin_article_save_message(const struct edition *e,
                                       enum article_save_result r);

/* handlers/admin_revisions.c */
int admin_revisions_list(struct app *app, struct req *req, struct resp *resp);
int admin_revision_show(struct app *app, struct req *req, struct resp *resp);
int admin_revision_restore(struct app *app, struct req *req, struct resp *resp);

/*
 * Compares two texts line by line for the admin/diff partial: a TV_MAP
 * with from_label and to_label (what "only in the first" and "only in
 * the second" mean here), same (no change), removed and added (line
 * counts), replaced (the diff gave up finding the shortest changes),
 * too_large (a text over the diff's cap: no rows), and rows: changed lines
 * with DIFF_CONTEXT_LINES unchanged ones around them, each with
 * same/removed/added and text, or skip (unchanged lines left out) or more
 * (lines past the shown maximum).  Everything is in the request's arena.
 */
struct tval *admin_diff(struct req *req, const char *from, const char *to,
                        const char *from_label, const char *to_label);

/* handlers/admin_users.c */
int admin_users(struct app *app, struct req *req, struct resp *resp);
int admin_user_create(struct app *app, struct req *req, struct resp *resp);
int admin_user_update(struct app *app, struct req *req, struct resp *resp);
int admin_account(struct app *app, struct req *req, struct resp *resp);
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
