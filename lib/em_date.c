/* em_date.c: calendar days as whole numbers, parsed from what people type. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "em_int.h"

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long	 era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long	 era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

static unsigned
month_days(long y, unsigned m)
{
	static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return mdays[m - 1];
}

/* Exactly n digits at s, as a number; -1 otherwise. */
static long
digits(const char *s, int n)
{
	long	 v = 0;
	int	 i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

long
em_date_today(void)
{
	time_t	 now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return days_from_civil(tm.tm_year + 1900L, (unsigned)tm.tm_mon + 1,
	    (unsigned)tm.tm_mday);
}

/* YYYY-MM-DD, today, yesterday or -N; 0 on success, -1 if not a date. */
int
em_date_parse(const char *s, long *day)
{
	long	 y, m, d, n;
	char	*end;

	if (strcmp(s, "today") == 0) {
		*day = em_date_today();
		return 0;
	}
	if (strcmp(s, "yesterday") == 0) {
		*day = em_date_today() - 1;
		return 0;
	}
	if (s[0] == '-' && isdigit((unsigned char)s[1])) {
		errno = 0;
		n = strtol(s + 1, &end, 10);
		/* Not before 0001-01-01, the first day a date can be written for. */
		if (*end != '\0' || errno != 0 ||
		    n > em_date_today() - days_from_civil(1, 1, 1))
			return -1;
		*day = em_date_today() - n;
		return 0;
	}
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > (long)month_days(y, (unsigned)m))
		return -1;
	*day = days_from_civil(y, (unsigned)m, (unsigned)d);
	return 0;
}

/* 1 for Monday through 7 for Sunday. */
int
em_date_wday(long day)
{
	long	 w = (day + 3) % 7;	/* 1970-01-01 was a Thursday */

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

/* The ISO week YYYY-Www as the day of its Monday. */
int
em_week_parse(const char *s, long *monday)
{
	long	 y, w, jan4, week1;

	if (strlen(s) != 8 || s[4] != '-' || (s[5] != 'W' && s[5] != 'w'))
		return -1;
	y = digits(s, 4);
	w = digits(s + 6, 2);
	if (y < 1 || y > 9998 || w < 1 || w > 53)
		return -1;
	jan4 = days_from_civil(y, 1, 4);
	week1 = jan4 - (em_date_wday(jan4) - 1);
	if (w == 53) {
		/* Only years whose next week 1 starts 53 weeks on have one. */
		long next4 = days_from_civil(y + 1, 1, 4);
		if (next4 - (em_date_wday(next4) - 1) - week1 < 53 * 7)
			return -1;
	}
	*monday = week1 + (w - 1) * 7;
	return 0;
}

void
em_date_fmt(long day, char buf[11])
{
	long	 y;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	snprintf(buf, 11, "%04d-%02d-%02d", (int)y, (int)(m % 13), (int)(d % 32));
}

/* A date given to an option, or a usage error naming the option. */
int
em_opt_date(struct em_ctx *ctx, const char *opt, const char *arg, long *day)
{
	if (em_date_parse(arg, day) != 0)
		return em_fail(ctx, EM_EX_USAGE, "%s: '%s' is not a date "
		    "(YYYY-MM-DD, today, yesterday or -N)", opt, arg);
	return 0;
}

/* A day given to an option for something done: today or before. */
int
em_opt_past_date(struct em_ctx *ctx, const char *opt, const char *arg,
    long *day)
{
	int	 ex;

	if ((ex = em_opt_date(ctx, opt, arg, day)) != 0)
		return ex;
	if (*day > em_date_today())
		return em_fail(ctx, EM_EX_USAGE, "%s: that day has not come yet", opt);
	return 0;
}

/* The ISO week a Monday falls in, as YYYY-Www. */
void
em_week_fmt(long monday, char buf[16])
{
	long	 thursday = monday + 3, y, jan4, week1;
	unsigned m, d;

	civil_from_days(thursday, &y, &m, &d);
	jan4 = days_from_civil(y, 1, 4);
	week1 = jan4 - (em_date_wday(jan4) - 1);
	snprintf(buf, 16, "%04d-W%02d", (int)(y % 10000),
	    (int)(((thursday - week1) / 7 + 1) % 100));
}

/* A count given to an option: a whole number from 1 to a billion. */
int
em_opt_count(struct em_ctx *ctx, const char *opt, const char *arg, long *n)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (!isdigit((unsigned char)*arg) || *end != '\0' || errno != 0 || v < 1 ||
	    v > 1000000000L)
		return em_fail(ctx, EM_EX_USAGE, "%s: '%s' is not a count (a whole "
		    "number from 1)", opt, arg);
	*n = v;
	return 0;
}
