/* em_json.c: a strict parser for one flat JSON object: what an import line may be. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

struct jp {
	const char	*s, *p, *e;
	char		*err;
	size_t		 errlen;
};

static int jfail(struct jp *, const char *, ...) __attribute__((format(printf, 2, 3)));

static int
jfail(struct jp *j, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	n = snprintf(j->err, j->errlen, "column %ld: ", (long)(j->p - j->s) + 1);
	if (n > 0 && (size_t)n < j->errlen) {
		va_start(ap, fmt);
		vsnprintf(j->err + n, j->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void
skip_ws(struct jp *j)
{
	while (j->p < j->e && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' ||
	    *j->p == '\n'))
		j->p++;
}

static int
hex4(struct jp *j, unsigned *v)
{
	int	 i;
	char	 c;

	*v = 0;
	if (j->e - j->p < 4)
		return jfail(j, "a \\u escape needs four hex digits");
	for (i = 0; i < 4; i++) {
		c = *j->p++;
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return jfail(j, "a \\u escape needs four hex digits");
	}
	return 0;
}

static size_t
put_utf8(char *o, unsigned c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | c >> 12);
		o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | c >> 18);
	o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

/* A string at j->p (on the opening quote), decoded; no NUL, no lone surrogate. */
static int
string(struct jp *j, char **out)
{
	char	*o, *buf;
	unsigned c, lo;

	const char *q;

	j->p++;
	/*
	 * The string's raw length first, to its closing quote: the decoded
	 * text is never longer. Allocating for the rest of the line instead
	 * made a line of many short strings cost its length squared.
	 */
	for (q = j->p; q < j->e && *q != '"'; q++)
		if (*q == '\\' && q + 1 < j->e)
			q++;
	buf = o = em_xcalloc(1, (size_t)(q - j->p) + 1);
	for (;;) {
		if (j->p >= j->e) {
			free(buf);
			return jfail(j, "the string never ends");
		}
		c = (unsigned char)*j->p;
		if (c == '"') {
			j->p++;
			break;
		}
		if (c < 0x20) {
			free(buf);
			return jfail(j, "a raw control character in a string");
		}
		if (c != '\\') {
			*o++ = (char)c;
			j->p++;
			continue;
		}
		j->p++;
		if (j->p >= j->e) {
			free(buf);
			return jfail(j, "the string never ends");
		}
		switch (*j->p++) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u':
			if (hex4(j, &c) != 0)
				goto fail;
			if (c >= 0xd800 && c <= 0xdbff) {
				if (j->e - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u') {
					jfail(j, "a lone surrogate in \\u escapes");
					goto fail;
				}
				j->p += 2;
				if (hex4(j, &lo) != 0)
					goto fail;
				if (lo < 0xdc00 || lo > 0xdfff) {
					jfail(j, "a lone surrogate in \\u escapes");
					goto fail;
				}
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
			} else if (c >= 0xdc00 && c <= 0xdfff) {
				jfail(j, "a lone surrogate in \\u escapes");
				goto fail;
			}
			if (c == 0) {
				jfail(j, "\\u0000 is not allowed in text");
				goto fail;
			}
			o += put_utf8(o, c);
			break;
		default:
			j->p--;
			if ((unsigned char)*j->p > 0x20 && (unsigned char)*j->p < 0x7f)
				jfail(j, "an unknown escape \\%c", *j->p);
			else
				jfail(j, "an unknown escape");
			goto fail;
		}
	}
	*out = buf;
	return 0;
fail:
	free(buf);
	return -1;
}

/* A JSON number; integers that fit are kept exactly. */
static int
number(struct jp *j, struct em_jval *v)
{
	const char *start = j->p;
	int	 isint = 1;
	char	*end;

	if (j->p < j->e && *j->p == '-')
		j->p++;
	if (j->p >= j->e || *j->p < '0' || *j->p > '9')
		return jfail(j, "a value must be a string, number, true, false or null");
	if (*j->p == '0' && j->p + 1 < j->e && j->p[1] >= '0' && j->p[1] <= '9')
		return jfail(j, "a number may not start with 0");
	while (j->p < j->e && *j->p >= '0' && *j->p <= '9')
		j->p++;
	if (j->p < j->e && *j->p == '.') {
		isint = 0;
		j->p++;
		if (j->p >= j->e || *j->p < '0' || *j->p > '9')
			return jfail(j, "a digit must follow the decimal point");
		while (j->p < j->e && *j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	if (j->p < j->e && (*j->p == 'e' || *j->p == 'E')) {
		isint = 0;
		j->p++;
		if (j->p < j->e && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (j->p >= j->e || *j->p < '0' || *j->p > '9')
			return jfail(j, "a digit must follow the exponent");
		while (j->p < j->e && *j->p >= '0' && *j->p <= '9')
			j->p++;
	}
	v->type = EM_J_NUM;
	v->str = em_xcalloc(1, (size_t)(j->p - start) + 1);
	memcpy(v->str, start, (size_t)(j->p - start));
	if (isint && j->p - start <= 18) {
		v->num = strtoll(v->str, &end, 10);
		v->isint = 1;
	}
	return 0;
}

static int
word(struct jp *j, const char *w)
{
	size_t	 n = strlen(w);

	if ((size_t)(j->e - j->p) >= n && memcmp(j->p, w, n) == 0) {
		j->p += n;
		return 1;
	}
	return 0;
}

static int
value(struct jp *j, struct em_jval *v)
{
	if (j->p >= j->e)
		return jfail(j, "a value is missing");
	switch (*j->p) {
	case '"':
		v->type = EM_J_STR;
		return string(j, &v->str);
	case '{':
	case '[':
		return jfail(j, "nested objects and arrays are not allowed here");
	}
	if (word(j, "true")) {
		v->type = EM_J_BOOL;
		v->num = 1;
		return 0;
	}
	if (word(j, "false")) {
		v->type = EM_J_BOOL;
		return 0;
	}
	if (word(j, "null")) {
		v->type = EM_J_NULL;
		return 0;
	}
	return number(j, v);
}

void
em_json_free(struct em_jobj *o)
{
	size_t	 i;

	for (i = 0; i < o->n; i++) {
		free(o->v[i].key);
		free(o->v[i].str);
	}
	free(o->v);
	o->v = NULL;
	o->n = 0;
}

const struct em_jval *
em_json_get(const struct em_jobj *o, const char *key)
{
	size_t	 i;

	for (i = 0; i < o->n; i++)
		if (strcmp(o->v[i].key, key) == 0)
			return &o->v[i];
	return NULL;
}

/*
 * Parse s[0..len) as one object of at most EM_JSON_MAXKEYS scalar values,
 * in time linear in len. On failure, err holds "column N: why" and the
 * object is empty.
 */
int
em_json_parse(const char *s, size_t len, struct em_jobj *o, char *err, size_t errlen)
{
	struct jp	 j = { s, s, s + len, err, errlen };
	struct em_jval	 v;
	char		*key, quoted[68];

	o->v = NULL;
	o->n = 0;
	if (memchr(s, '\0', len) != NULL)
		return jfail(&j, "a NUL byte in the line");
	if (!em_utf8_valid(s, len))
		return jfail(&j, "the line is not valid UTF-8");
	skip_ws(&j);
	if (j.p >= j.e || *j.p != '{')
		return jfail(&j, "a record must be a JSON object");
	j.p++;
	skip_ws(&j);
	if (j.p < j.e && *j.p == '}') {
		j.p++;
		goto end;
	}
	for (;;) {
		skip_ws(&j);
		if (j.p >= j.e || *j.p != '"') {
			jfail(&j, "a key must be a string");
			goto fail;
		}
		if (string(&j, &key) != 0)
			goto fail;
		if (em_json_get(o, key) != NULL) {
			em_cut(quoted, sizeof(quoted), key);
			jfail(&j, "duplicate key \"%s\"", quoted);
			free(key);
			goto fail;
		}
		if (o->n == EM_JSON_MAXKEYS) {
			free(key);
			jfail(&j, "more than %d keys in a record", EM_JSON_MAXKEYS);
			goto fail;
		}
		skip_ws(&j);
		if (j.p >= j.e || *j.p != ':') {
			free(key);
			jfail(&j, "a ':' must follow a key");
			goto fail;
		}
		j.p++;
		skip_ws(&j);
		memset(&v, 0, sizeof(v));
		if (value(&j, &v) != 0) {
			free(key);
			free(v.str);
			goto fail;
		}
		v.key = key;
		if (o->n == 0)
			o->v = em_xcalloc(EM_JSON_MAXKEYS, sizeof(*o->v));
		o->v[o->n++] = v;
		skip_ws(&j);
		if (j.p < j.e && *j.p == ',') {
			j.p++;
			continue;
		}
		if (j.p < j.e && *j.p == '}') {
			j.p++;
			break;
		}
		jfail(&j, "a ',' or '}' must follow a value");
		goto fail;
	}
end:
	skip_ws(&j);
	if (j.p != j.e) {
		jfail(&j, "text after the object");
		goto fail;
	}
	return 0;
fail:
	em_json_free(o);
	return -1;
}
