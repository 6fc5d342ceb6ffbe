/* em_db.c: the shared database: created private, WAL, a busy timeout, migrated by user_version. */
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "em_int.h"

/* Migrations: entry i takes the schema from version i to i + 1. Append only. */
static const char *const migrations[] = {
	/* 1: the daily check-in and the answers to it. */
	"CREATE TABLE checkin ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  user TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  feeling TEXT,"
	"  underneath TEXT,"
	"  high TEXT NOT NULL,"
	"  low TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  UNIQUE (user, date));"
	"CREATE INDEX checkin_date ON checkin (date);"
	"CREATE TABLE response ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  checkin TEXT NOT NULL REFERENCES checkin (id)"
	"    ON UPDATE CASCADE ON DELETE CASCADE,"
	"  user TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('question', 'reflection')),"
	"  text TEXT NOT NULL,"
	"  forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL);"
	"CREATE INDEX response_checkin ON response (checkin);",

	/*
	 * 2: the journal. Tags are one space-separated, sorted string; removed
	 * entries keep their text until purged; every edit keeps the old text
	 * in entry_version; entry_fts follows entry through triggers (see 5).
	 */
	"CREATE TABLE entry ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  user TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('seen', 'misunderstood')),"
	"  text TEXT NOT NULL,"
	"  tags TEXT NOT NULL DEFAULT '',"
	"  removed TEXT,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL);"
	"CREATE INDEX entry_date ON entry (date, created);"
	"CREATE TABLE entry_version ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  entry TEXT NOT NULL REFERENCES entry (id)"
	"    ON UPDATE CASCADE ON DELETE CASCADE,"
	"  text TEXT NOT NULL,"
	"  tags TEXT NOT NULL DEFAULT '',"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL);"
	"CREATE INDEX entry_version_entry ON entry_version (entry);"
	"CREATE VIRTUAL TABLE entry_fts USING fts5 (text, content = 'entry',"
	"  content_rowid = 'rowid', prefix = '2 3 4');"
	"CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN"
	"  INSERT INTO entry_fts (rowid, text) VALUES (new.rowid, new.text);"
	"END;"
	"CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN"
	"  INSERT INTO entry_fts (entry_fts, rowid, text)"
	"    VALUES ('delete', old.rowid, old.text);"
	"END;"
	"CREATE TRIGGER entry_fts_update AFTER UPDATE OF text ON entry BEGIN"
	"  INSERT INTO entry_fts (entry_fts, rowid, text)"
	"    VALUES ('delete', old.rowid, old.text);"
	"  INSERT INTO entry_fts (rowid, text) VALUES (new.rowid, new.text);"
	"END;",

	/*
	 * 3: assessments. Answers are kept as given ("4,2,5") with the score
	 * worked out when taken, so a later change to the instrument does not
	 * rewrite history. about is whom the answers describe.
	 */
	"CREATE TABLE result ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  user TEXT NOT NULL,"
	"  about TEXT NOT NULL,"
	"  instrument TEXT NOT NULL,"
	"  date TEXT NOT NULL,"
	"  answers TEXT NOT NULL,"
	"  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL);"
	"CREATE INDEX result_about ON result (about, instrument, date);",

	/*
	 * 4: challenges. A run is one couple's go at a challenge, day 1 on its
	 * start date; run_day holds each partner's days done, with a note.
	 */
	"CREATE TABLE run ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  challenge TEXT NOT NULL,"
	"  start TEXT NOT NULL,"
	"  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 366),"
	"  user TEXT NOT NULL,"
	"  abandoned TEXT,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL);"
	"CREATE TABLE run_day ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  run TEXT NOT NULL REFERENCES run (id) ON UPDATE CASCADE ON DELETE CASCADE,"
	"  user TEXT NOT NULL,"
	"  day INTEGER NOT NULL CHECK (day >= 1),"
	"  date TEXT NOT NULL,"
	"  note TEXT,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL,"
	"  UNIQUE (run, user, day));",

	/*
	 * 5: new entries are indexed by whoever adds them (em_entry_index),
	 * not by a trigger. A trigger that writes to FTS5 makes every INSERT
	 * in a longer transaction open a statement journal, and FTS5 flushes
	 * its pending terms at each one: an import of 100,000 entries took
	 * five times as long. Edits and deletions keep their triggers.
	 */
	"DROP TRIGGER entry_fts_insert;",

	/*
	 * 6: who wrote, by table, for the check of who is acting (em_ctx_user):
	 * the distinct names are found by a few index look-ups, not by reading
	 * every entry. checkin's unique (user, date) key already serves.
	 */
	"CREATE INDEX IF NOT EXISTS entry_user ON entry (user);"
	"CREATE INDEX IF NOT EXISTS response_user ON response (user);"
	"CREATE INDEX IF NOT EXISTS result_user ON result (user);",

	/*
	 * 7: two machines. meta holds this replica's id, the couple's id and
	 * key, the clock and the last sync; partner the roster of two; op the
	 * log of every change (em_op.c), stamp which clock set each field last
	 * ('' for the whole record), tomb the purged records, earlier the text
	 * that lost a conflict, boxin the mailbox files already read.
	 * Records there can be only one of take the ids their natural keys
	 * give (em_id_derive); answers and days follow by ON UPDATE CASCADE.
	 * The triggers that record each change, and an operation for every
	 * record already here, come from migrate_log() below.
	 */
	"CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY NOT NULL, v TEXT) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO meta (k, v) VALUES ('replica', em_newid()), ('couple', em_newid());"
	"CREATE TABLE IF NOT EXISTS partner ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS op ("
	"  replica TEXT NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  clock TEXT NOT NULL,"
	"  user TEXT NOT NULL,"
	"  tbl TEXT NOT NULL,"
	"  rid TEXT NOT NULL,"
	"  kind TEXT NOT NULL CHECK (kind IN ('set', 'purge')),"
	"  body TEXT NOT NULL,"
	"  base TEXT NOT NULL DEFAULT '{}',"
	"  state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),"
	"  PRIMARY KEY (replica, seq)) WITHOUT ROWID;"
	"CREATE INDEX IF NOT EXISTS op_rid ON op (rid, clock);"
	"CREATE INDEX IF NOT EXISTS op_waiting ON op (state) WHERE state = 1;"
	"CREATE TABLE IF NOT EXISTS stamp ("
	"  rid TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  clock TEXT NOT NULL,"
	"  PRIMARY KEY (rid, field)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS tomb ("
	"  rid TEXT PRIMARY KEY NOT NULL,"
	"  tbl TEXT NOT NULL,"
	"  clock TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS earlier ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  tbl TEXT NOT NULL,"
	"  rid TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  value TEXT,"
	"  clock TEXT NOT NULL,"
	"  user TEXT NOT NULL,"
	"  created TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS earlier_rid ON earlier (rid);"
	"CREATE TABLE IF NOT EXISTS boxin (name TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;"
	"UPDATE OR IGNORE checkin SET id = em_derive('checkin', user, date);"
	"UPDATE OR IGNORE run SET id = em_derive('run', challenge, (SELECT count(*) "
	"  FROM run r2 WHERE r2.challenge = run.challenge AND (r2.created < run.created"
	"  OR (r2.created = run.created AND r2.rowid < run.rowid))));"
	"UPDATE OR IGNORE run_day SET id = em_derive('run_day', run, user, day);"
	"INSERT OR IGNORE INTO partner (id, name, created, updated)"
	"  SELECT em_derive('partner', user), user, min(created), min(created) FROM ("
	"    SELECT user, created FROM checkin UNION ALL SELECT user, created FROM response"
	"    UNION ALL SELECT user, created FROM entry UNION ALL SELECT user, created FROM result"
	"    UNION ALL SELECT user, created FROM run UNION ALL SELECT user, created FROM run_day)"
	"  GROUP BY user COLLATE NOCASE ORDER BY min(created) LIMIT 2;",

	/*
	 * 8: answering back. The partner who checked in replies to an answer;
	 * a reply goes with its answer.
	 */
	"CREATE TABLE IF NOT EXISTS reply ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  response TEXT NOT NULL REFERENCES response (id)"
	"    ON UPDATE CASCADE ON DELETE CASCADE,"
	"  user TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS reply_response ON reply (response);",

	/*
	 * 9: what a partner did since you last looked (em_news.c) is found
	 * by the time each record was written, through these indexes, not by
	 * reading every entry the other partner ever wrote (109 ms at 100,000
	 * entries, and growing with them).
	 */
	"CREATE INDEX IF NOT EXISTS entry_created ON entry (created);"
	"CREATE INDEX IF NOT EXISTS response_created ON response (created);"
	"CREATE INDEX IF NOT EXISTS checkin_created ON checkin (created);"
	"CREATE INDEX IF NOT EXISTS run_day_created ON run_day (created);"
	"CREATE INDEX IF NOT EXISTS result_created ON result (created);"
	"CREATE INDEX IF NOT EXISTS reply_created ON reply (created);",

	/*
	 * 10: empathic accuracy. A partner's guess at what lies underneath
	 * the other's feeling, made before it is shown: one per person and
	 * check-in, its id derived from the two.
	 */
	"CREATE TABLE IF NOT EXISTS guess ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  checkin TEXT NOT NULL REFERENCES checkin (id)"
	"    ON UPDATE CASCADE ON DELETE CASCADE,"
	"  user TEXT NOT NULL,"
	"  word TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  updated TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS guess_checkin ON guess (checkin);",

	/*
	 * 11: empathic accuracy for questionnaires. A result marked guess is
	 * its user's prediction of how about will answer about themselves
	 * (empathy-assess take --guess); it is paired with about's own result.
	 */
	"ALTER TABLE result ADD COLUMN guess INTEGER NOT NULL DEFAULT 0 "
	"  CHECK (guess IN (0, 1));",

	/*
	 * 12: deletes and undo. A check-in, an answer, a reply, a guess, a
	 * result or a day done can be removed and brought back: removed is a
	 * time, a value of its own that travels (ids derived from what a
	 * record is must stay usable, so no tombstone). The live_ views are
	 * the one definition of what commands show: a removed check-in hides
	 * its answers, their replies and guesses. change and change_before,
	 * never synced, are what empathy undo takes back on this machine
	 * (em_undo.c): each command's run of operations, the values its edits
	 * replaced, and which clock an undo's writes stand for.
	 */
	"ALTER TABLE checkin ADD COLUMN removed TEXT;"
	"ALTER TABLE response ADD COLUMN removed TEXT;"
	"ALTER TABLE reply ADD COLUMN removed TEXT;"
	"ALTER TABLE guess ADD COLUMN removed TEXT;"
	"ALTER TABLE result ADD COLUMN removed TEXT;"
	"ALTER TABLE run_day ADD COLUMN removed TEXT;"
	"CREATE VIEW IF NOT EXISTS live_checkin AS"
	"  SELECT * FROM checkin WHERE removed IS NULL;"
	"CREATE VIEW IF NOT EXISTS live_response AS SELECT * FROM response"
	"  WHERE removed IS NULL AND checkin IN (SELECT id FROM live_checkin);"
	"CREATE VIEW IF NOT EXISTS live_reply AS SELECT * FROM reply"
	"  WHERE removed IS NULL AND response IN (SELECT id FROM live_response);"
	"CREATE VIEW IF NOT EXISTS live_guess AS SELECT * FROM guess"
	"  WHERE removed IS NULL AND checkin IN (SELECT id FROM live_checkin);"
	"CREATE VIEW IF NOT EXISTS live_result AS"
	"  SELECT * FROM result WHERE removed IS NULL;"
	"CREATE VIEW IF NOT EXISTS live_run_day AS"
	"  SELECT * FROM run_day WHERE removed IS NULL;"
	"CREATE TABLE IF NOT EXISTS change ("
	"  id INTEGER PRIMARY KEY,"
	"  user TEXT NOT NULL,"
	"  first INTEGER NOT NULL,"
	"  last INTEGER NOT NULL,"
	"  what TEXT NOT NULL,"
	"  summary TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  undone TEXT);"
	"CREATE TABLE IF NOT EXISTS change_before ("
	"  seq INTEGER NOT NULL,"
	"  rid TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  value,"
	"  PRIMARY KEY (seq, field));"
	"CREATE INDEX IF NOT EXISTS change_before_rid ON change_before (rid);"
	"CREATE TABLE IF NOT EXISTS change_alias ("
	"  rid TEXT NOT NULL,"
	"  field TEXT NOT NULL,"
	"  clock TEXT NOT NULL,"
	"  orig TEXT NOT NULL,"
	"  PRIMARY KEY (rid, field, clock)) WITHOUT ROWID;",

	/*
	 * 13: sealed journal moments. The day the seal lifts (the Sunday of
	 * the moment's week, or the day its author opened it), NULL for a
	 * moment never sealed; em_seal.c reads it.
	 */
	"ALTER TABLE entry ADD COLUMN sealed TEXT DEFAULT NULL;",
};

/*
 * Schema 7's second half: one operation for each record already here
 * (em_op in em_op.c, its clock from the record's "updated" time), so that
 * the first sync carries everything.
 */
static int
migrate_log(struct em_ctx *ctx)
{
	const struct em_rectype *rt;
	struct em_sbuf	 b;
	size_t		 i;
	int		 ex = 0;

	for (i = 0; ex == 0 && (rt = em_rectype_nth(i)) != NULL; i++) {
		/* A record type a later schema brings has no records yet. */
		if (sqlite3_table_column_metadata(ctx->db, "main", rt->table, NULL,
		    NULL, NULL, NULL, NULL, NULL) != SQLITE_OK)
			continue;
		memset(&b, 0, sizeof(b));
		em_sb_add(&b, "SELECT count(em_op('%s', 'B'", rt->table);
		em_sb_fields(&b, rt, "");
		em_sb_add(&b, ")) FROM (SELECT * FROM %s ORDER BY %s)", rt->table,
		    rt->order);
		ex = em_db_exec(ctx, b.s);
		free(b.s);
	}
	return ex;
}

#define NMIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

/*
 * Run one migration statement by statement. "ALTER TABLE t ADD COLUMN c"
 * is skipped when t has c already, so that a migration that adds columns
 * can run again, as those made of IF NOT EXISTS can (a database whose
 * user_version was set back, a schema renumbered at a merge).
 */
static int
migrate_exec(struct em_ctx *ctx, const char *sql)
{
	sqlite3_stmt	*st;
	const char	*tail;
	char		 tbl[64], col[64];
	int		 rc;

	while (*sql != '\0') {
		if (sscanf(sql, " ALTER TABLE %63s ADD COLUMN %63s", tbl, col) == 2 &&
		    sqlite3_table_column_metadata(ctx->db, "main", tbl, col, NULL,
		    NULL, NULL, NULL, NULL) == SQLITE_OK) {
			if ((tail = strchr(sql, ';')) == NULL)
				break;
			sql = tail + 1;
			continue;
		}
		if ((rc = sqlite3_prepare_v2(ctx->db, sql, -1, &st, &tail)) != SQLITE_OK)
			return em_db_err(ctx, rc, "writing the database");
		if (st != NULL) {
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE && rc != SQLITE_ROW)
				return em_db_err(ctx, rc, "writing the database");
		}
		sql = tail;
	}
	return 0;
}

/*
 * How long to wait for another writer, in milliseconds: EM_BUSY_MS, or
 * $EMPATHY_BUSY_MS (0 to 600000) so that tests need not wait 5 seconds.
 */
int
em_busy_ms(void)
{
	static int	 ms = -1;
	const char	*s;
	char		*end;
	long		 v;

	if (ms >= 0)
		return ms;
	ms = EM_BUSY_MS;
	if ((s = getenv("EMPATHY_BUSY_MS")) != NULL && *s != '\0') {
		errno = 0;
		v = strtol(s, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 0 && v <= 600000)
			ms = (int)v;
	}
	return ms;
}

/* "5 seconds", "1.5 seconds", "200 ms": the busy timeout in words. */
static const char *
busy_words(char *buf, size_t len)
{
	int	 ms = em_busy_ms();

	if (ms % 1000 == 0)
		snprintf(buf, len, "%d second%s", ms / 1000, ms == 1000 ? "" : "s");
	else
		snprintf(buf, len, "%d ms", ms);
	return buf;
}

/* Whether the file system holding path has no room left. */
static int
disk_full(const char *path)
{
	struct statvfs	 vfs;
	char		*dir, *slash;
	int		 full = 0;

	if (path == NULL)
		return 0;
	dir = em_strdup(path);
	if ((slash = strrchr(dir, '/')) != NULL)
		*(slash == dir ? slash + 1 : slash) = '\0';
	else
		strcpy(dir, ".");
	if (statvfs(dir, &vfs) == 0)
		full = vfs.f_bavail * vfs.f_frsize < 64 * 1024;
	free(dir);
	return full;
}

/*
 * Map an SQLite failure to an exit status, recording what was being done.
 * (The name in parentheses: under make analyze, em.h makes it a macro.)
 */
int
(em_db_err)(struct em_ctx *ctx, int rc, const char *what)
{
	const char *msg = ctx->db ? sqlite3_errmsg(ctx->db) : sqlite3_errstr(rc);
	char	 buf[32];
	int	 ex;

	/* A full disk often shows only as an I/O error on the WAL or its index. */
	if ((rc & 0xff) == SQLITE_IOERR && disk_full(ctx->dbpath))
		rc = SQLITE_FULL;
	if (ctx->db_saved) {
		/*
		 * The change was committed; what failed is a step after it
		 * (a checkpoint, VACUUM). Say so: "nothing was changed"
		 * would be a lie.
		 */
		switch (rc & 0xff) {
		case SQLITE_FULL:
			msg = "the disk is full";
			ex = EM_EX_IOERR;
			break;
		case SQLITE_BUSY:
		case SQLITE_LOCKED:
			msg = "another program is using the database";
			ex = EM_EX_TEMPFAIL;
			break;
		default:
			ex = EM_EX_IOERR;
			break;
		}
		return em_err(ctx, ex, "the change is saved, but %s failed "
		    "afterwards (%s)", what, msg);
	}
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return em_err(ctx, EM_EX_TEMPFAIL, "%s: the database stayed busy for "
		    "%s; try again", what, busy_words(buf, sizeof(buf)));
	case SQLITE_FULL:
		return em_err(ctx, EM_EX_IOERR, "%s: %s: the disk is full; nothing "
		    "was changed", what, ctx->dbpath ? ctx->dbpath : "database");
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return em_err(ctx, EM_EX_CANTCREAT, "%s: %s: %s", what,
		    ctx->dbpath ? ctx->dbpath : "database", msg);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return em_err(ctx, EM_EX_DATAERR, "%s: %s is damaged or not an "
		    "empathy database (%s)", what,
		    ctx->dbpath ? ctx->dbpath : "database", msg);
	case SQLITE_CONSTRAINT:
	case SQLITE_TOOBIG:
	case SQLITE_MISMATCH:
		return em_err(ctx, EM_EX_DATAERR, "%s: %s", what, msg);
	default:
		return em_err(ctx, EM_EX_IOERR, "%s: %s", what, msg);
	}
}

int
em_db_prepare(struct em_ctx *ctx, sqlite3_stmt **st, const char *sql)
{
	int	 rc;

	if ((rc = sqlite3_prepare_v2(ctx->db, sql, -1, st, NULL)) != SQLITE_OK) {
		*st = NULL;
		return em_db_err(ctx, rc, "preparing a query");
	}
	return 0;
}

/* Run a write statement to its end and finalize it; *stp is NULL afterwards. */
int
em_db_done(struct em_ctx *ctx, sqlite3_stmt **stp, const char *what)
{
	int	 rc = sqlite3_step(*stp);

	sqlite3_finalize(*stp);
	*stp = NULL;
	return rc == SQLITE_DONE ? 0 : em_db_err(ctx, rc, what);
}

int
em_db_exec(struct em_ctx *ctx, const char *sql)
{
	int	 rc;

	if ((rc = sqlite3_exec(ctx->db, sql, NULL, NULL, NULL)) != SQLITE_OK)
		return em_db_err(ctx, rc, "writing the database");
	return 0;
}

static int
begin_write(struct em_ctx *ctx)
{
	int	 rc;

	ctx->db_saved = 0;
	em_op_begin(ctx);
	if ((rc = sqlite3_exec(ctx->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK)
		return em_db_err(ctx, rc, "starting a write");
	return 0;
}

/*
 * Writers take the write lock first, so the busy timeout applies (see
 * STYLE.md). A name that is not one of the two partners (em_ctx_user)
 * cannot write.
 */
int
em_db_begin(struct em_ctx *ctx)
{
	int	 ex;

	/* The first write of a run on no database yet: it is made now. */
	if (ctx->db_defer) {
		em_db_close(ctx);
		if ((ex = em_db_open(ctx, EM_DB_CREATE)) != 0)
			return ex;
	}
	if (ctx->roster != NULL)
		return em_stranger(ctx);
	/*
	 * The triggers that log each change, made by the first write of this
	 * connection (reading needs none), before the transaction: a rollback
	 * must not take them away.
	 */
	if ((ex = em_op_triggers(ctx)) != 0)
		return ex;
	if ((ex = begin_write(ctx)) == 0 && (ex = em_roster_join(ctx)) != 0)
		em_db_rollback(ctx);
	return ex;
}

int
em_db_commit(struct em_ctx *ctx)
{
	int	 rc;

	if ((rc = em_op_change(ctx)) != 0) {
		em_db_rollback(ctx);
		return rc;
	}
	if ((rc = sqlite3_exec(ctx->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK) {
		rc = em_db_err(ctx, rc, "saving");
		em_db_rollback(ctx);
		return rc;
	}
	/* Stored: typed words need no keeping, an old reason no longer holds. */
	ctx->db_saved = 1;
	em_words_forget(ctx);
	em_err_clear(ctx);
	return 0;
}

/*
 * Begin a write that changes records already there (a removal, an edit,
 * an unsealing): on no database yet there is nothing to change and none is
 * made for it; the reads that follow find nothing in the empty one in
 * memory, and the command says so.
 */
int
em_db_begin_change(struct em_ctx *ctx)
{
	return ctx->db_defer ? 0 : em_db_begin(ctx);
}

void
em_db_rollback(struct em_ctx *ctx)
{
	if (ctx->db != NULL && !sqlite3_get_autocommit(ctx->db))
		(void)sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
}

/*
 * Copy the WAL into the database file so that pages holding replaced or
 * deleted text (zeroed by secure_delete in their new version) overwrite the
 * old ones on disk. With wait, insist on emptying the WAL until the busy
 * timeout: EM_EX_TEMPFAIL if a reader still holds an old snapshot.
 * Without wait (after an edit, a replacement, an import) a failure such as
 * a full disk is a warning: the change is saved, and the next checkpoint
 * that has room erases the old text. With wait (a purge) it is a failure
 * whose message says the change is saved (em_db_err, ctx->db_saved).
 */
int
em_db_scrub(struct em_ctx *ctx, int wait)
{
	sqlite3_stmt	*st;
	char		 why[sizeof(ctx->errmsg)];
	int		 ex, rc, busy = 1, waited;

	if (ctx->db_mem)
		return 0;
	if ((ex = em_db_prepare(ctx, &st, wait ? "PRAGMA wal_checkpoint(TRUNCATE)" :
	    "PRAGMA wal_checkpoint(PASSIVE)")) != 0)
		return ex;
	for (waited = 0; ; waited += 50) {
		if ((rc = sqlite3_step(st)) == SQLITE_ROW)
			busy = sqlite3_column_int(st, 0);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW && rc != SQLITE_BUSY) {
			sqlite3_finalize(st);
			ex = em_db_err(ctx, rc, "erasing the old text from the file");
			if (ctx->db_saved) {
				snprintf(why, sizeof(why), "%s", em_errmsg(ctx));
				em_err(ctx, ex, "%s; it stays in %s until a later "
				    "write has room to erase it", why, ctx->dbpath);
			}
			if (wait)
				return ex;
			em_warn(ctx, "%s", em_errmsg(ctx));
			em_err_clear(ctx);
			return 0;
		}
		if (!wait || (rc == SQLITE_ROW && !busy) || waited >= em_busy_ms())
			break;
		sqlite3_sleep(50);
	}
	sqlite3_finalize(st);
	if (wait && busy)
		return em_err(ctx, EM_EX_TEMPFAIL, "another program still reads an "
		    "older copy of %s; what was erased leaves the file once it is done",
		    ctx->dbpath);
	return 0;
}

void
em_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static int
int_pragma(struct em_ctx *ctx, const char *sql, int *v)
{
	sqlite3_stmt	*st;
	int		 rc, ex;

	if ((ex = em_db_prepare(ctx, &st, sql)) != 0)
		return ex;
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return em_db_err(ctx, rc, "opening the database");
	return 0;
}

/*
 * Read the schema version, refusing (before anything is written) a database
 * from a newer empathy or an SQLite file of some other program's. One
 * statement, so both facts come from the same snapshot even while another
 * program is creating the schema.
 */
static int
refuse_strangers(struct em_ctx *ctx, int *versionp)
{
	sqlite3_stmt	*st;
	int		 ex, rc, version = 0, ntables = 0;

	if ((ex = em_db_prepare(ctx, &st, "SELECT user_version, (SELECT count(*) "
	    "FROM sqlite_schema) FROM pragma_user_version")) != 0)
		return ex;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		version = sqlite3_column_int(st, 0);
		ntables = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return em_db_err(ctx, rc, "opening the database");
	*versionp = version;
	if (version > NMIGRATIONS)
		return em_err(ctx, EM_EX_DATAERR, "%s was written by a newer empathy "
		    "(schema %d; this one knows %d): upgrade empathy", ctx->dbpath,
		    version, NMIGRATIONS);
	if (version == 0 && ntables > 0)
		return em_err(ctx, EM_EX_DATAERR, "%s is an SQLite database but not "
		    "empathy's; refusing to touch it", ctx->dbpath);
	return 0;
}

/* Bring the schema up to date in one transaction. */
static int
migrate(struct em_ctx *ctx)
{
	char	 sql[64];
	int	 v, ex, i;

	if ((ex = int_pragma(ctx, "PRAGMA user_version", &v)) != 0)
		return ex;
	if (v == NMIGRATIONS)
		return 0;
	if ((ex = begin_write(ctx)) != 0)
		return ex;
	if ((ex = refuse_strangers(ctx, &v)) != 0)
		goto fail;
	/*
	 * Schema 7's log of the records already here is made once every
	 * column a record type now has exists (a later schema adds some).
	 */
	for (i = v; i < NMIGRATIONS; i++)
		if ((ex = migrate_exec(ctx, migrations[i])) != 0)
			goto fail;
	if (v <= 6 && (ex = migrate_log(ctx)) != 0)
		goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", NMIGRATIONS);
	if ((ex = em_db_exec(ctx, sql)) != 0)
		goto fail;
	return em_db_commit(ctx);
fail:
	em_db_rollback(ctx);
	return ex;
}

/* mkdir -p, making what is missing private. */
static int
make_dirs(struct em_ctx *ctx, const char *path)
{
	char	*p = em_strdup(path), *s;
	int	 ex = 0;

	for (s = p + 1; ex == 0 && (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST)
			ex = em_errno(ctx, EM_EX_CANTCREAT, "cannot create %s", p);
		*s = '/';
	}
	free(p);
	return ex;
}

/*
 * Whether the database at path could be made: its nearest directory that
 * exists can be written. Said before a person types what would go into a
 * database that cannot be made (the file itself waits for em_db_begin).
 */
static int
can_make(struct em_ctx *ctx, const char *path)
{
	struct stat	 st;
	char		*p = em_strdup(path), *s;
	int		 ex = 0;

	while ((s = strrchr(p, '/')) != NULL) {
		*(s == p ? s + 1 : s) = '\0';
		if (stat(p, &st) == 0) {
			if (!S_ISDIR(st.st_mode) || access(p, W_OK | X_OK) != 0)
				ex = em_err(ctx, EM_EX_CANTCREAT, "cannot create %s: "
				    "%s", path, !S_ISDIR(st.st_mode) ?
				    strerror(ENOTDIR) : strerror(errno));
			break;
		}
		if (s == p)
			break;
	}
	free(p);
	return ex;
}

static char *
resolve_path(struct em_ctx *ctx, int *ex)
{
	const char *s, *home;
	char	*p;
	size_t	 len;

	*ex = 0;
	if (ctx->dbpath != NULL)
		return em_strdup(ctx->dbpath);
	if ((s = getenv("EMPATHY_DB")) != NULL && *s != '\0')
		return em_strdup(s);
	if ((*ex = em_cfg_load(ctx)) != 0)
		return NULL;
	if ((s = ctx->cfg_db) != NULL) {
		if (strncmp(s, "~/", 2) == 0 && (home = getenv("HOME")) != NULL) {
			len = strlen(home) + strlen(s);
			p = em_xcalloc(1, len);
			snprintf(p, len, "%s%s", home, s + 1);
			return p;
		}
		return em_strdup(s);
	}
	return em_xdg_path("XDG_DATA_HOME", ".local/share", "empathy/empathy.db");
}

static int
configure(struct em_ctx *ctx, int mode)
{
	sqlite3_stmt	*st;
	const char	*jm;
	int		 ex, v, waited;

	sqlite3_busy_timeout(ctx->db, em_busy_ms());
	sqlite3_extended_result_codes(ctx->db, 1);
	if ((ex = em_op_register(ctx)) != 0 || (ex = em_seal_register(ctx)) != 0)
		return ex;
	/* The first read tells whether this is a database at all, and whose. */
	if ((ex = refuse_strangers(ctx, &v)) != 0)
		return ex;
	if (mode == EM_DB_WRITE && sqlite3_db_readonly(ctx->db, "main") == 1)
		return em_err(ctx, EM_EX_CANTCREAT, "%s is read-only", ctx->dbpath);
	if ((ex = em_db_exec(ctx, "PRAGMA foreign_keys = ON;"
	    "PRAGMA secure_delete = ON;"
	    "PRAGMA synchronous = FULL")) != 0)
		return ex;
	if (!ctx->db_mem && sqlite3_db_readonly(ctx->db, "main") == 0) {
		if ((ex = em_db_prepare(ctx, &st, "PRAGMA journal_mode = WAL")) != 0)
			return ex;
		/*
		 * Switching to WAL does not wait on the busy handler: when two
		 * programs create the database at once, one gets SQLITE_BUSY
		 * at once. Wait for the other the way the handler would.
		 */
		for (waited = 0; (v = sqlite3_step(st)) == SQLITE_BUSY &&
		    waited < em_busy_ms(); waited += 10) {
			sqlite3_reset(st);
			sqlite3_sleep(10);
		}
		jm = v == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
		if (v != SQLITE_ROW)
			ex = em_db_err(ctx, v, "opening the database");
		else if (jm == NULL || strcmp(jm, "wal") != 0)
			ex = em_err(ctx, EM_EX_IOERR, "%s: cannot use WAL mode",
			    ctx->dbpath);
		sqlite3_finalize(st);
		if (ex != 0)
			return ex;
	}
	return migrate(ctx);
}

static int
read_only_fs(const char *path)
{
	struct statvfs	 vfs;

	return statvfs(path, &vfs) == 0 && (vfs.f_flag & ST_RDONLY);
}

/* A database on read-only media, opened so that SQLite writes nothing at all. */
static int
open_immutable(struct em_ctx *ctx, const char *path)
{
	char	*uri, *u;
	const char *p;
	int	 rc, ex, v;

	u = uri = em_xcalloc(1, strlen(path) * 3 + 32);
	u += sprintf(u, "file:");
	for (p = path; *p != '\0'; p++) {
		if (*p == '?' || *p == '#' || *p == '%')
			u += sprintf(u, "%%%02X", (unsigned char)*p);
		else
			*u++ = *p;
	}
	strcpy(u, "?immutable=1");
	rc = sqlite3_open_v2(uri, &ctx->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
	    SQLITE_OPEN_NOFOLLOW, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		ex = em_db_err(ctx, rc, "opening the database");
		em_db_close(ctx);
		return ex;
	}
	if ((ex = refuse_strangers(ctx, &v)) == 0 && v != NMIGRATIONS)
		ex = em_err(ctx, EM_EX_CANTCREAT, "%s needs an upgrade, but it is on "
		    "a read-only file system", path);
	if (ex == 0)
		ex = em_db_exec(ctx, "PRAGMA foreign_keys = ON");
	if (ex == 0)
		ex = em_seal_register(ctx);	/* every view of the journal asks it */
	if (ex != 0)
		em_db_close(ctx);
	return ex;
}

/*
 * The name SQLite is given: the directory with every symbolic link in it
 * resolved (/home -> /var/home, a stow-linked ~/.local/share/empathy), then
 * the file's own name, which must not be a link (SQLITE_OPEN_NOFOLLOW).
 * SQLite makes path-wal and path-shm beside it. The caller frees it.
 */
static int
real_path(struct em_ctx *ctx, const char *path, char **realp)
{
	char	*dir, *slash, *rdir, *p;
	const char *base;
	size_t	 len;

	*realp = NULL;
	dir = em_strdup(path);
	if ((slash = strrchr(dir, '/')) == NULL) {
		free(dir);
		dir = em_strdup(".");
		base = path;
	} else {
		base = path + (slash - dir) + 1;
		*(slash == dir ? slash + 1 : slash) = '\0';
	}
	if (*base == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
		free(dir);
		return em_err(ctx, EM_EX_DATAERR, "%s is not a database file", path);
	}
	if ((rdir = realpath(dir, NULL)) == NULL) {
		em_errno(ctx, EM_EX_CANTCREAT, "%s", dir);
		free(dir);
		return EM_EX_CANTCREAT;
	}
	free(dir);
	len = strlen(rdir) + strlen(base) + 2;
	p = em_xcalloc(1, len);
	snprintf(p, len, "%s%s%s", rdir, strcmp(rdir, "/") == 0 ? "" : "/", base);
	free(rdir);
	*realp = p;
	return 0;
}

/*
 * A database in a directory that others can write to (a shared /tmp) is not
 * private: another user can make path-wal and path-shm first, owned by them,
 * and read every text SQLite writes there. Refuse such a place, and files
 * beside the database that belong to someone else or are links.
 */
static int
safe_place(struct em_ctx *ctx, const char *real)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	struct stat	 st;
	char		*dir, *slash, f[4200];
	size_t		 i;
	int		 ex = 0;

	dir = em_strdup(real);
	slash = strrchr(dir, '/');
	*(slash == dir ? slash + 1 : slash) = '\0';
	if (stat(dir, &st) == 0 && (st.st_mode & (S_IWGRP | S_IWOTH)))
		ex = em_err(ctx, EM_EX_CANTCREAT, "%s: refusing a database in %s, "
		    "a directory others can write to: they could read its private "
		    "text through the files made beside it; use a directory only "
		    "you can write to", ctx->dbpath, dir);
	for (i = 0; ex == 0 && i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		snprintf(f, sizeof(f), "%s%s", real, sfx[i]);
		if (lstat(f, &st) != 0)
			continue;
		if (S_ISLNK(st.st_mode))
			ex = em_err(ctx, EM_EX_CANTCREAT, "%s is a symbolic link; "
			    "refusing to follow it (name the file it points to)",
			    f);
		else if (st.st_uid != geteuid())
			ex = em_err(ctx, EM_EX_CANTCREAT, "%s belongs to another "
			    "user (uid %lu); refusing to use it, as they could "
			    "read what is written there", f,
			    (unsigned long)st.st_uid);
	}
	free(dir);
	return ex;
}

/*
 * Open the database for reading or writing. Writing creates it private:
 * directory 0700, file 0600 made before SQLite sees it. Reading a database
 * that does not exist yet gives an empty one in memory, so nothing is created
 * by merely looking. A database first opened to read is checked again when
 * a write needs it.
 */
int
em_db_open(struct em_ctx *ctx, int mode)
{
	struct stat	 st;
	char		*path, *real = NULL;
	int		 ex, fd, rc, flags, created = 0;

	if (ctx->db != NULL) {
		if (mode == EM_DB_READ)
			return 0;
		if (ctx->db_mem && mode == EM_DB_WRITE) {
			if ((ex = can_make(ctx, ctx->dbpath)) != 0)
				return ex;
			ctx->db_defer = 1;
			return 0;
		}
		if (!ctx->db_mem) {
			if (sqlite3_db_readonly(ctx->db, "main") == 1)
				return em_err(ctx, EM_EX_CANTCREAT, "%s is %s",
				    ctx->dbpath, read_only_fs(ctx->dbpath) ?
				    "on a read-only file system" : "read-only");
			return 0;
		}
		em_db_close(ctx);
	}
	if ((path = resolve_path(ctx, &ex)) == NULL)
		return ex;
	free(ctx->dbpath);
	ctx->dbpath = path;
	ctx->db_mem = 0;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		return em_err(ctx, EM_EX_CANTCREAT, "%s is a symbolic link; refusing "
		    "to follow it (name the file it points to)", path);
	if (stat(path, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return em_err(ctx, EM_EX_DATAERR, "%s is not a database file",
			    path);
		if (st.st_mode & 077)
			em_warn(ctx, "%s can be read by others; chmod 600 %s", path,
			    path);
	} else if (errno != ENOENT) {
		return em_errno(ctx, EM_EX_CANTCREAT, "%s", path);
	} else if (mode == EM_DB_READ) {
		ctx->db_mem = 1;
	} else if (mode == EM_DB_WRITE) {
		/*
		 * Nothing is made until something is written: a command that
		 * fails first (an answer refused, nothing to answer) leaves
		 * no database behind. em_db_begin makes it.
		 */
		if ((ex = can_make(ctx, path)) != 0)
			return ex;
		ctx->db_mem = 1;
		ctx->db_defer = 1;
	} else if ((ex = make_dirs(ctx, path)) != 0)
		return ex;
	if (mode == EM_DB_CREATE)
		mode = EM_DB_WRITE;
	if (!ctx->db_mem) {
		if ((ex = real_path(ctx, path, &real)) != 0 ||
		    (ex = safe_place(ctx, real)) != 0) {
			free(real);
			return ex;
		}
		fd = open(real, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		    0600);
		if (fd == -1 && errno != EEXIST) {
			ex = em_errno(ctx, EM_EX_CANTCREAT, "cannot create %s", path);
			free(real);
			return ex;
		}
		if (fd != -1) {
			close(fd);
			created = 1;
		}
	}
	flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW;
	rc = sqlite3_open_v2(ctx->db_mem ? ":memory:" : real, &ctx->db, flags, NULL);
	if (rc != SQLITE_OK) {
		ex = em_db_err(ctx, rc, "opening the database");
		goto fail;
	}
	if ((ex = configure(ctx, mode)) != 0 && ex == EM_EX_IOERR &&
	    mode == EM_DB_READ && disk_full(path)) {
		/*
		 * A full disk has no room for the WAL index (-shm). Reading
		 * in exclusive locking mode keeps that index in memory.
		 */
		em_db_close(ctx);
		rc = sqlite3_open_v2(real, &ctx->db, flags, NULL);
		if (rc == SQLITE_OK && (ex = em_db_exec(ctx,
		    "PRAGMA locking_mode = EXCLUSIVE")) == 0)
			ex = configure(ctx, mode);
		else if (rc != SQLITE_OK)
			ex = em_db_err(ctx, rc, "opening the database");
	}
	if (ex != 0) {
		em_db_close(ctx);
		if (ex == EM_EX_CANTCREAT && read_only_fs(path)) {
			/* WAL needs its -shm file; on read-only media read as is. */
			if (mode == EM_DB_READ) {
				ex = open_immutable(ctx, real);
				free(real);
				if (ex == 0)
					em_err_clear(ctx);
				return ex;
			}
			ex = em_err(ctx, EM_EX_CANTCREAT, "%s is on a read-only "
			    "file system", path);
		}
		goto fail;
	}
	free(real);
	/* A failure worked round (a full disk) is no reason for later. */
	em_err_clear(ctx);
	ctx->db_base = sqlite3_total_changes(ctx->db);
	return 0;
fail:
	em_db_close(ctx);
	/* Leave no empty file behind when the database could not be made. */
	if (created && stat(real, &st) == 0 && st.st_size == 0)
		unlink(real);
	free(real);
	return ex;
}

void
em_db_close(struct em_ctx *ctx)
{
	if (ctx->db == NULL)
		return;
	/* A write that went past em_db_begin would be lost with the memory. */
	if (ctx->db_defer && sqlite3_total_changes(ctx->db) != ctx->db_base) {
		fprintf(stderr, "%s: internal error: a write outside a "
		    "transaction on a database not made yet\n", ctx->prog);
		abort();
	}
	ctx->db_defer = 0;
	em_db_rollback(ctx);
	em_op_close(ctx);
	sqlite3_close(ctx->db);
	ctx->db = NULL;
}
