/* em_sql.c: one-line SQLite for the commands: a lookup, a write run to its end. */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "em_int.h"

/*
 * Bind the arguments named by types to ?1, ?2, ...: 's' a const char *
 * (NULL binds NULL), 'l' a long. Any other letter is a mistake in the
 * program, not in the data.
 */
static void
bindv(sqlite3_stmt *st, const char *types, va_list ap)
{
	const char	*s;
	int		 i;

	for (i = 0; types[i] != '\0'; i++) {
		switch (types[i]) {
		case 's':
			s = va_arg(ap, const char *);
			em_bind_text(st, i + 1, s);
			break;
		case 'l':
			sqlite3_bind_int64(st, i + 1, (sqlite3_int64)va_arg(ap, long));
			break;
		default:
			abort();
		}
	}
}

static int
prepv(struct em_ctx *ctx, sqlite3_stmt **st, const char *sql, const char *types,
    va_list ap)
{
	int	 ex;

	if ((ex = em_db_prepare(ctx, st, sql)) != 0)
		return ex;
	bindv(*st, types, ap);
	return 0;
}

int
em_sql_prep(struct em_ctx *ctx, sqlite3_stmt **st, const char *sql,
    const char *types, ...)
{
	va_list	 ap;
	int	 ex;

	va_start(ap, types);
	ex = prepv(ctx, st, sql, types, ap);
	va_end(ap);
	return ex;
}

/*
 * The first column of sql's first row, as text (*s: a copy, NULL when there
 * is no row or the value is NULL) or as a number (*n: 0 when no row),
 * whichever the caller gives.
 */
static int
first_value(struct em_ctx *ctx, const char *what, const char *sql,
    const char *types, va_list ap, char **s, long *n)
{
	sqlite3_stmt	*st;
	const char	*v;
	int		 ex, rc;

	if (s != NULL)
		*s = NULL;
	if (n != NULL)
		*n = 0;
	if ((ex = prepv(ctx, &st, sql, types, ap)) != 0)
		return ex;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (s != NULL &&
		    (v = (const char *)sqlite3_column_text(st, 0)) != NULL)
			*s = em_strdup(v);
		if (n != NULL)
			*n = (long)sqlite3_column_int64(st, 0);
	} else if (rc != SQLITE_DONE)
		ex = em_db_err(ctx, rc, what);	/* before finalize resets it */
	sqlite3_finalize(st);
	return ex;
}

int
em_sql_one(struct em_ctx *ctx, const char *what, char **out, const char *sql,
    const char *types, ...)
{
	va_list	 ap;
	int	 ex;

	va_start(ap, types);
	ex = first_value(ctx, what, sql, types, ap, out, NULL);
	va_end(ap);
	return ex;
}

int
em_sql_long(struct em_ctx *ctx, const char *what, long *out, const char *sql,
    const char *types, ...)
{
	va_list	 ap;
	int	 ex;

	va_start(ap, types);
	ex = first_value(ctx, what, sql, types, ap, NULL, out);
	va_end(ap);
	return ex;
}

int
em_sql_run(struct em_ctx *ctx, const char *what, const char *sql,
    const char *types, ...)
{
	sqlite3_stmt	*st;
	va_list		 ap;
	int		 ex;

	va_start(ap, types);
	ex = prepv(ctx, &st, sql, types, ap);
	va_end(ap);
	if (ex != 0)
		return ex;
	return em_db_done(ctx, &st, what);
}

/* A column of the current row as a string the caller frees; NULL for NULL. */
char *
em_col_dup(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s == NULL ? NULL : em_strdup(s);
}
