/* em_rules.c: the rules of each kind of value, once, for the commands and import alike. */
#include <sys/random.h>

#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

/* Lower-case the ASCII letters of a word in place, as tags and feelings are stored. */
void
em_word_lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* A feeling word, as --feeling takes it: a name of at most EM_FEELING_MAX bytes. */
int
em_feeling_valid(const char *s)
{
	return em_name_valid(s) && strlen(s) <= EM_FEELING_MAX;
}

/* A record id the commands can address: EM_ID_LEN lower-case hex digits. */
int
em_id_valid(const char *s)
{
	return strlen(s) == EM_ID_LEN &&
	    strspn(s, "0123456789abcdef") == EM_ID_LEN;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Add one tag to a set: an optional leading '#' dropped, lower-cased, kept
 * once. Returns 0, EM_TAG_BAD for a word that is not a tag or EM_TAG_MANY
 * when the set already holds EM_TAGS_MAX tags.
 */
int
em_tags_add(struct em_tags *ts, const char *word)
{
	char	*t;
	size_t	 i;

	if (*word == '#')
		word++;
	if (!em_tag_valid(word))
		return EM_TAG_BAD;
	t = em_strdup(word);
	em_word_lower(t);
	for (i = 0; i < ts->n; i++)
		if (strcmp(ts->v[i], t) == 0) {
			free(t);
			return 0;
		}
	if (ts->n == EM_TAGS_MAX) {
		free(t);
		return EM_TAG_MANY;
	}
	ts->v[ts->n++] = t;
	return 0;
}

/* The tags as stored: sorted, one space between them; the caller frees it. */
char *
em_tags_join(struct em_tags *ts)
{
	size_t	 i, len = 1, k;
	char	*s;

	qsort(ts->v, ts->n, sizeof(ts->v[0]), cmpstr);
	for (i = 0; i < ts->n; i++)
		len += strlen(ts->v[i]) + 1;
	s = em_xcalloc(1, len);
	for (i = 0, len = 0; i < ts->n; i++) {
		if (i > 0)
			s[len++] = ' ';
		k = strlen(ts->v[i]);
		memcpy(s + len, ts->v[i], k);
		len += k;
	}
	s[len] = '\0';
	return s;
}

void
em_tags_free(struct em_tags *ts)
{
	while (ts->n > 0)
		free(ts->v[--ts->n]);
}

/*
 * Stored tags (words separated by single spaces; empty for none) in their
 * canonical form, as the commands would store them. On failure *out is NULL
 * and *bad (when not NULL) is EM_TAG_BAD or EM_TAG_MANY; with EM_TAG_BAD
 * the offending word is copied, cut, into word[wordlen].
 */
int
em_tags_canon(const char *s, char **out, int *bad, char *word, size_t wordlen)
{
	struct em_tags	 ts = { { NULL }, 0 };
	const char	*p, *q;
	char		*w;
	int		 r = 0;

	*out = NULL;
	if (word != NULL && wordlen > 0)
		*word = '\0';
	for (p = s; *p != '\0' && r == 0; p = *q ? q + 1 : q) {
		if ((q = strchr(p, ' ')) == NULL)
			q = p + strlen(p);
		w = em_xcalloc(1, (size_t)(q - p) + 1);
		memcpy(w, p, (size_t)(q - p));
		/* An empty word: a space at either end, or two in a row. */
		if ((r = *w == '\0' ? EM_TAG_BAD : em_tags_add(&ts, w)) == EM_TAG_BAD &&
		    word != NULL)
			em_cut(word, wordlen, w);
		free(w);
		if (*q == ' ' && q[1] == '\0' && r == 0)
			r = EM_TAG_BAD;
	}
	if (r != 0) {
		em_tags_free(&ts);
		if (bad != NULL)
			*bad = r;
		return -1;
	}
	*out = em_tags_join(&ts);
	em_tags_free(&ts);
	return 0;
}

/*
 * Copy s into buf[size], cut on a character boundary so that it fits;
 * a cut string ends in "...". For quoting keys and values in messages.
 */
void
em_cut(char *buf, size_t size, const char *s)
{
	size_t	 len = strlen(s), n;

	if (size == 0)
		return;
	if (len < size) {
		memcpy(buf, s, len + 1);
		return;
	}
	n = size > 4 ? size - 4 : 0;
	/* Back over continuation bytes to the start of a character. */
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	memcpy(buf, s, n);
	if (size > 4)
		memcpy(buf + n, "...", 4);
	else
		buf[n] = '\0';
}

/*
 * A map from strings to strings, for lookups that must stay cheap whatever
 * the input: open addressing, grown at half full, hashed with a key drawn
 * at random once per run so that input cannot be made to collide on purpose.
 */
static uint64_t	 hkey0, hkey1;

static uint64_t
hash(const char *s)
{
	uint64_t h = hkey0 ^ 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
		h ^= h >> 29;
		h += hkey1;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

static size_t
slot(const struct em_smap *m, const char *key)
{
	size_t	 i = (size_t)hash(key) & (m->cap - 1);

	while (m->k[i] != NULL && strcmp(m->k[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

const char *
em_smap_get(const struct em_smap *m, const char *key)
{
	size_t	 i;

	if (m->n == 0)
		return NULL;
	i = slot(m, key);
	return m->k[i] != NULL ? m->v[i] : NULL;
}

/* Map key to val, both copied; an earlier value for key is replaced. */
void
em_smap_put(struct em_smap *m, const char *key, const char *val)
{
	struct em_smap	 old = *m;
	size_t		 i;

	if (hkey0 == 0 && hkey1 == 0 &&
	    getrandom(&hkey0, sizeof(hkey0), GRND_NONBLOCK) != sizeof(hkey0))
		hkey0 = (uint64_t)(uintptr_t)m ^ 0x9e3779b97f4a7c15ULL;
	if (hkey1 == 0)
		hkey1 = hkey0 * 0x9e3779b97f4a7c15ULL | 1;
	if (2 * (m->n + 1) > m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->k = em_xcalloc(m->cap, sizeof(*m->k));
		m->v = em_xcalloc(m->cap, sizeof(*m->v));
		m->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.k[i] != NULL) {
				size_t j = slot(m, old.k[i]);
				m->k[j] = old.k[i];
				m->v[j] = old.v[i];
				m->n++;
			}
		free(old.k);
		free(old.v);
	}
	i = slot(m, key);
	if (m->k[i] != NULL) {
		free(m->v[i]);
		m->v[i] = em_strdup(val);
		return;
	}
	m->k[i] = em_strdup(key);
	m->v[i] = em_strdup(val);
	m->n++;
}

void
em_smap_free(struct em_smap *m)
{
	size_t	 i;

	for (i = 0; i < m->cap; i++) {
		free(m->k[i]);
		free(m->v[i]);
	}
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* Append to a growing string, printf-style. */
void
em_sb_add(struct em_sbuf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0,
		    fmt, ap);
		va_end(ap);
		if (b->s != NULL && (size_t)n < b->cap - b->len)
			break;
		b->cap = b->cap * 2 + (size_t)n + 64;
		b->s = em_xreallocarray(b->s, b->cap, 1);
	}
	b->len += (size_t)n;
}

/* Append s as a JSON string; a byte that is not UTF-8 becomes U+FFFD. */
void
em_sb_json(struct em_sbuf *b, const char *s)
{
	unsigned	 cp;
	size_t		 n;

	em_sb_add(b, "\"");
	while (*s != '\0') {
		n = em_u8_next(s, &cp);
		if (cp == EM_U8_BAD)
			em_sb_add(b, "\\ufffd");
		else if (cp == '"' || cp == '\\')
			em_sb_add(b, "\\%c", (int)cp);
		else if (cp < 0x20 || cp == 0x7f)
			em_sb_add(b, "\\u%04x", cp);
		else
			em_sb_add(b, "%.*s", (int)n, s);
		s += n;
	}
	em_sb_add(b, "\"");
}
