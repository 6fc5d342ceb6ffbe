/* t_content: the content loader's validation, overrides and limits, and advice matching. */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "em_int.h"
#include "tap.h"

static char	 root[] = "/tmp/em-t-content.XXXXXX";
static struct em_ctx ctx;

/* The rule the first advice sentence of text breaks, or NULL. */
static const struct em_pattern *
advice(const struct em_content *c, const char *text)
{
	struct em_sentence *ss;
	const struct em_pattern *p = NULL;
	size_t	 i, n = em_advice_judge(c, text, &ss);

	for (i = 0; p == NULL && i < n; i++)
		p = ss[i].rule;
	free(ss);
	return p;
}

static void
put(const char *dir, const char *name, const char *text)
{
	char	 path[512];
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/%s", root, dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/%s/%s", root, dir, name);
	fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
}

/*
 * CPU seconds to load a directory holding one file of n keys in one mapping
 * (docs 0) or of n documents (docs 1), the last repeating the first when dup;
 * the status in *exp.
 */
static double
load_cost(const char *dir, size_t n, int docs, int dup, int *exp)
{
	struct em_content *c = NULL;
	char	 path[512], *dirs[1] = { path };
	size_t	 i;
	clock_t	 t0;
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/%s", root, dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/%s/x.yaml", root, dir);
	if ((fp = fopen(path, "w")) == NULL)
		return 0;
	if (!docs)
		fputs("kind: prompts\nid: many\nprompts: [a]\n", fp);
	for (i = 0; i < n; i++)
		if (docs)
			fprintf(fp, "---\nkind: prompts\nid: p%zu\nprompts: [a]\n",
			    dup && i == n - 1 ? (size_t)0 : i);
		else
			fprintf(fp, "k%zu: v\n", dup && i == n - 1 ? (size_t)0 : i);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/%s", root, dir);
	ctx.errmsg[0] = '\0';
	t0 = clock();
	*exp = em_content_load(&ctx, dirs, 1, EM_KINDS_ALL, &c);
	t0 = clock() - t0;
	em_content_free(c);
	return (double)t0 / CLOCKS_PER_SEC;
}

/* Load kinds from one or two directories; the status, content in *cp. */
static int
loadk(const char *d1, const char *d2, unsigned kinds, struct em_content **cp)
{
	char	 p1[512], p2[512];
	char	*dirs[2] = { p1, p2 };

	snprintf(p1, sizeof(p1), "%s/%s", root, d1);
	snprintf(p2, sizeof(p2), "%s/%s", root, d2 ? d2 : "none");
	ctx.errmsg[0] = '\0';
	*cp = NULL;
	return em_content_load(&ctx, dirs, d2 ? 2 : 1, kinds, cp);
}

static int
load(const char *d1, const char *d2, struct em_content **cp)
{
	return loadk(d1, d2, EM_KINDS_ALL, cp);
}

/* A file on its own, kinds loaded: 78, and the message has want in it. */
static void
refusedk(const char *dir, const char *text, unsigned kinds, const char *want,
    const char *what)
{
	struct em_content *c;
	int	 ex;

	put(dir, "x.yaml", text);
	ex = loadk(dir, NULL, kinds, &c);
	ok(ex == EM_EX_CONFIG && c == NULL && strstr(em_errmsg(&ctx), want) != NULL,
	    "%s", what);
	if (ex != EM_EX_CONFIG || strstr(em_errmsg(&ctx), want) == NULL)
		printf("#   status %d, message: %s\n", ex, em_errmsg(&ctx));
	em_content_free(ex == 0 ? c : NULL);
}

static void
refused(const char *dir, const char *text, const char *want, const char *what)
{
	refusedk(dir, text, EM_KINDS_ALL, want, what);
}

/* A file of other kinds than those loaded, passed over unparsed: 0. */
static void
passed(const char *dir, const char *text, unsigned kinds, const char *what)
{
	struct em_content *c;
	int	 ex;

	put(dir, "x.yaml", text);
	ex = loadk(dir, NULL, kinds, &c);
	ok(ex == 0 && c != NULL, "%s", what);
	if (ex != 0)
		printf("#   status %d, message: %s\n", ex, em_errmsg(&ctx));
	em_content_free(c);
}

int
main(void)
{
	struct em_content *c;
	const struct em_doc *d;
	const struct em_pattern *p;
	char	*deep, cmd[600], ok2[512];
	char	*dirs_ok2[1] = { ok2 };
	unsigned ex, pr;
	int	 i;

	em_ctx_init(&ctx, "t_content");
	if (mkdtemp(root) == NULL)
		return 1;
	snprintf(ok2, sizeof(ok2), "%s/ok2", root);
	put("a", "p.yaml", "kind: prompts\nid: question\nprompts: [Mine?]\n");
	put("b", "p.yaml", "kind: prompts\nid: question\nprompts: [Theirs?, Two?]\n"
	    "---\nkind: prompts\nid: missing\nprompts: [What else?]\n"
	    "---\nkind: advice\nid: advice\npatterns:\n"
	    "  - {match: you should, instead: 'What do you need?', note: advice}\n"
	    "  - {match: \"don't worry\", instead: What worries you most?}\n");
	ok(load("a", "b", &c) == 0, "two directories load");
	d = em_content_find(c, EM_K_PROMPTS, "question");
	ok(d != NULL && d->nstr == 1, "the earlier directory overrides by kind "
	    "and id");
	is_str(d ? d->strv[0] : NULL, "Mine?", "with its own prompts");
	ok(em_content_find(c, EM_K_PROMPTS, "missing") != NULL, "the later "
	    "directory still gives other ids");
	p = advice(c, "I think You   SHOULD rest");
	ok(p != NULL && strcmp(p->match, "you should") == 0, "advice matches "
	    "whatever the case and spacing");
	ok(advice(c, "Don\xe2\x80\x99t worry about it") != NULL,
	    "a curly apostrophe matches a straight one");
	ok(advice(c, "you shoulder a lot") == NULL, "a phrase inside a "
	    "longer word does not match");
	ok(advice(c, "What do you need?") == NULL, "a question passes");
	em_content_free(c);

	put("dup", "1.yaml", "kind: prompts\nid: question\nprompts: [A?]\n");
	put("dup", "2.yaml", "kind: prompts\nid: question\nprompts: [B?]\n");
	ok(load("dup", NULL, &c) == EM_EX_CONFIG && strstr(em_errmsg(&ctx),
	    "2.yaml:1:1: duplicate prompts id 'question'") != NULL,
	    "a duplicate id in one directory is an error at its place");

	refused("syn", "kind: prompts\nid: x\nprompts: [a, b\n", "x.yaml:4:1:",
	    "a syntax error names file:line:column");
	refused("kind", "kind: poem\nid: x\n", "x.yaml:1:7: unknown kind 'poem'",
	    "an unknown kind");
	refused("noid", "kind: prompts\nprompts: [a]\n", "missing 'id'",
	    "a missing id");
	refused("badid", "kind: prompts\nid: Big Id\nprompts: [a]\n", "x.yaml:2:5:",
	    "an id with capitals and spaces");
	refused("type", "kind: prompts\nid: x\nprompts: text\n", "x.yaml:3:10: "
	    "'prompts' must be a list", "a wrong type");
	refused("empty", "", "x.yaml:1:1: empty file", "an empty file");
	refused("alias", "kind: prompts\nid: x\nprompts: &a [a]\nmore: *a\n",
	    "anchors are not allowed", "an anchor");
	refused("tag", "kind: prompts\nid: x\nprompts: !!seq [a]\n",
	    "tags are not allowed", "a tag");
	refused("utf8", "kind: prompts\nid: x\nprompts: [caf\xe9]\n", "x.yaml:",
	    "invalid UTF-8");
	refused("dupkey", "kind: prompts\nid: x\nid: y\nprompts: [a]\n",
	    "x.yaml:3:1: duplicate key 'id'", "a duplicate key");
	refused("scale", "kind: instrument\nid: x\ntitle: X\nscale: {min: 5, max: 1}\n"
	    "items: [{text: a}]\nbands: [{from: 0, label: l, meaning: m}]\n",
	    "max must be above its min", "an upside-down scale");
	refused("bands", "kind: instrument\nid: x\ntitle: X\nscale: {min: 1, max: 5}\n"
	    "items: [{text: a}]\nbands: [{from: 10, label: l, meaning: m}]\n",
	    "first band must start from 0", "bands that do not start at 0");
	refused("ref", "kind: challenge\nid: x\ntitle: X\ndays:\n"
	    "  - {title: a, task: b, exercise: nosuch}\n", "x.yaml:5:5: no exercise "
	    "'nosuch'", "a challenge naming a missing exercise");

	deep = calloc(1, 20002);
	for (i = 0; i < 10000; i++)
		deep[i] = '[';
	refused("deep", deep, "nested too deeply", "10,000 levels of nesting");
	free(deep);

	put("ok2", "x.yaml", "kind: exercise\nid: listen\ntitle: Listen\nminutes: 10\n"
	    "steps: [Speak., Listen.]\n---\nkind: challenge\nid: wk\ntitle: Week\n"
	    "days: [{title: One, task: Do it, exercise: listen}]\n---\n"
	    "kind: instrument\nid: self\ntitle: Self\nscale: {min: 1, max: 5, labels: "
	    "[a, b, c, d, e]}\nitems:\n  - {text: I ask., exercise: listen}\n"
	    "  - {text: I fix., reverse: true}\nbands:\n"
	    "  - {from: 0, label: low, meaning: m}\n"
	    "  - {from: 60, label: high, meaning: n}\n");
	ok(load("ok2", NULL, &c) == 0, "an exercise, a challenge and an instrument "
	    "load");
	d = c ? em_content_find(c, EM_K_INSTRUMENT, "self") : NULL;
	ok(d != NULL && d->nitems == 2 && d->items[1].reverse && d->nbands == 2 &&
	    d->bands[1].from == 60 && d->nlabels == 5, "the instrument's fields");
	em_content_free(c);

	/*
	 * A command loads the kinds it uses: a file whose "kind:" lines all
	 * name other kinds is not parsed, so its mistakes do not stop it. Any
	 * file the quick look cannot be sure of is parsed and checked in full.
	 */
	ex = EM_KIND(EM_K_EXERCISE);
	pr = EM_KIND(EM_K_PROMPTS);
	passed("k1", "kind: prompts\nid: x\nprompts: [a, b\n", ex,
	    "a broken prompts file does not stop a load of exercises");
	refusedk("k1", "kind: prompts\nid: x\nprompts: [a, b\n", pr, "x.yaml:4:1:",
	    "and stops a load of prompts");
	passed("k2", "# mine\nkind: prompts   # the daily ones\r\nid: x\nprompts: [a\n"
	    "...\n# after\n--- # two\nkind: advice\nid: y\npatterns: [\n", ex,
	    "comments, CRLF, '...' and '---' between documents of other kinds");
	passed("k3", "kind: prompts\nid: x\nprompts: [a, b", ex,
	    "a last line with no newline");
	refusedk("k4", "id: x\nprompts: [a\n", ex, "x.yaml:", "a file with no kind "
	    "line is parsed whatever is loaded");
	refusedk("k5", "kind: \"prompts\"\nid: x\nprompts: [a\n", ex, "x.yaml:",
	    "a quoted kind is parsed");
	refusedk("k6", "kind: promptz\nid: x\nprompts: [a]\n", ex,
	    "unknown kind 'promptz'", "an unknown kind is parsed");
	refusedk("k7", "kind: prompts#x\nid: x\nprompts: [a]\n", ex,
	    "unknown kind 'prompts#x'", "a kind with '#' in it is parsed");
	refusedk("k8", "kind: prompts\nid: a\nprompts: [a]\n---\nid: b\n", ex,
	    "x.yaml:5:1: missing 'kind'", "a later document with no kind line");
	refusedk("k9", "kind: prompts\nid: a\nprompts: [a]\n---\nid: b", ex,
	    "x.yaml:5:1: missing 'kind'", "the same with no newline at the end");
	refusedk("k10", "kind: prompts\nid: a\nprompts: [a]\n---\n", ex, "x.yaml:",
	    "a '---' with nothing after it");
	refusedk("k11", "kind: prompts\nkind: advice\nid: a\nprompts: [a]\n", ex,
	    "x.yaml:2:1: duplicate key 'kind'", "two kind lines in a document");
	refusedk("k12", "{kind: prompts, id: a, prompts: [a}\n", ex, "x.yaml:",
	    "a flow mapping is parsed");
	refusedk("k13", "--- {kind: prompts, id: a, prompts: [a]}\nkind: x\n", ex,
	    "x.yaml:", "content on the '---' line is parsed");
	refusedk("k14", "%YAML 1.1\n---\nkind: prompts\nid: a\nprompts: [a\n", ex,
	    "x.yaml:", "a directive is parsed");
	refusedk("k15", "kind:\n  prompts\nid: a\nprompts: [a\n", ex, "x.yaml:",
	    "a kind on the next line is parsed");
	refusedk("k16", "kind: exercise\nid: a\ntitle: A\nminutes: 1\nsteps: [a]\n"
	    "---\nkind: prompts\nid: b\nprompts: text\n", ex, "x.yaml:9:10: "
	    "'prompts' must be a list", "a file with a wanted kind is checked whole");
	refusedk("k17", "kind: challenge\nid: x\ntitle: X\ndays:\n"
	    "  - {title: a, task: b, exercise: nosuch}\n", EM_KIND(EM_K_CHALLENGE),
	    "x.yaml:5:5: no exercise 'nosuch'", "challenges bring the exercises "
	    "they name");
	ok(loadk("ok2", NULL, EM_KIND(EM_K_INSTRUMENT), &c) == 0 &&
	    em_content_kinds(c) == (EM_KIND(EM_K_INSTRUMENT) | ex) &&
	    em_content_count(c, EM_K_EXERCISE) == 1 &&
	    em_content_count(c, EM_K_CHALLENGE) == 0, "instruments bring exercises, "
	    "and only them");
	d = c ? em_content_find(c, EM_K_INSTRUMENT, "self") : NULL;
	ok(d != NULL && em_content_load(&ctx, dirs_ok2, 1, EM_KIND(EM_K_CHALLENGE),
	    &c) == 0 && em_content_count(c, EM_K_CHALLENGE) == 1 &&
	    em_content_find(c, EM_K_INSTRUMENT, "self") != NULL,
	    "a second load adds kinds and keeps the first ones");
	is_str(d ? d->id : NULL, "self", "a document from the first load stays valid");
	em_content_free(c);

	/* Cost: a mapping of many keys, a file of many documents. */
	{
		double	 t1, t4;
		int	 e1, e2, e3, e4;

		ctx.quiet = 1;	/* no warning for each unknown key */
		t1 = load_cost("k1", 20000, 0, 0, &e1) + load_cost("k1", 20000, 0, 1, &e2);
		ok(e1 == 0 && e2 == EM_EX_CONFIG && strstr(em_errmsg(&ctx),
		    "x.yaml:20003:1: duplicate key 'k0' (first at line 4)") != NULL,
		    "a mapping of 20000 keys loads; a key repeated at its end is "
		    "found: %s", em_errmsg(&ctx));
		t4 = load_cost("k4", 80000, 0, 0, &e3) + load_cost("k4", 80000, 0, 1, &e4);
		ok(e3 == 0 && e4 == EM_EX_CONFIG && t4 < 8 * t1 + 0.05,
		    "4 times the keys cost about 4 times as much (%.3f s against "
		    "%.3f s)", t4, t1);
		t1 = load_cost("d1", 4000, 1, 0, &e1) + load_cost("d1", 4000, 1, 1, &e2);
		ok(e1 == 0 && e2 == EM_EX_CONFIG && strstr(em_errmsg(&ctx),
		    "duplicate prompts id 'p0'") != NULL, "a file of 4000 documents "
		    "loads; an id repeated at its end is found: %s", em_errmsg(&ctx));
		t4 = load_cost("d4", 16000, 1, 0, &e3) + load_cost("d4", 16000, 1, 1, &e4);
		ok(e3 == 0 && e4 == EM_EX_CONFIG && t4 < 8 * t1 + 0.05,
		    "4 times the documents cost about 4 times as much (%.3f s against "
		    "%.3f s)", t4, t1);
		ctx.quiet = 0;
	}

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", root);
	return done_testing();
}
