/* em_sync.c: export and import of JSON Lines for every program, driven by record tables. */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"

/*
 * A line, at most: an export's longest record (a check-in's high and low,
 * each EM_TEXT_MAX bytes, every byte written as a six-character \u escape)
 * stays well below it.
 */
#define LINE_MAX_BYTES	(1024 * 1024)
#define EM_FIELDS_MAX	16	/* fields of a record type, at most */
#define PROGRESS_EVERY	10000	/* lines between progress lines on a terminal */

/* A small growing string for SQL assembled from the (constant) field tables. */
struct sbuf {
	char	*s;
	size_t	 len, cap;
};

static void
sb_add(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
sb_add(struct sbuf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0,
		    fmt, ap);
		va_end(ap);
		if (b->s != NULL && (size_t)n < b->cap - b->len)
			break;
		b->cap = b->cap * 2 + (size_t)n + 64;
		b->s = em_xreallocarray(b->s, b->cap, 1);
	}
	b->len += (size_t)n;
}

static size_t
nfields(const struct em_rectype *rt)
{
	size_t	 n = 0;

	while (rt->fields[n].name != NULL)
		n++;
	return n;
}

/* Every record of every type, as JSON Lines built by SQLite's json_object. */
int
em_export(struct em_ctx *ctx, const struct em_rectype *const *types)
{
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	const struct em_field *f;
	size_t		 t;
	int		 rc, ex;
	static char	 obuf[64 * 1024];

	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));	/* before any output */
	for (t = 0; types[t] != NULL; t++) {
		memset(&sql, 0, sizeof(sql));
		sb_add(&sql, "SELECT json_object('type', '%s'", types[t]->type);
		for (f = types[t]->fields; f->name != NULL; f++) {
			if (f->type == EM_F_BOOL)
				sb_add(&sql, ", '%s', json(CASE WHEN %s THEN 'true' "
				    "ELSE 'false' END)", f->name, f->name);
			else
				sb_add(&sql, ", '%s', %s", f->name, f->name);
		}
		sb_add(&sql, ") FROM %s ORDER BY %s", types[t]->table, types[t]->order);
		ex = em_db_prepare(ctx, &st, sql.s);
		free(sql.s);
		if (ex != 0)
			return ex;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			em_put_rawjson(stdout, (const char *)sqlite3_column_text(st, 0));
			putchar('\n');
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return em_db_err(ctx, rc, "exporting");
	}
	return 0;
}

/* Statements for one record type, all numbering the fields ?1..?n alike. */
struct imp {
	const struct em_rectype *rt;
	size_t		 n;
	int		 upd_at;	/* parameter index of "updated" */
	sqlite3_stmt	*sel, *ins, *upd, *nat, *repl, *added;
};

static int
imp_prepare(struct em_ctx *ctx, struct imp *im, const struct em_rectype *rt)
{
	struct sbuf	 b;
	size_t		 i, k;
	int		 ex;

	memset(im, 0, sizeof(*im));
	im->rt = rt;
	im->n = nfields(rt);
	if (im->n > EM_FIELDS_MAX)
		abort();
	for (i = 0; i < im->n; i++)
		if (strcmp(rt->fields[i].name, "updated") == 0)
			im->upd_at = (int)i + 1;

	memset(&b, 0, sizeof(b));
	sb_add(&b, "SELECT updated, (1");
	for (i = 1; i < im->n; i++)
		if ((int)i + 1 != im->upd_at)
			sb_add(&b, " AND %s IS ?%zu", rt->fields[i].name, i + 1);
	sb_add(&b, ") FROM %s WHERE id = ?1", rt->table);
	ex = em_db_prepare(ctx, &im->sel, b.s);
	free(b.s);
	if (ex != 0)
		return ex;

	memset(&b, 0, sizeof(b));
	sb_add(&b, "INSERT INTO %s (", rt->table);
	for (i = 0; i < im->n; i++)
		sb_add(&b, "%s%s", i ? ", " : "", rt->fields[i].name);
	sb_add(&b, ") VALUES (");
	for (i = 0; i < im->n; i++)
		sb_add(&b, "%s?%zu", i ? ", " : "", i + 1);
	sb_add(&b, ")");
	ex = em_db_prepare(ctx, &im->ins, b.s);
	free(b.s);
	if (ex != 0)
		return ex;

	memset(&b, 0, sizeof(b));
	sb_add(&b, "UPDATE %s SET ", rt->table);
	for (i = 1; i < im->n; i++)
		sb_add(&b, "%s%s = ?%zu", i > 1 ? ", " : "", rt->fields[i].name, i + 1);
	sb_add(&b, " WHERE id = ?1");
	ex = em_db_prepare(ctx, &im->upd, b.s);
	free(b.s);
	if (ex == 0 && rt->added != NULL)
		ex = em_db_prepare(ctx, &im->added, rt->added);
	if (ex != 0 || rt->natural == NULL)
		return ex;

	memset(&b, 0, sizeof(b));
	sb_add(&b, "SELECT id, updated FROM %s WHERE 1", rt->table);
	for (k = 0; rt->natural[k] != NULL; k++)
		for (i = 0; i < im->n; i++)
			if (strcmp(rt->fields[i].name, rt->natural[k]) == 0)
				sb_add(&b, " AND %s IS ?%zu", rt->natural[k], i + 1);
	ex = em_db_prepare(ctx, &im->nat, b.s);
	free(b.s);
	if (ex != 0)
		return ex;

	memset(&b, 0, sizeof(b));
	sb_add(&b, "UPDATE %s SET ", rt->table);
	for (i = 0; i < im->n; i++)
		sb_add(&b, "%s%s = ?%zu", i ? ", " : "", rt->fields[i].name, i + 1);
	sb_add(&b, " WHERE id = ?%zu", im->n + 1);
	ex = em_db_prepare(ctx, &im->repl, b.s);
	free(b.s);
	return ex;
}

static void
imp_finalize(struct imp *im)
{
	sqlite3_finalize(im->sel);
	sqlite3_finalize(im->ins);
	sqlite3_finalize(im->upd);
	sqlite3_finalize(im->nat);
	sqlite3_finalize(im->repl);
	sqlite3_finalize(im->added);
}

static int
valid_time(const char *s)
{
	static const char pat[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	size_t	 i;
	long	 day;
	char	 date[11];

	if (strlen(s) != sizeof(pat) - 1)
		return 0;
	for (i = 0; pat[i] != '\0'; i++)
		if (pat[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != pat[i])
			return 0;
	memcpy(date, s, 10);
	date[10] = '\0';
	return em_date_parse(date, &day) == 0 && strncmp(s + 11, "24", 2) < 0 &&
	    strncmp(s + 14, "60", 2) < 0 && strncmp(s + 17, "61", 2) < 0;
}

/*
 * Check a value against its field by the rules the commands apply, and
 * bring it to the form they store: text trimmed, feelings in lower case,
 * tags canonical. Why a value is refused goes to msg.
 */
static int
check_field(const struct em_field *f, struct em_jval *v, char *msg, size_t len)
{
	long	 day;
	size_t	 i;
	char	*canon, word[48];
	int	 why;

	if (v == NULL || v->type == EM_J_NULL) {
		if (f->flags & EM_F_NULLABLE)
			return 0;
		snprintf(msg, len, "\"%s\" is missing", f->name);
		return -1;
	}
	switch (f->type) {
	case EM_F_INT:
		if (v->type != EM_J_NUM || !v->isint)
			goto wrong;
		return 0;
	case EM_F_BOOL:
		if (v->type != EM_J_BOOL)
			goto wrong;
		return 0;
	default:
		if (v->type != EM_J_STR)
			goto wrong;
	}
	switch (f->type) {
	case EM_F_TEXT:
		em_text_trim(v->str);
		/* As challenge done keeps a note of white space: as none. */
		if (*v->str == '\0' && (f->flags & EM_F_NULLABLE) && f->values == NULL) {
			v->type = EM_J_NULL;
			return 0;
		}
		if ((*v->str == '\0' && !(f->flags & EM_F_EMPTY)) ||
		    strlen(v->str) > EM_TEXT_MAX)
			goto wrong;
		break;
	case EM_F_WORD:
		if (!em_feeling_valid(v->str))
			goto wrong;
		em_word_lower(v->str);
		break;
	case EM_F_NAME:
		if (!em_name_valid(v->str))
			goto wrong;
		break;
	case EM_F_DATE:
		if (strlen(v->str) != 10 || em_date_parse(v->str, &day) != 0)
			goto wrong;
		break;
	case EM_F_TIME:
		if (!valid_time(v->str))
			goto wrong;
		break;
	case EM_F_ID:
		if (!em_id_valid(v->str))
			goto wrong;
		break;
	case EM_F_CID:
		if (!em_content_id_valid(v->str))
			goto wrong;
		break;
	case EM_F_TAGS:
		if (em_tags_canon(v->str, &canon, &why, word, sizeof(word)) != 0) {
			if (why == EM_TAG_MANY)
				snprintf(msg, len, "\"%s\" has more than %d tags",
				    f->name, EM_TAGS_MAX);
			else if (*word != '\0')
				snprintf(msg, len, "\"%s\": '%s' is not a tag (%s)",
				    f->name, word, EM_TAG_RULE);
			else
				goto wrong;
			return -1;
		}
		free(v->str);
		v->str = canon;
		break;
	case EM_F_ANSWERS:
		if (*v->str == '\0' || strlen(v->str) > 1024 ||
		    strspn(v->str, "0123456789,") != strlen(v->str) ||
		    *v->str == ',' || strstr(v->str, ",,") != NULL ||
		    v->str[strlen(v->str) - 1] == ',')
			goto wrong;
		break;
	default:
		break;
	}
	if (f->values != NULL) {
		for (i = 0; f->values[i] != NULL; i++)
			if (strcmp(v->str, f->values[i]) == 0)
				return 0;
		goto wrong;
	}
	return 0;
wrong:
	{
		static const char *const what[] = {
		    "non-empty text of at most 64 KiB (after trimming white space)",
		    "a name", "a date (YYYY-MM-DD)", "a UTC time (YYYY-MM-DDTHH:MM:SS.sssZ)",
		    "a record id (16 lower-case hexadecimal digits)", "a whole number",
		    "true or false", "tags separated by single spaces",
		    "whole numbers separated by commas",
		    "a feeling word (a name of at most 40 bytes)",
		    "a content id (lower-case letters, digits, '-' and '_')" };
		snprintf(msg, len, "\"%s\" must be %s", f->name,
		    f->values != NULL ? "one of the known values" : what[f->type]);
	}
	return -1;
}

/* The stored id a record id stands for: itself, unless it was a duplicate. */
static const char *
alias_of(const struct em_smap *al, const char *id)
{
	const char *to = em_smap_get(al, id);

	return to != NULL ? to : id;
}

static void
bind_all(sqlite3_stmt *st, const struct imp *im, const struct em_jval *const *vals,
    const struct em_smap *al)
{
	const struct em_field *f;
	const struct em_jval *v;
	size_t	 i;

	for (i = 0; i < im->n; i++) {
		f = &im->rt->fields[i];
		v = vals[i];
		if (v == NULL || v->type == EM_J_NULL)
			sqlite3_bind_null(st, (int)i + 1);
		else if (f->type == EM_F_INT || f->type == EM_F_BOOL)
			sqlite3_bind_int64(st, (int)i + 1, v->num);
		else if (f->flags & EM_F_REF)
			em_bind_text(st, (int)i + 1, alias_of(al, v->str));
		else
			em_bind_text(st, (int)i + 1, v->str);
	}
}

/* What a failed step means, in the words of the line being imported. */
static int
line_err(struct em_ctx *ctx, int rc, long line)
{
	char	 what[64];

	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return em_err(ctx, EM_EX_DATAERR, "line %ld: refers to a record that is "
		    "not there (records must come after what they refer to)", line);
	snprintf(what, sizeof(what), "line %ld", line);
	return em_db_err(ctx, rc, what);
}

/* Run a write statement once. */
static int
run(struct em_ctx *ctx, sqlite3_stmt *st, long line)
{
	int	 rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : line_err(ctx, rc, line);
}

/* Merge one valid record: add it, update an older copy, or leave a newer one. */
static int
merge(struct em_ctx *ctx, struct imp *im, const struct em_jval *const *o, long line,
    struct em_smap *al, struct em_import_counts *c)
{
	const char	*id = o[0]->str;
	const char	*upd = o[im->upd_at - 1]->str;
	const char	*stored;
	char		*oldid;
	int		 rc, ex, cmp, same;

	bind_all(im->sel, im, o, al);
	rc = sqlite3_step(im->sel);
	if (rc == SQLITE_ROW) {
		cmp = strcmp(upd, (const char *)sqlite3_column_text(im->sel, 0));
		same = sqlite3_column_int(im->sel, 1);
		sqlite3_reset(im->sel);
		if (cmp > 0) {
			bind_all(im->upd, im, o, al);
			if ((ex = run(ctx, im->upd, line)) != 0)
				return ex;
			c->updated++;
		} else if (cmp == 0 && !same) {
			return em_err(ctx, EM_EX_DATAERR, "line %ld: %s %s is already "
			    "here with other content and the same time", line,
			    im->rt->type, id);
		} else
			c->unchanged++;
		return 0;
	}
	sqlite3_reset(im->sel);
	if (rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "importing");
	bind_all(im->ins, im, o, al);
	rc = sqlite3_step(im->ins);
	sqlite3_reset(im->ins);
	if (rc == SQLITE_DONE) {
		c->added++;
		return im->added != NULL ? run(ctx, im->added, line) : 0;
	}
	if (rc != SQLITE_CONSTRAINT_UNIQUE || im->nat == NULL)
		return line_err(ctx, rc, line);

	/* The same day (say) under another id: the newer one wins, ids follow. */
	bind_all(im->nat, im, o, al);
	if ((rc = sqlite3_step(im->nat)) != SQLITE_ROW) {
		sqlite3_reset(im->nat);
		return em_db_err(ctx, rc == SQLITE_DONE ? SQLITE_CONSTRAINT : rc,
		    "importing");
	}
	oldid = em_strdup((const char *)sqlite3_column_text(im->nat, 0));
	stored = (const char *)sqlite3_column_text(im->nat, 1);
	cmp = strcmp(upd, stored);
	sqlite3_reset(im->nat);
	if (cmp > 0) {
		bind_all(im->repl, im, o, al);
		em_bind_text(im->repl, (int)im->n + 1, oldid);
		ex = run(ctx, im->repl, line);
		free(oldid);
		if (ex != 0)
			return ex;
		c->updated++;
		return 0;
	}
	em_smap_put(al, id, oldid);
	free(oldid);
	c->unchanged++;
	return 0;
}

/* One line: parse strictly, check against its record type, merge. */
static int
import_line(struct em_ctx *ctx, struct imp *imps, size_t nimps, const char *buf,
    size_t len, long line, struct em_smap *al, struct em_import_counts *c)
{
	struct em_jobj	 o;
	const struct em_jval *t;
	struct em_jval	*vals[EM_FIELDS_MAX];
	struct imp	*im = NULL;
	char		 msg[256], quoted[48];
	size_t		 i, j;
	int		 ex;

	if (em_json_parse(buf, len, &o, msg, sizeof(msg)) != 0)
		return em_err(ctx, EM_EX_DATAERR, "line %ld: %s", line, msg);
	if ((t = em_json_get(&o, "type")) == NULL || t->type != EM_J_STR) {
		em_json_free(&o);
		return em_err(ctx, EM_EX_DATAERR, "line %ld: a record needs a \"type\"",
		    line);
	}
	for (i = 0; i < nimps; i++)
		if (strcmp(imps[i].rt->type, t->str) == 0)
			im = &imps[i];
	if (im == NULL) {
		em_cut(quoted, sizeof(quoted), t->str);
		ex = em_err(ctx, EM_EX_DATAERR, "line %ld: \"%s\" records do not "
		    "belong to %s", line, quoted, ctx->prog);
		em_json_free(&o);
		return ex;
	}
	/* Each key to its field, once: the parser has refused duplicate keys. */
	memset(vals, 0, sizeof(vals));
	for (i = 0; i < o.n; i++) {
		if (&o.v[i] == t)
			continue;
		for (j = 0; j < im->n; j++)
			if (strcmp(o.v[i].key, im->rt->fields[j].name) == 0) {
				vals[j] = &o.v[i];
				break;
			}
		if (j == im->n) {
			em_cut(quoted, sizeof(quoted), o.v[i].key);
			ex = em_err(ctx, EM_EX_DATAERR, "line %ld: unknown key \"%s\" "
			    "in a %s record", line, quoted, im->rt->type);
			em_json_free(&o);
			return ex;
		}
	}
	for (j = 0; j < im->n; j++) {
		if (check_field(&im->rt->fields[j], vals[j], msg, sizeof(msg)) != 0) {
			em_json_free(&o);
			return em_err(ctx, EM_EX_DATAERR, "line %ld: %s", line, msg);
		}
	}
	ex = merge(ctx, im, (const struct em_jval *const *)vals, line, al, c);
	em_json_free(&o);
	return ex;
}

/* Read a line of at most LINE_MAX_BYTES: 0 for a line, 1 at a clean end, or a status. */
static int
read_line(struct em_ctx *ctx, FILE *in, char **buf, size_t *cap, size_t *len,
    long line)
{
	int	 ch;

	*len = 0;
	while ((ch = getc_unlocked(in)) != EOF) {
		if (*len + 2 > *cap) {
			if (*cap >= LINE_MAX_BYTES)
				return em_err(ctx, EM_EX_DATAERR, "line %ld: longer "
				    "than %d MiB", line, LINE_MAX_BYTES / (1024 * 1024));
			*cap = *cap ? *cap * 2 : 4096;
			*buf = em_xreallocarray(*buf, *cap, 1);
		}
		if (ch == '\n') {
			(*buf)[*len] = '\0';
			return 0;
		}
		(*buf)[(*len)++] = (char)ch;
	}
	if (ferror(in))
		return em_errno(ctx, EM_EX_IOERR, "reading line %ld", line);
	if (*len > 0)
		return em_err(ctx, EM_EX_DATAERR, "line %ld: the input ends in the "
		    "middle of a line", line);
	return 1;
}

/*
 * When the input is a file, look for a line that is too long before the
 * write lock is taken, so that such input never holds it. A pipe can only
 * be read once: its lines are measured as they are imported.
 */
static int
prescan(struct em_ctx *ctx, FILE *in)
{
	struct stat	 st;
	static char	 b[64 * 1024];
	off_t		 start;
	size_t		 r, run = 0;
	const char	*p, *e, *nl;
	long		 line = 1;
	int		 ex = 0;

	if (fstat(fileno(in), &st) == -1 || !S_ISREG(st.st_mode) ||
	    (start = ftello(in)) == -1)
		return 0;
	while (ex == 0 && (r = fread(b, 1, sizeof(b), in)) > 0) {
		for (p = b, e = b + r; p < e; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(e - p))) == NULL) {
				run += (size_t)(e - p);
				break;
			}
			run += (size_t)(nl - p);
			if (run + 1 >= LINE_MAX_BYTES)
				break;
			run = 0;
			line++;
		}
		if (run + 1 >= LINE_MAX_BYTES)
			ex = em_err(ctx, EM_EX_DATAERR, "line %ld: longer than %d MiB",
			    line, LINE_MAX_BYTES / (1024 * 1024));
	}
	if (ex == 0 && ferror(in))
		ex = em_errno(ctx, EM_EX_IOERR, "reading line %ld", line);
	clearerr(in);
	if (ex == 0 && fseeko(in, start, SEEK_SET) == -1)
		ex = em_errno(ctx, EM_EX_IOERR, "rereading the input");
	return ex;
}

/*
 * Merge JSON Lines from in, all or nothing, in one transaction. Errors name
 * the line; after one, nothing of the import remains.
 */
int
em_import(struct em_ctx *ctx, const struct em_rectype *const *types, FILE *in,
    struct em_import_counts *c)
{
	struct imp	*imps;
	struct em_smap	 al = { NULL, NULL, 0, 0 };
	size_t		 nimps, i, cap = 0, len;
	char		*buf = NULL;
	long		 line = 0;
	int		 ex = 0, r, tty = isatty(STDERR_FILENO);

	memset(c, 0, sizeof(*c));
	for (nimps = 0; types[nimps] != NULL; nimps++)
		;
	if ((ex = prescan(ctx, in)) != 0)
		return ex;
	imps = em_xcalloc(nimps, sizeof(*imps));
	if ((ex = em_db_begin(ctx)) != 0) {
		free(imps);
		return ex;
	}
	for (i = 0; ex == 0 && i < nimps; i++)
		ex = imp_prepare(ctx, &imps[i], types[i]);
	cap = 4096;
	buf = em_xcalloc(1, cap);
	while (ex == 0) {
		line++;
		if ((r = read_line(ctx, in, &buf, &cap, &len, line)) == 1)
			break;
		if (r != 0) {
			ex = r;
			break;
		}
		/* Back at the start of the line, so that an error overwrites it. */
		if (tty && line % PROGRESS_EVERY == 0)
			fprintf(stderr, "%s: %ld lines read\r", ctx->prog, line);
		if (strspn(buf, " \t\r") == len)
			continue;
		ex = import_line(ctx, imps, nimps, buf, len, line, &al, c);
	}
	if (tty && line > PROGRESS_EVERY && ex == 0)
		fprintf(stderr, "%*s\r", (int)strlen(ctx->prog) + 32, "");
	for (i = 0; i < nimps; i++)
		imp_finalize(&imps[i]);
	free(imps);
	free(buf);
	em_smap_free(&al);
	if (ex != 0) {
		em_db_rollback(ctx);
		return ex;
	}
	return em_db_commit(ctx);
}

/* The whole `import` command, the same in every program. */
int
em_cmd_import(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_rectype *const *types = ctx->rectypes;
	struct em_import_counts c;
	int	 ch, ex;

	while ((ch = em_getopt(ctx, argc, argv, "", NULL)) != -1)
		return em_optdone(ctx, ch);
	if (optind != argc)
		return em_usage(ctx, stderr, EM_EX_USAGE);
	if (em_isatty_in())
		return em_err(ctx, EM_EX_USAGE, "import reads JSON Lines from standard "
		    "input, e.g. from an export");
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_import(ctx, types, stdin, &c)) != 0 ||
	    (c.updated > 0 && (ex = em_db_scrub(ctx, 0)) != 0))
		return ex;
	switch (ctx->fmt) {
	case EM_FMT_TEXT:
		printf("%ld added, %ld updated, %ld unchanged\n", c.added, c.updated,
		    c.unchanged);
		break;
	case EM_FMT_TSV:
		printf("added\tupdated\tunchanged\n%ld\t%ld\t%ld\n", c.added, c.updated,
		    c.unchanged);
		break;
	case EM_FMT_JSON:
		printf("{\"added\":%ld,\"updated\":%ld,\"unchanged\":%ld}\n", c.added,
		    c.updated, c.unchanged);
		break;
	}
	return 0;
}

/* The whole `export` command, the same in every program. */
int
em_cmd_export(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_rectype *const *types = ctx->rectypes;
	int	 ch, ex;

	while ((ch = em_getopt(ctx, argc, argv, "", NULL)) != -1)
		return em_optdone(ctx, ch);
	if (optind != argc)
		return em_usage(ctx, stderr, EM_EX_USAGE);
	if ((ex = em_db_open(ctx, EM_DB_READ)) != 0)
		return ex;
	return em_export(ctx, types);
}
