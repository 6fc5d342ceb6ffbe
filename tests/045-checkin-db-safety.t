#!/bin/sh
# The database: private when made, left alone when foreign or newer, WAL files private too.
. "${0%/*}/lib.sh"

mode() { stat -c %a "$1"; }

ok     'a first check-in in a new directory'	empathy-checkin -d "$T/new/dir/e.db" add --high 'h' --low 'l'
same   'the directory made for it is 0700'	"$(mode "$T/new/dir")" 700
same   'its parent too'	"$(mode "$T/new")" 700
same   'the file is 0600'	"$(mode "$T/new/dir/e.db")" 600

echo hello >"$T/x.db"
chmod 600 "$T/x.db"
status 'a file that is not SQLite is bad data'	65 empathy-checkin -d "$T/x.db" add --high 'h' --low 'l'
like   'it names the file'	"$(err)" 'x\.db'
status 'reading it is refused too'	65 empathy-checkin -d "$T/x.db" show
same   'the file is unchanged'	"$(cat "$T/x.db")" hello
ok     'a directory in place of the database'	mkdir "$T/dir.db"
status 'is refused'	65 empathy-checkin -d "$T/dir.db" show

ok     'an SQLite database of some other program'	sqlite3 "$T/foreign.db" 'create table t (a); insert into t values (42)'
chmod 600 "$T/foreign.db"
status 'is refused'	65 empathy-checkin -d "$T/foreign.db" add --high 'h' --low 'l'
like   'it says it is not empathy'\''s'	"$(err)" 'not empathy'
same   'and it is untouched'	"$(sqlite3 "$T/foreign.db" "select name from sqlite_schema; pragma user_version")" 't
0'

ok     'sara checks in'	empathy-checkin add --high 'h' --low 'l'
known=$(sql 'pragma user_version')
ok     'a later empathy stamps schema 99'	sql 'pragma user_version = 99'
status 'show refuses a newer database'	65 empathy-checkin show
like   'it says a newer version wrote it'	"$(err)" 'newer'
status 'add refuses it too'	65 empathy-checkin add --date -1 --high 'h' --low 'l'
same   'the database is unchanged'	"$(sql "pragma user_version; select count(*) from checkin")" '99
1'
ok     'back to the schema we know'	sql "pragma user_version = $known"

ok     'others can read the database'	chmod 644 "$EMPATHY_DB"
ok     'show still works'	empathy-checkin show
like   'with a warning'	"$(err)" 'can be read by others'
ok     'add still works'	empathy-checkin add --date -1 --high 'h' --low 'l'
like   'with a warning'	"$(err)" 'can be read by others'
ok     'private again'	chmod 600 "$EMPATHY_DB"
ok     'no warning then'	empathy-checkin show
same   'stderr is empty'	"$(err)" ''

if [ "$(id -u)" -eq 0 ]; then
	ok '# SKIP a read-only database: running as root, permissions do not apply' true
	ok '# SKIP a read-only database: running as root, permissions do not apply' true
	ok '# SKIP a read-only database: running as root, permissions do not apply' true
else
	cp "$EMPATHY_DB" "$T/ro.db"
	chmod 400 "$T/ro.db"
	ok     'a read-only database can be shown'	empathy-checkin -d "$T/ro.db" show
	status 'but not written'	73 empathy-checkin -d "$T/ro.db" add --date -2 --high 'h' --low 'l'
	like   'it says read-only'	"$(err)" 'read-only'
fi

# Hold the database open from another process, so the -wal and -shm files stay.
mkfifo "$T/fifo"
sqlite3 "$EMPATHY_DB" <"$T/fifo" >"$T/holder" 2>&1 &
holder=$!
exec 3>"$T/fifo"
echo 'select count(*) from checkin;' >&3
i=0
while [ ! -s "$T/holder" ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
same   'another process reads the database'	"$(cat "$T/holder")" 2
ok     'alex writes while it is open'	empathy-checkin -u alex add --high 'h' --low 'l'
ok     'the -wal file is there'	test -s "$EMPATHY_DB-wal"
same   'the -wal file is 0600'	"$(mode "$EMPATHY_DB-wal")" 600
same   'the -shm file is 0600'	"$(mode "$EMPATHY_DB-shm")" 600
exec 3>&-
wait "$holder"
