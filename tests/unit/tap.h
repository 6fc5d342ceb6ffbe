/* tap.h: the smallest TAP producer, for the lib/ unit tests. */
#ifndef TAP_H
#define TAP_H

#include <stdio.h>
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

#define done_testing() (printf("1..%d\n", tap_n), tap_failed != 0)

#endif
