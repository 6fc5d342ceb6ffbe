/* t_text: UTF-8 checks and the escaping of every output format. */
#include <stdlib.h>
#include <time.h>

#include "em_int.h"
#include "tap.h"

/*
 * CPU seconds em_wrap takes reps times over n bytes of short words: the
 * best of five, after one to warm up.
 */
static double
wrap_time(size_t n, int reps)
{
	char	*s = malloc(n + 1), **v;
	size_t	 i, nl;
	double	 best = 1e9, t;
	struct timespec a, b;
	int	 r, k;

	for (i = 0; i < n; i++)
		s[i] = i % 5 == 4 ? ' ' : 'a' + (char)(i % 5);
	s[n] = '\0';
	for (r = 0; r < 6; r++) {
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
		for (k = 0; k < reps; k++) {
			em_wrap(s, 20, &v, &nl);
			em_strv_free(v, nl);
		}
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
		t = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
		if (r > 0 && t < best)
			best = t;
	}
	free(s);
	return best;
}

/* Every line of a wrap fits width columns, and joined they give back s. */
static int
wrap_fits(const char *s, size_t width, size_t want_lines)
{
	char	**v;
	size_t	  n, i, len = 0;
	int	  good = 1;

	em_wrap(s, width, &v, &n);
	for (i = 0; i < n; i++) {
		if (em_text_width(v[i]) > width || !em_utf8_valid(v[i], strlen(v[i])))
			good = 0;
		if (strncmp(s + len, v[i], strlen(v[i])) != 0)
			good = 0;
		len += strlen(v[i]);
	}
	if (len != strlen(s) || n != want_lines)
		good = 0;
	em_strv_free(v, n);
	return good;
}

int
main(void)
{
	char	 s[32];

	ok(em_utf8_valid("plain", 5), "ASCII is UTF-8");
	ok(em_utf8_valid("caf\xc3\xa9", 5), "two-byte sequences");
	ok(em_utf8_valid("\xe2\x80\x99", 3), "three-byte sequences");
	ok(em_utf8_valid("\xf0\x9f\x92\x9b", 4), "four-byte sequences");
	ok(!em_utf8_valid("\xc3", 1), "a cut sequence is refused");
	ok(!em_utf8_valid("\xc0\xaf", 2), "an overlong is refused");
	ok(!em_utf8_valid("\xed\xa0\x80", 3), "a surrogate is refused");
	ok(!em_utf8_valid("\xf4\x90\x80\x80", 4), "past U+10FFFF is refused");
	ok(!em_utf8_valid("\xff", 1), "0xff is refused");
	ok(em_name_valid("sara"), "a name");
	ok(!em_name_valid(""), "an empty name is refused");
	ok(!em_name_valid("-u"), "a name like an option is refused");
	ok(!em_name_valid("a\tb"), "a name with a tab is refused");
	snprintf(s, sizeof(s), "  both ends \n");
	em_text_trim(s);
	is_str(s, "both ends", "trim cuts white space at both ends");
	ok(em_text_width("caf\xc3\xa9") == 4, "width counts code points");

	/* Terminal columns, whatever the locale (the tests run with LC_ALL=C). */
	ok(em_text_width("\xe6\x97\xa5\xe6\x9c\xac") == 4, "CJK ideographs take two "
	    "columns each");
	ok(em_text_width("\xed\x95\x9c\xea\xb5\xad") == 4, "so do Hangul syllables");
	ok(em_text_width("\xef\xbc\xa1\xef\xbc\xa2") == 4, "and fullwidth forms");
	ok(em_text_width("\xf0\x9f\x92\x9b") == 2, "and an emoji");
	ok(em_text_width("\xe3\x81\x8b\xe3\x82\x99") == 2, "a kana with a combining "
	    "voicing mark takes two");
	ok(em_text_width("e\xcc\x81") == 1, "a combining accent takes none");
	ok(em_text_width("a\xe2\x80\x8b" "b") == 2, "a zero-width space takes none");
	ok(em_text_width("a\xe2\x80\xae" "b") == 2, "a bidi override takes none");
	ok(em_text_width("a\x1b" "b") == 4, "ESC takes two, as ^[");
	ok(em_text_width("a\xc2\x9b" "b") == 3, "a C1 control takes one, as U+FFFD");
	ok(em_text_width("a\xff\xfe" "b") == 4, "each bad byte takes one, as U+FFFD");
	ok(em_text_width("\xe2\x80\xa6") == 1, "an ellipsis takes one");

	check(em_put_tsv, "a\tb\nc\\d\re", "a\\tb\\nc\\\\d\\re", "tsv escapes");
	check(em_put_json, "q\"b\\n\n\x01", "\"q\\\"b\\\\n\\n\\u0001\"",
	    "json escapes");
	check(em_put_text, "ok\x1b]0;x\x07", "ok^[]0;x^G", "text shows controls in "
	    "caret notation");
	check(em_put_text, "a\xc2\x9b" "b", "a\xef\xbf\xbd" "b", "a C1 control "
	    "becomes U+FFFD");
	check(em_put_text, "line\n\ttab", "line\n\ttab", "newline and tab pass");
	{
		char	**v;
		size_t	  n;

		em_wrap("one two three four five six seven", 10, &v, &n);
		ok(n == 4, "wrapping at 10 columns gives four lines");
		is_str(n > 0 ? v[0] : NULL, "one two", "breaking at a space");
		is_str(n > 3 ? v[3] : NULL, "seven", "the last word alone");
		em_strv_free(v, n);
		em_wrap("abcdefghijklmnopqrstuvwxyz", 10, &v, &n);
		ok(n == 3, "a long word is cut");
		is_str(n > 0 ? v[0] : NULL, "abcdefghij", "at the width");
		em_strv_free(v, n);
		em_wrap("caf\xc3\xa9 caf\xc3\xa9 caf\xc3\xa9", 9, &v, &n);
		ok(n == 2, "widths count code points, not bytes");
		em_strv_free(v, n);
		em_wrap("first\n\nthird", 40, &v, &n);
		ok(n == 3 && *v[1] == '\0', "the text's own line breaks stay");
		em_strv_free(v, n);

		/* Nine ideographs, eighteen columns, no space to break at. */
		em_wrap("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5\xe6\x9c\xac"
		    "\xe8\xaa\x9e\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 8, &v, &n);
		ok(n == 3, "CJK wraps by columns: 18 at 8 a line is three lines");
		is_str(n > 0 ? v[0] : NULL, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"
		    "\xe6\x97\xa5", "four ideographs fill eight columns");
		em_strv_free(v, n);
		em_wrap("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5\xe6\x9c\xac",
		    9, &v, &n);
		ok(n == 2 && em_text_width(v[0]) == 8, "a wide character that would "
		    "straddle the edge goes to the next line");
		em_strv_free(v, n);
		ok(wrap_fits("abcdefgh\xcc\x81ij", 8, 2), "a combining mark stays "
		    "with its letter at the edge");
		ok(wrap_fits("\xf0\x9f\x92\x9b\xf0\x9f\x92\x9b\xf0\x9f\x92\x9b"
		    "\xf0\x9f\x92\x9b\xf0\x9f\x92\x9b", 9, 2), "emoji are never split");
		ok(wrap_fits("\x1b\x1b\x1b\x1b\x1b", 8, 2), "controls count the "
		    "columns of their caret notation");
		em_wrap("eight ch  \nnext", 8, &v, &n);
		ok(n == 2, "spaces at a break make no empty line");
		em_strv_free(v, n);
	}
	{
		/*
		 * The same bytes in all: 32 texts of 8 KiB, or one of 256 KiB.
		 * Quadratic work would take 32 times as long for the long one;
		 * linear takes a few times as long (the cache holds less of it).
		 */
		double	 t1 = wrap_time(8 * 1024, 32), t32 = wrap_time(256 * 1024, 1);

		ok(t32 < 12 * t1 + 0.001, "wrapping is linear: a text 32 times as long "
		    "takes %.1f times as long as 32 short ones", t1 > 0 ? t32 / t1 : 0.0);
	}
	ok(em_tag_valid("work"), "a tag");
	ok(em_tag_valid("late-night_2"), "with - _ and digits");
	ok(!em_tag_valid("two words"), "a space is refused");
	ok(!em_tag_valid(""), "an empty tag is refused");
	ok(!em_tag_valid("#x"), "a # inside is refused");
	return done_testing();
}
