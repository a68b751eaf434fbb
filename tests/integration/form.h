/*
 * form.h: a form of the last page as a browser would send it, for the
 * integration tests of the admin editors: read from the page (text and
 * hidden inputs, ticked boxes, each select's chosen option, textareas),
 * changed field by field, and posted urlencoded with the session's
 * cookie.  Include it after staff.h (whose request() posts it), once, in a
 * test program.
 */
#ifndef GAZETTE_TEST_FORM_H
#define GAZETTE_TEST_FORM_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "render/html.h"
#include "staff.h"

/* The fields a browser would send from a form of the last page. */
struct form {
	size_t n;
	char name[128][48];
	char value[128][1024];
};

/* Copies [p, end) into out (size bytes at most), undoing the page's
 * escaping. */
static inline void
form_unescape(const char *p, const char *end, char *out, size_t size)
{
	static const char *const refs[][2] = {
	    {"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
	    {"&quot;", "\""}, {"&#39;", "'"},
	};
	size_t k = 0;

	while (p < end && k + 1 < size) {
		size_t r;

		for (r = 0; r < sizeof(refs) / sizeof(refs[0]); r++)
			if (strncmp(p, refs[r][0], strlen(refs[r][0])) == 0)
				break;
		if (r < sizeof(refs) / sizeof(refs[0])) {
			out[k++] = refs[r][1][0];
			p += strlen(refs[r][0]);
		} else {
			out[k++] = *p++;
		}
	}
	out[k] = '\0';
}

/* Copies attribute attr of the tag at tag (up to its '>') into out,
 * undoing the page's escaping; returns whether it is there. */
static inline bool
attr(const char *tag, const char *attr_name, char *out, size_t size)
{
	char pat[32];
	const char *end = strchr(tag, '>'), *p, *q;

	snprintf(pat, sizeof(pat), " %s=\"", attr_name);
	if ((p = strstr(tag, pat)) == NULL || (end != NULL && p > end))
		return false;
	p += strlen(pat);
	if ((q = strchr(p, '"')) == NULL)
		return false;
	form_unescape(p, q, out, size);
	return true;
}

static inline void
form_add(struct form *f, const char *name, const char *value)
{
	CHECK(f->n < sizeof(f->name) / sizeof(f->name[0]));
	if (f->n < sizeof(f->name) / sizeof(f->name[0])) {
		snprintf(f->name[f->n], sizeof(f->name[0]), "%s", name);
		snprintf(f->value[f->n], sizeof(f->value[0]), "%s", value);
		f->n++;
	}
}

/*
 * Reads the form that posts to action from the last page: text and hidden
 * inputs, ticked boxes, each select's chosen option (or its first) and
 * textareas.
 */
static inline void
form_scrape(struct form *f, const char *action)
{
	char open[96], name[48], value[1024];
	const char *p, *end;

	f->n = 0;
	snprintf(open, sizeof(open), " method=\"post\" action=\"%s\">", action);
	p = body.data ? strstr(body.data, open) : NULL;
	CHECK(p != NULL);
	if (p == NULL)
		return;
	end = strstr(p, "</form>");
	while ((p = strchr(p + 1, '<')) != NULL && p < end) {
		if (strncmp(p, "<input ", 7) == 0 &&
		    attr(p, "name", name, sizeof(name))) {
			const char *close = strchr(p, '>');
			bool box = strstr(p, "type=\"checkbox\"") != NULL &&
			           strstr(p, "type=\"checkbox\"") < close;
			bool ticked = strstr(p, " checked") != NULL &&
			              strstr(p, " checked") < close;

			if (!attr(p, "value", value, sizeof(value)))
				value[0] = '\0';
			if (!box || ticked)
				form_add(f, name, value);
		} else if (strncmp(p, "<select ", 8) == 0 &&
		           attr(p, "name", name, sizeof(name))) {
			const char *stop = strstr(p, "</select>");
			const char *o = strstr(p, "<option "), *chosen = o;

			for (; o != NULL && o < stop;
			     o = strstr(o + 1, "<option "))
				if (strncmp(strchr(o, '>') - 9, " selected",
				            9) == 0)
					chosen = o;
			if (chosen != NULL && chosen < stop &&
			    attr(chosen, "value", value, sizeof(value)))
				form_add(f, name, value);
		} else if (strncmp(p, "<textarea ", 10) == 0 &&
		           attr(p, "name", name, sizeof(name))) {
			const char *text = strchr(p, '>') + 1;
			const char *stop = strstr(text, "</textarea>");

			form_unescape(text, stop, value, sizeof(value));
			form_add(f, name, value);
		}
	}
}

/* Sets a field of the form (adding it when absent). */
static inline void
form_set(struct form *f, const char *name, const char *value)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0) {
			snprintf(f->value[i], sizeof(f->value[0]), "%s", value);
			return;
		}
	form_add(f, name, value);
}

/* Removes a field of the form (a box unticked). */
static inline void
form_unset(struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0) {
			memmove(&f->name[i], &f->name[i + 1],
			        (f->n - i - 1) * sizeof(f->name[0]));
			memmove(&f->value[i], &f->value[i + 1],
			        (f->n - i - 1) * sizeof(f->value[0]));
			f->n--;
			return;
		}
}

/* Returns a field's value, or NULL. */
static inline const char *
form_get(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0)
			return f->value[i];
	return NULL;
}

/*
 * Sends the form (with the cookie given, and as request() does) and
 * returns the status.  request() is staff.h's: include it first.
 */
static inline int
form_post(const char *session, const char *uri, const struct form *f)
{
	struct buf b;
	int status;

	buf_init(&b);
	for (size_t i = 0; i < f->n; i++) {
		if (i > 0)
			buf_putc(&b, '&');
		html_url_component(&b, f->name[i], strlen(f->name[i]));
		buf_putc(&b, '=');
		html_url_component(&b, f->value[i], strlen(f->value[i]));
	}
	buf_putc(&b, '\0');
	status = request("POST", uri, session, NULL, b.data);
	buf_free(&b);
	return status;
}

#endif
