/*
 * i18n.c: the parser of translation files (format in i18n.h).  Pure: no
 * I/O, no database; the sync that writes edition_strings is
 * src/db/i18n_db.c.
 */
#include <string.h>

#include "../http/request.h"
#include "i18n.h"
#include "text.h"

/* Whether s[0..len) is a valid key. */
static bool
key_valid(const char *s, size_t len)
{
	if (len == 0 || len > I18N_KEY_MAX)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

/* Parses a translation file; see i18n.h. */
int
i18n_parse(struct arena *a, const char *data, size_t len,
           struct i18n_entry **entries, size_t *count, size_t *bad_line)
{
	struct i18n_entry *out = NULL;
	size_t n = 0, cap = 0, line = 0, pos = 0;

	while (pos < len) {
		const char *s = data + pos, *nl = memchr(s, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - s) : len - pos;
		const char *tab;
		char *value;

		pos += l + (nl != NULL);
		line++;
		if (l > 0 && s[l - 1] == '\r')
			l--;
		if (l == 0 || s[0] == '#')
			continue;
		tab = memchr(s, '\t', l);
		if (tab == NULL || !key_valid(s, (size_t)(tab - s)) ||
		    tab + 1 == s + l ||
		    !utf8_valid(tab + 1, (size_t)(s + l - tab - 1)))
			goto bad;
		value = arena_strndup(a, tab + 1, (size_t)(s + l - tab - 1));
		if (strlen(value) != (size_t)(s + l - tab - 1) ||
		    text_has_control(value))
			goto bad;
		out = arena_grow(a, out, n, &cap, sizeof(*out));
		out[n].key = arena_strndup(a, s, (size_t)(tab - s));
		out[n].value = value;
		if (i18n_find(out, n, out[n].key) != NULL)
			goto bad;
		n++;
	}
	*entries = out;
	*count = n;
	return 0;
bad:
	*bad_line = line;
	return -1;
}

/* Finds an entry; see i18n.h.  Files are small: a linear scan. */
const struct i18n_entry *
i18n_find(const struct i18n_entry *entries, size_t count, const char *key)
{
	for (size_t i = 0; i < count; i++)
		if (strcmp(entries[i].key, key) == 0)
			return &entries[i];
	return NULL;
}
