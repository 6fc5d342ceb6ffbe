/* t_content: the content loader's validation, overrides and limits, and advice matching. */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em.h"
#include "tap.h"

static char	 root[] = "/tmp/em-t-content.XXXXXX";
static struct em_ctx ctx;

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

/* Load from one or two directories; returns the status, content in *cp. */
static int
load(const char *d1, const char *d2, struct em_content **cp)
{
	char	 p1[512], p2[512];
	char	*dirs[2] = { p1, p2 };

	snprintf(p1, sizeof(p1), "%s/%s", root, d1);
	snprintf(p2, sizeof(p2), "%s/%s", root, d2 ? d2 : "none");
	ctx.errmsg[0] = '\0';
	return em_content_load(&ctx, dirs, d2 ? 2 : 1, cp);
}

/* A file on its own: its status, and the message has want in it. */
static void
refused(const char *dir, const char *text, const char *want, const char *what)
{
	struct em_content *c;
	int	 ex;

	put(dir, "x.yaml", text);
	ex = load(dir, NULL, &c);
	ok(ex == EM_EX_CONFIG && c == NULL && strstr(em_errmsg(&ctx), want) != NULL,
	    "%s", what);
	if (ex != EM_EX_CONFIG || strstr(em_errmsg(&ctx), want) == NULL)
		printf("#   status %d, message: %s\n", ex, em_errmsg(&ctx));
}

int
main(void)
{
	struct em_content *c;
	const struct em_doc *d;
	const struct em_pattern *p;
	char	*deep, cmd[600];
	int	 i;

	em_ctx_init(&ctx, "t_content");
	if (mkdtemp(root) == NULL)
		return 1;
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
	p = em_advice_match(c, "I think You   SHOULD rest");
	ok(p != NULL && strcmp(p->match, "you should") == 0, "advice matches "
	    "whatever the case and spacing");
	ok(em_advice_match(c, "Don\xe2\x80\x99t worry about it") != NULL,
	    "a curly apostrophe matches a straight one");
	ok(em_advice_match(c, "you shoulder a lot") == NULL, "a phrase inside a "
	    "longer word does not match");
	ok(em_advice_match(c, "What do you need?") == NULL, "a question passes");
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

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", root);
	return done_testing();
}
