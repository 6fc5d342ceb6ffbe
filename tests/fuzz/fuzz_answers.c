/* fuzz_answers: any bytes as the answers to an instrument whose shape the first bytes choose. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "em.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct em_item	 items[16];
	struct em_band	 bands[1] = { { 0, "all", "m" } };
	struct em_doc	 d;
	int		 a[16], score;
	char		*s, err[160];
	size_t		 i;

	if (size < 3)
		return 0;
	memset(&d, 0, sizeof(d));
	memset(items, 0, sizeof(items));
	d.id = "fuzz";
	d.nitems = data[0] % 16 + 1;
	d.min = data[1] % 5;
	d.max = d.min + data[2] % 9 + 1;
	for (i = 0; i < d.nitems; i++) {
		items[i].text = "item";
		items[i].reverse = (data[0] >> 4) & (1 << (i % 4)) ? 1 : 0;
	}
	d.items = items;
	d.bands = bands;
	d.nbands = 1;
	s = malloc(size - 2);
	memcpy(s, data + 3, size - 3);
	s[size - 3] = '\0';
	if (em_answers_parse(&d, s, a, err, sizeof(err)) == 0) {
		for (i = 0; i < d.nitems; i++)
			if (a[i] < d.min || a[i] > d.max)
				abort();	/* parsed answers are on the scale */
		score = em_score(&d, a);
		if (score < 0 || score > 100 || em_band_of(&d, score) == NULL)
			abort();
	}
	free(s);
	return 0;
}
