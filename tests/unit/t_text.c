/* t_text: UTF-8 checks and the escaping of every output format. */
#include <stdlib.h>

#include "em.h"
#include "tap.h"

static char *
capture(void (*put)(FILE *, const char *), const char *s)
{
	char	*buf = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);

	put(fp, s);
	fclose(fp);
	return buf;
}

static void
check(void (*put)(FILE *, const char *), const char *in, const char *want,
    const char *what)
{
	char	*got = capture(put, in);

	is_str(got, want, "%s", what);
	free(got);
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
	}
	ok(em_tag_valid("work"), "a tag");
	ok(em_tag_valid("late-night_2"), "with - _ and digits");
	ok(!em_tag_valid("two words"), "a space is refused");
	ok(!em_tag_valid(""), "an empty tag is refused");
	ok(!em_tag_valid("#x"), "a # inside is refused");
	return done_testing();
}
