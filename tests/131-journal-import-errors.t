#!/bin/sh
# import: a bad line stops it with 65, names the line, and nothing of that input is kept.
. "${0%/*}/lib.sh"

B=$T/other.db
rows() { sqlite3 "$B" "select (select count(*) from entry) || '/' || (select count(*) from entry_version)"; }
imp() { empathy-journal -d "$B" import <"$1"; }
# bad N SED: line N of the export changed by SED, into $T/bad.jsonl.
bad() { sed "$1$2" "$T/a.jsonl" >"$T/bad.jsonl"; }

ok     'sara writes'	sh -c "echo 'He fixed my bike' | empathy-journal add --seen --tag bike"
ok     'alex writes'	sh -c "echo 'She heard what I did not say' | empathy-journal -u alex add --seen --date -1"
ok     'sara edits hers'	sh -c "echo 'He fixed my bike before I asked' | empathy-journal edit $(sql "select id from entry where user = 'sara'")"
ok     'export'	empathy-journal export
out >"$T/a.jsonl"
same   'three lines'	"$(wc -l <"$T/a.jsonl")" 3
ok     'the other database has an entry of its own'	sh -c "echo 'mine' | empathy-journal -d '$B' add --misunderstood --date -3"
same   'one row there'	"$(rows)" 1/0

bad 3 's/.*/{"type":"entry_version","id":/'
status 'a malformed last line'	65 imp "$T/bad.jsonl"
like   'the message names line 3'	"$(err)" '^empathy-journal: line 3: '
same   'nothing of that import is stored'	"$(rows)" 1/0
same   'nothing is reported as done'	"$(out)" ''

bad 1 's/"type":"entry"/"type":"checkin"/'
status 'a record of another program'	65 imp "$T/bad.jsonl"
like   'it names the line and the type'	"$(err)" 'line 1: "checkin"'
bad 2 's/"text":/"story":/'
status 'an unknown key'	65 imp "$T/bad.jsonl"
like   'it names the line and the key'	"$(err)" 'line 2: .*"story"'
bad 1 's/"kind":"[a-z]*"/"kind":"angry"/'
status 'a kind that is neither seen nor misunderstood'	65 imp "$T/bad.jsonl"
like   'it names the field'	"$(err)" 'line 1: "kind"'
bad 1 's/"date":"[0-9-]*"/"date":"2026-02-30"/'
status 'a date that does not exist'	65 imp "$T/bad.jsonl"
like   'it names the field'	"$(err)" 'line 1: "date"'
bad 1 's/"updated":"[^"]*"/"updated":"yesterday"/'
status 'an updated time that is not a time'	65 imp "$T/bad.jsonl"
like   'it names the field'	"$(err)" 'line 1: "updated"'
bad 1 's/"tags":"[^"]*"/"tags":"two  spaces"/'
status 'tags with two spaces between them'	65 imp "$T/bad.jsonl"
like   'it names the field'	"$(err)" 'line 1: "tags"'
bad 1 's/"tags":"[^"]*"/"tags":"a,b"/'
status 'a tag with a comma'	65 imp "$T/bad.jsonl"
bad 1 's/"text":"[^"]*"/"text":""/'
status 'an empty text'	65 imp "$T/bad.jsonl"
like   'it names the field'	"$(err)" 'line 1: "text"'
bad 1 's/"text":"[^"]*"/"text":"a\\u0000b"/'
status 'a NUL escaped in the text'	65 imp "$T/bad.jsonl"
like   'it names the line'	"$(err)" 'line 1: '
bad 1 "s/\"text\":\"[^\"]*\"/\"text\":\"caf$(printf '\351')\"/"
status 'invalid UTF-8 in the text'	65 imp "$T/bad.jsonl"
like   'it names the line'	"$(err)" 'line 1: '
bad 1 's/"text":"[^"]*"/"text":"\\ud800"/'
status 'a lone surrogate'	65 imp "$T/bad.jsonl"
bad 1 "s/\"text\":\"[^\"]*\"/\"text\":\"$(head -c 65537 /dev/zero | tr '\0' x)\"/"
status 'a text over 64 KiB'	65 imp "$T/bad.jsonl"
like   'it names the field'	"$(err)" 'line 1: "text"'
bad 1 's/"user":"[^"]*"/"user":""/'
status 'an empty user'	65 imp "$T/bad.jsonl"
bad 1 's/,"user":"[^"]*"//'
status 'a missing user'	65 imp "$T/bad.jsonl"
like   'it says what is missing'	"$(err)" 'line 1: "user" is missing'
bad 1 's/"created":"\([^"]*\)"/"created":1/'
status 'a number where a time belongs'	65 imp "$T/bad.jsonl"

# A version before its entry, or for an entry that is not there.
{ sed -n 3p "$T/a.jsonl"; sed -n 1,2p "$T/a.jsonl"; } >"$T/bad.jsonl"
status 'a version before its entry'	65 imp "$T/bad.jsonl"
like   'it names line 1 and the missing record'	"$(err)" 'line 1: refers to a record that is not there'
sed -n 3p "$T/a.jsonl" | sed 's/"entry":"[0-9a-f]*"/"entry":"0000000000000000"/' >"$T/bad.jsonl"
status 'a version of no entry'	65 imp "$T/bad.jsonl"
head -c 100 "$T/a.jsonl" >"$T/bad.jsonl"
status 'input that stops in the middle of a line'	65 imp "$T/bad.jsonl"
like   'it says so'	"$(err)" 'line 1: .*middle of a line'
printf '[1, 2, 3]\n' >"$T/bad.jsonl"
status 'JSON that is not an object'	65 imp "$T/bad.jsonl"
same   'after all of that, still only the one row'	"$(rows)" 1/0

# The same id with other content and the same updated time: a conflict, not a silent pick.
ok     'the good export goes in'	imp "$T/a.jsonl"
same   'all three added'	"$(out)" '3 added, 0 updated, 0 unchanged'
bad 2 's/"text":"[^"]*"/"text":"rewritten elsewhere"/'
status 'same id, same time, other text'	65 imp "$T/bad.jsonl"
like   'it says so'	"$(err)" 'line 2: .*same time'
same   'nothing changed'	"$(rows)" 3/1
bad 1 's/"removed":null,//'
ok     'a record without "removed" is one not removed'	imp "$T/bad.jsonl"
same   'the same as the stored one'	"$(out)" '0 added, 0 updated, 3 unchanged'

printf '\n   \n' >"$T/blank.jsonl"
ok     'blank lines are nothing to import'	imp "$T/blank.jsonl"
same   'nothing added'	"$(out)" '0 added, 0 updated, 0 unchanged'
ok     'an empty input neither'	imp /dev/null
status 'import takes no arguments'	64 empathy-journal -d "$B" import "$T/a.jsonl"
