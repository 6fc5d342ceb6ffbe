#!/bin/sh
# A database from the first version (check-ins only) is upgraded in place, data kept.
. "${0%/*}/lib.sh"

ok     'a version-1 database, as the first release wrote it' sqlite3 "$EMPATHY_DB" "
PRAGMA journal_mode = WAL;
CREATE TABLE checkin (id TEXT PRIMARY KEY NOT NULL, user TEXT NOT NULL,
  date TEXT NOT NULL, feeling TEXT, underneath TEXT, high TEXT NOT NULL,
  low TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL,
  UNIQUE (user, date));
CREATE INDEX checkin_date ON checkin (date);
CREATE TABLE response (id TEXT PRIMARY KEY NOT NULL, checkin TEXT NOT NULL
  REFERENCES checkin (id) ON UPDATE CASCADE ON DELETE CASCADE, user TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'reflection')), text TEXT NOT NULL,
  forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
  created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX response_checkin ON response (checkin);
INSERT INTO checkin VALUES ('00000000000000aa', 'sara', '2026-01-05', NULL, NULL,
  'old high', 'old low', '2026-01-05T20:00:00.000Z', '2026-01-05T20:00:00.000Z');
PRAGMA user_version = 1;"
chmod 600 "$EMPATHY_DB"
ok     'the journal can write to it'	empathy-journal add --seen 'a first moment'
ok     'the schema moved past version 1'	test "$(sql 'pragma user_version')" -gt 1
same   'the old check-in is still there'	"$(sql 'select high from checkin')" 'old high'
ok     'and shows as before'	empathy-checkin show --date 2026-01-05
like   'with its text'	"$(out)" 'old high'
same   'the journal entry is searchable'	"$(empathy-journal list --grep first -f tsv | cut -f6 | tail -1)" 'a first moment'
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
