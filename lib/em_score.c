/* em_score.c: answers to an instrument, its score (PRODUCT.md's rule exactly) and band. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "em.h"

/*
 * Parse answers written as whole numbers separated by commas, spaces or
 * newlines. Each must be on the instrument's scale and there must be one
 * per item; why not is said in err.
 */
int
em_answers_parse(const struct em_doc *d, const char *s, int *out, char *err,
    size_t errlen)
{
	size_t	 n = 0;
	long	 v;
	char	*end;

	for (;;) {
		while (*s == ',' || isspace((unsigned char)*s))
			s++;
		if (*s == '\0')
			break;
		errno = 0;
		v = strtol(s, &end, 10);
		if (end == s || (*end != '\0' && *end != ',' &&
		    !isspace((unsigned char)*end)) || errno != 0) {
			snprintf(err, errlen, "answer %zu is not a whole number", n + 1);
			return -1;
		}
		if (v < d->min || v > d->max) {
			snprintf(err, errlen, "answer %zu (%ld) is off the scale, which "
			    "goes from %d to %d", n + 1, v, d->min, d->max);
			return -1;
		}
		if (n == d->nitems) {
			snprintf(err, errlen, "%s has %zu items, but there are more "
			    "answers", d->id, d->nitems);
			return -1;
		}
		out[n++] = (int)v;
		s = end;
	}
	if (n != d->nitems) {
		snprintf(err, errlen, "%s has %zu items, but there %s %zu answer%s",
		    d->id, d->nitems, n == 1 ? "is" : "are", n, n == 1 ? "" : "s");
		return -1;
	}
	return 0;
}

/* How strong an item is, 0 to max-min: a reverse item counts from the top. */
int
em_item_points(const struct em_doc *d, size_t i, int answer)
{
	return d->items[i].reverse ? d->max - answer : answer - d->min;
}

/*
 * The score: each answer as (a - min) / (max - min), or one minus that for
 * a reverse item; the mean of those times 100, rounded to the nearest whole
 * number (halves up). Done in integers, so 62.5 is 63 on every machine.
 */
int
em_score(const struct em_doc *d, const int *answers)
{
	long	 sum = 0, den;
	size_t	 i;

	for (i = 0; i < d->nitems; i++)
		sum += em_item_points(d, i, answers[i]);
	den = (long)d->nitems * (d->max - d->min);
	return (int)((200 * sum + den) / (2 * den));
}

/* The band a score falls in: the last whose lower bound it reaches. */
const struct em_band *
em_band_of(const struct em_doc *d, int score)
{
	const struct em_band *b = NULL;
	size_t	 i;

	for (i = 0; i < d->nbands; i++)
		if (score >= d->bands[i].from)
			b = &d->bands[i];
	return b;
}
