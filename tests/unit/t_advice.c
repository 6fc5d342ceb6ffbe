/* t_advice: the advice check's phrases, sentences and exceptions, on rules of its own. */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "em_int.h"
#include "tap.h"

static char	 root[] = "/tmp/em-t-advice.XXXXXX";
static struct em_ctx ctx;

static const char rules[] =
    "kind: advice\nid: t\n"
    "patterns:\n"
    "  - {match: \"don't worry\", instead: Q1, note: correcting}\n"
    "  - {match: at least, instead: Q2, unless: ['#', a, some]}\n"
    "  - {match: \"(it|things) will [all|just] be (fine|okay)\", instead: Q3}\n"
    "openers:\n"
    "  - {match: \"(talk|speak) to !(me|us)\", instead: Q4}\n"
    "  - {match: \"(quit|sell|rest)\", instead: Q5}\n"
    "frames:\n"
    "  - {match: \"you (could|should|need to)\", instead: Q6, unless: [be, feel]}\n"
    "  - {match: \"do you think * * (would|might) help\", instead: Q7}\n"
    "questions:\n"
    "  - {match: \"have you (tried|thought about)\", instead: Q8, unless: [what, how]}\n"
    "softeners: [just, maybe, next time, honestly]\n"
    "reporters: [said, told, think, \"(feel|feels) (like|that)\", \"sounds like\"]\n"
    "negations: [\"i (will not|am not going to) (say|tell you)\"]\n"
    "asking: [what, how, do]\n";

static struct em_content *
load(const char *text)
{
	struct em_content *c = NULL;
	char	 path[512], *dirs[1] = { path };
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/a.yaml", root);
	fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s", root);
	ctx.errmsg[0] = '\0';
	if (em_content_load(&ctx, dirs, 1, EM_KIND(EM_K_ADVICE), &c) != 0)
		return NULL;
	return c;
}

/* The instead of the first sentence of text that breaks a rule, or "-". */
static const char *
verdict(const struct em_content *c, const char *text)
{
	struct em_sentence *ss;
	const char *v = "-";
	size_t	 i, n = em_advice_judge(c, text, &ss);

	for (i = 0; i < n; i++)
		if (ss[i].rule != NULL) {
			v = ss[i].rule->instead;
			break;
		}
	free(ss);
	return v;
}

static void
bad_phrase(const char *phrase, const char *why)
{
	char	 doc[512];

	snprintf(doc, sizeof(doc), "kind: advice\nid: b\ntitle: x\n"
	    "openers:\n  - {match: \"%s\", instead: Q}\n", phrase);
	ok(load(doc) == NULL && strstr(em_errmsg(&ctx), "a.yaml:5:") != NULL &&
	    strstr(em_errmsg(&ctx), why) != NULL, "'%s' is refused: %s", phrase,
	    em_errmsg(&ctx));
}

/* A 64 KiB sentence of one phrase, again and again, judged in time. */
static void
hostile(const struct em_content *c, char *big, const char *unit, int advice)
{
	struct em_sentence *ss;
	size_t	 i, n, len = strlen(unit);
	clock_t	 t0;
	double	 took;

	for (i = 0; i + len < 64 * 1024; i += len)
		memcpy(big + i, unit, len);
	big[i] = '\0';
	t0 = clock();
	n = em_advice_judge(c, big, &ss);
	took = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ok(n == 1 && (ss[0].rule != NULL) == advice, "'%s' again and again: %s",
	    unit, advice ? "advice" : "not advice");
	ok(took < 0.5, "judged in %.3f s", took);
	free(ss);
}

int
main(void)
{
	struct em_content *c;
	struct em_sentence *ss;
	char	*big;
	size_t	 n, i;
	clock_t	 t0;
	double	 small, large;

	em_ctx_init(&ctx, "t_advice");
	if (mkdtemp(root) == NULL)
		return 1;
	c = load(rules);
	ok(c != NULL, "the rules load: %s", em_errmsg(&ctx));
	if (c == NULL)
		return 1;

	/* Spelling: case, apostrophes, contractions written out. */
	is_str(verdict(c, "DON'T WORRY."), "Q1", "case does not matter");
	is_str(verdict(c, "Don\xe2\x80\x99t worry"), "Q1", "a curly apostrophe");
	is_str(verdict(c, "dont worry lol"), "Q1", "no apostrophe at all");
	is_str(verdict(c, "Do not worry about it."), "Q1", "spelled out");
	is_str(verdict(c, "I don't worryingly"), "-", "whole words only");

	/* Alternatives, optional words, numbers, any word, none of these. */
	is_str(verdict(c, "Things will all be okay."), "Q3", "[a|b] may be there");
	is_str(verdict(c, "It will be fine"), "Q3", "or not");
	is_str(verdict(c, "It'll be fine."), "Q3", "it'll is it will");
	is_str(verdict(c, "Did you sleep at least 6 hours?"), "-", "# is a number");
	is_str(verdict(c, "At least two people came?"), "-", "a number in words");
	is_str(verdict(c, "Did you eat at least a bite?"), "-", "unless a follows");
	is_str(verdict(c, "At least you have a job."), "Q2", "at least otherwise");
	is_str(verdict(c, "Do you think a walk would help?"), "Q7", "* is any word");
	is_str(verdict(c, "Talk to me."), "-", "!(me|us) is none of them");
	is_str(verdict(c, "Talk to her."), "Q4", "but any other word");

	/* Sentences and clauses. */
	n = em_advice_judge(c, "That sounds hard. Maybe talk to her! Or not?", &ss);
	ok(n == 3 && ss[0].rule == NULL && ss[1].rule != NULL && ss[2].rule ==
	    NULL && ss[2].question, "three sentences, the second advice, the "
	    "third a question");
	ok(n == 3 && ss[1].beg == 18 && ss[1].end == 36, "the second is bytes "
	    "18 to 36 (%zu to %zu)", n == 3 ? ss[1].beg : 0, n == 3 ? ss[1].end : 0);
	ok(n == 3 && ss[1].mbeg == 24 && ss[1].mend == 35, "and 'talk to her' "
	    "broke it");
	free(ss);
	is_str(verdict(c, "I think you\n   should rest."), "Q6", "one line break "
	    "is a space");
	is_str(verdict(c, "I think you\n\nshould rest."), "-", "a blank line ends "
	    "a sentence");
	is_str(verdict(c, "The price was 3.5 quit"), "-", "3.5 is one number");
	is_str(verdict(c, "Next time, speak to him."), "Q4", "an opener after a "
	    "softener and a comma");
	is_str(verdict(c, "honestly just quit"), "Q5", "after two softeners");
	is_str(verdict(c, "I hear you - rest."), "Q5", "a dash starts a clause");
	is_str(verdict(c, "Did you quit?"), "-", "not at the start of a clause");
	is_str(verdict(c, "It's hard, just rest"), "Q5", "after a comma");

	/* Quotes, reported speech, negation. */
	is_str(verdict(c, "He said \"don't worry\" and left?"), "-", "quoted");
	is_str(verdict(c, "Your mum said \xe2\x80\x9c" "don't worry\xe2\x80\x9d?"),
	    "-", "in curly quotes");
	is_str(verdict(c, "She went 'don't worry' at me."), "-", "in single quotes");
	is_str(verdict(c, "\"Don't worry"), "Q1", "an unclosed quote quotes "
	    "nothing");
	is_str(verdict(c, "So he told you don't worry?"), "-", "reported");
	is_str(verdict(c, "He said, don't worry, and left."), "-", "reported "
	    "across the comma the match opens");
	is_str(verdict(c, "He said it's fine, but don't worry."), "Q1", "not "
	    "across a clause it does not open");
	is_str(verdict(c, "I think you should rest."), "Q6", "the speaker's own "
	    "view is advice");
	is_str(verdict(c, "When I told you to rest, you could quit."), "Q6",
	    "a later clause is not reported");
	is_str(verdict(c, "You feel like you need to rest."), "-", "the partner's "
	    "feeling is reported");
	is_str(verdict(c, "It sounds like you need to rest."), "-", "and a "
	    "reflection");
	is_str(verdict(c, "I won't say it will be fine. How is it?"), "-",
	    "the speaker's negation");
	is_str(verdict(c, "I'm not going to tell you don't worry."), "-",
	    "spelled the other way");
	is_str(verdict(c, "I won't say much, but don't worry."), "Q1", "negation "
	    "stops at the clause");
	is_str(verdict(c, "They think it hurt but you could rest."), "Q6", "but "
	    "opens a clause, as a comma does");
	is_str(verdict(c, "Not sure, he said so but you could quit"), "Q6",
	    "reported speech stops at but");

	/* Frames in questions; unless. */
	is_str(verdict(c, "What do you think you should do?"), "-", "a question "
	    "asking the partner's own view");
	is_str(verdict(c, "what do you think you could do"), "-", "in chat, "
	    "without the mark");
	is_str(verdict(c, "Maybe you could rest, what do you think?"), "Q6",
	    "asked after the frame");
	is_str(verdict(c, "How I coped was this, maybe you could rest?"), "Q6",
	    "an asking word in an earlier clause asks nothing of this one");
	is_str(verdict(c, "Thanks, what do you think you could do?"), "-",
	    "but one in its own clause does");
	is_str(verdict(c, "You could be right."), "-", "unless be");
	is_str(verdict(c, "Have you tried yoga?"), "Q8", "a suggestion as a "
	    "question");
	is_str(verdict(c, "Have you thought about what you want?"), "-",
	    "unless an open question follows");
	is_str(verdict(c, "What have you tried so far?"), "-", "asked before it");

	/* Hostile input: bounded, linear. */
	is_str(verdict(c, ""), "-", "empty text");
	is_str(verdict(c, "...!!!???,,,"), "-", "only marks");
	is_str(verdict(c, "\xff\xfe don't worry \xc3"), "Q1", "invalid UTF-8 around");
	is_str(verdict(c, "\xf0\x9f\x98\xa2 don't worry \xf0\x9f\x98\xa2"), "Q1",
	    "emoji around");
	big = malloc(64 * 1024 + 1);
	for (i = 0; i < 64 * 1024; i++)
		big[i] = "ab '\"?,"[i % 7];
	big[64 * 1024] = '\0';
	t0 = clock();
	for (i = 0; i < 10; i++)
		verdict(c, "you could rest. ");
	small = (double)(clock() - t0) / CLOCKS_PER_SEC / 10;
	t0 = clock();
	verdict(c, big);
	large = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ok(large < 0.5, "64 KiB of words, quotes and marks in %.3f s", large);
	memset(big, 'a', 64 * 1024);
	t0 = clock();
	is_str(verdict(c, big), "-", "one 64 KiB word");
	ok((double)(clock() - t0) / CLOCKS_PER_SEC < 0.5, "in time");
	for (i = 0; i + 16 < 64 * 1024; i += 16)
		memcpy(big + i, "don't worry you ", 16);
	t0 = clock();
	n = em_advice_judge(c, big, &ss);
	large = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ok(n == 1 && ss[0].rule != NULL, "one long sentence of advice");
	ok(large < 1.0 || large < small * 20000, "judged in %.3f s", large);
	free(ss);
	/*
	 * Every match someone else's words or declined, each after clauses
	 * that end the exceptions before it: each is judged, none counts,
	 * and the work stays linear (this took 8 s when each match looked
	 * back over the whole sentence).
	 */
	hostile(c, big, "he said, i wont say you should rest, ", 0);
	hostile(c, big, "he told you, and you feel you have to, ", 0);
	hostile(c, big, "what, do you think you could, ", 0);
	hostile(c, big, "you should rest, ", 1);
	free(big);
	em_content_free(c);

	/* Phrases that are not. */
	bad_phrase("(talk|speak", "is not closed");
	bad_phrase("talk (to [me])", "brackets inside brackets");
	bad_phrase("talk |to", "outside brackets");
	bad_phrase("[just] [maybe]", "no words that must be there");
	bad_phrase("talk !me", "'!' must come before '('");
	bad_phrase("talk !(to me)", "single words");
	bad_phrase("a b c d e f g h i j k l m n o p q", "more than 16 parts");
	bad_phrase("(a|)", "no words in ''");
	bad_phrase("((", "is not closed");
	ok(load("kind: advice\nid: e\ntitle: x\nsofteners: []\n") == NULL &&
	    strstr(em_errmsg(&ctx), "'softeners' must not be empty") != NULL,
	    "an empty list is refused: %s", em_errmsg(&ctx));
	ok(load("kind: advice\nid: e\n") == NULL &&
	    strstr(em_errmsg(&ctx), "missing 'patterns'") != NULL,
	    "a document with no rules is refused: %s", em_errmsg(&ctx));
	c = load("kind: advice\nid: old\npatterns:\n  - {match: you should, "
	    "instead: Q}\n");
	ok(c != NULL, "a document with only patterns still loads");
	if (c != NULL) {
		is_str(verdict(c, "What do you think you should do?"), "Q",
		    "and its patterns count anywhere, as before");
		em_content_free(c);
	}

	snprintf(big = malloc(600), 600, "rm -rf %s", root);
	if (system(big) != 0)
		ok(0, "cleaning up");
	free(big);
	printf("1..%d\n", tap_n);
	return tap_failed != 0;
}
