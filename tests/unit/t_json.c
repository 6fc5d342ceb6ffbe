/* t_json: the strict parser behind import, and the rules import shares with the commands. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "em_int.h"
#include "tap.h"

/*
 * CPU seconds to parse a line, never closed so that it is refused at its
 * end: n short keys, or one string of n escapes.
 */
static double
parse_cost(size_t n, int onestring)
{
	struct em_jobj	 o;
	char		 err[128], *s;
	size_t		 i, len = 0;
	clock_t		 t0;

	s = malloc(n * 16 + 16);
	s[len++] = '{';
	if (onestring)
		len += (size_t)sprintf(s + len, "\"k\":\"");
	for (i = 0; i < n; i++)
		if (onestring)
			len += (size_t)sprintf(s + len, "\\n");
		else
			len += (size_t)sprintf(s + len, "%s\"k%zu\":\"v\"", i ? "," : "",
			    i);
	t0 = clock();
	em_json_parse(s, len, &o, err, sizeof(err));	/* never ends: refused */
	em_json_free(&o);
	t0 = clock() - t0;
	free(s);
	return (double)t0 / CLOCKS_PER_SEC;
}

static int
parses(const char *s)
{
	struct em_jobj	 o;
	char		 err[128];
	int		 r = em_json_parse(s, strlen(s), &o, err, sizeof(err));

	em_json_free(&o);
	return r == 0;
}

int
main(void)
{
	struct em_jobj	 o;
	const struct em_jval *v;
	char		 err[128];
	const char	*line = "{\"type\":\"checkin\", \"n\": 42, \"f\": 1.5, "
	    "\"b\": true, \"z\": null, \"s\": \"a\\u00e9\\ud83d\\udc9b\\n\"}";

	ok(em_json_parse(line, strlen(line), &o, err, sizeof(err)) == 0,
	    "a flat object parses");
	ok(o.n == 6, "with six keys");
	v = em_json_get(&o, "type");
	is_str(v ? v->str : NULL, "checkin", "strings decode");
	v = em_json_get(&o, "n");
	ok(v && v->type == EM_J_NUM && v->isint && v->num == 42, "integers");
	v = em_json_get(&o, "f");
	ok(v && v->type == EM_J_NUM && !v->isint, "fractions are not integers");
	v = em_json_get(&o, "b");
	ok(v && v->type == EM_J_BOOL && v->num == 1, "true");
	v = em_json_get(&o, "z");
	ok(v && v->type == EM_J_NULL, "null");
	v = em_json_get(&o, "s");
	is_str(v ? v->str : NULL, "a\xc3\xa9\xf0\x9f\x92\x9b\n",
	    "\\u escapes and surrogate pairs decode to UTF-8");
	em_json_free(&o);

	ok(parses("{}"), "an empty object");
	ok(!parses(""), "nothing is refused");
	ok(!parses("[]"), "an array is refused");
	ok(!parses("{\"a\":1,}"), "a trailing comma is refused");
	ok(!parses("{\"a\":1} x"), "text after the object is refused");
	ok(!parses("{\"a\":1,\"a\":2}"), "duplicate keys are refused");
	ok(!parses("{\"a\":{\"b\":1}}"), "nesting is refused");
	ok(!parses("{\"a\":\"\\u0000\"}"), "\\u0000 is refused");
	ok(!parses("{\"a\":\"\\ud800\"}"), "a lone high surrogate is refused");
	ok(!parses("{\"a\":\"\\udc00\"}"), "a lone low surrogate is refused");
	ok(!parses("{\"a\":\"\xff\"}"), "invalid UTF-8 is refused");
	ok(!parses("{\"a\":\"x\ty\"}"), "a raw tab in a string is refused");
	ok(!parses("{\"a\":01}"), "a leading zero is refused");
	ok(!parses("{\"a\":tru}"), "a broken literal is refused");
	ok(!parses("{\"a\":\"x"), "an unterminated string is refused");
	ok(em_json_parse("{\"a\" 1}", 7, &o, err, sizeof(err)) != 0 &&
	    strncmp(err, "column 6:", 9) == 0, "errors name the column");

	/* At most EM_JSON_MAXKEYS keys, and in time linear in the line. */
	{
		char	 big[EM_JSON_MAXKEYS * 12 + 8];
		size_t	 i, len = 0;
		double	 t1, t4;

		big[len++] = '{';
		for (i = 0; i <= EM_JSON_MAXKEYS; i++)
			len += (size_t)sprintf(big + len, "%s\"k%zu\":1", i ? "," : "", i);
		big[len++] = '}';
		ok(em_json_parse(big, len, &o, err, sizeof(err)) != 0 &&
		    strstr(err, "more than 32 keys") != NULL, "a 33rd key is refused: %s", err);
		t1 = parse_cost(20000, 0) + parse_cost(20000, 0);
		t4 = parse_cost(80000, 0) + parse_cost(80000, 0);
		ok(t4 < 8 * t1 + 0.02, "a line of 4n keys costs at most about 4 times "
		    "n keys (%.4f s against %.4f s)", t4, t1);
		t1 = parse_cost(100000, 1) + parse_cost(100000, 1);
		t4 = parse_cost(400000, 1) + parse_cost(400000, 1);
		ok(t4 < 8 * t1 + 0.02, "a string of 4n escapes costs about 4 times n "
		    "(%.4f s against %.4f s)", t4, t1);
	}

	/* Quotes in messages are cut on a character boundary. */
	{
		char	 dup[256];
		size_t	 i, len = 0;

		for (i = 0; i < 2; i++) {
			len += (size_t)sprintf(dup + len, "%s", i ? ",\"x" : "{\"x");
			for (int k = 0; k < 40; k++)
				len += (size_t)sprintf(dup + len, "\xc3\xa9");
			len += (size_t)sprintf(dup + len, "\":1");
		}
		dup[len++] = '}';
		em_json_parse(dup, len, &o, err, sizeof(err));
	}
	ok(strstr(err, "duplicate key") != NULL && em_utf8_valid(err, strlen(err)),
	    "a long duplicate key is quoted cut, as valid UTF-8: %s", err);
	{
		char	 cut[8];

		em_cut(cut, sizeof(cut), "ab\xc3\xa9\xc3\xa9xyz");
		is_str(cut, "ab\xc3\xa9...", "em_cut backs off a split character");
		em_cut(cut, sizeof(cut), "short");
		is_str(cut, "short", "em_cut leaves what fits");
	}

	/* The rules shared by the commands and import. */
	{
		char	*t, w[48], word[] = "Happy\xc3\x84";
		int	 why;

		ok(em_tags_canon("Work work zeta alpha #Zeta", &t, &why, w, sizeof(w)) == 0,
		    "tags are made canonical");
		is_str(t, "alpha work zeta", "lower case, no '#', once each, sorted");
		free(t);
		ok(em_tags_canon("", &t, &why, w, sizeof(w)) == 0 && *t == '\0',
		    "no tags stay none");
		free(t);
		ok(em_tags_canon("a  b", &t, &why, w, sizeof(w)) != 0 && t == NULL &&
		    why == EM_TAG_BAD, "two spaces in a row are refused");
		ok(em_tags_canon("a b ", &t, &why, w, sizeof(w)) != 0, "a space at the end");
		ok(em_tags_canon("ok no,comma", &t, &why, w, sizeof(w)) != 0 &&
		    strcmp(w, "no,comma") == 0, "a word that is not a tag is named");
		ok(em_tags_canon("thirty-three-bytes-long-tag-xxxxx", &t, &why, w,
		    sizeof(w)) != 0, "a tag over 32 bytes");
		{
			char	 many[65 * 4 + 1];
			size_t	 i, len = 0;

			for (i = 0; i < 65; i++)
				len += (size_t)sprintf(many + len, "%st%zu", i ? " " : "", i);
			ok(em_tags_canon(many, &t, &why, w, sizeof(w)) != 0 &&
			    why == EM_TAG_MANY, "65 tags are too many");
		}
		em_word_lower(word);
		is_str(word, "happy\xc3\x84", "em_word_lower lowers ASCII letters");
		ok(em_feeling_valid("tired") && !em_feeling_valid("") &&
		    !em_feeling_valid("a\nb") &&
		    !em_feeling_valid("forty-one-bytes-are-too-many-for-a-feeling"),
		    "em_feeling_valid");
		ok(em_id_valid("0123456789abcdef") && !em_id_valid("0123456789ABCDEF") &&
		    !em_id_valid("0123456789abcde") && !em_id_valid("imp00000001") &&
		    !em_id_valid("0123456789abcdef0"), "em_id_valid: 16 lower-case hex digits");
	}
	return done_testing();
}
