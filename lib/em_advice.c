/* em_advice.c: find advice, minimising and fixing in an answer, by the content's phrases. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

/*
 * Fold for matching: ASCII lower case, curly apostrophes straight, any run
 * of white space one space. The caller frees the result.
 */
static char *
fold(const char *s)
{
	char	*out = em_xcalloc(1, strlen(s) + 1), *o = out;
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) {
			*o++ = '\'';
			p += 3;
		} else if (isspace(*p)) {
			while (isspace(*p))
				p++;
			*o++ = ' ';
		} else
			*o++ = (char)tolower(*p++);
	}
	*o = '\0';
	return out;
}

/* Letters, digits and any non-ASCII byte make words; the rest separates them. */
static int
wordch(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

static int
contains_phrase(const char *text, const char *phrase)
{
	size_t	 n = strlen(phrase);
	const char *p;

	if (n == 0)
		return 0;
	for (p = text; (p = strstr(p, phrase)) != NULL; p++)
		if ((p == text || !wordch((unsigned char)p[-1]) ||
		    !wordch((unsigned char)phrase[0])) &&
		    (!wordch((unsigned char)p[n]) || !wordch((unsigned char)phrase[n - 1])))
			return 1;
	return 0;
}

/* The first advice pattern, in content order, that the text contains. */
const struct em_pattern *
em_advice_match(const struct em_content *c, const char *text)
{
	const struct em_doc *d;
	const struct em_pattern *hit = NULL;
	char	*t = fold(text), *pat;
	size_t	 i, j;

	for (i = 0; hit == NULL && i < em_content_count(c, EM_K_ADVICE); i++) {
		d = em_content_nth(c, EM_K_ADVICE, i);
		for (j = 0; hit == NULL && j < d->npatterns; j++) {
			pat = fold(d->patterns[j].match);
			if (contains_phrase(t, pat))
				hit = &d->patterns[j];
			free(pat);
		}
	}
	free(t);
	return hit;
}
