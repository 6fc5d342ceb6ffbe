/* tap.h: the smallest TAP producer, for the lib/ unit tests. */
#ifndef TAP_H
#define TAP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed;

#define ok(cond, ...) do {						\
	int c_ = (cond) ? 1 : 0;					\
	printf("%sok %d - ", c_ ? "" : "not ", ++tap_n);		\
	printf(__VA_ARGS__);						\
	putchar('\n');							\
	if (!c_) {							\
		tap_failed++;						\
		printf("#   at %s:%d: %s\n", __FILE__, __LINE__, #cond);	\
	}								\
} while (0)

#define is_str(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	ok(g_ != NULL && strcmp(g_, w_) == 0, __VA_ARGS__);		\
	if (g_ == NULL || strcmp(g_, w_) != 0)				\
		printf("#   got '%s', wanted '%s'\n", g_ ? g_ : "(null)", w_); \
} while (0)

/* What a writer puts out for s, as a string the caller frees. */
static inline char *
capture(void (*put)(FILE *, const char *), const char *s)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);

	put(fp, s);
	fclose(fp);
	return buf;
}

/* A writer puts out want for in. */
static inline void
check(void (*put)(FILE *, const char *), const char *in, const char *want,
    const char *what)
{
	char	*got = capture(put, in);

	is_str(got, want, "%s", what);
	free(got);
}

#define done_testing() (printf("1..%d\n", tap_n), tap_failed != 0)

#endif
