/* floor: what any program of empathy's shape must pay: open a WAL SQLite
 * database, run one count(*), parse one small YAML file, exit. */
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>
#include <yaml.h>

int
main(int argc, char *argv[])
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	FILE		*fp;
	long		 n = 0;
	int		 done = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: floor database.db file.yaml\n");
		return 64;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st,
	    NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		return 74;
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	if ((fp = fopen(argv[2], "r")) == NULL || !yaml_parser_initialize(&parser))
		return 74;
	yaml_parser_set_input_file(&parser, fp);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev))
			return 65;
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	fclose(fp);
	return n < 0;
}
