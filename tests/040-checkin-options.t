#!/bin/sh
# Common options: before or after the command, the database path, version, usage.
. "${0%/*}/lib.sh"

ok     'alex checks in with -u before the command'	empathy-checkin -u alex add --high 'Baked bread' --low 'Burnt a finger'
ok     'sara checks in with --user after the command'	empathy-checkin add --user sara --date -1 --high 'h' --low 'l'
same   'each under their own name'	"$(sql 'select user from checkin order by user')" 'alex
sara'
ok     'show -u alex, before'	empathy-checkin -u alex -f tsv show
before=$(out)
ok     'show -u alex, after'	empathy-checkin show -u alex -f tsv
same   'the same output'	"$(out)" "$before"
ok     'show --user alex --format tsv, after'	empathy-checkin show --user=alex --format tsv
same   'the same output again'	"$(out)" "$before"
same   'and it is alex'\''s own view, not hidden'	"$(printf '%s\n' "$before" | sed 1d | cut -f 3,6,8)" "$(printf 'alex\tBaked bread\t0')"

ok     '-d PATH before the command'	empathy-checkin -d "$T/d1.db" add --high 'h' --low 'l'
ok     'the database is at PATH'	test -f "$T/d1.db"
same   'with the check-in'	"$(sqlite3 "$T/d1.db" 'select user from checkin')" sara
ok     '--db PATH after the command'	empathy-checkin add --db "$T/d2.db" --high 'h' --low 'l'
same   'that one too'	"$(sqlite3 "$T/d2.db" 'select user from checkin')" sara
same   'EMPATHY_DB was left alone'	"$(sql 'select count(*) from checkin')" 2
ok     'EMPATHY_DB points elsewhere'	env EMPATHY_DB="$T/env.db" empathy-checkin add --high 'h' --low 'l'
same   'the check-in went there'	"$(sqlite3 "$T/env.db" 'select user from checkin')" sara
ok     '-d wins over EMPATHY_DB'	env EMPATHY_DB="$T/env.db" empathy-checkin -d "$T/d3.db" add --high 'h' --low 'l'
ok     'it went to the -d database'	test -f "$T/d3.db"
same   'and not to EMPATHY_DB'	"$(sqlite3 "$T/env.db" 'select count(*) from checkin')" 1
status '-d with an empty path'	64 empathy-checkin -d '' show

ok     '-V'	empathy-checkin -V
like   'prints the name and a version'	"$(out)" '^empathy-checkin [0-9][^ ]*$'
ok     '--version after the command'	empathy-checkin show --version
like   'the same'	"$(out)" '^empathy-checkin [0-9][^ ]*$'
status 'an unknown option'	64 empathy-checkin --frobnicate show
like   'it is named'	"$(err)" 'unknown option --frobnicate'
status 'an unknown option after the command'	64 empathy-checkin show --frobnicate
like   'it is named'	"$(err)" 'unknown option --frobnicate'
like   'with the usage of show'	"$(err | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n  */ /g')" '^usage: empathy-checkin .* show '
status 'an unknown short option'	64 empathy-checkin -Z show
like   'it is named'	"$(err)" 'unknown option -Z'
status 'an unknown command'	64 empathy-checkin frob
like   'it is named'	"$(err)" "unknown command 'frob'"
status 'a bad -u name'	64 empathy-checkin -u '' show
ok     'add -h'	empathy-checkin add -h
like   'prints the usage of add on stdout'	"$(out | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n  */ /g')" '^usage: empathy-checkin .* add .*--high'
same   'and nothing on stderr'	"$(err)" ''
ok     'respond --help'	empathy-checkin respond --help
like   'prints the usage of respond'	"$(out | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n  */ /g')" '^usage: empathy-checkin .* respond .*--force'

# An operand too many is named, whatever the command (at most one, or none).
for cmd in 'empathy-checkin rm abc' 'empathy-checkin respond --rm abc def' \
    'empathy-checkin reply --rm abc def' 'empathy-checkin feelings a b' \
    'empathy-challenge show a b' 'empathy-challenge start a b' \
    'empathy-challenge timer 1 2' 'empathy-assess history self x' \
    'empathy-journal review x'; do
	last=${cmd##* }
	# shellcheck disable=SC2086 # the words of the command
	status "$cmd: a usage error"	64 $cmd
	like   "$cmd: names '$last'"	"$(err)" "unexpected argument '$last'"
done
same   'no check-ins in a range: from and to, spaced'	"$(empathy-checkin -u nobody show --since 2026-01-01 --until 2026-01-31 2>&1; echo " $?")" 'empathy-checkin: no check-ins from 2026-01-01 to 2026-01-31
 1'
