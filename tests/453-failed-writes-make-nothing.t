#!/bin/sh
# A command that fails before it writes anything makes no database: not the
# file, not its directory. (Reading never made one; a write that is refused,
# or finds nothing to act on, made an empty 112 KiB database.)
. "${0%/*}/lib.sh"

db="$T/nowhere/empathy.db"
# fails STATUS DESC CMD...: CMD, on a database that does not exist, exits
# STATUS and leaves nothing.
fails() {
	_st=$1 _d=$2; shift 2
	status "$_d: $_st"	"$_st" env EMPATHY_DB="$db" "$@"
	ok     "$_d: nothing made"	test ! -e "$T/nowhere"
	rm -rf "$T/nowhere"
}
fails 66 'an answer to no check-in'	empathy-checkin respond --to alex 'How was it?'
fails 66 'a reply to no answer'	empathy-checkin reply 'Thank you'
fails 66 'a guess at no check-in'	empathy-checkin guess --guess tired
fails 66 'removing no check-in'	empathy-checkin rm
fails 66 'editing no moment'	empathy-journal edit abcd
fails 66 'unsealing no moment'	empathy-journal unseal abcd
fails 66 'removing no moment'	empathy-journal rm abcd
fails 66 'restoring no moment'	empathy-journal restore abcd
fails 66 'removing no result'	empathy-assess rm abcd
fails 66 'restoring no result'	empathy-assess restore abcd
fails 66 'restoring no check-in'	empathy-checkin restore
fails 66 'removing no answer'	empathy-checkin respond --rm abcd
fails 66 'removing no reply'	empathy-checkin reply --rm abcd
fails 66 'resuming no challenge'	empathy-challenge abandon --undo
fails 66 'renaming nobody'	empathy partners rename bob alex
fails 1 'a day done with no challenge'	empathy-challenge done
fails 1 'undone with no challenge'	empathy-challenge undone
fails 1 'nothing to undo'	empathy undo
fails 65 'a check-in with bad text'	empathy-checkin add --high "$(printf 'a\377b')" --low l
ok     'a write that goes through makes it'	env EMPATHY_DB="$db" empathy-checkin add --high 'Swam' --low 'Cold'
same   'private'	"$(stat -c %a "$T/nowhere" "$db")" '700
600'

# Where no database can be made, a write says so before anything is typed.
: >"$T/afile"
status 'a database under a file cannot be made: 73'	73 env EMPATHY_DB="$T/afile/empathy.db" empathy-checkin respond --to alex 'How was it?'
like   'saying where and why'	"$(err)" "$T/afile/empathy\.db: Not a directory"
got=$(pty "env EMPATHY_DB='$T/afile/empathy.db' empathy-checkin add")
unlike 'at a terminal, add asks nothing first'	"$got" 'The high of your day'
like   'it says why'	"$got" 'empathy\.db: Not a directory'
