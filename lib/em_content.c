/* em_content.c: content documents from the search path, validated into plain structs. */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

#ifndef EM_CONTENTDIR
#define EM_CONTENTDIR "/usr/local/share/empathy/content"
#endif

struct em_content {
	struct em_doc	**docs[EM_K_COUNT];	/* in the order of the path and files */
	struct em_doc	**byid[EM_K_COUNT];	/* the same, sorted by id */
	size_t		  n[EM_K_COUNT];
	unsigned	  kinds;	/* EM_KIND() of each kind loaded */
	struct em_content *old;		/* an earlier load, kept for its docs */
};

static const char *const kind_names[EM_K_COUNT] = {
	"prompts", "emotions", "advice", "instrument", "exercise", "challenge"
};

const char *
em_kind_name(enum em_kind k)
{
	return (unsigned)k < EM_K_COUNT ? kind_names[k] : "?";
}

void
em_strv_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Append to a list whose room doubles when its length reaches a power of two. */
static void
strv_add(char ***v, size_t *n, const char *s)
{
	if ((*n & (*n - 1)) == 0)
		*v = em_xreallocarray(*v, *n ? *n * 2 : 1, sizeof(**v));
	(*v)[(*n)++] = em_strdup(s);
}

/*
 * The search path: --content, $EMPATHY_CONTENT, the user's, the installed.
 * $EMPATHY_CONTENTDIR, when set, stands for the installed directory (empty:
 * none), so a test suite or a relocated copy decides the whole path.
 */
int
em_content_path(struct em_ctx *ctx, char ***dirsp, size_t *np)
{
	char		**v = NULL, *env, *p, *tok, *save;
	size_t		  n = 0, i;
	struct stat	  st;

	for (i = 0; i < ctx->ncdirs; i++) {
		if (stat(ctx->cdirs[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			em_strv_free(v, n);
			return em_errno(ctx, EM_EX_NOINPUT, "--content %s",
			    ctx->cdirs[i]);
		}
		strv_add(&v, &n, ctx->cdirs[i]);
	}
	if ((env = getenv("EMPATHY_CONTENT")) != NULL) {
		p = em_strdup(env);
		for (tok = strtok_r(p, ":", &save); tok != NULL;
		    tok = strtok_r(NULL, ":", &save))
			strv_add(&v, &n, tok);
		free(p);
	}
	p = em_xdg_path("XDG_CONFIG_HOME", ".config", "empathy/content");
	strv_add(&v, &n, p);
	free(p);
	if ((env = getenv("EMPATHY_CONTENTDIR")) == NULL)
		strv_add(&v, &n, EM_CONTENTDIR);
	else if (*env != '\0')
		strv_add(&v, &n, env);
	*dirsp = v;
	*np = n;
	return 0;
}

static void
doc_free(struct em_doc *d)
{
	size_t	 i, j;

	if (d == NULL)
		return;
	free(d->id);
	free(d->title);
	free(d->description);
	free(d->file);
	em_strv_free(d->strv, d->nstr);
	em_strv_free(d->labels, d->nlabels);
	for (i = 0; i < d->nfeelings; i++) {
		free(d->feelings[i].word);
		em_strv_free(d->feelings[i].under, d->feelings[i].nunder);
	}
	free(d->feelings);
	for (i = 0; i < d->npatterns; i++) {
		free(d->patterns[i].match);
		free(d->patterns[i].instead);
		free(d->patterns[i].note);
		em_phrase_free(d->patterns[i].rx);
		for (j = 0; j < d->patterns[i].nunless; j++)
			em_phrase_free(d->patterns[i].unless[j]);
		free(d->patterns[i].unless);
	}
	free(d->patterns);
	for (i = 0; i < EM_X_COUNT; i++) {
		for (j = 0; j < d->nexcept[i]; j++)
			em_phrase_free(d->except[i][j]);
		free(d->except[i]);
	}
	for (i = 0; i < d->nitems; i++) {
		free(d->items[i].text);
		free(d->items[i].exercise);
	}
	free(d->items);
	for (i = 0; i < d->nbands; i++) {
		free(d->bands[i].label);
		free(d->bands[i].meaning);
	}
	free(d->bands);
	for (i = 0; i < d->ndays; i++) {
		free(d->days[i].title);
		free(d->days[i].task);
		free(d->days[i].exercise);
	}
	free(d->days);
	free(d);
}

void
em_content_free(struct em_content *c)
{
	size_t	 k, i;

	if (c == NULL)
		return;
	for (k = 0; k < EM_K_COUNT; k++) {
		for (i = 0; i < c->n[k]; i++)
			doc_free(c->docs[k][i]);
		free(c->docs[k]);
		free(c->byid[k]);
	}
	em_content_free(c->old);
	free(c);
}

unsigned
em_content_kinds(const struct em_content *c)
{
	return c->kinds;
}

size_t
em_content_count(const struct em_content *c, enum em_kind k)
{
	return c->n[k];
}

const struct em_doc *
em_content_nth(const struct em_content *c, enum em_kind k, size_t i)
{
	return i < c->n[k] ? c->docs[k][i] : NULL;
}

/* Where id is, or would go, in the first n of a sorted byid array. */
static size_t
id_at(struct em_doc *const *byid, size_t n, const char *id)
{
	size_t	 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(byid[mid]->id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct em_doc *
em_content_find(const struct em_content *c, enum em_kind k, const char *id)
{
	size_t	 i = id_at(c->byid[k], c->n[k], id);

	return i < c->n[k] && strcmp(c->byid[k][i]->id, id) == 0 ?
	    c->byid[k][i] : NULL;
}

#define EM_WARN_KEYS	5	/* unknown keys warned of one by one, per mapping */

/* Validation: each check reports file:line:column and returns 78. */
struct vctx {
	struct em_ctx	*ctx;
	const char	*file;
};

static int bad(struct vctx *, const struct em_ynode *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static int
bad(struct vctx *v, const struct em_ynode *n, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return em_err(v->ctx, EM_EX_CONFIG, "%s:%u:%u: %s", v->file, n->line,
	    n->col, msg);
}

/* Warn of keys a kind does not know: a typo should not pass in silence. */
static void
check_keys(struct vctx *v, const struct em_ynode *map, const char *const *known)
{
	size_t	 i, j, nunknown = 0;
	char	 key[68];

	for (i = 0; i < map->n; i += 2) {
		for (j = 0; known[j] != NULL; j++)
			if (strcmp(map->kids[i]->str, known[j]) == 0)
				break;
		if (known[j] != NULL || ++nunknown > EM_WARN_KEYS)
			continue;
		em_cut(key, sizeof(key), map->kids[i]->str);
		em_warn(v->ctx, "%s:%u:%u: unknown key '%s' ignored", v->file,
		    map->kids[i]->line, map->kids[i]->col, key);
	}
	/* A mapping of a hundred thousand keys is not worth a line each. */
	if (nunknown > EM_WARN_KEYS)
		em_warn(v->ctx, "%s:%u:%u: and %zu more unknown keys ignored", v->file,
		    map->line, map->col, nunknown - EM_WARN_KEYS);
}

static int
want_map(struct vctx *v, const struct em_ynode *n, const char *what)
{
	if (n->type != EM_Y_MAP)
		return bad(v, n, "%s must be a mapping of keys to values", what);
	return 0;
}

static int
get_str(struct vctx *v, const struct em_ynode *map, const char *key, int required,
    char **out)
{
	const struct em_ynode *n = em_ymap_get(map, key);

	*out = NULL;
	if (n == NULL)
		return required ? bad(v, map, "missing '%s'", key) : 0;
	if (n->type != EM_Y_STR)
		return bad(v, n, "'%s' must be text", key);
	if (required && *n->str == '\0')
		return bad(v, n, "'%s' must not be empty", key);
	*out = em_strdup(n->str);
	return 0;
}

static int
get_int(struct vctx *v, const struct em_ynode *map, const char *key, int required,
    long lo, long hi, int *out)
{
	const struct em_ynode *n = em_ymap_get(map, key);
	char	*end, range[64];
	long	 x;

	if (n == NULL)
		return required ? bad(v, map, "missing '%s'", key) : 0;
	if (n->type != EM_Y_STR || !n->plain || *n->str == '\0')
		return bad(v, n, "'%s' must be a whole number", key);
	errno = 0;
	x = strtol(n->str, &end, 10);
	snprintf(range, sizeof(range), "%ld to %ld", lo, hi);
	if (*end != '\0' || errno != 0 || x < lo || x > hi)
		return bad(v, n, "'%s' must be a whole number from %s", key, range);
	*out = (int)x;
	return 0;
}

static int
get_bool(struct vctx *v, const struct em_ynode *map, const char *key, int *out)
{
	const struct em_ynode *n = em_ymap_get(map, key);

	*out = 0;
	if (n == NULL)
		return 0;
	if (n->type == EM_Y_STR && n->plain) {
		if (!strcmp(n->str, "true") || !strcmp(n->str, "yes")) {
			*out = 1;
			return 0;
		}
		if (!strcmp(n->str, "false") || !strcmp(n->str, "no"))
			return 0;
	}
	return bad(v, n, "'%s' must be true or false", key);
}

/* A list of non-empty strings, at least min long. */
static int
get_strlist(struct vctx *v, const struct em_ynode *map, const char *key,
    size_t min, char ***out, size_t *np)
{
	const struct em_ynode *n = em_ymap_get(map, key);
	size_t	 i;

	*out = NULL;
	*np = 0;
	if (n == NULL)
		return min ? bad(v, map, "missing '%s'", key) : 0;
	if (n->type != EM_Y_SEQ)
		return bad(v, n, "'%s' must be a list", key);
	if (n->n < min)
		return bad(v, n, "'%s' must not be empty", key);
	for (i = 0; i < n->n; i++) {
		if (n->kids[i]->type != EM_Y_STR || *n->kids[i]->str == '\0')
			return bad(v, n->kids[i], "each entry of '%s' must be text",
			    key);
		strv_add(out, np, n->kids[i]->str);
	}
	return 0;
}

/* The list under key, which each entry must be a mapping; NULL when absent. */
static int
get_maplist(struct vctx *v, const struct em_ynode *map, const char *key,
    const struct em_ynode **out)
{
	const struct em_ynode *n = em_ymap_get(map, key);
	size_t	 i;

	*out = NULL;
	if (n == NULL)
		return bad(v, map, "missing '%s'", key);
	if (n->type != EM_Y_SEQ)
		return bad(v, n, "'%s' must be a list", key);
	if (n->n == 0)
		return bad(v, n, "'%s' must not be empty", key);
	for (i = 0; i < n->n; i++)
		if (want_map(v, n->kids[i], "each entry") != 0)
			return EM_EX_CONFIG;
	*out = n;
	return 0;
}

static int
v_prompts(struct vctx *v, const struct em_ynode *m, struct em_doc *d)
{
	static const char *const keys[] = { "kind", "id", "title", "prompts", NULL };

	check_keys(v, m, keys);
	return get_strlist(v, m, "prompts", 1, &d->strv, &d->nstr);
}

static int
v_emotions(struct vctx *v, const struct em_ynode *m, struct em_doc *d)
{
	static const char *const keys[] = { "kind", "id", "title", "feelings", NULL };
	static const char *const fkeys[] = { "word", "underneath", NULL };
	const struct em_ynode *list;
	struct em_feeling *f;
	size_t	 i;
	int	 ex;

	check_keys(v, m, keys);
	if ((ex = get_maplist(v, m, "feelings", &list)) != 0)
		return ex;
	d->feelings = em_xcalloc(list->n, sizeof(*d->feelings));
	for (i = 0; i < list->n; i++) {
		f = &d->feelings[d->nfeelings++];
		check_keys(v, list->kids[i], fkeys);
		if ((ex = get_str(v, list->kids[i], "word", 1, &f->word)) != 0 ||
		    (ex = get_strlist(v, list->kids[i], "underneath", 1, &f->under,
		    &f->nunder)) != 0)
			return ex;
	}
	return 0;
}

/* A phrase of an advice document, compiled; 78 naming where when it is not one. */
static int
get_phrase(struct vctx *v, const struct em_ynode *n, const char *key,
    struct em_phrase **out)
{
	char	 err[160];

	if (n->type != EM_Y_STR || *n->str == '\0')
		return bad(v, n, "each entry of '%s' must be text", key);
	if ((*out = em_phrase_new(n->str, err, sizeof(err))) == NULL)
		return bad(v, n, "'%s' is not a phrase: %s", n->str, err);
	return 0;
}

/* The rules of one kind: a list of {match, instead, note, unless}. */
static int
v_rules(struct vctx *v, const struct em_ynode *m, struct em_doc *d,
    enum em_rkind kind)
{
	static const char *const names[EM_R_COUNT] = { "patterns", "openers",
	    "frames", "questions" };
	static const char *const pkeys[] = { "match", "instead", "note", "unless",
	    NULL };
	const struct em_ynode *list = em_ymap_get(m, names[kind]), *r, *u;
	struct em_pattern *p;
	size_t	 i, j;
	int	 ex;

	if (list == NULL)
		return 0;
	if (list->type != EM_Y_SEQ)
		return bad(v, list, "'%s' must be a list", names[kind]);
	if (list->n == 0)
		return bad(v, list, "'%s' must not be empty", names[kind]);
	d->patterns = em_xreallocarray(d->patterns, d->npatterns + list->n,
	    sizeof(*d->patterns));
	for (i = 0; i < list->n; i++) {
		r = list->kids[i];
		if ((ex = want_map(v, r, "each rule")) != 0)
			return ex;
		p = &d->patterns[d->npatterns++];
		memset(p, 0, sizeof(*p));
		p->kind = kind;
		check_keys(v, r, pkeys);
		if ((ex = get_str(v, r, "match", 1, &p->match)) != 0 ||
		    (ex = get_str(v, r, "instead", 1, &p->instead)) != 0 ||
		    (ex = get_str(v, r, "note", 0, &p->note)) != 0 ||
		    (ex = get_phrase(v, em_ymap_get(r, "match"), "match",
		    &p->rx)) != 0)
			return ex;
		if ((u = em_ymap_get(r, "unless")) == NULL)
			continue;
		if (u->type != EM_Y_SEQ)
			return bad(v, u, "'unless' must be a list");
		p->unless = em_xcalloc(u->n ? u->n : 1, sizeof(*p->unless));
		for (j = 0; j < u->n; j++, p->nunless++)
			if ((ex = get_phrase(v, u->kids[j], "unless",
			    &p->unless[j])) != 0)
				return ex;
	}
	return 0;
}

static int
v_advice(struct vctx *v, const struct em_ynode *m, struct em_doc *d)
{
	static const char *const keys[] = { "kind", "id", "title", "patterns",
	    "openers", "frames", "questions", "softeners", "reporters",
	    "negations", "asking", NULL };
	static const char *const xnames[EM_X_COUNT] = { "softeners", "reporters",
	    "negations", "asking" };
	const struct em_ynode *list;
	size_t	 i, k;
	int	 ex;

	check_keys(v, m, keys);
	for (k = 0; k < EM_R_COUNT; k++)
		if ((ex = v_rules(v, m, d, (enum em_rkind)k)) != 0)
			return ex;
	for (k = 0; k < EM_X_COUNT; k++) {
		if ((list = em_ymap_get(m, xnames[k])) == NULL)
			continue;
		if (list->type != EM_Y_SEQ)
			return bad(v, list, "'%s' must be a list", xnames[k]);
		if (list->n == 0)
			return bad(v, list, "'%s' must not be empty", xnames[k]);
		d->except[k] = em_xcalloc(list->n ? list->n : 1, sizeof(*d->except[k]));
		for (i = 0; i < list->n; i++, d->nexcept[k]++)
			if ((ex = get_phrase(v, list->kids[i], xnames[k],
			    &d->except[k][i])) != 0)
				return ex;
	}
	if (d->npatterns + d->nexcept[EM_X_SOFTENER] + d->nexcept[EM_X_REPORTER] +
	    d->nexcept[EM_X_NEGATION] + d->nexcept[EM_X_ASKING] == 0)
		return bad(v, m, "missing 'patterns' (or openers, frames, questions, "
		    "softeners, reporters, negations, asking)");
	return 0;
}

static int
v_instrument(struct vctx *v, const struct em_ynode *m, struct em_doc *d)
{
	static const char *const keys[] = { "kind", "id", "title", "description",
	    "scale", "items", "bands", NULL };
	static const char *const skeys[] = { "min", "max", "labels", NULL };
	static const char *const ikeys[] = { "text", "reverse", "exercise", "guess",
	    NULL };
	static const char *const bkeys[] = { "from", "label", "meaning", NULL };
	const struct em_ynode *scale, *list;
	struct em_item *it;
	struct em_band *b;
	size_t	 i;
	int	 ex, guess;

	check_keys(v, m, keys);
	if ((ex = get_str(v, m, "description", 0, &d->description)) != 0)
		return ex;
	if ((scale = em_ymap_get(m, "scale")) == NULL)
		return bad(v, m, "missing '%s'", "scale");
	if ((ex = want_map(v, scale, "'scale'")) != 0)
		return ex;
	check_keys(v, scale, skeys);
	if ((ex = get_int(v, scale, "min", 1, 0, 100, &d->min)) != 0 ||
	    (ex = get_int(v, scale, "max", 1, 1, 100, &d->max)) != 0 ||
	    (ex = get_strlist(v, scale, "labels", 0, &d->labels, &d->nlabels)) != 0)
		return ex;
	if (d->max <= d->min)
		return bad(v, scale, "the scale's max must be above its min");
	if (d->nlabels != 0 && d->nlabels != (size_t)(d->max - d->min + 1))
		return bad(v, em_ymap_get(scale, "labels"),
		    "'labels' must name every point of the scale");
	if ((ex = get_maplist(v, m, "items", &list)) != 0)
		return ex;
	d->items = em_xcalloc(list->n, sizeof(*d->items));
	for (i = 0; i < list->n; i++) {
		it = &d->items[d->nitems++];
		it->line = list->kids[i]->line;
		it->col = list->kids[i]->col;
		check_keys(v, list->kids[i], ikeys);
		if ((ex = get_str(v, list->kids[i], "text", 1, &it->text)) != 0 ||
		    (ex = get_bool(v, list->kids[i], "reverse", &it->reverse)) != 0 ||
		    (ex = get_str(v, list->kids[i], "exercise", 0, &it->exercise)) != 0 ||
		    (ex = get_bool(v, list->kids[i], "guess", &guess)) != 0)
			return ex;
		/* guess: true unless it says false */
		it->noguess = em_ymap_get(list->kids[i], "guess") != NULL && !guess;
	}
	if ((ex = get_maplist(v, m, "bands", &list)) != 0)
		return ex;
	d->bands = em_xcalloc(list->n, sizeof(*d->bands));
	for (i = 0; i < list->n; i++) {
		b = &d->bands[d->nbands++];
		check_keys(v, list->kids[i], bkeys);
		if ((ex = get_int(v, list->kids[i], "from", 1, 0, 100, &b->from)) != 0 ||
		    (ex = get_str(v, list->kids[i], "label", 1, &b->label)) != 0 ||
		    (ex = get_str(v, list->kids[i], "meaning", 1, &b->meaning)) != 0)
			return ex;
		if (i == 0 && b->from != 0)
			return bad(v, list->kids[i], "the first band must start "
			    "from 0");
		if (i > 0 && b->from <= d->bands[i - 1].from)
			return bad(v, list->kids[i], "bands must go up");
	}
	return 0;
}

static int
v_exercise(struct vctx *v, const struct em_ynode *m, struct em_doc *d)
{
	static const char *const keys[] = { "kind", "id", "title", "description",
	    "minutes", "steps", NULL };
	int	 ex;

	check_keys(v, m, keys);
	if ((ex = get_str(v, m, "description", 0, &d->description)) != 0 ||
	    (ex = get_int(v, m, "minutes", 1, 1, 1440, &d->minutes)) != 0)
		return ex;
	return get_strlist(v, m, "steps", 1, &d->strv, &d->nstr);
}

static int
v_challenge(struct vctx *v, const struct em_ynode *m, struct em_doc *d)
{
	static const char *const keys[] = { "kind", "id", "title", "description",
	    "days", NULL };
	static const char *const dkeys[] = { "title", "task", "exercise", NULL };
	const struct em_ynode *list;
	struct em_day *day;
	size_t	 i;
	int	 ex;

	check_keys(v, m, keys);
	if ((ex = get_str(v, m, "description", 0, &d->description)) != 0 ||
	    (ex = get_maplist(v, m, "days", &list)) != 0)
		return ex;
	d->days = em_xcalloc(list->n, sizeof(*d->days));
	for (i = 0; i < list->n; i++) {
		day = &d->days[d->ndays++];
		day->line = list->kids[i]->line;
		day->col = list->kids[i]->col;
		check_keys(v, list->kids[i], dkeys);
		if ((ex = get_str(v, list->kids[i], "title", 1, &day->title)) != 0 ||
		    (ex = get_str(v, list->kids[i], "task", 1, &day->task)) != 0 ||
		    (ex = get_str(v, list->kids[i], "exercise", 0, &day->exercise)) != 0)
			return ex;
	}
	return 0;
}

static int (*const validators[EM_K_COUNT])(struct vctx *, const struct em_ynode *,
    struct em_doc *) = {
	v_prompts, v_emotions, v_advice, v_instrument, v_exercise, v_challenge
};

/* A document id: lower-case letters, digits, '-' and '_', not first. */
int
em_content_id_valid(const char *s)
{
	const char *p;

	if (*s == '\0' || strlen(s) > 64)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    ((*p == '-' || *p == '_') && p != s)))
			return 0;
	return 1;
}

/* One document into a struct; *dp is NULL only on error. */
static int
load_doc(struct vctx *v, const struct em_ynode *m, struct em_doc **dp)
{
	struct em_doc	*d;
	char		*kind = NULL;
	int		 ex, k;

	*dp = NULL;
	if ((ex = want_map(v, m, "a content document")) != 0)
		return ex;
	if ((ex = get_str(v, m, "kind", 1, &kind)) != 0 || kind == NULL)
		return ex != 0 ? ex : bad(v, m, "missing 'kind'");
	for (k = 0; k < EM_K_COUNT; k++)
		if (strcmp(kind, kind_names[k]) == 0)
			break;
	if (k == EM_K_COUNT) {
		ex = bad(v, em_ymap_get(m, "kind"), "unknown kind '%s' (prompts, "
		    "emotions, advice, instrument, exercise or challenge)", kind);
		free(kind);
		return ex;
	}
	free(kind);
	d = em_xcalloc(1, sizeof(*d));
	d->kind = (enum em_kind)k;
	d->file = em_strdup(v->file);
	d->line = m->line;
	d->col = m->col;
	if ((ex = get_str(v, m, "id", 1, &d->id)) == 0 && !em_content_id_valid(d->id))
		ex = bad(v, em_ymap_get(m, "id"), "id '%s' must be lower-case "
		    "letters, digits, '-' or '_'", d->id);
	if (ex == 0)
		ex = get_str(v, m, "title", k >= EM_K_INSTRUMENT, &d->title);
	if (ex == 0)
		ex = validators[k](v, m, d);
	if (ex != 0) {
		doc_free(d);
		return ex;
	}
	*dp = d;
	return 0;
}

static int
yaml_name(const struct dirent *e)
{
	size_t	 len = strlen(e->d_name);

	if (e->d_name[0] == '.')
		return 0;
	return (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0) ||
	    (len > 4 && strcmp(e->d_name + len - 4, ".yml") == 0);
}

static int
byname(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Add a document; a directory's documents are settled when it is done. */
static void
add_doc(struct em_content *c, size_t cap[EM_K_COUNT], struct em_doc *d)
{
	size_t	 k = d->kind;

	if (c->n[k] == cap[k]) {
		cap[k] = cap[k] ? cap[k] * 2 : 16;
		c->docs[k] = em_xreallocarray(c->docs[k], cap[k], sizeof(*c->docs[k]));
	}
	c->docs[k][c->n[k]++] = d;
}

/* A document and its place in the order of the path. */
struct placed {
	struct em_doc	*d;
	size_t		 at;
};

static int
byidat(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;
	int	 r = strcmp(x->d->id, y->d->id);

	return r != 0 ? r : (x->at > y->at) - (x->at < y->at);
}

static int
byidonly(const void *a, const void *b)
{
	return strcmp((*(struct em_doc *const *)a)->id, (*(struct em_doc *const *)b)->id);
}

/*
 * The documents a directory added, from first[k] on: an id twice in it is
 * an error, reported at the second place met; an id an earlier directory
 * gave is overridden by it. Sorting keeps this n log n in the documents.
 */
static int
settle(struct em_ctx *ctx, struct em_content *c, const size_t first[EM_K_COUNT])
{
	struct placed	*p, *dup;
	struct em_doc	*o;
	size_t		 k, i, m, n, w;

	for (k = 0; k < EM_K_COUNT; k++) {
		m = c->n[k] - first[k];
		if (m == 0)
			continue;
		p = em_xcalloc(m, sizeof(*p));
		for (i = 0; i < m; i++) {
			p[i].d = c->docs[k][first[k] + i];
			p[i].at = i;
		}
		qsort(p, m, sizeof(*p), byidat);
		for (dup = NULL, i = 1; i < m; i++)
			if (strcmp(p[i - 1].d->id, p[i].d->id) == 0 &&
			    (dup == NULL || p[i].at < dup->at))
				dup = &p[i];
		if (dup != NULL) {
			o = dup[-1].d;
			int ex = em_err(ctx, EM_EX_CONFIG, "%s:%u:%u: duplicate %s "
			    "id '%s' (first at %s:%u:%u)", dup->d->file, dup->d->line,
			    dup->d->col, kind_names[k], dup->d->id, o->file, o->line,
			    o->col);
			free(p);
			return ex;
		}
		free(p);
		/* Overridden by an earlier directory: dropped, the order kept. */
		for (i = w = first[k]; i < c->n[k]; i++) {
			o = c->docs[k][i];
			n = id_at(c->byid[k], first[k], o->id);
			if (n < first[k] && strcmp(c->byid[k][n]->id, o->id) == 0)
				doc_free(o);
			else
				c->docs[k][w++] = o;
		}
		c->n[k] = w;
		c->byid[k] = em_xreallocarray(c->byid[k], c->n[k] ? c->n[k] : 1,
		    sizeof(*c->byid[k]));
		memcpy(c->byid[k], c->docs[k], c->n[k] * sizeof(*c->byid[k]));
		qsort(c->byid[k], c->n[k], sizeof(*c->byid[k]), byidonly);
	}
	return 0;
}

/* Does line [p, eol) begin with the marker m ("---" or "...")? */
static int
marker(const char *p, const char *eol, const char *m)
{
	return eol - p >= 3 && memcmp(p, m, 3) == 0 &&
	    (eol - p == 3 || p[3] == ' ' || p[3] == '\t' || p[3] == '\r');
}

/* Is [p, eol) blank or a comment, after leading spaces? */
static int
blank(const char *p, const char *eol)
{
	while (p < eol && (*p == ' ' || *p == '\t' || *p == '\r'))
		p++;
	return p == eol || *p == '#';
}

/*
 * The kinds a file's documents say they are, from their "kind: word" lines
 * at the left margin, without parsing: it lets a command pass over files
 * of kinds it has no use for. Anything out of the common shape (a document
 * with no such line or two, a kind not known, a quoted kind, a directive,
 * content on a "---" line) gives every kind: the file is then parsed and
 * checked in full, so a mistake in it is still reported.
 */
static unsigned
file_kinds(const char *buf, size_t len)
{
	const char	*p, *q, *w, *eol, *end = buf + len;
	unsigned	 kinds = 0;
	int		 k, nkind = 0, explicit = 0, content = 0;

	for (p = buf;; p = eol < end ? eol + 1 : end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if (p == end || marker(p, eol, "---") || marker(p, eol, "...")) {
			/* The end of a document: it must have said its kind once. */
			if ((explicit || content) && nkind != 1)
				return EM_KINDS_ALL;
			if (p == end)
				break;
			if (!blank(p + 3, eol))
				return EM_KINDS_ALL;
			explicit = *p == '-';
			content = nkind = 0;
			continue;
		}
		if (*p == '%')
			return EM_KINDS_ALL;
		if (!blank(p, eol))
			content = 1;
		if (eol - p < 5 || memcmp(p, "kind:", 5) != 0)
			continue;
		for (w = p + 5; w < eol && (*w == ' ' || *w == '\t'); w++)
			;
		for (q = w; q < eol && *q >= 'a' && *q <= 'z'; q++)
			;
		if (w == p + 5 || !blank(q, eol) || (q < eol && *q == '#'))
			return EM_KINDS_ALL;
		for (k = 0; k < EM_K_COUNT; k++)
			if ((size_t)(q - w) == strlen(kind_names[k]) &&
			    memcmp(w, kind_names[k], (size_t)(q - w)) == 0)
				break;
		if (k == EM_K_COUNT)
			return EM_KINDS_ALL;
		kinds |= EM_KIND(k);
		nkind++;
	}
	return kinds != 0 ? kinds : EM_KINDS_ALL;
}

/* A file's documents of the kinds wanted; files with none are not parsed. */
static int
load_file(struct em_ctx *ctx, struct em_content *c, size_t cap[EM_K_COUNT],
    const char *path, unsigned want)
{
	struct em_ynode	**docs;
	struct em_doc	 *d;
	struct vctx	  v = { ctx, path };
	unsigned char	 *buf;
	size_t		  len, ndocs, i;
	int		  ex;

	if ((ex = em_yaml_read(ctx, path, &buf, &len)) != 0)
		return ex;
	if ((file_kinds((char *)buf, len) & want) == 0) {
		free(buf);
		return 0;
	}
	ex = em_yaml_parse(ctx, path, buf, len, &docs, &ndocs);
	free(buf);
	if (ex != 0)
		return ex;
	if (ndocs == 0)
		ex = em_err(ctx, EM_EX_CONFIG, "%s:1:1: empty file: a content file "
		    "holds at least one document", path);
	for (i = 0; ex == 0 && i < ndocs; i++) {
		if ((ex = load_doc(&v, docs[i], &d)) != 0)
			break;
		if (want & EM_KIND(d->kind))
			add_doc(c, cap, d);
		else
			doc_free(d);
	}
	em_ydocs_free(docs, ndocs);
	return ex;
}

static int
load_dir(struct em_ctx *ctx, struct em_content *c, const char *dir,
    unsigned want)
{
	struct dirent	**ents;
	size_t		  first[EM_K_COUNT], cap[EM_K_COUNT], k;
	char		 *path;
	int		  n, i, ex = 0;
	size_t		  len;

	if ((n = scandir(dir, &ents, yaml_name, byname)) == -1) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 0;
		return em_errno(ctx, EM_EX_CONFIG, "content directory %s", dir);
	}
	for (k = 0; k < EM_K_COUNT; k++)
		first[k] = cap[k] = c->n[k];
	for (i = 0; i < n; i++) {
		if (ex == 0) {
			len = strlen(dir) + strlen(ents[i]->d_name) + 2;
			path = em_xcalloc(1, len);
			snprintf(path, len, "%s/%s", dir, ents[i]->d_name);
			ex = load_file(ctx, c, cap, path, want);
			free(path);
		}
		free(ents[i]);
	}
	free(ents);
	return ex != 0 ? ex : settle(ctx, c, first);
}

/* Exercises named by instruments and challenges must exist. */
static int
check_refs(struct em_ctx *ctx, struct em_content *c)
{
	const struct em_doc *d;
	size_t	 i, j;

	for (i = 0; i < c->n[EM_K_INSTRUMENT]; i++) {
		d = c->docs[EM_K_INSTRUMENT][i];
		for (j = 0; j < d->nitems; j++)
			if (d->items[j].exercise != NULL &&
			    em_content_find(c, EM_K_EXERCISE, d->items[j].exercise) == NULL)
				return em_err(ctx, EM_EX_CONFIG, "%s:%u:%u: no exercise "
				    "'%s'", d->file, d->items[j].line, d->items[j].col,
				    d->items[j].exercise);
	}
	for (i = 0; i < c->n[EM_K_CHALLENGE]; i++) {
		d = c->docs[EM_K_CHALLENGE][i];
		for (j = 0; j < d->ndays; j++)
			if (d->days[j].exercise != NULL &&
			    em_content_find(c, EM_K_EXERCISE, d->days[j].exercise) == NULL)
				return em_err(ctx, EM_EX_CONFIG, "%s:%u:%u: no exercise "
				    "'%s'", d->file, d->days[j].line, d->days[j].col,
				    d->days[j].exercise);
	}
	return 0;
}

/*
 * Load the documents of the kinds asked for (EM_KIND bits), and the
 * exercises that instruments and challenges name, from every directory on
 * the path; earlier directories win. A content already in *cp is kept inside
 * the new one, so documents taken from it stay valid, and its kinds are
 * loaded again; on error *cp is left as it was.
 */
int
em_content_load(struct em_ctx *ctx, char *const *dirs, size_t ndirs,
    unsigned kinds, struct em_content **cp)
{
	struct em_content *c = em_xcalloc(1, sizeof(*c));
	size_t	 i;
	int	 ex = 0;

	if (*cp != NULL)
		kinds |= (*cp)->kinds;
	if (kinds & (EM_KIND(EM_K_INSTRUMENT) | EM_KIND(EM_K_CHALLENGE)))
		kinds |= EM_KIND(EM_K_EXERCISE);
	c->kinds = kinds & EM_KINDS_ALL;
	for (i = 0; ex == 0 && i < ndirs; i++)
		ex = load_dir(ctx, c, dirs[i], c->kinds);
	if (ex == 0)
		ex = check_refs(ctx, c);
	if (ex != 0) {
		em_content_free(c);
		return ex;
	}
	c->old = *cp;
	*cp = c;
	return 0;
}
