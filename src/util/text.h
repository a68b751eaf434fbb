/*
 * text.h: plain text as readers type it into public forms (the contact
 * form, comments to come): its length in characters, control characters,
 * line ends, and the syntax of an email address.  Pure functions: the
 * request parser has already refused invalid UTF-8 and NUL.
 */
#ifndef GAZETTE_TEXT_H
#define GAZETTE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* Returns the number of characters (code points) of UTF-8 text s. */
size_t text_chars(const char *s);

/* Returns whether s holds a control character: C0 (tab and line feed
 * too), DEL, or C1 (U+0080 to U+009F). */
bool text_has_control(const char *s);

/*
 * Returns a copy of s (in a) without control characters, keeping line
 * feeds and tabs when multiline (where CR LF and a lone CR become LF;
 * elsewhere they go too), cut after max_chars characters.
 */
const char *text_clean(struct arena *a, const char *s, bool multiline,
                       size_t max_chars);

/* Returns s without the spaces and tabs at its ends (in a; "" for NULL). */
const char *text_trim(struct arena *a, const char *s);

/* Returns whether s is blank: only spaces, tabs and line feeds. */
bool text_blank(const char *s);

/* The longest email address, in characters (RFC 5321's path limit). */
#define TEXT_EMAIL_MAX_CHARS 254

/*
 * Returns whether s is an email address as the site takes them: one @, a
 * local part of 1 to 64 bytes, a domain of 3 to 253 bytes with a dot and
 * no empty label, at most TEXT_EMAIL_MAX_CHARS characters, no space,
 * control character, quote or any of ( ) , : ; < > [ \ ].  Letters of any
 * script are fine.  Such an address can go into a mail header or a
 * mailto: link as it is, with nothing to escape but for URLs.
 */
bool text_email_valid(const char *s);

#endif
