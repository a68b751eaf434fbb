/*
 * fuzz_json.c: libFuzzer entry for the JSON escaping of the template tag
 * {{%x}} (template.c over html_json_string).  The input is the string
 * value; the output must be one JSON string literal holding no raw < > &,
 * no control character and no U+2028 or U+2029, and, when the input is
 * well-formed UTF-8, it must decode back to the input exactly.  Anything
 * else aborts.  Seeded from tests/unit/corpus/json/.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Returns the length of the well-formed UTF-8 sequence at p, or 0. */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	size_t len, i;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

/* Returns whether p[0..n) is well-formed UTF-8. */
static int
utf8_valid(const unsigned char *p, size_t n)
{
	size_t i = 0, len;

	while (i < n) {
		if ((len = utf8_len(p + i, n - i)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

static int
hex4(const char *p, unsigned long *v)
{
	*v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned long)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned long)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

static size_t
put_utf8(unsigned char *o, unsigned long cp)
{
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * Decodes the JSON string literal s[0..len) into out (room for len
 * bytes); returns the decoded length, aborting when s is not one string
 * literal or holds what {{%x}} must never write.
 */
static size_t
decode(const char *s, size_t len, unsigned char *out)
{
	size_t i = 1, o = 0;

	if (len < 2 || s[0] != '"' || s[len - 1] != '"')
		abort();
	while (i < len - 1) {
		unsigned char c = (unsigned char)s[i];
		unsigned long cp, lo;

		if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"')
			abort();
		if (c == 0xe2 && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xa8 ||
		     (unsigned char)s[i + 2] == 0xa9))
			abort();
		if (c != '\\') {
			out[o++] = c;
			i++;
			continue;
		}
		if (i + 1 >= len - 1)
			abort();
		switch (s[i + 1]) {
		case '"':
		case '\\':
		case '/':
			out[o++] = (unsigned char)s[i + 1];
			break;
		case 'b':
			out[o++] = '\b';
			break;
		case 'f':
			out[o++] = '\f';
			break;
		case 'n':
			out[o++] = '\n';
			break;
		case 'r':
			out[o++] = '\r';
			break;
		case 't':
			out[o++] = '\t';
			break;
		case 'u':
			if (i + 6 > len - 1 || hex4(s + i + 2, &cp) < 0)
				abort();
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (i + 12 > len - 1 || s[i + 6] != '\\' ||
				    s[i + 7] != 'u' ||
				    hex4(s + i + 8, &lo) < 0 || lo < 0xdc00 ||
				    lo > 0xdfff)
					abort();
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				     (lo - 0xdc00);
				i += 6;
			} else if (cp >= 0xdc00 && cp <= 0xdfff) {
				abort();
			}
			o += put_utf8(out + o, cp);
			i += 6;
			continue;
		default:
			abort();
		}
		i += 2;
	}
	return o;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct template_set *set;
	struct arena a;
	struct tval *m;
	struct buf out;
	unsigned char *back;
	size_t n;

	if (set == NULL) {
		set = template_set_new();
		if (template_set_add(set, "j", "{{%v}}", 6, NULL) < 0)
			abort();
	}
	arena_init(&a);
	buf_init(&out);
	m = tv_map(&a);
	tv_set(&a, m, "v", tv_strn(&a, (const char *)data, size));
	if (template_render(set, "j", m, &out, NULL) < 0)
		abort();
	back = malloc(out.len + 1);
	n = decode(out.data, out.len, back);
	if (utf8_valid(data, size) && (n != size || memcmp(back, data, n) != 0))
		abort();
	free(back);
	buf_free(&out);
	arena_free(&a);
	return 0;
}
