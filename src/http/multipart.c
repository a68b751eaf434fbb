/*
 * multipart.c: the multipart/form-data push parser (see multipart.h for
 * the decisions it makes).  mp_describe, for tests and fuzzing, lives in
 * multipart_describe.c.
 *
 * The body is read by a small state machine, one chunk at a time; nothing
 * depends on where the chunks were cut.  Inside a part's data the parser
 * looks for the delimiter CR LF "--" boundary.  Bytes that might begin a
 * delimiter are held back (only as a count: they are the delimiter's own
 * first bytes), so a chunk that ends inside "\r\n--boun" needs no copy.
 * The boundary has no CR, so when a partial match fails the held-back
 * bytes are data and matching starts again at the current byte: no
 * backtracking table is needed.  Memory is fixed at start (one header line
 * buffer) plus, per part, its names and, for a field, its value; file data
 * is never kept.
 */
#include <assert.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../util/alloc.h"
#include "../util/text.h"
#include "multipart.h"

#define MP_BOUNDARY_MAX 70 /* RFC 2046 */
#define MP_DELIM_PREFIX "\r\n--"
#define MP_DELIM_PREFIX_LEN 4

enum mp_state {
	ST_PREAMBLE,   /* before the first delimiter: bytes ignored */
	ST_DATA,       /* a part's data, looking for the delimiter */
	ST_AFTER,      /* just after a delimiter: "--", padding or CR */
	ST_PAD,        /* transport padding after a delimiter */
	ST_DELIM_CR,   /* CR ending a delimiter line; LF must follow */
	ST_CLOSE_DASH, /* one '-' after a delimiter; another must follow */
	ST_CLOSE_PAD,  /* after the close delimiter, padding */
	ST_CLOSE_CR,   /* CR ending the close delimiter line */
	ST_EPILOGUE,   /* after the close delimiter line: bytes ignored */
	ST_HEADER,     /* in a header line */
	ST_HEADER_CR,  /* CR ending a header line; LF must follow */
};

struct mp_parser {
	struct arena *arena;
	struct mp_limits lim;
	struct mp_callbacks cb;
	void *ctx;
	enum mp_status status;
	enum mp_state state;

	char delim[MP_DELIM_PREFIX_LEN + MP_BOUNDARY_MAX + 1];
	size_t delim_len;
	size_t match;   /* bytes of delim matched and held back */
	uint64_t total; /* bytes fed */
	size_t parts;   /* parts begun */

	/* The current part. */
	struct mp_part part;
	bool in_part; /* part_begin called, part_end not yet */
	bool seen_disposition, seen_type;
	size_t headers; /* header lines so far */
	char *line;     /* the header line being read */
	size_t line_len;
	char *value; /* a field's value so far */
	size_t value_cap;

	/* Fields that ended. */
	struct kv *fields;
	size_t fields_count, fields_cap;
	size_t fields_bytes;
};

static const char *const status_names[MP_STATUS__MAX] = {
    [MP_OK] = "ok",
    [MP_ERR_CONTENT_TYPE] = "bad-content-type",
    [MP_ERR_BOUNDARY] = "bad-boundary",
    [MP_ERR_LINE_ENDING] = "bad-line-ending",
    [MP_ERR_DELIMITER] = "bad-delimiter",
    [MP_ERR_TRUNCATED] = "truncated",
    [MP_ERR_PARTS] = "too-many-parts",
    [MP_ERR_HEADER_LINE] = "header-too-long",
    [MP_ERR_HEADER_COUNT] = "too-many-headers",
    [MP_ERR_HEADER] = "bad-header",
    [MP_ERR_NO_DISPOSITION] = "no-disposition",
    [MP_ERR_DISPOSITION] = "bad-disposition",
    [MP_ERR_FILENAME] = "bad-filename",
    [MP_ERR_FIELD_VALUE] = "bad-field-value",
    [MP_ERR_FIELD_SIZE] = "field-too-large",
    [MP_ERR_FIELDS_SIZE] = "fields-too-large",
    [MP_ERR_FILE_SIZE] = "file-too-large",
    [MP_ERR_TOTAL_SIZE] = "body-too-large",
    [MP_ERR_ABORTED] = "aborted",
};

/* Returns the stable name of a status; see multipart.h. */
const char *
mp_status_name(enum mp_status status)
{
	if ((unsigned)status >= MP_STATUS__MAX)
		return "unknown";
	return status_names[status];
}

/* Returns the HTTP status for a result; see multipart.h. */
int
mp_status_http(enum mp_status status)
{
	switch (status) {
	case MP_OK:
		return 200;
	case MP_ERR_FIELD_SIZE:
	case MP_ERR_FIELDS_SIZE:
	case MP_ERR_FILE_SIZE:
	case MP_ERR_TOTAL_SIZE:
		return 413;
	default:
		return 400;
	}
}

/* Fills lim with the defaults; see multipart.h. */
void
mp_limits_default(struct mp_limits *lim)
{
	lim->max_parts = MP_DEFAULT_PARTS;
	lim->max_headers = MP_DEFAULT_HEADERS;
	lim->max_header_line_bytes = MP_DEFAULT_HEADER_LINE_BYTES;
	lim->max_field_bytes = MP_DEFAULT_FIELD_BYTES;
	lim->max_fields_bytes = MP_DEFAULT_FIELDS_BYTES;
	lim->max_file_bytes = MP_CEILING_BYTES;
	lim->max_total_bytes = MP_CEILING_BYTES;
}

/* Lowers every limit of lim to its ceiling. */
static void
limits_clamp(struct mp_limits *lim)
{
	if (lim->max_parts > MP_CEILING_PARTS)
		lim->max_parts = MP_CEILING_PARTS;
	if (lim->max_headers > MP_CEILING_HEADERS)
		lim->max_headers = MP_CEILING_HEADERS;
	if (lim->max_header_line_bytes > MP_CEILING_HEADER_LINE_BYTES)
		lim->max_header_line_bytes = MP_CEILING_HEADER_LINE_BYTES;
	if (lim->max_fields_bytes > HTTP_MAX_FORM_BYTES)
		lim->max_fields_bytes = HTTP_MAX_FORM_BYTES;
	if (lim->max_field_bytes > lim->max_fields_bytes)
		lim->max_field_bytes = lim->max_fields_bytes;
	if (lim->max_file_bytes > MP_CEILING_BYTES)
		lim->max_file_bytes = MP_CEILING_BYTES;
	if (lim->max_total_bytes > MP_CEILING_BYTES)
		lim->max_total_bytes = MP_CEILING_BYTES;
}

/* Returns whether c is a space or a tab (OWS). */
static bool
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Returns whether c is a C0 control character or DEL. */
static bool
is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* Returns whether c may appear in a boundary (RFC 2046 bchars). */
static bool
is_bchar(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return true;
	return c != '\0' && strchr("'()+_,-./:=? ", c) != NULL;
}

/* Returns whether s[0..len) equals the NUL-terminated word, ignoring
 * ASCII case. */
static bool
span_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && strncasecmp(s, word, len) == 0;
}

/*
 * Reads the next parameter of a header value, s[*pos..len), after the
 * media or disposition type: OWS ";" OWS name "=" (token / quoted-string),
 * with empty parameters (";;", a trailing ";") skipped as RFC 9110 allows.
 * In a quoted string a backslash escapes '"' and '\\' only; before any
 * other byte it is kept, so that a Windows path sent unescaped ("C:\x\y")
 * keeps its separators.  The value, unquoted, goes to val, which has room
 * for len bytes.  Returns 1 with the parameter, 0 at the end, -1 when the
 * syntax is wrong (including control characters other than tab).
 */
static int
param_next(const char *s, size_t len, size_t *pos, const char **name,
           size_t *name_len, char *val, size_t *val_len)
{
	size_t i = *pos, start, n = 0;

	for (;;) {
		while (i < len && is_ows(s[i]))
			i++;
		if (i == len) {
			*pos = i;
			return 0;
		}
		if (s[i] != ';')
			return -1;
		i++;
		while (i < len && is_ows(s[i]))
			i++;
		if (i < len && s[i] != ';')
			break;
	}
	start = i;
	while (i < len && http_tchar((unsigned char)s[i]))
		i++;
	if (i == start || i == len || s[i] != '=')
		return -1;
	*name = s + start;
	*name_len = i - start;
	i++;
	if (i < len && s[i] == '"') {
		for (i++;; i++) {
			unsigned char c;

			if (i == len)
				return -1; /* unterminated */
			c = (unsigned char)s[i];
			if (c == '"')
				break;
			if (c == '\\' && i + 1 < len &&
			    (s[i + 1] == '"' || s[i + 1] == '\\'))
				c = (unsigned char)s[++i];
			else if (is_control(c) && c != '\t')
				return -1;
			val[n++] = (char)c;
		}
		i++;
	} else {
		while (i < len && http_tchar((unsigned char)s[i]))
			val[n++] = s[i++];
		if (n == 0)
			return -1;
	}
	*val_len = n;
	*pos = i;
	return 1;
}

/* Finds the boundary; see multipart.h. */
enum mp_status
mp_boundary(const char *content_type, char *out)
{
	const char *s = content_type, *name;
	size_t len, i = 0, start, name_len, val_len, k;
	char *val;
	bool found = false;
	int rc;

	if (s == NULL)
		return MP_ERR_CONTENT_TYPE;
	len = strnlen(s, HTTP_MAX_HEADER_BYTES + 1);
	if (len > HTTP_MAX_HEADER_BYTES)
		return MP_ERR_CONTENT_TYPE;
	while (i < len && is_ows(s[i]))
		i++;
	start = i;
	while (i < len && (http_tchar((unsigned char)s[i]) || s[i] == '/'))
		i++;
	if (!span_is(s + start, i - start, "multipart/form-data"))
		return MP_ERR_CONTENT_TYPE;
	val = xmalloc(len + 1);
	while ((rc = param_next(s, len, &i, &name, &name_len, val, &val_len)) >
	       0) {
		if (!span_is(name, name_len, "boundary"))
			continue;
		if (found || val_len == 0 || val_len > MP_BOUNDARY_MAX ||
		    val[val_len - 1] == ' ') {
			rc = -2;
			break;
		}
		for (k = 0; k < val_len; k++)
			if (!is_bchar((unsigned char)val[k]))
				break;
		if (k < val_len) {
			rc = -2;
			break;
		}
		memcpy(out, val, val_len);
		out[val_len] = '\0';
		found = true;
	}
	free(val);
	if (rc == -1)
		return MP_ERR_CONTENT_TYPE;
	if (rc == -2 || !found)
		return MP_ERR_BOUNDARY;
	return MP_OK;
}

/* Makes a parser; see multipart.h. */
enum mp_status
mp_init(struct mp_parser **out, struct arena *a, const char *content_type,
        const struct mp_limits *limits, const struct mp_callbacks *cb,
        void *ctx)
{
	char boundary[MP_BOUNDARY_MAX + 1];
	struct mp_parser *p;
	enum mp_status rc;
	size_t n;

	*out = NULL;
	rc = mp_boundary(content_type, boundary);
	if (rc != MP_OK)
		return rc;
	p = arena_calloc(a, 1, sizeof(*p));
	p->arena = a;
	if (limits != NULL)
		p->lim = *limits;
	else
		mp_limits_default(&p->lim);
	limits_clamp(&p->lim);
	if (cb != NULL)
		p->cb = *cb;
	p->ctx = ctx;
	n = strlen(boundary);
	memcpy(p->delim, MP_DELIM_PREFIX, MP_DELIM_PREFIX_LEN);
	memcpy(p->delim + MP_DELIM_PREFIX_LEN, boundary, n);
	p->delim_len = MP_DELIM_PREFIX_LEN + n;
	/* The first delimiter may open the body without a CR LF before
	 * it: start as if one had just been read. */
	p->state = ST_PREAMBLE;
	p->match = 2;
	p->line = arena_alloc(a, p->lim.max_header_line_bytes + 1);
	*out = p;
	return MP_OK;
}

/*
 * Appends a field's bytes to its value, which grows by doubling in the
 * arena (at most twice the caps, since old copies are not freed).
 */
static enum mp_status
field_append(struct mp_parser *p, const char *data, size_t n)
{
	size_t room = p->lim.max_field_bytes - p->part.value_len;
	size_t room_all = p->lim.max_fields_bytes - p->fields_bytes, need;

	/* Report the limit the bytes cross first, as a byte-at-a-time feed
	 * would: the error must not depend on where the chunks were cut. */
	if (n > room || n > room_all)
		return room <= room_all ? MP_ERR_FIELD_SIZE
		                        : MP_ERR_FIELDS_SIZE;
	need = p->part.value_len + n + 1;
	if (need > p->value_cap) {
		size_t cap = p->value_cap ? p->value_cap : 64;
		char *v;

		while (cap < need)
			cap *= 2;
		if (cap > p->lim.max_field_bytes + 1)
			cap = p->lim.max_field_bytes + 1;
		v = arena_alloc(p->arena, cap);
		if (p->part.value_len > 0)
			memcpy(v, p->value, p->part.value_len);
		p->value = v;
		p->value_cap = cap;
	}
	memcpy(p->value + p->part.value_len, data, n);
	p->part.value_len += n;
	p->part.size += n;
	p->fields_bytes += n;
	return MP_OK;
}

/* Passes data of the current part on: to the callback for a file, to the
 * value for a field; the preamble's is dropped. */
static enum mp_status
sink(struct mp_parser *p, const char *data, size_t n)
{
	if (n == 0 || p->state == ST_PREAMBLE)
		return MP_OK;
	assert(p->in_part);
	if (p->part.filename == NULL)
		return field_append(p, data, n);
	if (n > p->lim.max_file_bytes - p->part.size)
		return MP_ERR_FILE_SIZE;
	p->part.size += n;
	if (p->cb.part_data != NULL &&
	    p->cb.part_data(p->ctx, &p->part, data, n) != 0)
		return MP_ERR_ABORTED;
	return MP_OK;
}

/*
 * Scans data (or the preamble) for the delimiter, passing on what cannot
 * belong to it.  Stops right after a whole delimiter (state ST_AFTER) or
 * at the end of d.  Sets *used to the bytes consumed.
 */
static enum mp_status
scan(struct mp_parser *p, const char *d, size_t n, size_t *used)
{
	size_t i = 0, start = 0;
	enum mp_status rc;

	while (i < n) {
		if (p->match == 0) {
			const char *cr = memchr(d + i, '\r', n - i);

			if (cr == NULL) {
				i = n;
				break;
			}
			i = (size_t)(cr - d);
			rc = sink(p, d + start, i - start);
			if (rc != MP_OK)
				return rc;
			start = i;
		}
		if (d[i] == p->delim[p->match]) {
			i++;
			if (++p->match == p->delim_len) {
				p->match = 0;
				p->state = ST_AFTER;
				*used = i;
				return MP_OK;
			}
		} else {
			/* What was held back is data after all; the current
			 * byte may still begin a delimiter. */
			rc = sink(p, p->delim, p->match);
			if (rc != MP_OK)
				return rc;
			p->match = 0;
			start = i;
		}
	}
	*used = n;
	if (p->match > 0)
		return MP_OK; /* d[start..n) is held back */
	return sink(p, d + start, n - start);
}

/* Starts a part after a delimiter line. */
static enum mp_status
part_open(struct mp_parser *p)
{
	if (p->parts == p->lim.max_parts)
		return MP_ERR_PARTS;
	memset(&p->part, 0, sizeof(p->part));
	p->part.index = p->parts++;
	p->seen_disposition = false;
	p->seen_type = false;
	p->headers = 0;
	p->line_len = 0;
	p->value = NULL;
	p->value_cap = 0;
	p->state = ST_HEADER;
	return MP_OK;
}

/* Ends the current part, if any: checks and keeps a field, then calls
 * part_end. */
static enum mp_status
part_close(struct mp_parser *p)
{
	struct kv *kv;

	if (!p->in_part)
		return MP_OK;
	p->in_part = false;
	if (p->part.filename == NULL) {
		if (p->value == NULL)
			p->value = arena_strdup(p->arena, "");
		p->value[p->part.value_len] = '\0';
		if (memchr(p->value, '\0', p->part.value_len) != NULL ||
		    !utf8_valid(p->value, p->part.value_len))
			return MP_ERR_FIELD_VALUE;
		/* Stored text is NFC, whatever the browser sent. */
		p->part.value = text_nfc(p->arena, p->value, p->part.value_len,
		                         &p->part.value_len);
		if (p->part.value == NULL)
			return MP_ERR_FIELD_VALUE;
		if (p->fields_count == p->fields_cap) {
			size_t cap = p->fields_cap ? p->fields_cap * 2 : 8;

			kv = arena_calloc(p->arena, cap, sizeof(*kv));
			if (p->fields_count > 0)
				memcpy(kv, p->fields,
				       p->fields_count * sizeof(*kv));
			p->fields = kv;
			p->fields_cap = cap;
		}
		kv = &p->fields[p->fields_count++];
		kv->key = p->part.name;
		kv->val = p->part.value;
		kv->val_len = p->part.value_len;
	}
	if (p->cb.part_end != NULL && p->cb.part_end(p->ctx, &p->part) != 0)
		return MP_ERR_ABORTED;
	return MP_OK;
}

/* Returns whether s[0..len) is UTF-8 without C0 controls, DEL or, when
 * no_c1, C1 controls (U+0080..U+009F). */
static bool
clean_text(const char *s, size_t len, bool no_c1)
{
	size_t i;

	if (!utf8_valid(s, len))
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (is_control(c))
			return false;
		if (no_c1 && c == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] < 0xa0)
			return false;
	}
	return true;
}

/*
 * Decodes an RFC 8187 ext-value (charset'language'pct-encoded) into a new
 * string in a: UTF-8 is kept, ISO-8859-1 turned into UTF-8.  Returns 1 on
 * success, 0 for another charset, -1 when malformed.
 */
static int
ext_value_decode(struct arena *a, const char *s, size_t len, char **out,
                 size_t *out_len)
{
	const char *q1 = memchr(s, '\'', len), *q2, *v;
	size_t i, n, k = 0, v_len;
	bool latin1;
	char *raw, *u;

	if (q1 == NULL)
		return -1;
	q2 = memchr(q1 + 1, '\'', len - (size_t)(q1 + 1 - s));
	if (q2 == NULL)
		return -1;
	if (span_is(s, (size_t)(q1 - s), "UTF-8"))
		latin1 = false;
	else if (span_is(s, (size_t)(q1 - s), "ISO-8859-1"))
		latin1 = true;
	else
		return 0;
	v = q2 + 1;
	v_len = len - (size_t)(v - s);
	for (i = 0; i < v_len; i++) /* attr-char or '%' */
		if (!http_tchar((unsigned char)v[i]) || v[i] == '*' ||
		    v[i] == '\'')
			return -1;
	if (http_percent_decode(a, v, v_len, false, &raw, &n) != 0)
		return -1;
	if (!latin1) {
		*out = raw;
		*out_len = n;
		return 1;
	}
	u = arena_alloc(a, 2 * n + 1);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c >= 0x80) {
			u[k++] = (char)(0xc0 | (c >> 6));
			u[k++] = (char)(0x80 | (c & 0x3f));
		} else {
			u[k++] = (char)c;
		}
	}
	u[k] = '\0';
	*out = u;
	*out_len = k;
	return 1;
}

/*
 * Keeps the last segment of a filename (after any '/' or '\\'), as the
 * part's filename.  "." and ".." become "".  Returns MP_OK or
 * MP_ERR_FILENAME for text that is not UTF-8 or has control characters.
 */
static enum mp_status
filename_set(struct mp_parser *p, const char *s, size_t len)
{
	size_t i, start = 0;

	if (!clean_text(s, len, true))
		return MP_ERR_FILENAME;
	for (i = 0; i < len; i++)
		if (s[i] == '/' || s[i] == '\\')
			start = i + 1;
	s += start;
	len -= start;
	if ((len == 1 && s[0] == '.') ||
	    (len == 2 && s[0] == '.' && s[1] == '.'))
		len = 0;
	s = arena_strndup(p->arena, s, len);
	p->part.filename = text_nfc(p->arena, s, len, &len);
	return p->part.filename != NULL ? MP_OK : MP_ERR_FILENAME;
}

/*
 * Parses a Content-Disposition value: "form-data" and parameters, of
 * which name (required, UTF-8 without controls, not empty), filename and
 * filename* count; others are ignored, and any of the three given twice
 * is refused.  filename* in UTF-8 or ISO-8859-1 wins over filename; in
 * another charset it is ignored, and refused when there is no filename.
 */
static enum mp_status
disposition_parse(struct mp_parser *p, const char *v, size_t len)
{
	const char *name;
	char *val = arena_alloc(p->arena, len + 1);
	char *fn = NULL, *ext = NULL;
	size_t i = 0, name_len, val_len, fn_len = 0, ext_len = 0;
	bool have_name = false, have_fn = false, have_ext = false;
	int rc;

	while (i < len && http_tchar((unsigned char)v[i]))
		i++;
	if (!span_is(v, i, "form-data"))
		return MP_ERR_DISPOSITION;
	while ((rc = param_next(v, len, &i, &name, &name_len, val, &val_len)) >
	       0) {
		if (span_is(name, name_len, "name")) {
			if (have_name || val_len == 0 ||
			    !clean_text(val, val_len, false))
				return MP_ERR_DISPOSITION;
			have_name = true;
			p->part.name = arena_strndup(p->arena, val, val_len);
		} else if (span_is(name, name_len, "filename")) {
			if (have_fn)
				return MP_ERR_DISPOSITION;
			have_fn = true;
			fn = arena_strndup(p->arena, val, val_len);
			fn_len = val_len;
		} else if (span_is(name, name_len, "filename*")) {
			if (have_ext)
				return MP_ERR_DISPOSITION;
			rc = ext_value_decode(p->arena, val, val_len, &ext,
			                      &ext_len);
			if (rc < 0)
				return MP_ERR_DISPOSITION;
			have_ext = true;
			if (rc == 0)
				ext = NULL; /* another charset: ignored */
		}
	}
	if (rc < 0 || !have_name)
		return MP_ERR_DISPOSITION;
	if (ext != NULL)
		return filename_set(p, ext, ext_len);
	if (have_fn)
		return filename_set(p, fn, fn_len);
	if (have_ext)
		return MP_ERR_DISPOSITION; /* filename* we cannot read */
	return MP_OK;
}

/*
 * Handles a complete header line (p->line, without CR LF).  Names are
 * tokens, compared without case; the value loses surrounding spaces and
 * tabs.  Content-Disposition and Content-Type may each appear once;
 * other headers are counted and ignored.
 */
static enum mp_status
header_line(struct mp_parser *p)
{
	const char *line = p->line, *colon, *v;
	size_t name_len, i, len;

	if (++p->headers > p->lim.max_headers)
		return MP_ERR_HEADER_COUNT;
	colon = memchr(line, ':', p->line_len);
	if (colon == NULL || colon == line)
		return MP_ERR_HEADER;
	name_len = (size_t)(colon - line);
	for (i = 0; i < name_len; i++)
		if (!http_tchar((unsigned char)line[i]))
			return MP_ERR_HEADER;
	v = colon + 1;
	len = p->line_len - name_len - 1;
	while (len > 0 && is_ows(v[0])) {
		v++;
		len--;
	}
	while (len > 0 && is_ows(v[len - 1]))
		len--;
	if (span_is(line, name_len, "content-disposition")) {
		if (p->seen_disposition)
			return MP_ERR_DISPOSITION;
		p->seen_disposition = true;
		return disposition_parse(p, v, len);
	}
	if (span_is(line, name_len, "content-type")) {
		if (p->seen_type)
			return MP_ERR_HEADER;
		p->seen_type = true;
		p->part.content_type = arena_strndup(p->arena, v, len);
	}
	return MP_OK;
}

/* After the empty line ending a part's headers: the part begins. */
static enum mp_status
headers_end(struct mp_parser *p)
{
	if (!p->seen_disposition)
		return MP_ERR_NO_DISPOSITION;
	p->in_part = true;
	p->state = ST_DATA;
	p->match = 0;
	if (p->cb.part_begin != NULL && p->cb.part_begin(p->ctx, &p->part) != 0)
		return MP_ERR_ABORTED;
	return MP_OK;
}

/* Reads header bytes into the line buffer up to a CR (or an error). */
static enum mp_status
header_bytes(struct mp_parser *p, const char *d, size_t n, size_t *used)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)d[i];

		if (c == '\r') {
			p->state = ST_HEADER_CR;
			i++;
			break;
		}
		if (c == '\n')
			return MP_ERR_LINE_ENDING;
		if (is_control(c) && c != '\t')
			return MP_ERR_HEADER;
		if (p->line_len == p->lim.max_header_line_bytes)
			return MP_ERR_HEADER_LINE;
		p->line[p->line_len++] = (char)c;
	}
	*used = i;
	return MP_OK;
}

/* Runs the state machine over d[0..n). */
static enum mp_status
run(struct mp_parser *p, const char *d, size_t n)
{
	size_t i = 0, used;
	enum mp_status rc = MP_OK;

	while (i < n && rc == MP_OK) {
		char c = d[i];

		switch (p->state) {
		case ST_PREAMBLE:
		case ST_DATA:
			rc = scan(p, d + i, n - i, &used);
			i += used;
			continue;
		case ST_HEADER:
			rc = header_bytes(p, d + i, n - i, &used);
			i += used;
			continue;
		case ST_EPILOGUE:
			return MP_OK;
		default:
			break;
		}
		i++;
		switch (p->state) {
		case ST_AFTER:
			if (c == '-') {
				p->state = ST_CLOSE_DASH;
				break;
			}
			/* FALLTHROUGH */
		case ST_PAD:
			if (is_ows(c))
				p->state = ST_PAD;
			else if (c == '\r')
				p->state = ST_DELIM_CR;
			else if (c == '\n')
				rc = MP_ERR_LINE_ENDING;
			else
				rc = MP_ERR_DELIMITER;
			break;
		case ST_DELIM_CR:
			if (c != '\n')
				return MP_ERR_LINE_ENDING;
			rc = part_close(p);
			if (rc == MP_OK)
				rc = part_open(p);
			break;
		case ST_CLOSE_DASH:
			if (c != '-')
				return MP_ERR_DELIMITER;
			p->state = ST_CLOSE_PAD;
			rc = part_close(p);
			break;
		case ST_CLOSE_PAD:
			if (c == '\r')
				p->state = ST_CLOSE_CR;
			else if (c == '\n')
				rc = MP_ERR_LINE_ENDING;
			else if (!is_ows(c))
				rc = MP_ERR_DELIMITER;
			break;
		case ST_CLOSE_CR:
			if (c != '\n')
				return MP_ERR_LINE_ENDING;
			p->state = ST_EPILOGUE;
			break;
		case ST_HEADER_CR:
			if (c != '\n')
				return MP_ERR_LINE_ENDING;
			p->state = ST_HEADER;
			if (p->line_len == 0)
				rc = headers_end(p);
			else
				rc = header_line(p);
			p->line_len = 0;
			break;
		default:
			assert(0);
		}
	}
	return rc;
}

/* Parses the next bytes; see multipart.h. */
enum mp_status
mp_feed(struct mp_parser *p, const char *data, size_t len)
{
	uint64_t room;
	size_t n = len;

	if (p->status != MP_OK)
		return p->status;
	room = p->lim.max_total_bytes - p->total;
	if (n > room)
		n = (size_t)room;
	p->total += n;
	p->status = run(p, data, n);
	if (p->status == MP_OK && n < len)
		p->status = MP_ERR_TOTAL_SIZE;
	return p->status;
}

/* Ends the body; see multipart.h. */
enum mp_status
mp_finish(struct mp_parser *p)
{
	if (p->status == MP_OK && p->state != ST_CLOSE_PAD &&
	    p->state != ST_EPILOGUE)
		p->status = MP_ERR_TRUNCATED;
	return p->status;
}

/* Returns the fields so far; see multipart.h. */
const struct kv *
mp_fields(const struct mp_parser *p, size_t *count)
{
	*count = p->fields_count;
	return p->fields;
}
