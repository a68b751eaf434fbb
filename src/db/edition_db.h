/*
 * edition_db.h: adding and changing editions (the admin's editions page).
 * Reading them is site_db.c's: every worker keeps them loaded.
 */
#ifndef GAZETTE_EDITION_DB_H
#define GAZETTE_EDITION_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/arena.h"
#include "db.h"

/* An edition's fields, already checked by the handler. */
struct edition_edit {
	long long id; /* 0 for a new edition */
	const char *code;
	const char *prefix; /* "" only for the default edition */
	const char *name;
	const char *lang;
	const char *dir;
	const char *site_name;
	const char *tagline;
	const char *date_style;
	const char *digits;
	bool enabled;
	long long position;
};

enum edition_save_result {
	EDITION_SAVE_OK,
	EDITION_CODE_TAKEN,   /* another edition has the code */
	EDITION_PREFIX_TAKEN, /* another edition's prefix or code, or the slug
	                         of a page of the default edition */
	EDITION_GONE,         /* no edition has in->id */
	EDITION_FAILED,       /* the database failed (logged) */
};

/*
 * Adds (in->id 0) or changes an edition in one BEGIN IMMEDIATE
 * transaction.  A new edition gets a main menu holding only the Editions
 * entry, and a row for every interface string (English until its
 * translation file says otherwise; i18n_db.h).  Sets *id_out.  Anything
 * but EDITION_SAVE_OK changes nothing.
 */
enum edition_save_result edition_db_save(struct db *db,
                                         const struct edition_edit *in,
                                         long long *id_out);

/* One interface string of an edition, beside the English one. */
struct edition_string_row {
	const char *key;
	const char *english;
	const char *value;
	bool edited; /* not what the translation files gave (an admin's) */
};

/*
 * Lists the strings of edition_id by key, at most limit: those whose key,
 * English text or value holds q (any case of ASCII letters; NULL: all).
 * Sets *rows (in a) and *count.  Returns 0 or -1.
 */
int edition_db_strings(struct db *db, struct arena *a, long long edition_id,
                       const char *q, size_t limit,
                       struct edition_string_row **rows, size_t *count);

/*
 * Sets the strings keys[i] of edition_id to values[i], in one BEGIN
 * IMMEDIATE transaction; an empty value gives the key back to the
 * translation files (what they last gave it).  Returns 0, 1 when a key
 * is not one of the edition's (nothing changed), or -1.
 */
int edition_db_strings_save(struct db *db, long long edition_id,
                            const char *const *keys, const char *const *values,
                            size_t count);

#endif
