/*
 * text.h: plain text as readers type it into public forms (the contact
 * form, comments): its length in characters, control characters, line
 * ends, the syntax of an email address, and the web addresses in it.
 * Pure functions: the request parser has already refused invalid UTF-8
 * and NUL.
 */
#ifndef GAZETTE_TEXT_H
#define GAZETTE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/*
 * Returns s[0..len) in Unicode Normalization Form C (canonical
 * composition: "e" and a combining acute accent become "\u00e9", Hangul
 * jamo become syllables), NUL-terminated, with its length in *out_len.
 * s must be valid UTF-8 (the request parser has checked it) with a NUL
 * at s[len]; a NUL before it is kept.  Text with no character at or
 * above U+0300 (ASCII, Latin-1, most of Latin Extended) is already NFC
 * and comes back as s itself; otherwise the result is new, in a, and may
 * be longer than s (a few characters, such as U+0958, are not NFC and
 * their NFC form takes more bytes).  Returns NULL only when utf8proc refuses
 * the text, which valid UTF-8 never makes it do.
 */
const char *text_nfc(struct arena *a, const char *s, size_t len,
                     size_t *out_len);

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

/* An http(s) address found in plain text: bytes start to start + len. */
struct text_link {
	size_t start;
	size_t len;
};

/* The longest address taken as a link, in bytes. */
#define TEXT_LINK_MAX 2000

/*
 * Finds the first web address in s at or after byte from: "http://" or
 * "https://" (letters in any case) not preceded by a letter or digit,
 * then a host that starts with a letter, digit or '[', then printable
 * ASCII up to a space, a quote or any of < > ` { } | ^ \ (what an
 * address in a page must not hold unencoded), without the punctuation
 * that usually ends a sentence (. , ; : ! ? *) and without a closing ')'
 * or ']' that has no opening one in it.  Addresses longer than
 * TEXT_LINK_MAX are skipped.  Returns whether one was found (in *out).
 */
bool text_link_next(const char *s, size_t from, struct text_link *out);

/*
 * Returns how many times "http://" or "https://" (any case) stands in s,
 * wherever it stands: at least the number of links text_link_next()
 * finds, and more when addresses are run together to pass for one.
 */
size_t text_links_count(const char *s);

#endif
