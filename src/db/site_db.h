/*
 * site_db.h: what every page needs and rarely changes: settings, editions
 * with their interface strings, and menus.  A worker loads it once and
 * reloads it when another connection commits (db_data_version()).
 */
#ifndef GAZETTE_SITE_DB_H
#define GAZETTE_SITE_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../http/request.h"
#include "../util/arena.h"
#include "db.h"

struct menu_item {
	const char *label;
	const char *url;
	struct menu_item *children;
	size_t children_count;
};

struct edition {
	long long id;
	const char *code;
	const char *prefix; /* "" for the default edition, else "ar" … */
	const char *name;
	const char *lang;
	const char *dir; /* "ltr" or "rtl" */
	const char *site_name;
	const char *tagline;
	const char *date_style; /* "mdy", "dmy", "ymd" */
	const char *digits;     /* "latn", "arab", "arabext" */
	const char *calendar;   /* "gregorian", "persian" (Solar Hijri) */
	bool enabled;
	long long position; /* the editions' order */
	struct kv *strings; /* interface text, sorted by key */
	size_t strings_count;
	/* The default edition's strings (English, the reference), for a key
	 * this edition lacks; the same as strings for the default edition. */
	const struct kv *base_strings;
	size_t base_strings_count;
	struct menu_item *menu; /* the "main" menu's top level */
	size_t menu_count;
};

struct site {
	struct arena arena; /* owns everything below */
	struct kv *settings;
	size_t settings_count;
	struct edition *editions; /* ordered by position; [0] is default */
	size_t editions_count;
};

/*
 * Loads settings, editions, strings and menus into site (which must be
 * zeroed or previously loaded: old contents are freed).  Returns 0 or -1.
 */
int site_db_load(struct db *db, struct site *site);

/* Frees what site owns. */
void site_free(struct site *site);

/* Returns a setting's value, or def when it is not set. */
const char *site_setting(const struct site *site, const char *key,
                         const char *def);

/* Returns an integer setting, or def when it is unset, not a decimal
 * integer, or outside [min, max]. */
long long site_setting_int(const struct site *site, const char *key,
                           long long def, long long min, long long max);

/* Returns the enabled edition with this URL prefix, or NULL. */
const struct edition *site_edition_by_prefix(const struct site *site,
                                             const char *prefix, size_t len);

/* Returns the edition with this id, enabled or not, or NULL. */
const struct edition *site_edition_by_id(const struct site *site, long long id);

/* Returns an interface string of the edition; when the edition lacks it,
 * the default (English) edition's; when that lacks it too, key itself. */
const char *edition_string(const struct edition *e, const char *key);

/*
 * Sets settings (insert or replace) keys[i] = values[i], and the site name
 * and tagline of the edition edition_id, all in one transaction.  Returns
 * 0 or -1 (nothing changed).
 */
int site_db_save(struct db *db, const char *const *keys,
                 const char *const *values, size_t count, long long edition_id,
                 const char *site_name, const char *tagline);

/* Sets one setting in its own transaction.  Returns 0 or -1. */
int site_db_set(struct db *db, const char *key, const char *value);

#endif
