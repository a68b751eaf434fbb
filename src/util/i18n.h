/*
 * i18n.h: reading the translation files of i18n/ (compiled into the
 * binary, see embedded.h).  A file is named after its edition's code
 * (i18n/ar.tsv) and holds one interface string a line:
 *
 *   # a comment
 *   key<TAB>value
 *
 * Keys are lower-case ASCII letters, digits and underscores (at most 64);
 * a value is valid UTF-8 without control characters (no tab, no line
 * feed), never empty.  Blank lines and lines starting with '#' are
 * skipped; a line may end in CR LF.  A key appears once.  What is done
 * with the entries is src/db/i18n_db.c's business.
 */
#ifndef GAZETTE_I18N_H
#define GAZETTE_I18N_H

#include <stddef.h>

#include "arena.h"

struct i18n_entry {
	const char *key;
	const char *value;
};

/* The longest key, in bytes. */
#define I18N_KEY_MAX 64

/*
 * Parses the translation file data[0..len).  On success sets *entries (in
 * a, in file order) and *count and returns 0.  On a malformed line
 * returns -1 and sets *bad_line to its number (from 1); *entries and
 * *count are then unset.
 */
int i18n_parse(struct arena *a, const char *data, size_t len,
               struct i18n_entry **entries, size_t *count, size_t *bad_line);

/* Returns the entry of key in entries[0..count), or NULL. */
const struct i18n_entry *i18n_find(const struct i18n_entry *entries,
                                   size_t count, const char *key);

#endif
