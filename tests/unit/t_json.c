/* t_json: the strict parser behind import. */
#include <string.h>

#include "em.h"
#include "tap.h"

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
	return done_testing();
}
