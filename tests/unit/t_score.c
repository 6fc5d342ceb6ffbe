/* t_score: the scoring rule of PRODUCT.md, bands, and the answer parser. */
#include <string.h>

#include "em.h"
#include "tap.h"

int
main(void)
{
	struct em_item	 items[4] = {
		{ .text = "a" }, { .text = "b", .reverse = 1 },
		{ .text = "c" }, { .text = "d" }
	};
	struct em_band	 bands[3] = {
		{ 0, "low", "m" }, { 50, "mid", "m" }, { 80, "high", "m" }
	};
	struct em_doc	 d;
	int		 a[4];
	char		 err[160];

	memset(&d, 0, sizeof(d));
	d.id = "t";
	d.min = 1;
	d.max = 5;
	d.items = items;
	d.nitems = 4;
	d.bands = bands;
	d.nbands = 3;

	ok(em_answers_parse(&d, "1,5,1,1", a, err, sizeof(err)) == 0, "commas");
	ok(em_score(&d, a) == 0, "all weakest (the reverse item at its top) is 0");
	ok(em_answers_parse(&d, "5 1\n5\t5", a, err, sizeof(err)) == 0,
	    "spaces, newlines and tabs");
	ok(em_score(&d, a) == 100, "all strongest is 100");
	ok(em_answers_parse(&d, "3,3,3,3", a, err, sizeof(err)) == 0 &&
	    em_score(&d, a) == 50, "the middle is 50");
	/* points 2+3+2+2 = 9 of 16: 56.25 -> 56 */
	ok(em_answers_parse(&d, "3,2,3,3", a, err, sizeof(err)) == 0 &&
	    em_score(&d, a) == 56, "56.25 rounds down to 56");
	/* points 2+2+2+4 = 10 of 16: 62.5 -> 63 */
	ok(em_answers_parse(&d, "3,3,3,5", a, err, sizeof(err)) == 0 &&
	    em_score(&d, a) == 63, "62.5 rounds up to 63");
	/* points 1+0+1+1 = 3 of 16: 18.75 -> 19 */
	ok(em_answers_parse(&d, "2,5,2,2", a, err, sizeof(err)) == 0 &&
	    em_score(&d, a) == 19, "18.75 rounds up to 19");
	ok(em_item_points(&d, 1, 5) == 0 && em_item_points(&d, 1, 1) == 4,
	    "a reverse item counts from the top");
	is_str(em_band_of(&d, 0)->label, "low", "0 is in the first band");
	is_str(em_band_of(&d, 49)->label, "low", "49 is below the second");
	is_str(em_band_of(&d, 50)->label, "mid", "a band starts at its from");
	is_str(em_band_of(&d, 100)->label, "high", "100 is in the last");

	ok(em_answers_parse(&d, "1,2,3", a, err, sizeof(err)) != 0 &&
	    strstr(err, "4 items") != NULL, "too few answers");
	ok(em_answers_parse(&d, "1,2,3,4,5", a, err, sizeof(err)) != 0,
	    "too many answers");
	ok(em_answers_parse(&d, "1,2,3,6", a, err, sizeof(err)) != 0 &&
	    strstr(err, "off the scale") != NULL, "6 is off a 1-5 scale");
	ok(em_answers_parse(&d, "0,2,3,4", a, err, sizeof(err)) != 0,
	    "0 is off a 1-5 scale");
	ok(em_answers_parse(&d, "1,x,3,4", a, err, sizeof(err)) != 0 &&
	    strstr(err, "answer 2") != NULL, "a word is not an answer");
	ok(em_answers_parse(&d, "1,2.5,3,4", a, err, sizeof(err)) != 0,
	    "a fraction is not an answer");
	ok(em_answers_parse(&d, "", a, err, sizeof(err)) != 0, "nothing");
	ok(em_answers_parse(&d, "-1,2,3,4", a, err, sizeof(err)) != 0,
	    "a negative answer");
	ok(em_answers_parse(&d, "99999999999999999999,2,3,4", a, err, sizeof(err))
	    != 0, "a huge answer");
	return done_testing();
}
