/*
 * import.c: what each part of a WordPress export becomes (see import.h).
 *
 * The export is read twice by the streaming reader.  The first pass takes
 * the channel (the site's address keys the import map), the authors, the
 * terms and the attachments (files re-encoded from --uploads-from), so
 * that the second pass, over posts, pages, comments and menu items, can
 * point bodies, galleries and featured images at the media library.
 * Memory holds what later items refer to (terms, authors, attachments,
 * menu items), never the posts: it grows with the size of the site's
 * vocabulary and library, not with its articles.
 *
 * Before anything is written the whole file is read once, by the same
 * reader with no callbacks: a file malformed or cut anywhere, even at its
 * last line, is refused with the database exactly as it was.  Then the
 * passes write in BEGIN IMMEDIATE transactions of IMPORT_BATCH_ITEMS
 * items (next_batch), committed between whole items, so the site's own
 * writes are never held up for long; a failure of the database or the
 * uploads midway rolls back the batch in progress and removes the files
 * it placed, and a second run resumes (see import.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../db/import_db.h"
#include "../db/site_db.h"
#include "../media/store.h"
#include "../router.h"
#include "import_internal.h"

/* --- authors and terms --------------------------------------------- */

/* An account name from a WordPress login: [A-Za-z0-9._@-], 1-64. */
static const char *
account_name(struct arena *a, const char *login)
{
	size_t n = strlen(login), i;
	char *out;

	if (n > 64)
		n = 64;
	out = arena_strndup(a, login, n);
	for (i = 0; i < n; i++)
		if (!((out[i] >= 'a' && out[i] <= 'z') ||
		      (out[i] >= 'A' && out[i] <= 'Z') ||
		      (out[i] >= '0' && out[i] <= '9') ||
		      strchr("._@-", out[i])))
			out[i] = '-';
	return n > 0 ? out : NULL;
}

/*
 * WordPress's user_nicename for a login (the slug of its /author/ page):
 * lower case, '.' and spaces made '-', other characters than [a-z0-9_-]
 * dropped, runs of '-' made one, none at either end.  In a.
 */
static const char *
wp_nicename(struct arena *a, const char *login)
{
	size_t n = strlen(login), k = 0;
	char *out = arena_alloc(a, n + 1);

	for (const char *p = login; *p; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c == '.' || c == ' ')
			c = '-';
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '-'))
			continue;
		if (c == '-' && (k == 0 || out[k - 1] == '-'))
			continue;
		out[k++] = c;
	}
	while (k > 0 && out[k - 1] == '-')
		k--;
	out[k] = '\0';
	return out;
}

/*
 * The author's old archive, /author/NICENAME, leads to their archive in
 * the edition imported into (when the two differ: else the trailing
 * slash's own redirect does).
 */
static int
author_redirect(struct importer *im, const char *login, long long id)
{
	struct arena *a = &im->item;
	const char *nicename = wp_nicename(a, login), *slug, *ours;

	if (nicename[0] == '\0')
		return 0;
	if (import_db_user_slug(im->db, a, id, &slug) < 0)
		return import_fail(im, "cannot read an account");
	if (slug[0] == '\0')
		return 0;
	ours = arena_concat(a, im->prefix, "/author/", slug, NULL);
	return import_redirect(im, arena_concat(a, "/author/", nicename, NULL),
	                       "url", 0, ours, ours);
}

/* Finds or adds the author with login; sets *id (0 when no login). */
static int
author_id(struct importer *im, const char *login, const char *display,
          const char *email, long long *id)
{
	long long *known = import_smap_get(&im->author_by_login, login);
	const char *name;
	int rc;

	*id = 0;
	if (known != NULL) {
		*id = *known;
		return 0;
	}
	if ((name = account_name(&im->item, login)) == NULL)
		return 0;
	rc = import_db_map_find(im->db, im->source, IMPORT_USER, login, id);
	if (rc < 0)
		return import_fail(im, "cannot read the import map");
	if (rc == 0) {
		import_counted(&im->sum->authors, 0);
	} else {
		rc = import_db_user(im->db, name,
		                    display && display[0] ? display : name,
		                    email ? email : "", im->o->now, id);
		if (rc < 0 || import_db_map_set(im->db, im->source, IMPORT_USER,
		                                login, *id, "", "") < 0)
			return import_fail(im, "cannot write an account");
		import_counted(&im->sum->authors, rc);
	}
	if (*id > 0 && author_redirect(im, login, *id) < 0)
		return -1;
	import_smap_put(&im->keep, &im->author_by_login, login, *id);
	return 0;
}

/* The reader's author callback (first pass): the account. */
static int
on_author(void *ctx, const struct wxr_author *a)
{
	struct importer *im = ctx;
	long long id;

	if (a->login[0] == '\0') {
		import_skip(im, "author without a login", a->display_name);
		return 0;
	}
	return author_id(im, a->login, a->display_name, a->email, &id) < 0;
}

/*
 * Puts a tag (from the channel, with its description, "" when it has
 * none; or from an item, description NULL); sets *id.  A tag the channel
 * lists twice (as wp:tag and wp:term) takes the description of whichever
 * has one.
 */
static int
tag_id(struct importer *im, const char *wp_slug, const char *name,
       const char *description, long long term_id, long long *id)
{
	const char *slug = import_decoded(&im->item, wp_slug);
	long long *known = import_smap_get(&im->tag_by_slug, slug), mapped;
	const char *ours;
	int rc;

	if (known != NULL) {
		*id = *known;
		if (*id > 0 && description != NULL && description[0] != '\0' &&
		    import_db_tag(im->db, im->edition_id, *id, "",
		                  name[0] ? name : slug, description, id) < 0)
			return import_fail(im, "cannot write a tag");
	} else {
		ours = import_slug(&im->item, wp_slug, name);
		if (ours[0] == '\0') {
			import_skip(im, "tag without a usable slug", name);
			*id = 0;
			return 0;
		}
		rc = import_db_map_find(im->db, im->source, IMPORT_TAG, slug,
		                        &mapped);
		if (rc < 0)
			return import_fail(im, "cannot read the import map");
		rc =
		    import_db_tag(im->db, im->edition_id, rc == 0 ? mapped : 0,
		                  ours, name[0] ? name : slug, description, id);
		if (rc < 0 || import_db_map_set(im->db, im->source, IMPORT_TAG,
		                                slug, *id, "", "") < 0)
			return import_fail(im, "cannot write a tag");
		import_counted(&im->sum->tags, rc);
		import_smap_put(&im->keep, &im->tag_by_slug, slug, *id);
		if (import_redirect(
		        im, arena_concat(&im->item, "/tag/", slug, NULL),
		        IMPORT_TAG, *id, "",
		        arena_concat(&im->item, "/tag/", ours, NULL)) < 0)
			return -1;
	}
	if (term_id > 0)
		import_smap_put(&im->keep, &im->tag_by_term,
		                arena_printf(&im->item, "%lld", term_id), *id);
	return 0;
}

/* Keeps a category the channel declares (merged by slug). */
static void
declare_category(struct importer *im, const struct wxr_term *t)
{
	const char *slug =
	    arena_strdup(&im->keep, import_decoded(&im->keep, t->slug));
	long long *known = import_smap_get(&im->cat_by_slug, slug);
	struct cat *c;

	if (known != NULL) {
		c = &im->cats[*known];
		if (c->parent[0] == '\0' && t->parent[0] != '\0')
			c->parent = arena_strdup(
			    &im->keep, import_decoded(&im->keep, t->parent));
		if (c->description[0] == '\0')
			c->description =
			    arena_strdup(&im->keep, t->description);
		if (c->term_id == 0)
			c->term_id = t->id;
		return;
	}
	im->cats = arena_grow(&im->keep, im->cats, im->cats_count,
	                      &im->cats_cap, sizeof(*im->cats));
	c = &im->cats[im->cats_count];
	c->slug = slug;
	c->name = import_title(&im->keep, t->name[0] ? t->name : t->slug);
	c->parent =
	    import_decoded(&im->keep, arena_strdup(&im->keep, t->parent));
	c->description = arena_strdup(&im->keep, t->description);
	c->term_id = t->id;
	c->id = 0;
	import_smap_put(&im->keep, &im->cat_by_slug, slug,
	                (long long)im->cats_count);
	im->cats_count++;
}

/* The WordPress path of category i ("a/b/c"), from its parents. */
static const char *
category_path(struct importer *im, size_t i)
{
	const char *path = im->cats[i].slug;
	size_t depth = 0;

	while (im->cats[i].parent[0] != '\0' && depth++ < 32) {
		long long *p =
		    import_smap_get(&im->cat_by_slug, im->cats[i].parent);

		if (p == NULL || (size_t)*p == i)
			break;
		i = (size_t)*p;
		path =
		    arena_concat(&im->item, im->cats[i].slug, "/", path, NULL);
	}
	return path;
}

/*
 * Writes category c (without its parent) and maps it; c->id stays 0 when
 * it has no usable slug (skipped).  0 or -1.
 */
static int
put_category(struct importer *im, struct cat *c)
{
	const char *ours = import_slug(&im->item, c->slug, c->name);
	long long mapped = 0;
	int rc;

	if (ours[0] == '\0') {
		import_skip(im, "category without a usable slug", c->name);
		return 0;
	}
	rc = import_db_map_find(im->db, im->source, IMPORT_CATEGORY, c->slug,
	                        &mapped);
	if (rc < 0)
		return import_fail(im, "cannot read the import map");
	rc = import_db_category(im->db, im->edition_id, rc == 0 ? mapped : 0,
	                        ours, c->name, c->description, &c->id);
	if (rc < 0 || import_db_map_set(im->db, im->source, IMPORT_CATEGORY,
	                                c->slug, c->id, "", "") < 0)
		return import_fail(im, "cannot write a category");
	import_counted(&im->sum->categories, rc);
	if (c->term_id > 0)
		import_smap_put(&im->keep, &im->cat_by_term,
		                arena_printf(&im->item, "%lld", c->term_id),
		                c->id);
	return 0;
}

/* Writes the declared categories, then their parents and old paths. */
static int
write_categories(struct importer *im)
{
	size_t i;

	if (im->cats_done)
		return 0;
	im->cats_done = true;
	for (i = 0; i < im->cats_count; i++)
		if (put_category(im, &im->cats[i]) < 0)
			return -1;
	for (i = 0; i < im->cats_count; i++) {
		struct cat *c = &im->cats[i];
		long long *p =
		    c->parent[0] ? import_smap_get(&im->cat_by_slug, c->parent)
		                 : NULL;
		const char *path, *own;

		if (c->id == 0)
			continue;
		if (import_db_category_parent(
		        im->db, c->id,
		        p != NULL && (size_t)*p != i ? im->cats[*p].id : 0) < 0)
			return import_fail(im, "cannot write a category");
		path = category_path(im, i);
		own = arena_concat(&im->item, "/category/",
		                   import_slug(&im->item, c->slug, c->name),
		                   NULL);
		if (import_redirect(
		        im, arena_concat(&im->item, "/category/", path, NULL),
		        IMPORT_CATEGORY, c->id, "", own) < 0 ||
		    import_redirect(im,
		                    arena_concat(&im->item, "/category/", path,
		                                 "/feed", NULL),
		                    IMPORT_CATEGORY, c->id, "feed", NULL) < 0)
			return -1;
		if (strcmp(path, c->slug) != 0 &&
		    import_redirect(
		        im,
		        arena_concat(&im->item, "/category/", c->slug, NULL),
		        IMPORT_CATEGORY, c->id, "", own) < 0)
			return -1;
	}
	return 0;
}

/* The id of the category with a (WordPress) slug, made when an item
 * uses one the channel did not declare. */
static int
category_id(struct importer *im, const char *wp_slug, const char *name,
            long long *id)
{
	const char *slug = import_decoded(&im->item, wp_slug);
	long long *known = import_smap_get(&im->cat_by_slug, slug);
	struct wxr_term t = {0, "category", wp_slug, name, "", ""};
	struct cat *c;

	*id = 0;
	if (known != NULL) {
		*id = im->cats[*known].id;
		return 0;
	}
	declare_category(im, &t);
	/* Written alone: write_categories() has run over the declared ones. */
	c = &im->cats[im->cats_count - 1];
	if (put_category(im, c) < 0)
		return -1;
	if ((*id = c->id) == 0)
		return 0;
	return import_redirect(
	    im, arena_concat(&im->item, "/category/", c->slug, NULL),
	    IMPORT_CATEGORY, c->id, "",
	    arena_concat(&im->item, "/category/",
	                 import_slug(&im->item, c->slug, c->name), NULL));
}

/* The reader's term callback (first pass): categories are kept for
 * write_categories, tags written, nav_menu terms known by their items. */
static int
on_term(void *ctx, const struct wxr_term *t)
{
	struct importer *im = ctx;
	long long id;
	int rc = 0;

	if (strcmp(t->taxonomy, "category") == 0)
		declare_category(im, t);
	else if (strcmp(t->taxonomy, "post_tag") == 0)
		rc = tag_id(im, t->slug, import_title(&im->item, t->name),
		            t->description, t->id, &id);
	else if (strcmp(t->taxonomy, "nav_menu") != 0)
		import_skip(im,
		            arena_concat(&im->item, "terms of taxonomy ",
		                         t->taxonomy, NULL),
		            t->slug);
	arena_reset(&im->item);
	return rc < 0;
}

/* The reader's channel callback: the source that keys the import map. */
static int
on_channel(void *ctx, const struct wxr_channel *c)
{
	struct importer *im = ctx;
	const char *s = c->base_site_url[0] ? c->base_site_url : c->link;

	if (im->source != NULL)
		return 0;
	if (s[0] == '\0')
		s = c->title[0] ? c->title : "wordpress";
	im->source = arena_strdup(&im->keep, s);
	return 0;
}

/* --- posts and pages ----------------------------------------------- */

/* Makes slug unique among articles (or pages) of the edition: "x-2"… */
static const char *
unique_slug(struct importer *im, const char *slug, long long self, bool page)
{
	const char *s = slug;

	for (int n = 2; n < 10000; n++) {
		int rc = page ? import_db_page_slug_free(im->db, im->edition_id,
		                                         s, self)
		              : import_db_article_slug_free(
		                    im->db, im->edition_id, s, self);

		if (rc < 0) {
			import_fail(im, "cannot read slugs");
			return NULL;
		}
		if (rc == 1 &&
		    (!page || !router_segment_reserved(&im->site, s)))
			return s;
		s = arena_printf(&im->item, "%.*s-%d", 190, slug, n);
	}
	import_fail(im, "no free slug");
	return NULL;
}

/* The comments of an article or a page (the other id 0), with their
 * threads. */
static int
comments(struct importer *im, const struct wxr_item *it, long long article,
         long long page)
{
	struct arena *a = &im->item;
	long long *ids = arena_calloc(a, it->comments_count + 1, sizeof(*ids));
	struct import_smap by_wp = {0};
	size_t i;

	for (i = 0; i < it->comments_count; i++) {
		const struct wxr_comment *c = &it->comments[i];
		const char *key =
		    arena_printf(a, "%lld:%lld", it->post_id, c->id);
		struct import_comment ic;
		long long mapped = 0;
		int rc;

		if (c->id <= 0) {
			import_skip(im, "comment without an id", c->author);
			continue;
		}
		memset(&ic, 0, sizeof(ic));
		rc = import_db_map_find(im->db, im->source, IMPORT_COMMENT, key,
		                        &mapped);
		if (rc < 0)
			return import_fail(im, "cannot read the import map");
		ic.id = rc == 0 ? mapped : 0;
		ic.article_id = article;
		ic.page_id = page;
		ic.author = import_title(a, c->author);
		if (ic.author[0] == '\0')
			ic.author = "Anonymous";
		ic.email = c->email;
		ic.url = (strncmp(c->url, "http://", 7) == 0 ||
		          strncmp(c->url, "https://", 8) == 0)
		             ? c->url
		             : "";
		ic.body =
		    import_html_text(a, c->content, strlen(c->content), false);
		ic.state = strcmp(c->approved, "1") == 0      ? "approved"
		           : strcmp(c->approved, "0") == 0    ? "pending"
		           : strcmp(c->approved, "spam") == 0 ? "spam"
		                                              : "trash";
		ic.created_at = import_date(c->date_gmt);
		if (ic.created_at == 0)
			ic.created_at = import_date(c->date);
		if (ic.created_at == 0)
			ic.created_at = im->o->now;
		ic.now = im->o->now;
		rc = import_db_comment(im->db, &ic, &ids[i]);
		if (rc < 0 ||
		    import_db_map_set(im->db, im->source, IMPORT_COMMENT, key,
		                      ids[i], "", "") < 0)
			return import_fail(im, "cannot write a comment");
		import_counted(&im->sum->comments, rc);
		import_smap_put(a, &by_wp, arena_printf(a, "%lld", c->id),
		                ids[i]);
	}
	for (i = 0; i < it->comments_count; i++) {
		const struct wxr_comment *c = &it->comments[i];
		long long *parent =
		    c->parent > 0
		        ? import_smap_get(&by_wp,
		                          arena_printf(a, "%lld", c->parent))
		        : NULL;

		if (ids[i] > 0 && import_db_comment_parent(
		                      im->db, ids[i], parent ? *parent : 0) < 0)
			return import_fail(im, "cannot write a comment");
	}
	return 0;
}

/* WordPress's state of a post as ours; NULL to skip it. */
static const char *
article_state(const char *wp, long long when, long long now)
{
	if (strcmp(wp, "publish") == 0)
		return "published";
	if (strcmp(wp, "draft") == 0)
		return "draft";
	if (strcmp(wp, "pending") == 0)
		return "pending";
	if (strcmp(wp, "private") == 0)
		return "private";
	if (strcmp(wp, "trash") == 0)
		return "trash";
	if (strcmp(wp, "future") == 0)
		/* WordPress publishes a missed schedule; so do we. */
		return when > now ? "scheduled" : "published";
	return NULL;
}

/* The old addresses of a post or page. */
static int
post_redirects(struct importer *im, const struct wxr_item *it, const char *kind,
               long long id, const char *own)
{
	struct arena *a = &im->item;
	const char *wp_slug = import_decoded(a, it->post_name);
	int y, mo, d;

	if (import_redirect(im, import_old_path(a, it->link), kind, id, "",
	                    own) < 0 ||
	    import_redirect(im, import_old_path(a, it->guid), kind, id, "",
	                    own) < 0)
		return -1;
	if (it->post_id > 0 &&
	    (import_redirect(im, arena_printf(a, "/?p=%lld", it->post_id), kind,
	                     id, "", NULL) < 0 ||
	     (strcmp(kind, IMPORT_PAGE) == 0 &&
	      import_redirect(im,
	                      arena_printf(a, "/?page_id=%lld", it->post_id),
	                      kind, id, "", NULL) < 0)))
		return -1;
	if (strcmp(kind, IMPORT_ARTICLE) == 0 && wp_slug[0] != '\0' &&
	    strchr(wp_slug, '/') == NULL &&
	    sscanf(it->post_date, "%d-%d-%d", &y, &mo, &d) == 3 && y >= 1970) {
		if (import_redirect(im,
		                    arena_printf(a, "/%04d/%02d/%02d/%s", y, mo,
		                                 d, wp_slug),
		                    kind, id, "", own) < 0 ||
		    import_redirect(
		        im, arena_printf(a, "/%04d/%02d/%s", y, mo, wp_slug),
		        kind, id, "", own) < 0)
			return -1;
	}
	return 0;
}

/* Notes a change the import made to an item, for the summary. */
static void
note(struct importer *im, const char *what)
{
	struct import_summary *s = im->sum;

	s->notes++;
	if (s->note_examples_count < IMPORT_EXAMPLES_MAX)
		import_copy_cut(s->note_examples[s->note_examples_count++],
		                sizeof(s->note_examples[0]), what);
}

/* A post becomes an article. */
static int
post(struct importer *im, const struct wxr_item *it, const char *key)
{
	struct arena *a = &im->item;
	struct import_post p;
	long long mapped = 0, *tags, when = import_item_time(it), id;
	const char *slug, *state, *note_text = "", *thumb;
	size_t tags_count = 0, i;
	int rc;

	memset(&p, 0, sizeof(p));
	p.title = import_title(a, it->title);
	if (p.title[0] == '\0')
		p.title = "(no title)";
	state = article_state(it->status, when, im->o->now);
	if (state == NULL) {
		import_skip(
		    im, arena_concat(a, "posts in state ", it->status, NULL),
		    p.title);
		return 0;
	}
	if (it->password[0] != '\0') {
		state = "draft";
		note_text = "password-protected in WordPress: imported as a "
		            "draft";
		note(im, arena_concat(a, p.title, ": ", note_text, NULL));
	}
	rc = import_db_map_find(im->db, im->source, IMPORT_ARTICLE, key,
	                        &mapped);
	if (rc < 0)
		return import_fail(im, "cannot read the import map");
	p.id = rc == 0 ? mapped : 0;
	p.excerpt = "";
	if (import_convert_body(im, it, &p.body_html, &p.excerpt) != 0) {
		import_skip(im, "posts whose body is too large", p.title);
		return 0;
	}
	if (it->excerpt[0] != '\0')
		p.excerpt =
		    import_html_text(a, it->excerpt, strlen(it->excerpt), true);
	slug = import_slug(a, it->post_name, p.title);
	if (slug[0] == '\0')
		slug = arena_printf(a, "post-%lld", it->post_id);
	if ((p.slug = unique_slug(im, slug, p.id, false)) == NULL)
		return -1;
	p.edition_id = im->edition_id;
	p.state = state;
	if (it->creator[0] != '\0' &&
	    author_id(im, it->creator, it->creator, "", &p.author_id) < 0)
		return -1;
	tags = arena_calloc(a, it->terms_count + 1, sizeof(*tags));
	for (i = 0; i < it->terms_count; i++) {
		const struct wxr_term_ref *t = &it->terms[i];
		const char *tslug = t->slug[0] ? t->slug : t->name;
		const char *domain = t->domain[0] ? t->domain : "category";

		if (strcmp(domain, "category") == 0 && p.category_id == 0) {
			if (category_id(im, tslug, import_title(a, t->name),
			                &p.category_id) < 0)
				return -1;
		} else if (strcmp(domain, "post_tag") == 0 ||
		           strcmp(domain, "tag") == 0) { /* WXR 1.0 */
			if (tag_id(im, tslug, import_title(a, t->name), NULL, 0,
			           &id) < 0)
				return -1;
			if (id > 0)
				tags[tags_count++] = id;
		}
	}
	if ((thumb = import_meta(it, "_thumbnail_id")) != NULL) {
		long long *at = import_smap_get(&im->att_by_id, thumb);

		if (at != NULL)
			p.featured_id = im->atts[*at].media_id;
	}
	if (strcmp(state, "published") == 0 ||
	    strcmp(state, "scheduled") == 0 || strcmp(state, "private") == 0)
		p.published_at = when ? when : im->o->now;
	p.created_at = when ? when : im->o->now;
	p.now = im->o->now;
	p.sticky = it->sticky;
	p.comments_open = strcmp(it->comment_status, "closed") != 0;
	rc = import_db_article(im->db, &p, &id);
	if (rc < 0 ||
	    import_db_article_tags(im->db, id, tags, tags_count) < 0 ||
	    import_db_map_set(im->db, im->source, IMPORT_ARTICLE, key, id, "",
	                      note_text) < 0)
		return import_fail(im, "cannot write an article");
	import_counted(&im->sum->articles, rc);
	if (post_redirects(im, it, IMPORT_ARTICLE, id,
	                   arena_concat(a, "/articles/", p.slug, NULL)) < 0)
		return -1;
	return comments(im, it, id, 0);
}

/* A page becomes a page. */
static int
page(struct importer *im, const struct wxr_item *it, const char *key)
{
	struct arena *a = &im->item;
	struct import_post p;
	long long mapped = 0, when = import_item_time(it), id;
	const char *slug, *note_text = "";
	int rc;

	memset(&p, 0, sizeof(p));
	p.title = import_title(a, it->title);
	if (p.title[0] == '\0')
		p.title = "(no title)";
	if (strcmp(it->status, "publish") == 0 && it->password[0] == '\0')
		p.state = "published";
	else if (strcmp(it->status, "trash") == 0)
		p.state = "trash";
	else if (strcmp(it->status, "draft") == 0 ||
	         strcmp(it->status, "pending") == 0 ||
	         strcmp(it->status, "private") == 0 ||
	         strcmp(it->status, "future") == 0 ||
	         strcmp(it->status, "publish") == 0)
		p.state = "draft";
	else {
		import_skip(
		    im, arena_concat(a, "pages in state ", it->status, NULL),
		    p.title);
		return 0;
	}
	if (strcmp(p.state, "draft") == 0 && strcmp(it->status, "draft") != 0) {
		note_text = it->password[0]
		                ? "password-protected in WordPress: "
		                  "imported as a draft"
		                : "not public in WordPress: imported "
		                  "as a draft";
		note(im, arena_concat(a, p.title, ": ", note_text, NULL));
	}
	rc = import_db_map_find(im->db, im->source, IMPORT_PAGE, key, &mapped);
	if (rc < 0)
		return import_fail(im, "cannot read the import map");
	p.id = rc == 0 ? mapped : 0;
	if (import_convert_body(im, it, &p.body_html, NULL) != 0) {
		import_skip(im, "pages whose body is too large", p.title);
		return 0;
	}
	slug = import_slug(a, it->post_name, p.title);
	if (slug[0] == '\0')
		slug = arena_printf(a, "page-%lld", it->post_id);
	if ((p.slug = unique_slug(im, slug, p.id, true)) == NULL)
		return -1;
	p.edition_id = im->edition_id;
	p.created_at = when ? when : im->o->now;
	p.now = im->o->now;
	p.comments_open = strcmp(it->comment_status, "open") == 0;
	rc = import_db_page(im->db, &p, &id);
	if (rc < 0 || import_db_map_set(im->db, im->source, IMPORT_PAGE, key,
	                                id, "", note_text) < 0)
		return import_fail(im, "cannot write a page");
	import_counted(&im->sum->pages, rc);
	if (post_redirects(im, it, IMPORT_PAGE, id,
	                   arena_concat(a, "/", p.slug, NULL)) < 0)
		return -1;
	return comments(im, it, 0, id);
}

/*
 * Commits the items written since the last commit and begins the next
 * batch: files placed for committed items are theirs now, not the run's to
 * remove.  Returns 0, or -1 (the run fails; what was committed stays, and
 * a second run takes up from there).
 */
static int
next_batch(struct importer *im)
{
	if (db_commit(im->db) < 0)
		return import_fail(im, "cannot commit a batch of the import");
	im->batch_items = 0;
	im->placed_count = 0;
	if (db_begin(im->db) < 0)
		return import_fail(im, "cannot start a transaction (is the "
		                       "database busy?)");
	return 0;
}

/* The reader's item callback: attachments in the first pass, posts,
 * pages and menu items in the second.  Non-zero stops the reading. */
static int
on_item(void *ctx, const struct wxr_item *it)
{
	struct importer *im = ctx;
	const char *key = import_item_key(&im->item, it);
	int rc = 0;

	if (write_categories(im) < 0) {
		arena_reset(&im->item);
		return 1;
	}
	if (im->pass == 1) {
		if (strcmp(it->post_type, "attachment") == 0)
			rc = import_attachment(im, it);
	} else if (strcmp(it->post_type, "attachment") == 0) {
		im->sum->items++;
	} else if (key == NULL) {
		im->sum->items++;
		import_skip(im, "items without an id, guid or link", it->title);
	} else {
		im->sum->items++;
		if (strcmp(it->post_type, "post") == 0)
			rc = post(im, it, key);
		else if (strcmp(it->post_type, "page") == 0)
			rc = page(im, it, key);
		else if (strcmp(it->post_type, "nav_menu_item") == 0)
			import_menu_item(im, it);
		else
			import_skip(im,
			            arena_concat(&im->item, "items of type ",
			                         it->post_type, NULL),
			            it->title);
	}
	arena_reset(&im->item);
	if (rc < 0 || im->failed)
		return 1;
	return ++im->batch_items >= IMPORT_BATCH_ITEMS && next_batch(im) < 0;
}

/* The reader's progress callback: both passes as one bar (the first
 * is quick: a fifth). */
static void
on_progress(void *ctx, long long bytes)
{
	struct importer *im = ctx;
	double f;

	if (im->o->progress == NULL || im->file_bytes <= 0)
		return;
	f = (double)bytes / (double)im->file_bytes;
	f = im->pass == 1 ? f * 0.2 : 0.2 + f * 0.8;
	im->o->progress(im->o->progress_ctx, f > 1 ? 1 : f);
}

/* --- the run ------------------------------------------------------- */

/* Reads the file once with the handler of pass; 0 or the status. */
static enum import_status
read_pass(struct importer *im, const char *path, int pass,
          struct wxr_error *err)
{
	struct wxr_handler h;
	enum wxr_status st;

	memset(&h, 0, sizeof(h));
	h.channel = on_channel;
	if (pass == 1) {
		h.author = on_author;
		h.term = on_term;
	}
	h.item = on_item;
	h.progress = on_progress;
	im->pass = pass;
	st = wxr_read_file(path, &h, im, err);
	if (st == WXR_OK)
		return write_categories(im) < 0 ? IMPORT_FAILED : IMPORT_OK;
	if (im->failed) {
		snprintf(err->message, sizeof(err->message), "%s", im->failure);
		return IMPORT_FAILED;
	}
	return st == WXR_MALFORMED ? IMPORT_BAD_FILE : IMPORT_FAILED;
}

/* Imports an export; see import.h. */
enum import_status
import_wxr(struct db *db, const char *path, const struct import_options *o,
           struct import_summary *sum, struct wxr_error *err)
{
	struct importer im;
	enum import_status st = IMPORT_FAILED;
	struct stat sb;

	memset(&im, 0, sizeof(im));
	memset(sum, 0, sizeof(*sum));
	memset(err, 0, sizeof(*err));
	im.db = db;
	im.o = o;
	im.sum = sum;
	arena_init(&im.keep);
	arena_init(&im.item);
	if (stat(path, &sb) == 0)
		im.file_bytes = (long long)sb.st_size;
	if (o->uploads_from != NULL && o->uploads_dir == NULL) {
		snprintf(err->message, sizeof(err->message),
		         "--uploads-from needs the site's uploads folder");
		st = IMPORT_BAD_OPTION;
		goto out;
	}
	if (site_db_load(db, &im.site) < 0) {
		snprintf(err->message, sizeof(err->message),
		         "cannot read the site's settings");
		goto out;
	}
	{
		const char *code =
		    o->edition ? o->edition : im.site.editions[0].code;
		const char *prefix;
		int rc = import_db_edition(db, &im.keep, code, &im.edition_id,
		                           &prefix);

		if (rc != 0) {
			snprintf(err->message, sizeof(err->message),
			         rc > 0 ? "no edition with the code %s"
			                : "cannot read the editions",
			         code);
			st = rc > 0 ? IMPORT_BAD_OPTION : IMPORT_FAILED;
			goto out;
		}
		im.prefix =
		    prefix[0] ? arena_concat(&im.keep, "/", prefix, NULL) : "";
	}
	/* The whole file is read once before anything is written: a
	 * malformed or cut one is refused with the database as it was. */
	{
		struct wxr_handler check;

		memset(&check, 0, sizeof(check));
		if (wxr_read_file(path, &check, &im, err) != WXR_OK) {
			st = IMPORT_BAD_FILE;
			goto out;
		}
	}
	if (db_begin(db) < 0) {
		snprintf(err->message, sizeof(err->message),
		         "cannot start a transaction (is the database busy?)");
		goto out;
	}
	if ((st = read_pass(&im, path, 1, err)) == IMPORT_OK &&
	    (st = read_pass(&im, path, 2, err)) == IMPORT_OK) {
		if (import_write_menu(&im) < 0 ||
		    import_redirect(&im, "/feed", "url", 0, "/feed.atom",
		                    NULL) < 0 ||
		    import_redirect(&im, "/feed/rss2", "url", 0, "/feed.atom",
		                    NULL) < 0 ||
		    import_redirect(&im, "/feed/atom", "url", 0, "/feed.atom",
		                    NULL) < 0) {
			snprintf(err->message, sizeof(err->message), "%s",
			         im.failure);
			st = IMPORT_FAILED;
		}
	}
	if (st == IMPORT_OK && db_commit(db) < 0) {
		snprintf(err->message, sizeof(err->message),
		         "cannot commit the import");
		st = IMPORT_FAILED;
	} else if (st != IMPORT_OK) {
		db_rollback(db);
	}
	if (st != IMPORT_OK && im.placed_count > 0)
		store_remove(o->uploads_dir, im.placed, im.placed_count);
out:
	site_free(&im.site);
	arena_free(&im.item);
	arena_free(&im.keep);
	return st;
}
