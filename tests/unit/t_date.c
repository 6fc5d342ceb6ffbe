/* t_date: dates and weeks as people type them. */
#include "em.h"
#include "tap.h"

int
main(void)
{
	char	 buf[11];
	long	 d, e;

	ok(em_date_parse("1970-01-01", &d) == 0 && d == 0, "epoch is day 0");
	ok(em_date_parse("2026-11-26", &d) == 0, "a plain date parses");
	em_date_fmt(d, buf);
	is_str(buf, "2026-11-26", "and formats back");
	ok(em_date_wday(d) == 4, "2026-11-26 is a Thursday");
	ok(em_date_parse("2024-02-29", &d) == 0, "leap day in a leap year");
	ok(em_date_parse("2026-02-29", &d) != 0, "no leap day in 2026");
	ok(em_date_parse("2026-02-30", &d) != 0, "February 30 is refused");
	ok(em_date_parse("1900-02-29", &d) != 0, "1900 was not a leap year");
	ok(em_date_parse("2000-02-29", &d) == 0, "2000 was");
	ok(em_date_parse("2026-13-01", &d) != 0, "month 13 is refused");
	ok(em_date_parse("2026-00-10", &d) != 0, "month 0 is refused");
	ok(em_date_parse("10000-01-01", &d) != 0, "year 10000 is refused");
	ok(em_date_parse("0000-01-01", &d) != 0, "year 0 is refused");
	ok(em_date_parse("2026-1-01", &d) != 0, "one-digit month is refused");
	ok(em_date_parse("tomorrowish", &d) != 0, "words are refused");
	ok(em_date_parse("", &d) != 0, "empty is refused");
	ok(em_date_parse("2026-11-26x", &d) != 0, "trailing text is refused");
	ok(em_date_parse("today", &d) == 0 && d == em_date_today(), "today");
	ok(em_date_parse("yesterday", &d) == 0 && d == em_date_today() - 1,
	    "yesterday");
	ok(em_date_parse("-7", &d) == 0 && d == em_date_today() - 7, "-7");
	ok(em_date_parse("-7x", &d) != 0, "-7x is refused");
	ok(em_date_parse("-99999999999", &d) != 0, "a huge -N is refused");
	ok(em_date_parse("-2260202", &d) != 0, "-N before the year 1 is refused");
	ok(em_date_parse("-739000", &d) == 0, "-N in the year 1 or later is fine");
	ok(em_week_parse("2026-W48", &d) == 0, "a week parses");
	em_date_fmt(d, buf);
	is_str(buf, "2026-11-23", "2026-W48 starts on Monday 23 November");
	ok(em_week_parse("2026-W01", &d) == 0, "week 1 of 2026");
	em_date_fmt(d, buf);
	is_str(buf, "2025-12-29", "starts in December 2025");
	ok(em_week_parse("2020-W53", &d) == 0, "2020 had 53 weeks");
	ok(em_week_parse("2026-W53", &d) == 0, "2026 has 53 weeks");
	ok(em_week_parse("2025-W53", &d) != 0, "2025 had 52 weeks");
	ok(em_week_parse("2026-W00", &d) != 0, "week 0 is refused");
	ok(em_week_parse("2026-48", &d) != 0, "a week needs its W");
	ok(em_date_parse("2026-12-31", &d) == 0 && em_date_parse("2027-01-01", &e)
	    == 0 && e == d + 1, "days are consecutive across a year");
	ok(em_week_parse("2026-W48", &d) == 0, "2026-W48 again");
	{
		char w[16];
		em_week_fmt(d, w);
		is_str(w, "2026-W48", "a Monday's week formats back");
		em_date_parse("2025-12-29", &d);
		em_week_fmt(d, w);
		is_str(w, "2026-W01", "29 December 2025 is in week 1 of 2026");
		em_date_parse("2021-01-04", &d);
		em_week_fmt(d, w);
		is_str(w, "2021-W01", "4 January 2021 starts week 1");
		em_date_parse("2020-12-28", &d);
		em_week_fmt(d, w);
		is_str(w, "2020-W53", "28 December 2020 is in week 53");
	}
	return done_testing();
}
