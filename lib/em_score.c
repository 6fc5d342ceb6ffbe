/* em_score.c: answers to an instrument, its score (the rule in empathy-assess(1)) and band. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

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

/*
 * How near a guess came on one item, as a share of the scale in whole
 * percent: 1 - |guess - own| / (max - min), halves up.
 */
int
em_item_accuracy(const struct em_doc *d, int guess, int own)
{
	int	 range = d->max - d->min, near;

	near = range - abs(guess - own);
	return (200 * near + range) / (2 * range);
}

/*
 * A guess at a partner's answers beside their own: the mean of the items'
 * shares over the items that count (not guess: false), in whole percent
 * (halves up, in integers as em_score), and the items furthest apart
 * (ties to the earlier item), to ask about.
 */
void
em_accuracy(const struct em_doc *d, const int *guess, const int *own,
    struct em_acc *acc)
{
	long	 near = 0, den;
	size_t	 i, j, k;
	int	 apart;

	memset(acc, 0, sizeof(*acc));
	for (i = 0; i < d->nitems; i++) {
		if (d->items[i].noguess)
			continue;
		acc->counted++;
		apart = abs(guess[i] - own[i]);
		near += d->max - d->min - apart;
		if (apart == 0)
			continue;
		for (j = 0; j < acc->nask; j++)
			if (apart > abs(guess[acc->ask[j]] - own[acc->ask[j]]))
				break;
		if (j == EM_ACC_ASK)
			continue;
		for (k = acc->nask < EM_ACC_ASK ? acc->nask++ : EM_ACC_ASK - 1; k > j; k--)
			acc->ask[k] = acc->ask[k - 1];
		acc->ask[j] = i;
	}
	den = (long)acc->counted * (d->max - d->min);
	acc->percent = den > 0 ? (int)((200 * near + den) / (2 * den)) : -1;
}
