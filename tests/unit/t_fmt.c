/* t_fmt: the safe writer for terminals, table cells, and the tsv and JSON escapers. */
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "em_int.h"
#include "tap.h"

#define FFFD	"\xef\xbf\xbd"
#define LRE	"\xe2\x80\xaa"
#define RLE	"\xe2\x80\xab"
#define PDF	"\xe2\x80\xac"
#define RLO	"\xe2\x80\xae"
#define LRI	"\xe2\x81\xa6"
#define RLI	"\xe2\x81\xa7"
#define PDI	"\xe2\x81\xa9"
#define RLM	"\xe2\x80\x8f"
#define ELLIPSIS "\xe2\x80\xa6"
#define NI	"\xe6\x97\xa5"	/* a CJK ideograph: two columns */

static const char *cell_s;
static size_t cell_w;
static int cell_right;

static void
put_cell(FILE *fp, const char *s)
{
	em_put_cell(fp, s, cell_w, cell_right);
}

static void
cell(const char *s, size_t width, int right, const char *want, const char *what)
{
	char	*got;

	cell_s = s;
	cell_w = width;
	cell_right = right;
	got = capture(put_cell, cell_s);
	is_str(got, want, "%s", what);
	ok(em_text_width(got) == width, "  and takes exactly %zu columns", width);
	free(got);
}

/* No byte of the output is ESC, BEL or a raw C1 control. */
static int
inert(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p == 0x1b || *p == 0x07 || (p[0] == 0xc2 && p[1] >= 0x80 &&
		    p[1] <= 0x9f))
			return 0;
	return 1;
}

/*
 * CPU seconds to write a cell of width 12 from n bytes: the best of five,
 * after one to warm up.
 */
static double
cell_time(size_t n)
{
	char	*s = malloc(n + 1), *out = NULL;
	size_t	 i, len;
	double	 best = 1e9, t;
	struct timespec a, b;
	FILE	*fp;
	int	 r;

	for (i = 0; i + 3 <= n; i += 3)
		memcpy(s + i, NI, 3);
	s[i] = '\0';
	for (r = 0; r < 6; r++) {
		fp = open_memstream(&out, &len);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
		em_put_cell(fp, s, 12, 0);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
		fclose(fp);
		free(out);
		t = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
		if (r > 0 && t < best)
			best = t;
	}
	free(s);
	return best;
}

/* What em_emit_head and em_emit write to stdout for one record, as a string. */
static char *
out_rec(enum em_fmt fmt, const struct em_col *cols, const struct em_val *v)
{
	struct em_ctx	 ctx;
	char		*buf;
	size_t		 len;
	FILE		*fp = tmpfile();
	int		 saved, r;

	memset(&ctx, 0, sizeof(ctx));
	ctx.fmt = fmt;
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	dup2(fileno(fp), STDOUT_FILENO);
	em_emit_head(&ctx, cols);
	r = em_emit(&ctx, cols, v);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	len = (size_t)ftell(fp);
	buf = calloc(1, len + 3);
	rewind(fp);
	if (fread(buf, 1, len, fp) != len)
		buf[0] = '\0';
	if (r == 1)
		strcat(buf, "=1");	/* text: the caller shows it */
	fclose(fp);
	return buf;
}

/* What a diagnostic function writes to stderr, as a string. */
static char *
err_of(void (*say)(struct em_ctx *, const char *))
{
	struct em_ctx	 ctx;
	char		*buf;
	size_t		 len;
	FILE		*fp = tmpfile();
	int		 saved;

	memset(&ctx, 0, sizeof(ctx));
	ctx.prog = "t_fmt";
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	dup2(fileno(fp), STDERR_FILENO);
	say(&ctx, "key '\x1b]52;c;aGk=\x07' and \xc2\x9b" RLO "x");
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	len = (size_t)ftell(fp);
	buf = calloc(1, len + 1);
	rewind(fp);
	if (fread(buf, 1, len, fp) != len)
		buf[0] = '\0';
	fclose(fp);
	return buf;
}

static void
say_warn(struct em_ctx *ctx, const char *s)
{
	em_warn(ctx, "%s", s);
}

static void
say_note(struct em_ctx *ctx, const char *s)
{
	em_note(ctx, "%s", s);
}

static void
say_fail(struct em_ctx *ctx, const char *s)
{
	em_fail(ctx, EM_EX_DATAERR, "%s", s);
}

static void
say_report(struct em_ctx *ctx, const char *s)
{
	em_report(ctx, em_err(ctx, EM_EX_DATAERR, "%s", s));
}

/* A small generator of its own, so that every run tries the same bytes. */
static unsigned
rnd(void)
{
	static unsigned long x = 88172645463325252UL;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return (unsigned)(x >> 16);
}

int
main(void)
{
	char	*got;

	/* em_put_text: C0, DEL and escape sequences. */
	check(em_put_text, "ok\x1b]52;c;aGk=\x07", "ok^[]52;c;aGk=^G",
	    "an OSC 52 clipboard write is shown, not obeyed");
	check(em_put_text, "\x1b[2J\x1b[31mred", "^[[2J^[[31mred", "so is a CSI");
	check(em_put_text, "a\rb\x7f", "a^Mb^?", "carriage return and DEL");
	check(em_put_text, "line\n\ttab", "line\n\ttab", "newline and tab pass");

	/* C1 controls. */
	check(em_put_text, "a\xc2\x9b" "2Jb", "a" FFFD "2Jb", "a C1 CSI becomes U+FFFD");
	check(em_put_text, "\xc2\x9d" "52;c;x\xc2\x9c", FFFD "52;c;x" FFFD,
	    "so do a C1 OSC and its ST");
	check(em_put_text, "\xc2\xa0\xc2\xa9", "\xc2\xa0\xc2\xa9", "U+00A0 and U+00A9 pass");

	/* Invalid UTF-8: each bad byte one U+FFFD, never raw. */
	check(em_put_text, "a\xff" "b", "a" FFFD "b", "a byte that is never UTF-8");
	check(em_put_text, "a\xe6\x97", "a" FFFD FFFD, "a sequence cut at the end");
	check(em_put_text, "\xe6\x97" "b", FFFD FFFD "b", "a sequence cut short");
	check(em_put_text, "\xc0\xaf", FFFD FFFD, "an overlong");
	check(em_put_text, "\xed\xa0\x80", FFFD FFFD FFFD, "a surrogate");
	check(em_put_text, "\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD, "past U+10FFFF");
	check(em_put_text, "\x80", FFFD, "a lone continuation byte");
	check(em_put_text, "caf\xc3\xa9 " NI " \xf0\x9f\x92\x9b",
	    "caf\xc3\xa9 " NI " \xf0\x9f\x92\x9b", "valid UTF-8 passes");

	/* Bidirectional controls never reach past the string. */
	check(em_put_text, "a" RLO "b", "a" RLO "b" PDF, "an open override is closed");
	check(em_put_text, "a" RLI "b", "a" RLI "b" PDI, "an open isolate is closed");
	check(em_put_text, RLE LRI "x", RLE LRI "x" PDI PDF, "a nest is closed "
	    "innermost first");
	check(em_put_text, RLO "x" PDF "y", RLO "x" PDF "y", "a closed override "
	    "is left alone");
	check(em_put_text, LRI "x" PDI "y", LRI "x" PDI "y", "so is a closed isolate");
	check(em_put_text, "x" PDF PDI "y", "xy", "a PDF or PDI that closes nothing "
	    "of the string's own is dropped");
	check(em_put_text, RLI LRE "x" PDI "y", RLI LRE "x" PDI "y", "a PDI closes "
	    "the embeddings inside its isolate");
	check(em_put_text, LRI "x" PDF "y", LRI "xy" PDI, "a PDF cannot close an isolate");
	check(em_put_text, RLO "a\nb", RLO "a" PDF "\nb", "a newline closes what "
	    "is open");
	check(em_put_text, "a" RLM "b", "a" RLM "b", "a right-to-left mark passes");
	{
		char	 deep[200] = "";
		int	 i;

		for (i = 0; i < 40; i++)
			strcat(deep, RLO);
		got = capture(em_put_text, deep);
		for (i = 0; i < 32; i++)
			if (strncmp(got + 3 * i, RLO, 3) != 0 ||
			    strncmp(got + 3 * (32 + i), PDF, 3) != 0)
				break;
		ok(i == 32 && strlen(got) == 3 * 64, "past 32 levels an opener is "
		    "dropped, and every one kept is closed");
		free(got);
	}

	/* A diagnostic quotes mid-sentence: bidi controls are shown, not kept. */
	check(em_put_msg, "unknown key \"a" RLO "b\" in", "unknown key \"a" FFFD
	    "b\" in", "a message shows an override as U+FFFD");
	check(em_put_msg, "'" LRI "x' and " PDF, "'" FFFD "x' and " FFFD, "and "
	    "isolates and closers");
	check(em_put_msg, "'\x1b]52;c;x\x07' \xc2\x9b\xff", "'^[]52;c;x^G' " FFFD
	    FFFD, "and the rest as em_put_text does");

	/* Every way a diagnostic reaches stderr goes through em_put_msg. */
	got = err_of(say_warn);
	is_str(got, "t_fmt: warning: key '^[]52;c;aGk=^G' and " FFFD FFFD "x\n",
	    "em_warn writes inertly");
	free(got);
	got = err_of(say_note);
	is_str(got, "t_fmt: key '^[]52;c;aGk=^G' and " FFFD FFFD "x\n",
	    "so does em_note");
	free(got);
	got = err_of(say_fail);
	is_str(got, "t_fmt: key '^[]52;c;aGk=^G' and " FFFD FFFD "x\n",
	    "so does em_fail");
	free(got);
	got = err_of(say_report);
	is_str(got, "t_fmt: key '^[]52;c;aGk=^G' and " FFFD FFFD "x\n",
	    "so does em_report");
	free(got);

	/* em_put_cell: padded and cut by display width. */
	cell("sara", 6, 0, "sara  ", "a cell is padded on the right");
	cell("sara", 6, 1, "  sara", "or on the left");
	cell("sara", 4, 0, "sara", "text as wide as the cell is not cut");
	cell("Alexandra", 6, 0, "Alexa" ELLIPSIS, "longer text is cut, with an "
	    "ellipsis");
	cell(NI NI NI, 6, 0, NI NI NI, "three ideographs fill six columns");
	cell(NI NI NI, 5, 0, NI NI ELLIPSIS, "cut to five: two ideographs and the "
	    "ellipsis");
	cell(NI NI NI, 4, 0, NI ELLIPSIS " ", "cut to four: half an ideograph "
	    "is never shown; a space pads");
	cell(NI NI NI, 4, 1, " " NI ELLIPSIS, "the same on the right");
	cell("e\xcc\x81t\xc3\xa9", 5, 0, "e\xcc\x81t\xc3\xa9  ", "a combining accent "
	    "takes no column");
	cell("abcde\xcc\x81" "fg", 6, 0, "abcde\xcc\x81" ELLIPSIS, "and stays with its "
	    "letter at a cut");
	cell("a\xc2\x9b" "b", 5, 0, "a" FFFD "b  ", "a C1 control in a name is shown "
	    "as U+FFFD");
	cell("a\x1b]0;x\x07", 10, 0, "a^[]0;x^G ", "escapes in a cell in caret "
	    "notation, counted as such");
	cell("a\nb\tc", 8, 0, "a^Jb^Ic ", "a cell stays on one line");
	cell("a\xff" "b", 4, 0, "a" FFFD "b ", "a bad byte is one column of U+FFFD");
	cell(RLO "abcdef", 4, 0, RLO "abc" PDF ELLIPSIS, "an override in a cut cell "
	    "is closed before the ellipsis");
	cell("", 3, 0, "   ", "an empty cell is all spaces");
	cell("abc", 1, 0, ELLIPSIS, "a cell one column wide");
	cell_w = 0;
	got = capture(put_cell, "abc");
	is_str(got, "", "a cell no columns wide is nothing");
	free(got);
	{
		double	 t1 = cell_time(32 * 1024), t8 = cell_time(256 * 1024);

		ok(t8 < 24 * t1 + 0.002, "a cell is quick however long the text: 8 "
		    "times the text takes %.1f times as long", t1 > 0 ? t8 / t1 : 0.0);
	}

	/* tsv: C1, bidi controls and invalid UTF-8 escaped, the rest as it is. */
	check(em_put_tsv, "a\xc2\x9b" "b", "a\\u009bb", "tsv escapes a C1 control");
	check(em_put_tsv, "a\xff\xe6\x97" "b", "a\\xff\\xe6\\x97b", "tsv shows bad bytes "
	    "as \\xHH");
	check(em_put_tsv, "a" RLO "b" PDF, "a\\u202eb\\u202c", "tsv escapes bidi "
	    "controls");
	check(em_put_tsv, "\x1b]52;c;x\x07", "\\x1b]52;c;x\\x07", "tsv escapes C0");
	check(em_put_tsv, "caf\xc3\xa9 " NI, "caf\xc3\xa9 " NI, "tsv passes UTF-8");

	/* JSON: always valid; bad bytes become U+FFFD. */
	check(em_put_json, "a\xff" "b", "\"a\\ufffdb\"", "json: a bad byte is U+FFFD");
	check(em_put_json, "\xe6\x97", "\"\\ufffd\\ufffd\"", "json: a cut sequence");
	check(em_put_json, "\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"", "json: a "
	    "surrogate");
	check(em_put_json, "a\xc2\x9b", "\"a\\u009b\"", "json escapes a C1 control");
	check(em_put_json, RLO "x", "\"\\u202ex\"", "json escapes bidi controls");
	check(em_put_json, "\x1b\x7f", "\"\\u001b\\u007f\"", "json escapes C0 and DEL");
	check(em_put_json, "caf\xc3\xa9 " NI, "\"caf\xc3\xa9 " NI "\"", "json passes "
	    "UTF-8");
	check(em_put_rawjson, "{\"a\":\"x\xc2\x9b" RLO "\xff" NI "\",\"b\":1}",
	    "{\"a\":\"x\\u009b\\u202e\\ufffd" NI "\",\"b\":1}", "JSON from SQLite: C1, "
	    "bidi and bad bytes escaped in place");

	/* Every value goes out as its column's type says, escaped. */
	{
		static const char *const words[] = { "a", "b\"", "c, d,e", NULL };
		static const struct em_col cols[] = { { "name", EM_STR },
		    { "n", EM_INT }, { "m", EM_NUM }, { "e", EM_NUM },
		    { "none", EM_STR }, { "yes", EM_BOOL }, { "l", EM_LIST },
		    { "j", EM_JSON | EM_ONLY_JSON }, { "c", EM_INT | EM_ONLY_TSV },
		    { NULL, 0 } };
		const struct em_val v[] = { EM_W("a\xc2\x9b\xff"), EM_N(12),
		    EM_W("-0.5e+3"), EM_W("1\"}"), EM_S(NULL), EM_N(1), EM_L(words),
		    EM_W("[1,\"\xc2\x9b\"]"), EM_N(2) };

		got = out_rec(EM_FMT_JSON, cols, v);
		is_str(got, "{\"name\":\"a\\u009b\\ufffd\",\"n\":12,\"m\":-0.5e+3,"
		    "\"e\":\"1\\\"}\",\"none\":null,\"yes\":true,\"l\":[\"a\","
		    "\"b\\\"\",\"c, d,e\"],\"j\":[1,\"\\u009b\"]}\n", "a json "
		    "record: text escaped, numbers bare, a number that is not one "
		    "quoted, null, true, a list, raw JSON escaped in place; a "
		    "tsv-only field left out");
		free(got);
		got = out_rec(EM_FMT_TSV, cols, v);
		is_str(got, "name\tn\tm\te\tnone\tyes\tl\tc\na\\u009b\\xff\t12\t"
		    "-0.5e+3\t1\"}\t\t1\ta, b\", c\\x2c d\\x2ce\t2\n", "a tsv record: its "
		    "header, every field escaped, null empty, true 1, a list joined "
		    "at \", \" with the commas of its items escaped; the json-only "
		    "field left out");
		free(got);
		got = out_rec(EM_FMT_TEXT, cols, v);
		is_str(got, "=1", "in text nothing is written and 1 says so");
		free(got);
	}

	/* Any bytes at all: safe, valid UTF-8, and as wide as asked. */
	{
		char	 in[64];
		char	**v;
		size_t	 i, j, k, n, width;
		int	 safe = 1, exact = 1, wrapped = 1;

		for (i = 0; i < 20000; i++) {
			n = rnd() % 40;
			for (j = 0; j < n; j++) {
				k = rnd() % 8;
				in[j] = (char)(k == 0 ? 0x1b : k == 1 ? 0xc2 : k == 2 ?
				    0xe2 : k == 3 ? 0x80 + rnd() % 0x40 : k == 4 ?
				    0xe6 : 1 + rnd() % 0xff);
			}
			in[n] = '\0';
			got = capture(em_put_text, in);
			if (!inert(got) || !em_utf8_valid(got, strlen(got)))
				safe = 0;
			free(got);
			cell_w = rnd() % 12;
			cell_right = (int)(rnd() % 2);
			got = capture(put_cell, in);
			if (!inert(got) || !em_utf8_valid(got, strlen(got)) ||
			    em_text_width(got) != cell_w || strchr(got, '\n') != NULL)
				exact = 0;
			free(got);
			width = 8 + rnd() % 10;
			em_wrap(in, width, &v, &n);
			for (j = 0; j < n; j++)
				if (em_text_width(v[j]) > width)
					wrapped = 0;
			em_strv_free(v, n);
		}
		ok(safe, "random bytes through em_put_text: inert, valid UTF-8");
		ok(exact, "through em_put_cell: inert, one line, exactly the width");
		ok(wrapped, "through em_wrap: no line wider than asked");
	}

	/* Whatever goes in, nothing a terminal obeys comes out. */
	{
		static const char *const hostile[] = {
			"\x1b]52;c;aGk=\x07", "\xc2\x9b" "31m", "\x1b\xc2\x9b\xff\x1b",
			"\xc2", "\xe2\x80", "\x1b[?1049h", NULL
		};
		int	 i, good = 1;

		for (i = 0; hostile[i] != NULL; i++) {
			got = capture(em_put_text, hostile[i]);
			good &= inert(got);
			free(got);
			got = capture(em_put_tsv, hostile[i]);
			good &= inert(got);
			free(got);
			got = capture(em_put_json, hostile[i]);
			good &= inert(got);
			free(got);
		}
		ok(good, "no ESC, BEL or C1 control out of text, tsv or json");
	}
	return done_testing();
}
