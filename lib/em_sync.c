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
#define PROGRESS_EVERY	10000	/* lines between progress lines on a terminal */

/* Each row's one JSON column as a line of stdout; the statement is finalized. */
static int
put_lines(struct em_ctx *ctx, sqlite3_stmt *st)
{
	int	 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		em_put_rawjson(stdout, (const char *)sqlite3_column_text(st, 0));
		putchar('\n');
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : em_db_err(ctx, rc, "exporting");
}

/*
 * Every record of every type, as JSON Lines built by SQLite's json_object,
 * each with the clock that set it ("clock") and any field set later
 * ("clock:FIELD"); then the tombstones of purged records, with who purged.
 */
int
em_export(struct em_ctx *ctx, const struct em_rectype *const *types)
{
	struct em_sbuf	 sql;
	sqlite3_stmt	*st;
	const struct em_field *f;
	size_t		 t;
	int		 ex;
	static char	 obuf[64 * 1024];

	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));	/* before any output */
	for (t = 0; types[t] != NULL; t++) {
		memset(&sql, 0, sizeof(sql));
		em_sb_add(&sql, "SELECT json_patch(json_object('type', '%s'", types[t]->type);
		for (f = types[t]->fields; f->name != NULL; f++) {
			if (f->type == EM_F_BOOL)
				em_sb_add(&sql, ", '%s', json(CASE WHEN %s THEN 'true' "
				    "ELSE 'false' END)", f->name, f->name);
			else
				em_sb_add(&sql, ", '%s', %s", f->name, f->name);
		}
		em_sb_add(&sql, ", 'clock', (SELECT clock FROM stamp WHERE rid = r.id AND "
		    "field = '')), coalesce((SELECT json_group_object(k, v) FROM ("
		    "SELECT 'clock:' || s.field AS k, s.clock AS v FROM stamp s "
		    "WHERE s.rid = r.id AND s.field <> '' UNION ALL "
		    "SELECT 'base:' || s.field, (SELECT json_extract(o.base, '$.' || s.field) "
		    "FROM op o WHERE o.rid = s.rid AND o.clock = s.clock LIMIT 1) "
		    "FROM stamp s WHERE s.rid = r.id AND s.field <> '') WHERE v IS NOT NULL), "
		    "'{}')) FROM %s r ORDER BY %s", types[t]->table, types[t]->order);
		ex = em_db_prepare(ctx, &st, sql.s);
		free(sql.s);
		if (ex != 0)
			return ex;
		if ((ex = put_lines(ctx, st)) != 0)
			return ex;
	}
	for (t = 0; types[t] != NULL; t++) {
		if ((ex = em_db_prepare(ctx, &st, "SELECT json_object('type', 'tombstone', "
		    "'table', tbl, 'id', rid, 'clock', clock, 'user', coalesce((SELECT user "
		    "FROM op WHERE op.rid = tomb.rid AND kind = 'purge' LIMIT 1), '')) "
		    "FROM tomb WHERE tbl = ?1 ORDER BY rid")) != 0)
			return ex;
		sqlite3_bind_text(st, 1, types[t]->table, -1, SQLITE_STATIC);
		if ((ex = put_lines(ctx, st)) != 0)
			return ex;
	}
	return 0;
}

/* One record type an import reads. */
struct imp {
	const struct em_rectype *rt;
	size_t		 n;
};

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
int
em_field_check(const struct em_field *f, struct em_jval *v, char *msg, size_t len)
{
	long	 day;
	size_t	 i;
	char	*canon, word[48];
	int	 why;

	if (v == NULL || v->type == EM_J_NULL) {
		/* A flag a line written before it existed lacks: false (merge). */
		if ((f->flags & EM_F_NULLABLE) || (v == NULL && f->type == EM_F_BOOL))
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

/* The clock a record line gives: its own, or one from its "updated" time. */
static int
line_clock(const struct em_jval *v, const struct em_jval *upd, char out[EM_CLOCK_LEN + 1])
{
	static const char zero[] = "0000000000000000";
	unsigned	 i;

	if (v == NULL) {
		em_clock_from_time(upd && upd->type == EM_J_STR ? upd->str : NULL, zero, out);
		return 0;
	}
	if (v->type != EM_J_STR || strlen(v->str) != EM_CLOCK_LEN)
		return -1;
	for (i = 0; i < EM_CLOCK_LEN; i++)
		if (i == 12 || i == 17 ? v->str[i] != '.' :
		    strchr("0123456789abcdef", v->str[i]) == NULL)
			return -1;
	memcpy(out, v->str, EM_CLOCK_LEN + 1);
	return 0;
}

/* The clock of a line's field, when it has one of its own ("clock:FIELD"). */
static const char *
field_clock(const struct em_jobj *o, const struct em_rectype *rt, size_t i)
{
	const struct em_jval *v;
	char	 key[64];

	snprintf(key, sizeof(key), "clock:%s", rt->fields[i].name);
	v = em_json_get(o, key);
	return v != NULL && v->type == EM_J_STR ? v->str : NULL;
}

/* Whether a record with this id is here. */
static int
record_here(struct em_ctx *ctx, const struct em_rectype *rt, const char *id, int *here)
{
	sqlite3_stmt	*st;
	char		 sql[96];
	int		 ex, rc;

	snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE id = ?1", rt->table);
	if ((ex = em_db_prepare(ctx, &st, sql)) != 0)
		return ex;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	*here = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : em_db_err(ctx, rc, "importing");
}

/* Add a field to an operation's body, a copy of the line's value. */
static void
body_add(struct em_jobj *o, const char *key, const struct em_jval *v)
{
	struct em_jval	*d;

	o->v = em_xreallocarray(o->v, o->n + 1, sizeof(*o->v));
	d = &o->v[o->n++];
	*d = *v;
	d->key = em_strdup(key);
	d->str = v->str ? em_strdup(v->str) : NULL;
}

/* Who an imported record speaks for: its author, or its parent's. */
static char *
line_user(struct em_ctx *ctx, const struct imp *im, struct em_jval *const *vals)
{
	const struct em_rectype *rt = im->rt;
	sqlite3_stmt	*st;
	char		 sql[96], *u = NULL;
	size_t		 i;

	for (i = 0; i < im->n; i++)
		if (strcmp(rt->fields[i].name, "user") == 0 && vals[i] != NULL)
			return em_strdup(vals[i]->str);
	if (rt->own != EM_OWN_PARENT)
		return em_strdup(ctx->user ? ctx->user : "");
	for (i = 0; i < im->n; i++)
		if ((rt->fields[i].flags & EM_F_REF) && vals[i] != NULL) {
			snprintf(sql, sizeof(sql), "SELECT user FROM %s WHERE id = ?1",
			    rt->owner);
			if (em_db_prepare(ctx, &st, sql) != 0)
				break;
			sqlite3_bind_text(st, 1, vals[i]->str, -1, SQLITE_TRANSIENT);
			if (sqlite3_step(st) == SQLITE_ROW)
				u = em_strdup((const char *)sqlite3_column_text(st, 0));
			sqlite3_finalize(st);
		}
	return u ? u : em_strdup("");
}

/* A failure while merging line N, said with the line. */
static int
line_err(struct em_ctx *ctx, int ex, long line)
{
	char	 why[sizeof(ctx->errmsg)];

	snprintf(why, sizeof(why), "%s", em_errmsg(ctx));
	return em_err(ctx, ex, "line %ld: %s", line, why);
}

/* What one applied operation means for the counts; refusals are reported. */
static int
tally(struct em_ctx *ctx, const struct em_applied *ap, long line, const char *type,
    const char *id, struct em_import_counts *c)
{
	switch (ap->state) {
	case EM_ST_REFUSED:
		if (ap->bad)
			return em_err(ctx, EM_EX_DATAERR, "line %ld: %s", line, ap->why);
		c->refused++;
		em_warn(ctx, "line %ld: refused: %s", line, ap->why);
		return 0;
	case EM_ST_PENDING:
		return em_err(ctx, EM_EX_DATAERR, "line %ld: refers to a record that is "
		    "not there (%s %s; records must come after what they refer to)", line,
		    type, id);
	case EM_ST_VOID:
		c->unchanged++;
		return 0;
	}
	if (ap->added)
		c->added++;
	else if (ap->changed)
		c->updated++;
	else
		c->unchanged++;
	c->earlier += ap->earlier;
	return 0;
}

/*
 * Merge one valid record through the same rules as sync: an operation with
 * the line's clocks (one per clock: "clock", and each "clock:FIELD"),
 * applied field by field and recorded to travel on.
 */
static int
merge(struct em_ctx *ctx, struct imp *im, struct em_jval *const *vals,
    const struct em_jobj *o, long line, struct em_smap *al, struct em_import_counts *c)
{
	const struct em_rectype *rt = im->rt;
	struct em_op	 op;
	struct em_applied ap, sum;
	const struct em_jval *cv;
	const char	*p[3] = { NULL, NULL, NULL };
	char		 key[64], num[3][24], derived[EM_ID_LEN + 1];
	const char	*pc;
	size_t		 i, k;
	int		 ex = 0, pass, any, here;

	memset(&sum, 0, sizeof(sum));
	/* A record there can be only one of goes under the id its key gives. */
	snprintf(derived, sizeof(derived), "%s", vals[0]->str);
	if (rt->natural != NULL) {
		for (k = 0; k < 3 && rt->natural[k] != NULL; k++)
			for (i = 0; i < im->n; i++)
				if (strcmp(rt->fields[i].name, rt->natural[k]) == 0) {
					if (rt->fields[i].flags & EM_F_REF)
						p[k] = alias_of(al, vals[i]->str);
					else if (vals[i]->type == EM_J_NUM) {
						snprintf(num[k], sizeof(num[k]), "%lld",
						    vals[i]->num);
						p[k] = num[k];
					} else
						p[k] = vals[i]->str;
				}
		em_id_derive(derived, rt->type, p[0], p[1], p[2], (const char *)NULL);
		if (strcmp(derived, vals[0]->str) != 0)
			em_smap_put(al, vals[0]->str, derived);
	}
	/*
	 * Pass 0: every field without a clock of its own (all of them for a
	 * record not here yet, so that it can be added whole); then one pass
	 * for each field that has a clock of its own.
	 */
	if ((ex = record_here(ctx, rt, derived, &here)) != 0)
		return ex;
	for (pass = 0; ex == 0 && pass < (int)im->n; pass++) {
		/* Fields that share a clock were set by one operation: one again. */
		pc = pass ? field_clock(o, rt, (size_t)pass) : NULL;
		if (pass > 0 && pc == NULL)
			continue;
		for (i = 1; pc != NULL && i < (size_t)pass; i++)
			if (field_clock(o, rt, i) && strcmp(field_clock(o, rt, i), pc) == 0)
				break;
		if (pc != NULL && i < (size_t)pass)
			continue;
		memset(&op, 0, sizeof(op));
		op.rt = rt;
		snprintf(op.rid, sizeof(op.rid), "%s", derived);
		op.kind = EM_OP_SET;
		any = 0;
		for (i = 1; i < im->n; i++) {
			snprintf(key, sizeof(key), "clock:%s", rt->fields[i].name);
			cv = em_json_get(o, key);
			if (pass == 0 ? cv != NULL && here : (cv == NULL ||
			    cv->type != EM_J_STR || strcmp(cv->str, pc) != 0))
				continue;
			if (vals[i] != NULL && (rt->fields[i].flags & EM_F_REF)) {
				struct em_jval ref = *vals[i];

				ref.str = (char *)alias_of(al, vals[i]->str);
				body_add(&op.body, rt->fields[i].name, &ref);
			} else if (vals[i] != NULL)
				body_add(&op.body, rt->fields[i].name, vals[i]);
			else if (rt->fields[i].type == EM_F_BOOL) {
				/* Missing: false for a new record; as it is for one here. */
				struct em_jval no = { NULL, EM_J_BOOL, NULL, 0, 0 };

				if (here)
					continue;
				body_add(&op.body, rt->fields[i].name, &no);
			} else {
				struct em_jval null = { NULL, EM_J_NULL, NULL, 0, 0 };

				body_add(&op.body, rt->fields[i].name, &null);
			}
			any = 1;
			snprintf(key, sizeof(key), "base:%s", rt->fields[i].name);
			if (pass != 0 && (cv = em_json_get(o, key)) != NULL)
				body_add(&op.base, rt->fields[i].name, cv);
		}
		if (!any) {
			em_op_free(&op);
			continue;
		}
		for (i = 0; i < im->n; i++)
			if (strcmp(rt->fields[i].name, "updated") == 0)
				break;
		snprintf(key, sizeof(key), "clock:%s", pass ? rt->fields[pass].name : "");
		if (line_clock(pass == 0 ? em_json_get(o, "clock") : em_json_get(o, key),
		    i < im->n ? vals[i] : NULL, op.clock) != 0) {
			em_op_free(&op);
			return em_err(ctx, EM_EX_DATAERR, "line %ld: a clock must look like "
			    "MMMMMMMMMMMM.CCCC.RRRRRRRRRRRRRRRR (hexadecimal)", line);
		}
		op.user = line_user(ctx, im, vals);
		ex = em_op_apply(ctx, &op, 1, &ap);
		em_op_free(&op);
		if (ex != 0)
			return line_err(ctx, ex, line);
		if (ap.state != EM_ST_DONE) {
			sum = ap;
			break;
		}
		sum.added |= ap.added;
		sum.changed += ap.changed;
		sum.earlier += ap.earlier;
	}
	return tally(ctx, &sum, line, rt->type, derived, c);
}

/* A tombstone line: the record was purged; it is erased here too. */
static int
import_tomb(struct em_ctx *ctx, struct imp *imps, size_t nimps, const struct em_jobj *o,
    long line, struct em_import_counts *c)
{
	const struct em_jval *t = em_json_get(o, "table"), *id = em_json_get(o, "id"),
	    *u = em_json_get(o, "user");
	struct em_op	 op;
	struct em_applied ap;
	size_t		 i;
	int		 ex;

	if (o->n > 5 || t == NULL || t->type != EM_J_STR || id == NULL ||
	    id->type != EM_J_STR || !em_id_valid(id->str) ||
	    (u != NULL && u->type != EM_J_STR))
		return em_err(ctx, EM_EX_DATAERR, "line %ld: a tombstone has a \"table\", "
		    "an \"id\", a \"clock\" and who purged it (\"user\")", line);
	memset(&op, 0, sizeof(op));
	for (i = 0; i < nimps; i++)
		if (strcmp(imps[i].rt->table, t->str) == 0)
			op.rt = imps[i].rt;
	if (op.rt == NULL)
		return em_err(ctx, EM_EX_DATAERR, "line %ld: a tombstone of a record that "
		    "does not belong to %s", line, ctx->prog);
	if (line_clock(em_json_get(o, "clock"), NULL, op.clock) != 0 ||
	    em_json_get(o, "clock") == NULL)
		return em_err(ctx, EM_EX_DATAERR, "line %ld: a tombstone needs its clock",
		    line);
	snprintf(op.rid, sizeof(op.rid), "%s", id->str);
	op.kind = EM_OP_PURGE;
	op.user = em_strdup(u != NULL && *u->str ? u->str : ctx->user ? ctx->user : "");
	ex = em_op_apply(ctx, &op, 1, &ap);
	em_op_free(&op);
	return ex != 0 ? line_err(ctx, ex, line) : tally(ctx, &ap, line, "tombstone",
	    id->str, c);
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
	if (strcmp(t->str, "tombstone") == 0) {
		ex = import_tomb(ctx, imps, nimps, &o, line, c);
		em_json_free(&o);
		return ex;
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
		if (&o.v[i] == t || strcmp(o.v[i].key, "clock") == 0)
			continue;
		if (strncmp(o.v[i].key, "clock:", 6) == 0 ||
		    strncmp(o.v[i].key, "base:", 5) == 0) {
			for (j = 1; j < im->n; j++)
				if (strcmp(strchr(o.v[i].key, ':') + 1,
				    im->rt->fields[j].name) == 0)
					break;
			if (j < im->n && o.v[i].type == EM_J_STR)
				continue;
		}
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
		if (em_field_check(&im->rt->fields[j], vals[j], msg, sizeof(msg)) != 0) {
			em_json_free(&o);
			return em_err(ctx, EM_EX_DATAERR, "line %ld: %s", line, msg);
		}
	}
	ex = merge(ctx, im, vals, &o, line, al, c);
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
	for (i = 0; i < nimps; i++) {
		imps[i].rt = types[i];
		imps[i].n = em_nfields(types[i]);
	}
	ex = em_op_quiet(ctx, 1);
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
	free(imps);
	free(buf);
	em_smap_free(&al);
	if (ex == 0)
		ex = em_op_quiet(ctx, 0);
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
	int		 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if (optind != argc)
		return em_usage(ctx, stderr, EM_EX_USAGE);
	if (em_isatty_in())
		return em_err(ctx, EM_EX_USAGE, "import reads JSON Lines from standard "
		    "input, e.g. from an export");
	if ((ex = em_db_open(ctx, EM_DB_WRITE)) != 0 ||
	    (ex = em_import(ctx, types, stdin, &c)) != 0 ||
	    (ex = em_op_erase(ctx)) != 0 ||
	    (c.updated > 0 && (ex = em_db_scrub(ctx, 0)) != 0))
		return ex;
	switch (ctx->fmt) {
	case EM_FMT_TEXT:
		printf("%ld added, %ld updated, %ld unchanged", c.added, c.updated,
		    c.unchanged);
		if (c.earlier > 0)
			printf(", %ld earlier version%s kept", c.earlier,
			    c.earlier == 1 ? "" : "s");
		if (c.refused > 0)
			printf(", %ld refused", c.refused);
		putchar('\n');
		break;
	case EM_FMT_TSV:
		printf("added\tupdated\tunchanged\tearlier\trefused\n%ld\t%ld\t%ld\t%ld\t%ld\n",
		    c.added, c.updated, c.unchanged, c.earlier, c.refused);
		break;
	case EM_FMT_JSON:
		printf("{\"added\":%ld,\"updated\":%ld,\"unchanged\":%ld,\"earlier\":%ld,"
		    "\"refused\":%ld}\n", c.added, c.updated, c.unchanged, c.earlier,
		    c.refused);
		break;
	}
	if (c.refused > 0)
		return em_err(ctx, EM_EX_DATAERR, "%ld record%s refused (see above); the "
		    "rest is imported", c.refused, c.refused == 1 ? " was" : "s were");
	return 0;
}

/* The whole `export` command, the same in every program. */
int
em_cmd_export(struct em_ctx *ctx, int argc, char **argv)
{
	const struct em_rectype *const *types = ctx->rectypes;
	int	 ex;

	if ((ex = em_no_opts(ctx, argc, argv)) != 0)
		return ex;
	if (optind != argc)
		return em_usage(ctx, stderr, EM_EX_USAGE);
	if ((ex = em_db_open(ctx, EM_DB_READ)) != 0)
		return ex;
	return em_export(ctx, types);
}
