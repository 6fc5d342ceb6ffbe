/* fuzz_date: any bytes as a date or a week, as typed on the command line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "em.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s = malloc(size + 1), buf[16];
	long	 day, again;

	memcpy(s, data, size);
	s[size] = '\0';
	if (em_date_parse(s, &day) == 0) {
		/* Whatever parses formats back to a date that parses to the same day. */
		em_date_fmt(day, buf);
		if (em_date_parse(buf, &again) != 0 || again != day)
			abort();
	}
	if (em_week_parse(s, &day) == 0) {
		if (em_date_wday(day) != 1)
			abort();	/* a week starts on a Monday */
		em_week_fmt(day, buf);
		if (em_week_parse(buf, &again) != 0 || again != day)
			abort();
	}
	free(s);
	return 0;
}
