/*
 * fold.h: the one text normalisation of search (indexing and querying
 * alike) and the Arabic-script part that slugs share.  Folded text is
 * compatibility-decomposed and case-folded, with combining marks, tatweel
 * and the zero-width joiners dropped, the Arabic and Persian letter
 * variants made one and Persian and Arabic-Indic digits made ASCII, so
 * that "Café", "cafe\u0301" and "CAFE" give one token, and so do
 * "كتاب"/"کتاب" and "۱۴۰۴"/"١٤٠٤"/"1404".
 *
 * Nothing here allocates through alloc.h: the file is also built into the
 * small SQLite module that lets other programs (the tests' Python) write to
 * a database whose index uses the tokenizer (src/db/search_tokenizer.c).
 */
#ifndef GAZETTE_FOLD_H
#define GAZETTE_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* Only this much of one word is folded (cut on a code point boundary):
 * utf8proc's canonical reordering is quadratic in a run of marks. */
#define FOLD_WORD_MAX_BYTES 256

/* What fold_arabic returns for a code point that is dropped. */
#define FOLD_DROP (-1)

/*
 * The Arabic-script part of the fold, for one code point: the letter
 * variants (ي ى ئ → ی, ك → ک, أ إ آ ٱ → ا, ؤ → و, ة ۀ ە → ه) mapped, the
 * Arabic marks (harakat U+064B–U+065F, superscript alef U+0670, Quranic
 * marks), tatweel U+0640 and ZWNJ/ZWJ (U+200C, U+200D) dropped
 * (FOLD_DROP); every other code point is returned unchanged.  Digits are
 * left alone (fold_digit does those).
 */
int32_t fold_arabic(int32_t cp);

/* Returns the ASCII digit for a Persian (U+06F0–9) or Arabic-Indic
 * (U+0660–9) digit, else cp unchanged. */
int32_t fold_digit(int32_t cp);

/*
 * Called for each folded token: tok (tok_len bytes, not NUL-terminated,
 * valid only during the call) was made from the bytes [start, end) of the
 * original text.  Returning non-zero stops fold_tokens, which returns it.
 */
typedef int (*fold_token_fn)(void *ctx, const char *tok, size_t tok_len,
                             size_t start, size_t end);

/*
 * Splits len bytes of text into words and calls fn for each folded token.
 * A word is a run of letters, marks, numbers, ZWNJ and ZWJ (so
 * "می‌خواهم" is one word); anything else, bytes that are not UTF-8
 * included, separates words.  A word is folded (NFKD, case folding, marks
 * except spacing marks dropped, fold_arabic, fold_digit); when the folded word
 * holds a character that is not a letter, mark or number (NFKD turns "½"
 * into "1⁄2") it gives one token per piece, each with the word's offsets.
 * Only the first FOLD_WORD_MAX_BYTES of a word are folded, and a folded
 * word is cut to as many bytes, so a token is its own fold.  Returns 0, fn's
 * non-zero return, or -1 when memory runs out.
 */
int fold_tokens(const char *text, size_t len, fold_token_fn fn, void *ctx);

/*
 * Returns the tokens of text (see fold_tokens) joined by single spaces,
 * malloc'd and NUL-terminated (free() it), with its length in *out_len
 * when out_len is not NULL; NULL only when memory runs out.
 */
char *fold_text(const char *text, size_t len, size_t *out_len);

#endif
