/* t_news: every query of em_news.c reaches the records through an index, never by reading a whole table. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The queries themselves, not a copy: this program takes em_news.c's place. */
#include "em_news.c"
#include "tap.h"

static struct em_ctx ctx;

/*
 * A step of a plan that reads a whole table: "SCAN t" of anything but what
 * the queries make for themselves (the arrived records, a row set made
 * first, the replicas found by seeks). NULL when the plan has none.
 */
static char *
full_scan(const char *sql)
{
	static const char *const own[] = { "SCAN a", "SCAN f", "SCAN fresh",
	    "SCAN rep", NULL };
	sqlite3_stmt	*st;
	const char	*d;
	char		*q, *bad = NULL;
	size_t		 i;

	q = em_xcalloc(1, strlen(sql) + 32);
	sprintf(q, "EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(ctx.db, q, -1, &st, NULL) != SQLITE_OK) {
		free(q);
		return em_strdup(sqlite3_errmsg(ctx.db));
	}
	free(q);
	while (bad == NULL && sqlite3_step(st) == SQLITE_ROW) {
		d = (const char *)sqlite3_column_text(st, 3);
		if (strncmp(d, "SCAN ", 5) != 0)
			continue;
		for (i = 0; own[i] != NULL && strcmp(d, own[i]) != 0; i++)
			;
		if (own[i] == NULL && strncmp(d, "SCAN (subquery-", 15) != 0)
			bad = em_strdup(d);
	}
	sqlite3_finalize(st);
	return bad;
}

static void
indexed(const char *sql, const char *what)
{
	char	*bad = full_scan(sql);

	ok(bad == NULL, "%s: through indexes", what);
	if (bad != NULL)
		printf("#   %s\n", bad);
	free(bad);
}

int
main(void)
{
	static const char *const kinds[EM_NEWS_NKINDS] = { "answers",
	    "check-ins", "moments", "challenge days", "results" };
	const char	*tmp = getenv("TMPDIR");
	char		 dir[256], path[300];
	size_t		 k;

	em_ctx_init(&ctx, "t_news");
	snprintf(dir, sizeof(dir), "%s/t_news-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror(dir);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/e.db", dir);
	ctx.dbpath = em_strdup(path);
	ok(em_db_open(&ctx, EM_DB_WRITE) == 0, "a new database");
	ok(arrived(&ctx, "{}") == 0, "the records that arrived: none");
	indexed(mark_sql, "how far the log goes");
	indexed(arrived_sql, "what arrived");
	for (k = 0; k < EM_NEWS_NKINDS; k++)
		indexed(news_sql[k], kinds[k]);
	em_db_close(&ctx);
	for (k = 0; k < 3; k++) {
		snprintf(path, sizeof(path), "%s/e.db%s", dir,
		    (const char *[]){ "", "-wal", "-shm" }[k]);
		unlink(path);
	}
	rmdir(dir);
	return done_testing();
}
