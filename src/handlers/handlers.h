/*
 * handlers.h: every handler the route table names, and the pieces of the
 * page frame they share (handlers/frame.c).  Only router.c calls handlers.
 */
#ifndef GAZETTE_HANDLERS_H
#define GAZETTE_HANDLERS_H

#include "../app.h"
#include "../auth/token.h"
#include "../db/auth_db.h"
#include "../db/article_admin_db.h"
#include "../db/comment_db.h"
#include "../db/content_db.h"
#include "../db/revision_db.h"
#include "../db/translation_db.h"

/* handlers/article.c */
int home_show(struct app *app, struct req *req, struct resp *resp);
int article_show(struct app *app, struct req *req, struct resp *resp);
int category_show(struct app *app, struct req *req, struct resp *resp);
int tag_show(struct app *app, struct req *req, struct resp *resp);
int author_show(struct app *app, struct req *req, struct resp *resp);
int date_archive_show(struct app *app, struct req *req, struct resp *resp);

/* The comment form as a reader sent it (comments.c), to show again. */
struct comment_form {
	const char *name, *email, *body; /* trimmed; line ends \n */
	long long parent;                /* the comment answered, or 0 */
	/* Interface strings' keys: a field's error, the form's message. */
	const char *error_name, *error_email, *error_body, *message;
};

/*
 * handlers/article.c: renders the published article {slug} with status:
 * the article, its comments and, where comments are open, the form,
 * holding f's values, errors and message when f is not NULL (a POST shown
 * again), else empty with a fresh token.  Returns status, 301 (an old
 * slug), 404 or 500.
 */
int article_page(struct app *app, struct req *req, struct resp *resp,
                 int status, const struct comment_form *f);

/* handlers/search.c */
int search_show(struct app *app, struct req *req, struct resp *resp);

/* handlers/page.c: renders the published page {slug} with status, as
 * article_page does an article (its comments and form with f). */
int page_page(struct app *app, struct req *req, struct resp *resp, int status,
              const struct comment_form *f);

/* handlers/comments.c: issues the article comment form's token for a
 * page (see reader_form_token). */
const char *comments_token(struct app *app, struct req *req, struct resp *resp);

/* What comments on a page of the site are under (comments.c): an article
 * or a page, with its address and when its comments close. */
struct discussion {
	struct comment_on on;
	const char *url;    /* its address, the edition's prefix included */
	bool open;          /* its own "Comments open" */
	long long close_at; /* when they close by age; LLONG_MAX: never */
};

/* handlers/comments.c: describes the comments of the published article
 * at {slug} (closing comments_close_after_days after it was published) or
 * of a published page (never closing by age), in req's edition. */
void comments_of_article(struct app *app, struct req *req,
                         const struct article *art, struct discussion *d);
void comments_of_page(struct req *req, const struct page *page,
                      struct discussion *d);

/* handlers/comments.c */
int comment_submit(struct app *app, struct req *req, struct resp *resp);
int page_comment_submit(struct app *app, struct req *req, struct resp *resp);

/*
 * handlers/comments.c: adds the comments of d to page (the map the
 * template opens inside the article or page) as "discussion": the
 * approved comments as a thread three levels deep, whether comments are
 * open, and when they are the form (see article_page for f).  Raises
 * resp->last_modified to the newest comment shown.  Returns 0 or -1.
 */
int comments_add(struct app *app, struct req *req, struct resp *resp,
                 struct tval *page, const struct discussion *d,
                 const struct comment_form *f);

/*
 * handlers/reader_form.c: what the readers' forms (contact, comments)
 * share: the order of a POST's first checks (the rate limit, then the
 * signed token), the bots' signs, the token on a cacheable page, and the
 * checks of a name and an email address.
 */

/* A reader's form: its token's name and its limits' settings. */
struct reader_form {
	const char *name;         /* the tokens' form: the route's pattern */
	const char *throttle;     /* its rate limit's key prefix, "contact:" */
	const char *rate_setting; /* POSTs an address may send a minute */
	const char *min_setting;  /* the least time to fill it, seconds */
};

/* The longest name a reader may give, in characters. */
#define READER_NAME_MAX_CHARS 200

/*
 * Runs a reader's POST's first checks: the rate limit (every POST
 * counts, whatever it carries, against the sender's address, IPv6 by /64,
 * under its keyed hash), then the signed token.  Returns 0, with *token
 * (OK, TOO_FAST or EXPIRED) and hash (the address's hash under the day's
 * key, all a stored item keeps of it), or the status to answer: 429
 * (Retry-After set), 403 (a missing or forged token) or 500.
 */
int reader_form_check(struct app *app, struct req *req, struct resp *resp,
                      const struct reader_form *f, long long now,
                      unsigned char hash[TOKEN_ADDRESS_HASH_BYTES],
                      enum token_form_result *token);

/* Returns why a checked POST is a bot's: "honeypot" (the hidden field
 * "website" filled) or "too fast" (token), else NULL. */
const char *reader_form_bot(const struct req *req,
                            enum token_form_result token);

/*
 * Returns a signed token for form f issued now (in the request's arena).
 * On a cacheable page it is also what the ETag leaves out
 * (resp->etag_skip), with its hour counted instead.
 */
const char *reader_form_token(struct app *app, struct req *req,
                              struct resp *resp, const struct reader_form *f);

/* Returns the interface string's key saying what is wrong with a reader's
 * name (empty, over READER_NAME_MAX_CHARS, control characters), or NULL. */
const char *reader_form_name_error(const char *name);

/* The same for an email address (text_email_valid). */
const char *reader_form_email_error(const char *email);

/* Sets ctx[key] to the edition's string for message_key, if not NULL. */
void reader_form_message(struct req *req, struct tval *ctx, const char *key,
                         const char *message_key);

/*
 * handlers/admin_frame.c: the context of an admin page: frame_context()
 * plus user (name, role, is_admin, writes) and csrf when someone is
 * signed in.  Returns NULL when the site could not be loaded.
 */
struct tval *admin_frame(struct app *app, struct req *req, struct resp *resp,
                         const char *title);

/*
 * handlers/admin_frame.c: what the editors of articles, pages, media
 * posts, publications and the menu share.
 */

/* Returns whether u edits all content (an admin or an editor). */
bool admin_is_editor(const struct staff *u);

/* The states of articles, media posts and publications, in order:
 * draft, pending, scheduled, published, private, trash. */
#define ADMIN_STATES 6
extern const char *const admin_states[ADMIN_STATES];

/* Returns whether s is one of admin_states. */
bool admin_state_known(const char *s);

/* Returns whether u may put an article, media post or publication in
 * state: admins and editors any, authors draft and pending. */
bool admin_may_set_state(const struct staff *u, const char *state);

/* Returns whether u may open an item (written by author_id, in state) in
 * its editor: admins and editors any, authors their own drafts and
 * pending items. */
bool admin_may_edit(const struct staff *u, long long author_id,
                    const char *state);

/*
 * Returns the states (count of them) as <select> options, with the
 * interface string state_NAME as label, selecting selected: "all" (value
 * "") first when with_all, and only those u may set when u is not NULL.
 */
struct tval *admin_state_options(struct req *req, const char *const *states,
                                 size_t count, const char *selected,
                                 bool with_all, const struct staff *u);

/*
 * Reads the form's state and publish_at for an item of admin_states:
 * the state must be known and one the user may set; "scheduled" needs a
 * publish time (YYYY-MM-DDTHH:MM in the site's zone) and becomes
 * "published" when that time has passed; "published" without a time
 * (*published_at 0) is published now.  Sets *state (the form's, or a
 * literal) and *published_at.  Returns NULL, or the message to show.
 */
const char *admin_form_schedule(struct req *req, const char **state,
                                long long *published_at);

/* Returns t as a datetime-local value in the site's zone ("" for 0), in
 * a. */
const char *admin_local_time(struct arena *a, long long t);

/* Parses "YYYY-MM-DDTHH:MM" in the site's time zone (the worker's TZ) to
 * Unix time; -1 when malformed or not a date and time of the calendar
 * (30 February; cal_wall_time_valid). */
long long admin_parse_local_time(const char *s);

/* Parses a whole number of at most digits digits; -1 when s is not one. */
long long admin_number(const char *s, size_t digits);

/* A row of a table editor as the form sent it. */
struct admin_row {
	const char *key;   /* "12" (an existing row) or "new1" … */
	long long id;      /* the number of a digit key, 0 for a new row */
	const char **cols; /* one value per column, "" when absent */
	bool remove;       /* delete-KEY was sent for an existing row */
};

/*
 * Reads the rows of a table editor that needs no script (the menu's,
 * an album's, a table of contents): a row per field named COL0-KEY, in
 * the order sent, with the fields COLn-KEY of the other columns and
 * delete-KEY.  KEY is a positive number (an existing row) or "new" and
 * up to two digits.  Fills rows (at most max, in the request's arena).
 * Returns the number of rows, or -1 when the form is not such a form (a
 * malformed or repeated key, more than max rows).
 */
long long admin_form_rows(struct req *req, const char *const *cols,
                          size_t ncols, struct admin_row *rows, size_t max);

/*
 * Orders the rows of a table editor by position: of the count rows, those
 * with keep[i] set, by positions[i] (-1: none given; such rows go after
 * the highest position, in the order sent), rows of equal position in the
 * order sent.  Writes their indexes to order (room for count) and returns
 * how many it wrote.  Scratch memory comes from a.
 */
size_t admin_rows_order(struct arena *a, const long long *positions,
                        const bool *keep, size_t count, size_t *order);

struct media_option;

/*
 * Returns library items (edit_db_media_options) as <select> options
 * labelled by path and the start of their alt text, after a "(none)"
 * option of value "", selecting the item selected (0: none).
 */
struct tval *admin_media_options(struct req *req,
                                 const struct media_option *opts, size_t count,
                                 long long selected);
/* Returns whether u reviews readers' messages and comments (admin, editor,
 * moderator). */
bool admin_moderates(const struct staff *u);

/* Appends to list an option for a <select>: value, label, selected. */
void admin_option(struct arena *a, struct tval *list, const char *value,
                  const char *label, bool selected);

/*
 * Returns the options of a list's edition filter: "All" (value "") and
 * every edition (value: its id), selecting the edition selected (0: All).
 */
struct tval *admin_edition_filter(struct app *app, struct req *req,
                                  long long selected);

/* Returns every edition as options (value: the id), selecting one. */
struct tval *admin_edition_options(struct app *app, struct arena *a,
                                   long long selected_id);

/* Returns the edition with this id, enabled or not, or NULL. */
const struct edition *admin_edition_by_id(const struct app *app, long long id);

/*
 * Returns the site's default edition: the one new articles, pages, media
 * posts and publications start in, and the one the menu and term lists
 * show first, whatever the admin language (req->edition, which
 * auth_guard sets to the signed-in account's choice).  Never NULL while
 * requests are served (the router answers 500 without one).
 */
const struct edition *admin_default_edition(const struct app *app);

/* Reads the query's page number into *n (1 when absent); returns false
 * when it is not a number from 1 to 100,000. */
bool admin_query_page(const struct req *req, long long *n);

/* Parses a form field holding an id: 0 when absent or empty, -1 when
 * not a number. */
long long admin_form_id(const struct req *req, const char *name);

/* The same for a query parameter. */
long long admin_query_id(const struct req *req, const char *name);

/*
 * Sets *slug to the form's slug field, or to one made from title when the
 * field is empty (slug_make; in the request's arena), and returns whether
 * it is a valid slug.  An invalid one is left as typed, to show again.
 */
bool admin_form_slug(struct req *req, const char *title, const char **slug);

/*
 * Reads the editors' "Comments open" box (template
 * admin/comments_field) into *open.  An unticked box sends nothing: the
 * hidden comments_field says the form had it, and a form without it
 * leaves *open as it was.
 */
void admin_form_comments(const struct req *req, bool *open);

/* What every editor shows (templates admin/editor_head, editor_foot). */
struct admin_editor {
	const char *action;  /* where the form posts */
	const char *heading; /* also the page's title */
	long long version;   /* the version the edit started from */
	const char *title;   /* NULL shows "" (so do slug and body) */
	const char *slug;
	const char *body;       /* Markdown */
	const char *body_label; /* the body field's label; NULL: "Body" */
	const char *message;    /* an error, or NULL */
	const char *notice;     /* "Saved.", or NULL */
	const char *other_body; /* after a stale save, the current text */
};

/*
 * Builds an editor's context: admin_frame() titled ed->heading, plus the
 * fields of ed.  Returns NULL when the site could not be loaded.
 */
struct tval *admin_editor_frame(struct app *app, struct req *req,
                                struct resp *resp,
                                const struct admin_editor *ed);

/* Returns "Saved." when the query says a save just happened, else NULL. */
const char *admin_saved_notice(const struct req *req);

/*
 * Renders the editor template name with ctx and, when preview is not
 * NULL, that body rendered as "preview" (freed after the render): as
 * Markdown, or through the sanitiser when html_source (an imported HTML
 * body, as the save renders it).  Returns the status, or 500.
 */
int admin_editor_render(struct app *app, struct resp *resp, int status,
                        const char *name, struct arena *a, struct tval *ctx,
                        const char *preview, bool html_source);

/*
 * Returns the message (in edition e's strings) for a save of a media post
 * or publication refused with r, or NULL for SAVE_OK and SAVE_FAILED.
 */
const char *admin_item_save_message(const struct edition *e,
                                    enum save_result r);

/*
 * Sets the page links of page n of an admin list at base
 * ("/admin/articles"): newer_url when n > 1, older_url when more rows
 * follow, each base with page=N added to its query.
 */
void admin_list_pager(struct req *req, struct tval *ctx, const char *base,
                      long long n, bool more);

/* Answers a successful save: 303 to base/id?saved=1.  Returns 303 or 500. */
int admin_saved(struct req *req, struct resp *resp, const char *base,
                long long id);

/*
 * Audits a change readers notice, as "KIND published", "… scheduled",
 * "… unpublished" or "… trashed" with the title: from is the state before
 * the save (NULL for a new item), to the state after.
 */
void admin_audit_state(struct app *app, struct req *req, const char *kind,
                       const char *from, const char *to, const char *title);

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
/* The throttle's window in seconds (the login_window_minutes setting),
 * which password reset requests share. */
long long login_window(const struct app *app);
/* Writes the throttle keys of an attempt on account name (in the
 * request's arena): "account:" and the name in lower case, "address:" and
 * the client's address (IPv6 by its /64). */
void login_throttle_keys(struct req *req, const char *name,
                         const char **account, const char **address);

/* handlers/admin_reset.c */
int admin_lost_password_form(struct app *app, struct req *req,
                             struct resp *resp);
int admin_lost_password_submit(struct app *app, struct req *req,
                               struct resp *resp);
int admin_reset_form(struct app *app, struct req *req, struct resp *resp);
int admin_reset_submit(struct app *app, struct req *req, struct resp *resp);

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

/* handlers/admin_pages.c */
int admin_pages_list(struct app *app, struct req *req, struct resp *resp);
int admin_page_new(struct app *app, struct req *req, struct resp *resp);
int admin_page_create(struct app *app, struct req *req, struct resp *resp);
int admin_page_edit(struct app *app, struct req *req, struct resp *resp);
int admin_page_save(struct app *app, struct req *req, struct resp *resp);

/* handlers/admin_menu.c */
int admin_menu(struct app *app, struct req *req, struct resp *resp);
int admin_menu_save(struct app *app, struct req *req, struct resp *resp);

/* handlers/admin_terms.c */
int admin_categories(struct app *app, struct req *req, struct resp *resp);
int admin_category_edit(struct app *app, struct req *req, struct resp *resp);
int admin_category_create(struct app *app, struct req *req, struct resp *resp);
int admin_category_save(struct app *app, struct req *req, struct resp *resp);
int admin_category_delete(struct app *app, struct req *req, struct resp *resp);
int admin_tags(struct app *app, struct req *req, struct resp *resp);
int admin_tag_edit(struct app *app, struct req *req, struct resp *resp);
int admin_tag_create(struct app *app, struct req *req, struct resp *resp);
int admin_tag_save(struct app *app, struct req *req, struct resp *resp);
int admin_tag_delete(struct app *app, struct req *req, struct resp *resp);
/*
 * Reads the article {id} (req->param_int) into ed, strings in the
 * request's arena, when the signed-in user may edit it: admins and
 * editors any, authors their own drafts and pending articles.  Returns 0,
 * or the status to answer: 404, 403 or 500.
 */
int admin_article_load(struct app *app, struct req *req,
                       struct article_edit *ed);

/*
 * For an upload made from the article editor (admin_media.c): reads into
 * ed the article the query names (article=ID; 0 for one not saved yet)
 * when the user may edit it.  Returns 0, or the status to answer: 400 (no
 * such query), 403, 404, 500.
 */
int admin_article_from_query(struct app *app, struct req *req,
                             struct article_edit *ed);

/*
 * Shows the article editor again as the form posted it (req->form: the
 * text is kept, nothing is saved) over ed, with featured (an uploads path;
 * NULL keeps the posted one) as its image and an optional message or
 * notice.  Returns status, or 500.
 */
int admin_article_form_again(struct app *app, struct req *req,
                             struct resp *resp, int status,
                             struct article_edit *ed, const char *featured,
                             const char *message, const char *notice);

/* Returns the message (in edition e's strings) for a save refused with r,
 * or NULL for SAVE_OK and SAVE_FAILED. */
const char *admin_article_save_message(const struct edition *e,
                                       enum save_result r);

/* handlers/admin_revisions.c */
int admin_revisions_list(struct app *app, struct req *req, struct resp *resp);
int admin_revision_show(struct app *app, struct req *req, struct resp *resp);
int admin_revision_restore(struct app *app, struct req *req, struct resp *resp);
int admin_page_revisions_list(struct app *app, struct req *req,
                              struct resp *resp);
/* Sets the editor's link to the revisions of of (an existing article or
 * page; none for a new one) and their count in ctx.  0 or -1. */
int admin_revisions_link(struct app *app, struct req *req, struct tval *ctx,
                         struct revision_of of);
int admin_page_revision_show(struct app *app, struct req *req,
                             struct resp *resp);
int admin_page_revision_restore(struct app *app, struct req *req,
                                struct resp *resp);

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
/* Renders the account page with status and an optional message key. */
int admin_account_page(struct app *app, struct req *req, struct resp *resp,
                       int status, const char *message_key);
int admin_account_password(struct app *app, struct req *req, struct resp *resp);
int admin_account_email(struct app *app, struct req *req, struct resp *resp);
int admin_account_language(struct app *app, struct req *req, struct resp *resp);
int admin_account_end_session(struct app *app, struct req *req,
                              struct resp *resp);
int admin_audit(struct app *app, struct req *req, struct resp *resp);

/* handlers/admin_media.c */
int admin_media_list(struct app *app, struct req *req, struct resp *resp);
int admin_media_upload_form(struct app *app, struct req *req,
                            struct resp *resp);
int admin_media_upload(struct app *app, struct req *req, struct resp *resp);
int admin_media_item(struct app *app, struct req *req, struct resp *resp);
int admin_media_save(struct app *app, struct req *req, struct resp *resp);
int admin_media_delete(struct app *app, struct req *req, struct resp *resp);
/*
 * Adds to an editor's context what it shows of the library: recent_images
 * (thumb, title, markdown: the line that inserts each in a body) and, for
 * the featured image's path, featured_item (thumb, title, alt) when it is
 * an item.  With chooser true, also chooser: the images matching the
 * form's image_q, each with path, thumb, title and checked.  0 or -1.
 */
int admin_media_editor(struct app *app, struct req *req, struct tval *ctx,
                       const char *featured, bool chooser);
/* Returns the upload limit in bytes (setting upload_max_mb, 1 to 64). */
long long admin_media_limit(const struct app *app);

/* handlers/admin_editions.c */
int admin_editions(struct app *app, struct req *req, struct resp *resp);
int admin_edition_create(struct app *app, struct req *req, struct resp *resp);
int admin_edition_edit(struct app *app, struct req *req, struct resp *resp);
int admin_edition_save(struct app *app, struct req *req, struct resp *resp);
int admin_edition_strings(struct app *app, struct req *req, struct resp *resp);
int admin_edition_strings_save(struct app *app, struct req *req,
                               struct resp *resp);

/* handlers/admin_settings.c */
int admin_settings(struct app *app, struct req *req, struct resp *resp);
int admin_settings_save(struct app *app, struct req *req, struct resp *resp);

/* handlers/media.c */
int media_section_show(struct app *app, struct req *req, struct resp *resp);
int media_post_show(struct app *app, struct req *req, struct resp *resp);
int album_photo_show(struct app *app, struct req *req, struct resp *resp);

/* handlers/publications.c */
int publication_list_show(struct app *app, struct req *req, struct resp *resp);
int publication_book_show(struct app *app, struct req *req, struct resp *resp);
int publication_issue_show(struct app *app, struct req *req, struct resp *resp);

/* handlers/admin_sections.c */
int admin_media_posts_list(struct app *app, struct req *req, struct resp *resp);
int admin_media_post_new(struct app *app, struct req *req, struct resp *resp);
int admin_media_post_create(struct app *app, struct req *req,
                            struct resp *resp);
int admin_media_post_edit(struct app *app, struct req *req, struct resp *resp);
int admin_media_post_save(struct app *app, struct req *req, struct resp *resp);

/* handlers/admin_publications.c */
int admin_publications_list(struct app *app, struct req *req,
                            struct resp *resp);
int admin_publication_new(struct app *app, struct req *req, struct resp *resp);
int admin_publication_create(struct app *app, struct req *req,
                             struct resp *resp);
int admin_publication_edit(struct app *app, struct req *req, struct resp *resp);
int admin_publication_save(struct app *app, struct req *req, struct resp *resp);
/* handlers/contact.c */
int contact_show(struct app *app, struct req *req, struct resp *resp);
int contact_submit(struct app *app, struct req *req, struct resp *resp);

/*
 * handlers/admin_queue.c: what the moderators' queues (messages, and
 * comments to come) share: a page of tabs with a count per state, a
 * search, a list whose rows are ticked for bulk actions, a detail view
 * with the same actions as buttons, keyboard shortcuts (www/js/queue.js),
 * and the audit of every action.  Templates: admin/queue_tabs,
 * admin/queue_search, admin/queue_actions, admin/queue_pager and
 * admin/queue_keys.
 */

/* An action of a queue: a submit button name="action" value=name. */
struct queue_action {
	const char *name;      /* "answered", "delete" */
	const char *label_key; /* its interface string */
	const char *key;       /* its keyboard shortcut ("a"), or NULL */
	bool danger;           /* cannot be undone: shown apart */
	const char *state;     /* the state it sets; NULL: it deletes */
	const char *done;      /* for the audit log: "marked answered" */
};

struct queue_view;

/* A queue: its address, states, actions, the interface strings (keys)
 * that name them, and the functions that read and change its items. */
struct queue_desc {
	const char *base;          /* "/admin/messages" */
	const char *title_key;     /* its name, the list's heading */
	const char *const *states; /* the stored names */
	size_t states_count;
	const char *state_key_prefix; /* "msg_state_": labels of the states */
	const char *default_state;    /* the tab a bare base shows */
	const struct queue_action *actions;
	size_t actions_count;
	const char *search_label_key; /* what the search looks through */
	const char *list_actions_key; /* "With the ticked messages:" */
	const char *item_actions_key; /* "This message:" */
	const char *list_keys_key;    /* the list's keyboard help */
	const char *item_keys_key;    /* a detail page's keyboard help */
	const char *choose_key;       /* a bulk action with nothing ticked */
	const char *noun, *nouns;     /* "message", "messages" (audit log) */
	/* Sets the state of, or deletes, the items ids[0..n) that exist, in
	 * one transaction: returns how many changed, or -1. */
	int (*set_state)(struct db *db, const long long *ids, size_t n,
	                 const char *state, long long now);
	int (*remove)(struct db *db, const long long *ids, size_t n);
	/* Returns 1 when item id exists, 0 when not, -1. */
	int (*exists)(struct db *db, struct arena *a, long long id);
	/* Renders the list of view v with status and an optional message
	 * key (an interface string). */
	int (*list_page)(struct app *app, struct req *req, struct resp *resp,
	                 int status, const struct queue_view *v,
	                 const char *message_key);
};

/* What a list page shows: one state (NULL: all) and words, a page. */
struct queue_view {
	const char *state;
	const char *q; /* NULL: no search */
	long long page;
};

/* The longest search, in bytes; the most items one bulk action takes. */
#define QUEUE_Q_MAX 200
#define QUEUE_IDS_MAX 100

/*
 * Reads the view from the query: state (one of d's, or "all"; d's
 * default when absent), q and page.  Returns 0, or 400 for anything else.
 */
int admin_queue_view(const struct queue_desc *d, const struct req *req,
                     struct queue_view *v);

/* Returns the address of view v of queue d, with page (1: none), in a. */
const char *admin_queue_url(struct arena *a, const struct queue_desc *d,
                            const struct queue_view *v, long long page);

/*
 * Adds a list page's shared parts to ctx (admin/queue_head and the
 * partials it opens): queue_title, tabs (label, count, url,
 * current; "All" first, its count the sum of counts, which holds one
 * count per state of d), queue_base, search_label, state ("all" for
 * all), q, actions, actions_label, view_url (the page's own address,
 * where its bulk form posts), keys_help, newer_url and older_url (more:
 * there is a page after this one), and message (the interface string
 * message_key, when not NULL) or notice ("Done." after an action).
 */
void admin_queue_list_context(struct req *req, struct tval *ctx,
                              const struct queue_desc *d,
                              const struct queue_view *v,
                              const long long *counts, bool more,
                              const char *message_key);

/* Adds a detail page's shared parts to ctx: actions, actions_label,
 * keys_help and notice ("Done." after an action). */
void admin_queue_item_context(struct req *req, struct tval *ctx,
                              const struct queue_desc *d);

/* Returns the label of state (its interface string). */
const char *admin_queue_state_label(struct req *req, const struct queue_desc *d,
                                    const char *state);

/*
 * Reads the ticked items (every field "id") into ids (at most
 * QUEUE_IDS_MAX).  Returns how many, or -1 for one that is not a
 * positive integer, or too many.
 */
int admin_queue_ids(const struct req *req, long long ids[QUEUE_IDS_MAX]);

/* Returns the action the form's "action" field names, or NULL. */
const struct queue_action *admin_queue_action(const struct queue_desc *d,
                                              const struct req *req);

/*
 * Audits a moderation action on items ids[0..n): action is "message
 * marked answered" and the like; the detail lists the ids ("#3, #7"),
 * never what the items say.
 */
void admin_queue_audit(struct app *app, struct req *req, const char *action,
                       const long long *ids, size_t n);

/*
 * GET of a queue's list (d->base): the view the query names
 * (admin_queue_view) through d->list_page.  Returns 200, 400 or 500.
 */
int admin_queue_list(struct app *app, struct req *req, struct resp *resp,
                     const struct queue_desc *d);

/*
 * POST to a queue's list (d->base): the bulk action the form's "action"
 * names on the ticked items (admin_queue_ids), in one transaction, then
 * audited ("messages marked spam", with the ids).  The form posts to the
 * list's own address, so its query (state, q, page) is the view to go
 * back to.  Returns 303 (to the view with done=1), 400 (no item ticked,
 * an unknown action, a malformed id or view: the list again with
 * d->choose_key when it can be shown; nothing changed) or 500.
 */
int admin_queue_bulk(struct app *app, struct req *req, struct resp *resp,
                     const struct queue_desc *d);

/*
 * POST to an item's page (d->base/{id}): the action the form's "action"
 * names, audited.  Returns 303 (back to the item with done=1, or to the
 * list after a deletion), 400 (an unknown action), 404 or 500.
 */
int admin_queue_act(struct app *app, struct req *req, struct resp *resp,
                    const struct queue_desc *d);

/*
 * Returns a mailto: address for replying to email (with "Re: subject"
 * when subject is not empty), its parts percent-encoded, in a; "" when
 * email has no @.
 */
const char *admin_queue_mailto(struct arena *a, const char *email,
                               const char *subject);

/* Returns Unix time t as "2026-01-31 14:05" in the site's time zone. */
const char *admin_time(struct arena *a, long long t);

/* handlers/admin_messages.c */
int admin_messages(struct app *app, struct req *req, struct resp *resp);
int admin_messages_bulk(struct app *app, struct req *req, struct resp *resp);
int admin_message_show(struct app *app, struct req *req, struct resp *resp);
int admin_message_act(struct app *app, struct req *req, struct resp *resp);
int admin_message_export(struct app *app, struct req *req, struct resp *resp);

/*
 * handlers/admin_messages.c: adds what the dashboard shows of the
 * messages to ctx: messages_new (how many are new) and messages_list
 * (the latest few: id, name, subject, date).  Returns 0 or -1.
 */
int admin_messages_waiting(struct app *app, struct req *req, struct tval *ctx);

/* handlers/admin_comments.c */
int admin_comments(struct app *app, struct req *req, struct resp *resp);
int admin_comments_bulk(struct app *app, struct req *req, struct resp *resp);
int admin_comment_show(struct app *app, struct req *req, struct resp *resp);
int admin_comment_act(struct app *app, struct req *req, struct resp *resp);

/*
 * handlers/admin_comments.c: adds what the dashboard shows of the
 * comments to ctx: comments_pending (how many wait for approval) and
 * comments_list (the latest few waiting: id, name, text, article, date).
 * Returns 0 or -1.
 */
int admin_comments_waiting(struct app *app, struct req *req, struct tval *ctx);

/*
 * handlers/redirect.c: GET or HEAD of an address no route answers (or of
 * "/" with ?p=, ?page_id=, ?attachment_id= or ?cat=, or a path ending in
 * '/'): an old WordPress address kept by the importer answers 301 with
 * the current address.  Statuses: 301, 404 (no such old address).  No
 * role.  Called by the router, not from the table.
 */
int redirect_old_link(struct app *app, struct req *req, struct resp *resp);

/* handlers/redirect.c: returns location with the bytes outside printable
 * ASCII percent-encoded (UTF-8 slugs), for a Location header, in a. */
const char *redirect_ascii_location(struct arena *a, const char *location);

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
 * Recent Posts, and on public pages (not errors, not /admin) what the
 * head says to crawlers and share previews: canonical_url,
 * meta_description, og_title, og_type, og_locale, og_image,
 * twitter_card, feed_atom_url, feed_rss_url (handlers may replace them
 * and add archive_feed_url, jsonld_article, jsonld_org; see
 * templates/partials/header.html).  title is the page's own title (NULL
 * for the home page).
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

/* Returns an edition's URL prefix ("" or "/ar") in a. */
const char *frame_edition_prefix(struct arena *a, const struct edition *e);

/*
 * Returns whether s holds only characters an address needs: no space or
 * control character, no quote, angle bracket, backslash, backquote,
 * brace, bar or caret.
 */
bool frame_url_plain(const char *s);

/*
 * Returns the base URL setting without a trailing slash, for absolute URLs
 * (which never come from the request's Host header); in a when it must be
 * cut.
 */
const char *frame_base_url(struct app *app, struct arena *a);

/*
 * Returns whether url may be a menu item's address: a site path ("/about",
 * never "//host") or an http(s):// address with a host, made of
 * frame_url_plain characters.  The menu editor refuses others (but
 * FRAME_MENU_EDITIONS) and the public menu leaves them out.
 */
bool frame_menu_url_ok(const char *url);

/*
 * The address of the menu item that lists the editions: the public menu
 * shows there the enabled editions, each linking to its home, followed by
 * the item's own sub-items.
 */
#define FRAME_MENU_EDITIONS "#editions"

/*
 * Formats a Unix time as the edition shows dates ("May 13, 2020"), in the
 * site's time zone and the edition's digits.  Returns a string in the
 * request's arena.
 */
const char *frame_date(struct app *app, struct req *req, long long t);

/* The same for edition e, in arena a. */
const char *frame_date_in(struct arena *a, const struct edition *e,
                          long long t);

/*
 * Names the period of a date archive in edition e's words and digits, in
 * arena a: a day (day > 0) as the edition writes dates (frame_date: in its
 * calendar, so the Farsi edition gives the Solar Hijri day of the
 * Gregorian one in the address), a month as "September 2007" (or "2007
 * September" in a ymd edition) and a year as its number, both Gregorian,
 * as the address: a Gregorian month is not a month of another calendar.
 * from is the period's first second (the day's, when day > 0).
 */
const char *frame_period(struct arena *a, const struct edition *e,
                         long long from, int year, int month, int day);

/*
 * handlers/frame.c: returns the count n with its noun in edition e's
 * words and digits, in arena a: the interface string n_NOUN_CATEGORY,
 * the category n's plural form in the edition's language (plural.h:
 * "n_comments_few" for 3 in Arabic), with "{n}" standing for the number
 * (a form without it, Arabic's "تعليقان", says the number in words).
 */
const char *frame_count(struct arena *a, const struct edition *e,
                        const char *noun, long long n);

/* handlers/frame.c: returns n in edition e's digits, in arena a. */
const char *frame_number(struct arena *a, const struct edition *e, long long n);

/*
 * handlers/frame.c: the request's edition's interface strings (what
 * frame_context sets as "t"), kept until the site is next loaded; NULL
 * when the site could not be loaded.
 */
const struct tval *frame_strings(struct app *app, struct req *req);

/*
 * handlers/frame.c: an article's comment thread as comments.c describes
 * it, kept per worker and edition like the summaries, until the site is
 * next loaded (after any commit), under a key of comments.c's (from the
 * article's id).  frame_thread_get returns the thread kept for the
 * request's edition under key, or NULL.  frame_thread_arena returns the
 * arena to build a thread of that many comments in so as to keep it (the
 * site's), or NULL when there is no room (then build it in the request's
 * arena and do not keep it).  frame_thread_put keeps a thread built in
 * that arena.
 */
const void *frame_thread_get(struct app *app, struct req *req, long long key);
struct arena *frame_thread_arena(struct app *app, struct req *req,
                                 size_t comments);
void frame_thread_put(struct app *app, struct req *req, long long key,
                      const void *thread, size_t comments);

/*
 * handlers/frame.c: whole pages kept rendered, per worker and edition by
 * the request's path, until the site is next loaded (after any commit),
 * the next quarter of an hour or a time the page names, whichever comes
 * first.  A page whose rendering depends only on the database, the path
 * and the hour (an article or a listing without a query) is rendered once
 * per worker and reload; what differs per request is the token of a
 * reader's form, which is not kept: a kept page gets a fresh one where its
 * own was.
 *
 * frame_page_get fills resp (body, status 200, Last-Modified and the ETag
 * kept with the page while the token's hour is the same) from the page
 * kept for the request's path, calling token() for a fresh token when the
 * page had one, and returns true; false when none is kept (or it has
 * expired, or had a token and token is NULL): render it then.  frame_page_put
 * keeps a rendered, cacheable 200 that set no header of its own, until `until`
 * (app_now's clock), when there is room (PAGE_CACHE_BYTES a worker and
 * edition); its token is resp->etag_skip.
 */
bool frame_page_get(struct app *app, struct req *req, struct resp *resp,
                    const char *(*token)(struct app *, struct req *,
                                         struct resp *));
void frame_page_put(struct app *app, struct req *req, const struct resp *resp,
                    long long until);

/* A part of the site with addresses of its own below path: a media
 * section, a kind of publication. */
struct frame_section {
	const char *name;  /* as stored ("cartoons", "book") */
	const char *path;  /* below the edition's prefix ("/media/cartoons") */
	const char *label; /* the interface string naming it */
};

/*
 * Returns the entry of table (count entries) whose path the route
 * matched: req->route_path is the path or below it.  NULL when none is.
 * The route table names each path literally, so one handler serves every
 * entry of a table.
 */
const struct frame_section *frame_section_of(const struct req *req,
                                             const struct frame_section *table,
                                             size_t count);

/* Returns the machine-readable date for <time datetime> (UTC,
 * "2020-05-13T09:30:00Z") in a. */
const char *frame_iso_date(struct arena *a, long long t);

/*
 * Returns the TV_MAP partials/share.html reads (in a): url (the base URL
 * and path), title and, when image_path (below the uploads folder) is
 * neither NULL nor "", media, each percent-encoded.
 */
struct tval *frame_share(struct app *app, struct arena *a, const char *path,
                         const char *title, const char *image_path);

/*
 * Sets the page links of page n of a listing whose first page is base
 * ("" for the home page): page and newer_url when n > 1, older_url when
 * more pages follow.
 */
void frame_pager(struct req *req, struct tval *ctx, const char *base,
                 long long n, bool more);

/*
 * Returns a TV_MAP describing the published article id for listings
 * (title, URL, excerpt, dates, category, comment count, featured image,
 * share pieces), or NULL when there is none (or the database fails).  The
 * map may be shared with other requests: never change it.
 */
const struct tval *frame_article_summary(struct app *app, struct req *req,
                                         long long id);

/*
 * handlers/frame.c: describes a media image for templates/partials/
 * image.html (used inside {{#image}}): src, width, height, alt, caption
 * (when not empty), and srcset and webp_srcset when m has sizes (made by
 * media/srcset.c).  The page supplies image_sizes (the sizes attribute)
 * and may supply eager (no lazy loading) and decorative (alt="").
 * Allocates from a.
 */
struct tval *frame_image(struct arena *a, const struct media_ref *m);

/*
 * The same for an image a page read by its path alone (the media sections
 * and publications): the item's sizes are read first (one indexed
 * query), so it gets srcset too; without them it is shown as it is.
 */
struct tval *frame_media_image(struct app *app, struct arena *a,
                               const struct media_ref *m);

/* translations.c: an item's translations, public and in the editors. */

/*
 * Adds to a public page's ctx, when the published article or page id
 * (kind) has published translations in other enabled editions:
 * "alternates" (the head's hreflang links, absolute, itself and
 * x-default included) and "read_in" (name, lang, dir, url, title of each
 * other one).  Returns 0 or -1.
 */
int translation_links(struct app *app, struct req *req, struct tval *ctx,
                      enum translation_kind kind, long long id);

/*
 * Reads the editors' field naming the item to link to: returns 0 for an
 * empty field (no translation), the id it gives (a number, or the public
 * address of an item of kind, with or without the base URL), -1 when it
 * names nothing, -2 when the form has no such field (keep the link).
 */
long long translation_field(struct app *app, struct req *req,
                            enum translation_kind kind, const char *field);

/*
 * Sets an editor's "translations" (edition, lang, title, state and admin
 * url of the other members of item id's group), "has_translations" and
 * "translation_of" (field as sent, or the id of one other member).
 * Returns 0 or -1.
 */
int translation_editor(struct app *app, struct req *req, struct tval *ctx,
                       enum translation_kind kind, long long id,
                       const char *field);

/*
 * handlers/frame.c: absolute URLs and descriptions, for the head of
 * public pages, the feeds and the sitemaps.  frame_base_url returns the
 * base_url setting without its trailing slash (absolute URLs never come
 * from the request's Host header); frame_absolute_url returns it joined to
 * a site path, with spaces, quotes, angle brackets and non-ASCII bytes
 * percent-encoded; frame_description returns text with its white space
 * collapsed, cut at the last word that fits in 160 characters (an
 * ellipsis marks the cut).  All in a.
 */
const char *frame_base_url(struct app *app, struct arena *a);
const char *frame_absolute_url(struct app *app, struct arena *a,
                               const char *path);
const char *frame_description(struct arena *a, const char *text);

/* handlers/feed.c */
int feed_show(struct app *app, struct req *req, struct resp *resp);

/* handlers/sitemap.c */
int sitemap_index_show(struct app *app, struct req *req, struct resp *resp);
int sitemap_show(struct app *app, struct req *req, struct resp *resp);
int robots_show(struct app *app, struct req *req, struct resp *resp);

#endif
