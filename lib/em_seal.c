/*
 * em_seal.c: sealed journal moments. An entry's "sealed" field is the day
 * its seal lifts (the Sunday of its week, when the weekly review of that
 * week opens), or NULL for a moment never sealed; the author unsealing it
 * sooner sets it to that day. Whether a moment is sealed now, and from
 * whom, is decided here and nowhere else: every view asks the SQL
 * function em_sealed(user, sealed) (see EM_SEAL_* in em.h).
 */
#include <string.h>
#include <strings.h>

#include "em_int.h"

/* The day a moment of day's seal lifts: the Sunday of its week. */
long
em_seal_lifts(long day)
{
	return day + (7 - em_date_wday(day));
}

/*
 * em_sealed(user, sealed): EM_SEAL_OPEN when the moment can be read by
 * anyone (never sealed, or its day has come), EM_SEAL_MINE when it is
 * sealed and the one acting wrote it, EM_SEAL_HIDDEN when it is sealed
 * from the one acting: the partner, or a reader nobody has named.
 */
static void
fn_sealed(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct em_ctx	*ctx = sqlite3_user_data(cx);
	const char	*user, *sealed;
	char		 today[11];

	(void)argc;
	user = (const char *)sqlite3_value_text(argv[0]);
	sealed = (const char *)sqlite3_value_text(argv[1]);
	em_date_fmt(em_date_today(), today);
	if (sealed == NULL || strcmp(sealed, today) <= 0)
		sqlite3_result_int(cx, EM_SEAL_OPEN);
	else if (user != NULL && ctx->user != NULL && ctx->user_checked &&
	    strcasecmp(user, ctx->user) == 0)
		sqlite3_result_int(cx, EM_SEAL_MINE);
	else
		sqlite3_result_int(cx, EM_SEAL_HIDDEN);
}

int
em_seal_register(struct em_ctx *ctx)
{
	int	 rc;

	if ((rc = sqlite3_create_function(ctx->db, "em_sealed", 2, SQLITE_UTF8,
	    ctx, fn_sealed, NULL, NULL)) != SQLITE_OK)
		return em_db_err(ctx, rc, "opening the database");
	return 0;
}

/*
 * Learn who is reading, so that the author sees their own sealed moments:
 * reading needs no name, so a reader who cannot be named (not one of the
 * couple) reads on, and every sealed moment is sealed from them.
 */
void
em_seal_reader(struct em_ctx *ctx)
{
	const char	*me;

	if (em_ctx_user(ctx, &me) != 0)
		em_err_clear(ctx);
}
