/*
 * em_advice.c: find advice, minimising and fixing in an answer, sentence by
 * sentence, by the rules of the content's advice documents.
 *
 * The text becomes sentences of words (lower case, apostrophes dropped,
 * contractions spelled out: "don't", "dont" and "do not" are all "do not"),
 * each word marked with whether it starts a clause and whether it is inside
 * quotation marks. A rule is a phrase in the same words, with (a|b)
 * alternatives, [a|b] optional words, !(a|b) any word but these, * any word
 * and # a number, and a kind that
 * says where it counts: anywhere (patterns), at the start of a clause after
 * softeners (openers), anywhere but in a question that asks for the
 * partner's own view (frames), or anywhere as a suggestion put as a question
 * (questions). A match does not count inside quotation marks, after someone
 * else's reporting word (he said, you feel), after the speaker's negation in
 * the same clause (I won't say), or when one of its rule's unless phrases
 * follows it. Documented in empathy-content(5).
 *
 * Work is linear in the text: each word is tried against each rule whose
 * first words can start there, a rule is matched by a walk over at most
 * EM_PH_SPAN word positions, and the exceptions of a sentence are worked
 * out once for all its matches (struct xtab).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

#define EM_PH_ELEMS	16	/* parts of a phrase */
#define EM_PH_ALTS	128	/* alternatives of one part */
#define EM_PH_WORDS	8	/* words of one alternative */
#define EM_PH_SPAN	128	/* words one phrase can cover */
#define EM_WORD_MAX	32	/* bytes of a word a phrase can name */

struct toks;

/* Words of a phrase live in one buffer; an alternative holds their offsets. */
struct palt {
	unsigned	 w[EM_PH_WORDS];
	unsigned	 h[EM_PH_WORDS];	/* each word's hash, to compare first */
	size_t		 n;
};
struct pelem {
	struct palt	*alts;
	size_t		 nalts;
	int		 opt;		/* [a|b]: may be left out */
	int		 neg;		/* !(a|b): one word that is none of these */
};
struct em_phrase {
	struct pelem	*e;
	size_t		 n;
	char		*buf;		/* the words, each ending in NUL */
	size_t		 blen, bcap;
	struct toks	*scratch;	/* while compiling */
};

/* A word of the text. */
struct tok {
	char		 w[EM_WORD_MAX];
	unsigned	 h;		/* hash of w */
	size_t		 beg, end;	/* bytes of the text it came from */
	unsigned	 clause : 1;	/* the first word of a clause */
	unsigned	 quoted : 1;
};
struct toks {
	struct tok	*t;
	size_t		 n, cap;
};
/* A sentence: words [a, b), bytes [beg, end). */
struct sent {
	size_t		 a, b, beg, end;
	int		 question;
};

/* Contractions and chat spellings, written out (after apostrophes are dropped). */
struct spelling {
	const char	*from, *to;
	int		 apos;		/* only when written with an apostrophe */
};
static struct spelling spell[] = {
	{ "dont", "do not", 0 }, { "doesnt", "does not", 0 },
	{ "didnt", "did not", 0 }, { "isnt", "is not", 0 },
	{ "arent", "are not", 0 }, { "wasnt", "was not", 0 },
	{ "werent", "were not", 0 }, { "havent", "have not", 0 },
	{ "hasnt", "has not", 0 }, { "hadnt", "had not", 0 },
	{ "wont", "will not", 0 }, { "wouldnt", "would not", 0 },
	{ "shouldnt", "should not", 0 }, { "couldnt", "could not", 0 },
	{ "cant", "can not", 0 }, { "cannot", "can not", 0 },
	{ "mustnt", "must not", 0 }, { "neednt", "need not", 0 },
	{ "im", "i am", 0 }, { "ive", "i have", 0 }, { "id", "i would", 0 },
	{ "ill", "i will", 1 }, { "youre", "you are", 0 },
	{ "youve", "you have", 0 }, { "youll", "you will", 0 },
	{ "youd", "you would", 0 }, { "theyre", "they are", 0 },
	{ "theyve", "they have", 0 }, { "theyll", "they will", 0 },
	{ "were", "we are", 1 }, { "weve", "we have", 0 },
	{ "well", "we will", 1 }, { "its", "it is", 0 }, { "itll", "it will", 0 },
	{ "itd", "it would", 0 }, { "thats", "that is", 0 },
	{ "thatll", "that will", 0 }, { "whats", "what is", 0 },
	{ "theres", "there is", 0 }, { "heres", "here is", 0 },
	{ "hes", "he is", 0 }, { "shes", "she is", 0 }, { "whos", "who is", 0 },
	{ "hell", "he will", 1 }, { "shell", "she will", 1 },
	{ "hed", "he would", 1 }, { "shed", "she would", 1 },
	{ "wed", "we would", 1 }, { "theyd", "they would", 0 },
	{ "lets", "let us", 0 }, { "wouldve", "would have", 0 },
	{ "shouldve", "should have", 0 }, { "couldve", "could have", 0 },
	{ "mightve", "might have", 0 }, { "mustve", "must have", 0 },
	{ "gonna", "going to", 0 }, { "wanna", "want to", 0 },
	{ "gotta", "got to", 0 }, { "u", "you", 0 }, { "ok", "okay", 0 },
	{ "ya", "you", 0 }
};

static const char *const numwords[] = {
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "once", "twice", "half", "few", "couple", NULL
};

/* The speaker: a reporting word after one of these is the speaker's own. */
static const char *const speaker[] = { "i", NULL };

/* FNV-1a: words compare by hash before by bytes. */
static unsigned
whash(const char *w)
{
	unsigned h = 2166136261u;

	while (*w != '\0')
		h = (h ^ (unsigned char)*w++) * 16777619u;
	return h;
}

static int
in_list(const char *w, const char *const *l)
{
	for (; *l != NULL; l++)
		if (strcmp(w, *l) == 0)
			return 1;
	return 0;
}

/* Characters: what a byte sequence at p is, and how long it is. */
enum cclass { C_WORD, C_SPACE, C_APOS, C_DQUOTE, C_DOPEN, C_DCLOSE, C_SOPEN,
	C_SCLOSE, C_END, C_QEND, C_PARA, C_CLAUSE, C_DASH, C_SEP };

static enum cclass
cclass(const unsigned char *p, size_t *len)
{
	*len = 1;
	if (isalnum(*p))
		return C_WORD;
	if (*p == '\'' || *p == '`')
		return C_APOS;
	if (*p == '"')
		return C_DQUOTE;
	if (*p == '?')
		return C_QEND;
	if (*p == '.' || *p == '!' || *p == ';')
		return C_END;
	if (*p == '\n')
		return p[1] == '\n' || (p[1] == '\r' && p[2] == '\n') ? C_PARA : C_SPACE;
	if (*p == ',' || *p == ':' || *p == '(' || *p == ')')
		return C_CLAUSE;
	if (*p == '-')
		return C_DASH;
	if (*p < 0x80)
		return isspace(*p) ? C_SPACE : C_SEP;
	if (p[0] == 0xc2 && p[1] == 0xa0) {
		*len = 2;
		return C_SPACE;
	}
	if (p[0] == 0xc2 && (p[1] == 0xab || p[1] == 0xbb)) {
		*len = 2;
		return p[1] == 0xab ? C_DOPEN : C_DCLOSE;
	}
	if (p[0] == 0xe2 && p[1] == 0x80 && p[2] != '\0') {
		*len = 3;
		switch (p[2]) {
		case 0x98:
			return C_SOPEN;
		case 0x99:
			return C_SCLOSE;
		case 0x9c:
			return C_DOPEN;
		case 0x9d:
			return C_DCLOSE;
		case 0x93:
		case 0x94:
			return C_CLAUSE;
		case 0xa6:
			return C_END;
		default:
			return C_SEP;	/* the rest of General Punctuation */
		}
	}
	if (p[0] >= 0xf0 && p[0] <= 0xf4 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80 && (p[3] & 0xc0) == 0x80) {
		*len = 4;
		return C_SEP;		/* emoji and other symbols */
	}
	*len = 1;
	return C_WORD;			/* letters of other scripts */
}

static int
wordat(const unsigned char *p)
{
	size_t	 len;

	return *p != '\0' && cclass(p, &len) == C_WORD;
}

static void
tok_push(struct toks *ts, const char *w, size_t beg, size_t end, int clause)
{
	struct tok *t;

	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? ts->cap * 2 : 8;
		ts->t = em_xreallocarray(ts->t, ts->cap, sizeof(*ts->t));
	}
	t = &ts->t[ts->n++];
	memset(t, 0, sizeof(*t));
	strncpy(t->w, w, sizeof(t->w) - 1);	/* a longer word matches no rule */
	t->beg = beg;
	t->end = end;
	t->clause = clause != 0;
	t->h = whash(t->w);
}

static int
spell_cmp(const void *a, const void *b)
{
	return strcmp(((const struct spelling *)a)->from,
	    ((const struct spelling *)b)->from);
}

/* One folded word, spelled out into one or two words. */
static void
word_push(struct toks *ts, const char *w, int apos, size_t beg, size_t end,
    int clause)
{
	static int sorted;
	struct spelling key = { w, NULL, 0 }, *sp;
	char	 buf[EM_WORD_MAX];
	const char *space;

	if (!sorted) {
		qsort(spell, sizeof(spell) / sizeof(spell[0]), sizeof(spell[0]),
		    spell_cmp);
		sorted = 1;
	}
	sp = bsearch(&key, spell, sizeof(spell) / sizeof(spell[0]),
	    sizeof(spell[0]), spell_cmp);
	if (sp == NULL || (sp->apos && !apos)) {
		tok_push(ts, w, beg, end, clause);
		return;
	}
	if ((space = strchr(sp->to, ' ')) == NULL) {
		tok_push(ts, sp->to, beg, end, clause);
		return;
	}
	memcpy(buf, sp->to, (size_t)(space - sp->to));
	buf[space - sp->to] = '\0';
	tok_push(ts, buf, beg, end, clause);
	tok_push(ts, space + 1, beg, end, 0);
}

/* The sentence of words [a, ts->n), if it has any. */
static void
sent_push(struct sent **ss, size_t *ns, size_t *cap, const struct toks *ts,
    size_t a, size_t beg, int question)
{
	if (ts->n <= a)
		return;
	if (*ns == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*ss = em_xreallocarray(*ss, *cap, sizeof(**ss));
	}
	(*ss)[*ns].a = a;
	(*ss)[*ns].b = ts->n;
	(*ss)[*ns].beg = beg;
	(*ss)[*ns].end = ts->t[ts->n - 1].end;
	(*ss)[*ns].question = question;
	(*ns)++;
}

/*
 * Split text into words and sentences. Quotation marks make a span whose
 * words are quoted when it is closed; an unclosed one quotes nothing.
 */
static void
tokenize(const char *text, struct toks *ts, struct sent **sp, size_t *nsp)
{
	const unsigned char *s = (const unsigned char *)text, *p = s, *q;
	struct sent *ss = NULL;
	size_t	 ns = 0, cap = 0, len, wl, j, dopen = SIZE_MAX, sopen = SIZE_MAX;
	size_t	 sbeg = SIZE_MAX, sa = 0;
	char	 w[EM_WORD_MAX];
	int	 clause = 1, apos, question = 0, ended = 0;
	enum cclass c;

	ts->n = 0;
	for (;;) {
		c = *p == '\0' ? C_PARA : cclass(p, &len);
		if (c == C_WORD) {
			/* A word, with apostrophes inside it dropped. */
			if (ended) {
				/* the previous sentence ends before this word */
				sent_push(&ss, &ns, &cap, ts, sa, sbeg, question);
				sa = ts->n;
				sbeg = SIZE_MAX;
				question = 0;
				ended = 0;
				clause = 1;
			}
			q = p;
			wl = 0;
			apos = 0;
			for (;;) {
				if (*q == '\0')
					break;
				c = cclass(q, &len);
				if (c == C_WORD) {
					for (j = 0; j < len; j++)
						if (wl + 1 < sizeof(w))
							w[wl++] = (char)tolower(q[j]);
					q += len;
				} else if ((c == C_APOS || c == C_SCLOSE) && q > s &&
				    wordat(q + len)) {
					apos = 1;	/* don't, don’t */
					q += len;
				} else
					break;
			}
			w[wl] = '\0';
			if (sbeg == SIZE_MAX)
				sbeg = (size_t)(p - s);
			/* "but" opens a clause as a comma does: "not sure if it
			 * helps but try X", "he said so but you could" */
			word_push(ts, w, apos, (size_t)(p - s), (size_t)(q - s),
			    clause || strcmp(w, "but") == 0);
			clause = 0;
			p = q;
			continue;
		}
		switch (c) {
		case C_END:
		case C_QEND:
			/* a dot between digits (3.5) is not an end */
			if (*p == '.' && p > s && isdigit(p[-1]) && isdigit(p[1]))
				break;
			if (ts->n > sa) {
				ended = 1;
				if (c == C_QEND)
					question = 1;
			}
			break;
		case C_PARA:
			if (ts->n > sa)
				ended = 1;
			break;
		case C_CLAUSE:
			clause = 1;
			break;
		case C_DASH:
			/* " - " between words is a clause; self-care is two words */
			if ((p == s || isspace(p[-1])) && (p[1] == '\0' || isspace(p[1])))
				clause = 1;
			break;
		case C_DQUOTE:
		case C_DOPEN:
		case C_DCLOSE:
			if (dopen == SIZE_MAX && c != C_DCLOSE)
				dopen = ts->n;
			else if (dopen != SIZE_MAX && c != C_DOPEN) {
				for (j = dopen; j < ts->n; j++)
					ts->t[j].quoted = 1;
				dopen = SIZE_MAX;
			}
			break;
		case C_APOS:
		case C_SOPEN:
		case C_SCLOSE:
			if (sopen == SIZE_MAX && c != C_SCLOSE && wordat(p + len) &&
			    (p == s || !wordat(p - 1)))
				sopen = ts->n;
			else if (sopen != SIZE_MAX && c != C_SOPEN && !wordat(p + len)) {
				for (j = sopen; j < ts->n; j++)
					ts->t[j].quoted = 1;
				sopen = SIZE_MAX;
			}
			break;
		default:
			break;
		}
		if (*p == '\0')
			break;
		p += len;
	}
	sent_push(&ss, &ns, &cap, ts, sa, sbeg, question);
	for (j = 0; j < ns; j++) {
		/* a sentence's bytes run to its last mark: "Why not?" */
		for (p = s + ss[j].end; *p != '\0'; p += len) {
			c = cclass(p, &len);
			if (c != C_END && c != C_QEND && c != C_DQUOTE && c != C_DCLOSE &&
			    c != C_APOS && c != C_SCLOSE && *p != ')')
				break;
		}
		ss[j].end = (size_t)(p - s);
	}
	*sp = ss;
	*nsp = ns;
}

void
em_phrase_free(struct em_phrase *ph)
{
	size_t	 i;

	if (ph == NULL)
		return;
	for (i = 0; i < ph->n; i++)
		free(ph->e[i].alts);
	free(ph->e);
	free(ph->buf);
	free(ph);
}

/* A word of ASCII letters and digits with at most an apostrophe inside. */
static int
simple_word(const char *w)
{
	const char *p;

	for (p = w; *p != '\0'; p++)
		if (!isalnum((unsigned char)*p) && !(*p == '\'' && p > w &&
		    isalnum((unsigned char)p[1])))
			return 0;
	return p - w < EM_WORD_MAX;
}

/* A simple word in lower case, its apostrophe left out, in place. */
static char *
fold_simple(char *w, int *apos)
{
	char	*r, *o;

	*apos = 0;
	for (r = o = w; *r != '\0'; r++) {
		if (*r == '\'') {
			*apos = 1;
			continue;
		}
		*o++ = (char)tolower((unsigned char)*r);
	}
	*o = '\0';
	return w;
}

/*
 * One alternative's words, folded and spelled out like the text's; "#" (a
 * number) and "*" (any word) stand for themselves.
 */
static int
alt_add(struct em_phrase *ph, struct pelem *e, const char *src, size_t len,
    char *err, size_t errlen)
{
	struct toks *ts = ph->scratch, one = { NULL, 0, 0 };
	struct sent *ss = NULL;
	struct palt *a;
	char	 small[256], *s = len < sizeof(small) ? small : em_xcalloc(1, len + 1);
	char	*w, *last = NULL;
	size_t	 ns, i, wl;
	int	 ex = 0, apos = 0;

	memcpy(s, src, len);
	s[len] = '\0';
	ts->n = 0;
	for (w = strtok_r(s, " \t\n", &last); w != NULL; w = strtok_r(NULL,
	    " \t\n", &last)) {
		if (strcmp(w, "#") == 0 || strcmp(w, "*") == 0) {
			tok_push(ts, w, 0, 0, 0);
			continue;
		}
		if (simple_word(w)) {
			/* most words: folded here, without the whole tokenizer */
			fold_simple(w, &apos);
			word_push(ts, w, apos, 0, 0, 0);
			continue;
		}
		tokenize(w, &one, &ss, &ns);
		free(ss);
		for (i = 0; i < one.n; i++)
			tok_push(ts, one.t[i].w, 0, 0, 0);
	}
	free(one.t);
	if (ts->n == 0)
		ex = snprintf(err, errlen, "no words in '%.*s'", (int)len, src);
	else if (ts->n > EM_PH_WORDS)
		ex = snprintf(err, errlen, "'%.*s' has more than %d words", (int)len,
		    src, EM_PH_WORDS);
	else if (e->nalts == EM_PH_ALTS)
		ex = snprintf(err, errlen, "more than %d alternatives", EM_PH_ALTS);
	for (i = 0; ex == 0 && i < ts->n; i++)
		if (strlen(ts->t[i].w) + 1 >= EM_WORD_MAX)
			ex = snprintf(err, errlen, "'%s' is too long a word", ts->t[i].w);
	if (ex == 0) {
		if ((e->nalts & (e->nalts - 1)) == 0)	/* 0, 1, 2, 4, 8, ... */
			e->alts = em_xreallocarray(e->alts, e->nalts ? e->nalts * 2 :
			    1, sizeof(*e->alts));
		a = &e->alts[e->nalts++];
		a->n = ts->n;
		for (i = 0; i < ts->n; i++) {
			wl = strlen(ts->t[i].w) + 1;
			while (ph->blen + wl > ph->bcap) {
				ph->bcap = ph->bcap ? ph->bcap * 2 : 256;
				ph->buf = em_xreallocarray(ph->buf, ph->bcap, 1);
			}
			memcpy(ph->buf + ph->blen, ts->t[i].w, wl);
			a->w[i] = (unsigned)ph->blen;
			a->h[i] = ts->t[i].h;
			ph->blen += wl;
		}
	}
	if (s != small)
		free(s);
	return ex != 0;
}

/*
 * A phrase from its source: words; (a|b c) one of these; [a|b] optionally
 * one of these; # a number. NULL with a reason in err when it is not one.
 */
struct em_phrase *
em_phrase_new(const char *src, char *err, size_t errlen)
{
	struct em_phrase *ph = em_xcalloc(1, sizeof(*ph));
	struct toks scratch = { NULL, 0, 0 };
	struct pelem *e;
	const char *p = src, *b, *close;
	size_t	 n;

	*err = '\0';
	ph->e = em_xcalloc(EM_PH_ELEMS, sizeof(*ph->e));
	ph->scratch = &scratch;
	while (*p != '\0') {
		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		if (ph->n == EM_PH_ELEMS) {
			snprintf(err, errlen, "more than %d parts", EM_PH_ELEMS);
			goto bad;
		}
		e = &ph->e[ph->n++];
		if (*p == '!') {
			if (p[1] != '(') {
				snprintf(err, errlen, "'!' must come before '('");
				goto bad;
			}
			e->neg = 1;
			p++;
		}
		if (*p == '(' || *p == '[') {
			e->opt = *p == '[';
			if ((close = strchr(p, e->opt ? ']' : ')')) == NULL) {
				snprintf(err, errlen, "'%c' is not closed", *p);
				goto bad;
			}
			for (b = ++p; p <= close; p++) {
				if (*p == '(' || *p == '[') {
					snprintf(err, errlen, "brackets inside brackets");
					goto bad;
				}
				if (*p != '|' && p != close)
					continue;
				if (alt_add(ph, e, b, (size_t)(p - b), err, errlen))
					goto bad;
				b = p + 1;
			}
			for (n = 0; e->neg && n < e->nalts; n++)
				if (e->alts[n].n != 1) {
					snprintf(err, errlen, "'!(...)' takes single words");
					goto bad;
				}
			continue;
		}
		if (*p == ')' || *p == ']' || *p == '|') {
			snprintf(err, errlen, "'%c' outside brackets", *p);
			goto bad;
		}
		for (n = 0; p[n] != '\0' && !isspace((unsigned char)p[n]) &&
		    strchr("()[]|", p[n]) == NULL; n++)
			;
		if (alt_add(ph, e, p, n, err, errlen))
			goto bad;
		p += n;
	}
	for (n = 0; n < ph->n && ph->e[n].opt; n++)
		;
	if (n == ph->n) {
		snprintf(err, errlen, "no words that must be there");
		goto bad;
	}
	free(scratch.t);
	ph->scratch = NULL;
	return ph;
bad:
	free(scratch.t);
	em_phrase_free(ph);
	return NULL;
}

static int
alt_at(const char *buf, const struct palt *a, const struct tok *t, size_t i,
    size_t end)
{
	const char *w;
	size_t	 k;

	if (i + a->n > end)
		return 0;
	for (k = 0; k < a->n; k++) {
		if (a->h[k] == t[i + k].h && strcmp(buf + a->w[k], t[i + k].w) == 0)
			continue;
		w = buf + a->w[k];
		if (w[0] == '*' && w[1] == '\0')
			continue;
		if (w[0] == '#' && w[1] == '\0' && (isdigit((unsigned char)
		    t[i + k].w[0]) || in_list(t[i + k].w, numwords)))
			continue;
		return 0;
	}
	return 1;
}

/* Whether element e takes alternative a at word i: its length, or -1. */
static int
elem_at(const char *buf, const struct pelem *e, size_t a, const struct tok *t,
    size_t i, size_t end)
{
	size_t	 k;

	if (!e->neg)
		return alt_at(buf, &e->alts[a], t, i, end) ? (int)e->alts[a].n : -1;
	if (a > 0 || i >= end)
		return -1;
	for (k = 0; k < e->nalts; k++)
		if (alt_at(buf, &e->alts[k], t, i, end))
			return -1;
	return 1;
}

/*
 * Where the phrase matches words [i, end): the end of its longest match (or
 * with shortest, of its shortest), or 0 when it does not. The positions it
 * can reach after each part are kept as flags, so the work is bounded
 * whatever the phrase.
 */
static size_t
ph_reach(const struct em_phrase *ph, const struct tok *t, size_t i, size_t end,
    int shortest)
{
	unsigned char	 cur[EM_PH_SPAN + 1], nxt[EM_PH_SPAN + 1];
	size_t		 e, a, o, lim = end - i, best = 0;
	int		 any, n;

	if (i >= end)
		return 0;
	if (lim > EM_PH_SPAN)
		lim = EM_PH_SPAN;
	/* most rules fail on the first word: try that before the walk */
	if (!ph->e[0].opt && !ph->e[0].neg) {
		for (a = 0; a < ph->e[0].nalts; a++)
			if (alt_at(ph->buf, &ph->e[0].alts[a], t, i, i + lim))
				break;
		if (a == ph->e[0].nalts)
			return 0;
	}
	memset(cur, 0, lim + 1);
	cur[0] = 1;
	for (e = 0; e < ph->n; e++) {
		if (ph->e[e].opt)
			memcpy(nxt, cur, lim + 1);
		else
			memset(nxt, 0, lim + 1);
		any = 0;
		for (o = 0; o <= lim; o++) {
			if (!cur[o])
				continue;
			for (a = 0; a < ph->e[e].nalts; a++)
				if ((n = elem_at(ph->buf, &ph->e[e], a, t, i + o,
				    i + lim)) >= 0) {
					nxt[o + (size_t)n] = 1;
					any = 1;
				}
		}
		if (!any && !ph->e[e].opt)
			return 0;
		memcpy(cur, nxt, lim + 1);
	}
	for (o = 1; o <= lim; o++)
		if (cur[o]) {
			best = o;
			if (shortest)
				break;
		}
	return best ? i + best : 0;
}

static size_t
ph_match(const struct em_phrase *ph, const struct tok *t, size_t i, size_t end)
{
	return ph_reach(ph, t, i, end, 0);
}

/*
 * Whether any phrase of kind x, in any advice document, matches at i: the
 * end of the longest match of all (with shortest, of the shortest), or 0.
 */
static size_t
x_reach(const struct em_content *c, enum em_xkind x, const struct tok *t,
    size_t i, size_t end, int shortest)
{
	const struct em_doc *d;
	size_t	 k, j, m, best = 0;

	for (k = 0; k < em_content_count(c, EM_K_ADVICE); k++) {
		d = em_content_nth(c, EM_K_ADVICE, k);
		for (j = 0; j < d->nexcept[x]; j++) {
			if ((m = ph_reach(d->except[x][j], t, i, end, shortest)) == 0)
				continue;
			if (best == 0 || (shortest ? m < best : m > best))
				best = m;
		}
	}
	return best;
}

static size_t
x_match(const struct em_content *c, enum em_xkind x, const struct tok *t,
    size_t i, size_t end)
{
	return x_reach(c, x, t, i, end, 0);
}

/* The first word of a clause's body: past softeners such as "just", "maybe so". */
static size_t
past_softeners(const struct em_content *c, const struct tok *t, size_t i,
    size_t end)
{
	size_t	 m, n;

	for (n = 0; n < 6 && i < end && (m = x_match(c, EM_X_SOFTENER, t, i,
	    end)) > i; n++)
		i = m;
	return i;
}

/* A reporting word in the past: "when I told you to calm down" is reported. */
static int
past(const char *w)
{
	static const char *const irregular[] = { "said", "told", "thought", "felt",
	    "heard", "meant", "wrote", "knew", "kept", "was", "were", NULL };
	size_t	 n = strlen(w);

	return (n > 2 && strcmp(w + n - 2, "ed") == 0) || in_list(w, irregular);
}

/*
 * What a sentence's exceptions allow, worked out once for the sentence (on
 * its first match) so that judging every match in it stays linear: at each
 * word m, the furthest end of a reporter or negation that starts before m
 * and counts, the nearest end of an asking phrase that starts before m in
 * m's clause, and the last clause start at or before m.
 */
struct xtab {
	size_t	*said, *ask, *clause;
};
#define XT_NONE	((size_t)-1)

/* A reporting word at i whose subject is the speaker: "I think you should". */
static int
speaker_near(const struct tok *t, const struct sent *s, size_t i)
{
	size_t	 k;

	for (k = i; k > s->a && k + 3 > i; k--) {
		if (in_list(t[k - 1].w, speaker))
			return 1;
		if (t[k - 1].clause)
			break;
	}
	return 0;
}

static void
xtab_make(const struct em_content *c, const struct tok *t, const struct sent *s,
    struct xtab *xt)
{
	size_t	 n = s->b - s->a, i, e, q, said = 0, ask = XT_NONE, cl = XT_NONE;
	int	 x;

	xt->said = em_xcalloc(n, sizeof(*xt->said));
	xt->ask = em_xcalloc(n, sizeof(*xt->ask));
	xt->clause = em_xcalloc(n, sizeof(*xt->clause));
	for (i = s->a; i < s->b; i++) {
		if (t[i].clause) {
			cl = i;
			ask = XT_NONE;	/* an asking word counts in its clause */
		}
		xt->said[i - s->a] = said;
		xt->ask[i - s->a] = ask;
		xt->clause[i - s->a] = cl;
		for (q = 0, x = EM_X_REPORTER; x <= EM_X_NEGATION; x++) {
			/* it may end inside the match: "you feel you should" */
			if ((e = x_match(c, (enum em_xkind)x, t, i, s->b)) <= i)
				continue;
			if (x == EM_X_NEGATION || !speaker_near(t, s, i) || past(t[i].w))
				q = e > q ? e : q;
		}
		said = q > said ? q : said;
		if ((e = x_reach(c, EM_X_ASKING, t, i, s->b, 1)) > i && e < ask)
			ask = e;
	}
}

static void
xtab_free(struct xtab *xt)
{
	free(xt->said);
	free(xt->ask);
	free(xt->clause);
	memset(xt, 0, sizeof(*xt));
}

/*
 * Whether the words from m0 on are someone else's words, or ones the speaker
 * declines to say: after a reporting word whose subject is not the speaker
 * ("he told you to", "you feel like you have to"), or the speaker's
 * negation ("I won't say"), in the same clause, or just before a clause
 * that the match opens ("he said, calm down").
 */
static int
not_said(const struct xtab *xt, const struct sent *s, size_t m0)
{
	size_t	 e = xt->said[m0 - s->a], cl = xt->clause[m0 - s->a];

	if (e == 0)
		return 0;
	/* no clause starts between them, unless the match opens it */
	return cl == XT_NONE || e > cl || (cl == m0 && e == m0);
}

/*
 * A question without its mark, as chat writes them: "what do you think",
 * "do you want". Not "when i was ill", which only starts like one.
 */
static int
chat_question(const struct tok *t, const struct sent *s)
{
	static const char *const wh[] = { "what", "how", "why", "who", "where",
	    "when", "which", NULL };
	static const char *const aux[] = { "do", "does", "did", "is", "are", "was",
	    "were", "can", "could", "would", "will", "should", "have", "has",
	    "had", "may", "might", NULL };
	static const char *const subj[] = { "you", "i", "we", "they", "he", "she",
	    "it", "your", "there", "that", "this", NULL };

	if (s->b - s->a < 2)
		return 0;
	return (in_list(t[s->a].w, wh) && in_list(t[s->a + 1].w, aux)) ||
	    (in_list(t[s->a].w, aux) && in_list(t[s->a + 1].w, subj));
}

/* Whether a question asks, before m0, for the partner's own view. */
static int
asks_own_view(const struct xtab *xt, const struct tok *t, const struct sent *s,
    size_t m0)
{
	if (!s->question && !chat_question(t, s))
		return 0;
	return xt->ask[m0 - s->a] <= m0;
}

/* Whether a match [m0, m1) of rule p counts. */
static int
counts(const struct em_content *c, const struct em_pattern *p,
    const struct tok *t, const struct sent *s, struct xtab *xt, size_t m0,
    size_t m1)
{
	size_t	 i;

	for (i = m0; i < m1; i++)
		if (t[i].quoted)
			return 0;
	for (i = 0; i < p->nunless; i++)
		if (ph_match(p->unless[i], t, m1, s->b) > m1)
			return 0;
	if (xt->said == NULL)
		xtab_make(c, t, s, xt);
	if ((p->kind == EM_R_FRAME || p->kind == EM_R_QUESTION) &&
	    asks_own_view(xt, t, s, m0))
		return 0;
	return !not_said(xt, s, m0);
}

/* The first rule, in content order, that a sentence breaks. */
static void
judge(const struct em_content *c, const struct tok *t, const struct sent *s,
    struct em_sentence *out)
{
	const struct em_doc *d;
	const struct em_pattern *p;
	struct xtab xt = { NULL, NULL, NULL };
	size_t	 k, j, i, i0, m, *body;

	/* where each clause's body starts, past its softeners: once */
	body = em_xcalloc(s->b - s->a, sizeof(*body));
	for (i = s->a; i < s->b; i++)
		body[i - s->a] = t[i].clause ? past_softeners(c, t, i, s->b) : i;
	for (k = 0; k < em_content_count(c, EM_K_ADVICE); k++) {
		d = em_content_nth(c, EM_K_ADVICE, k);
		for (j = 0; j < d->npatterns; j++) {
			p = &d->patterns[j];
			for (i = s->a; i < s->b; i++) {
				i0 = i;
				if (p->kind == EM_R_OPENER) {
					if (!t[i].clause)
						continue;
					i0 = body[i - s->a];
				}
				if ((m = ph_match(p->rx, t, i0, s->b)) == 0 &&
				    p->kind == EM_R_OPENER && i0 != i)
					m = ph_match(p->rx, t, i0 = i, s->b);
				if (m == 0 || !counts(c, p, t, s, &xt, i0, m))
					continue;
				out->rule = p;
				out->doc = d;
				out->mbeg = t[i0].beg;
				out->mend = t[m - 1].end;
				goto out;
			}
		}
	}
out:
	xtab_free(&xt);
	free(body);
}

/*
 * Judge each sentence of an answer. Returns the number of sentences, their
 * verdicts in *out (the caller frees it); a sentence's rule is NULL when it
 * breaks none.
 */
size_t
em_advice_judge(const struct em_content *c, const char *text,
    struct em_sentence **out)
{
	struct toks ts = { NULL, 0, 0 };
	struct sent *ss;
	size_t	 ns, i;

	tokenize(text, &ts, &ss, &ns);
	*out = em_xcalloc(ns ? ns : 1, sizeof(**out));
	for (i = 0; i < ns; i++) {
		(*out)[i].beg = ss[i].beg;
		(*out)[i].end = ss[i].end;
		(*out)[i].question = ss[i].question;
		judge(c, ts.t, &ss[i], &(*out)[i]);
	}
	free(ts.t);
	free(ss);
	return ns;
}

const char *
em_rkind_name(enum em_rkind k)
{
	static const char *const names[EM_R_COUNT] = {
		"a phrase rule", "an opener rule", "a frame rule", "a question rule"
	};

	return names[k];
}
