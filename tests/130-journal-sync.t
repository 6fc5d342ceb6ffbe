#!/bin/sh
# export | import: a byte-exact round trip, idempotent, the newer edit wins, removals travel too.
. "${0%/*}/lib.sh"

A=$EMPATHY_DB
B=$T/laptop.db
ja() { empathy-journal -d "$A" "$@"; }
jb() { empathy-journal -d "$B" "$@"; }
sync() { ja export >"$T/a.jsonl" && jb import <"$T/a.jsonl"; }
found() { empathy-journal -d "$1" list -f tsv --grep "$2" | awk -F '\t' 'NR > 1 { print $6 }'; }
count() { sqlite3 "$1" "select (select count(*) from entry) || '/' || (select count(*) from entry_version)"; }

ok     'sara writes in A'	sh -c "echo 'He made tea when I came home' | empathy-journal -d '$A' add --seen --tag home"
ok     'with awkward characters'	sh -c "printf 'tab\there, \"quotes\", back\\\\slash, caf\303\251 \360\237\230\200\nsecond line\n' | empathy-journal -d '$A' add --misunderstood --date -2"
ok     'alex writes in A'	sh -c "echo 'She asked about the interview' | empathy-journal -d '$A' -u alex add --seen --date -1 --tag work --tag talk"
s=$(sqlite3 "$A" "select id from entry where text like 'He made%'")
ok     'sara edits hers once'	sh -c "echo 'He made tea and sat with me when I came home' | empathy-journal -d '$A' edit $s"
ok     'and removes the awkward one'	ja rm "$(sqlite3 "$A" "select id from entry where kind = 'misunderstood'")"
same   'A has three entries and one version'	"$(count "$A")" 3/1

ok     'export A'	ja export
out >"$T/a.jsonl"
same   'four lines: three entries, then the version'	"$(cut -d, -f1 "$T/a.jsonl")" '{"type":"entry"
{"type":"entry"
{"type":"entry"
{"type":"entry_version"'
ok     'import into B, which does not exist yet'	jb import <"$T/a.jsonl"
same   'it reports what it added'	"$(out)" '4 added, 0 updated, 0 unchanged'
same   'B has the same'	"$(count "$B")" 3/1
ok     'export B'	jb export
out >"$T/b.jsonl"
ok     'export B is export A, byte for byte'	cmp "$T/a.jsonl" "$T/b.jsonl"
same   'B lists what A lists'	"$(jb list -f tsv)" "$(ja list -f tsv)"
same   'B searches what A searches'	"$(found "$B" 'tea')" 'He made tea and sat with me when I came home'
status 'the removed entry is removed in B as well'	1 jb list --misunderstood
ok     'import the same again'	jb import <"$T/a.jsonl"
same   'nothing added or changed'	"$(out)" '0 added, 0 updated, 4 unchanged'
same   'B has no more than before'	"$(count "$B")" 3/1
ok     'export B still equals export A'	sh -c "empathy-journal -d '$B' export | cmp - '$T/a.jsonl'"
ok     'and back the other way changes nothing in A'	sh -c "empathy-journal -d '$B' export | empathy-journal -d '$A' import"
same   'all unchanged'	"$(out)" '0 added, 0 updated, 4 unchanged'

# An edit in A after syncing wins in B by its newer updated time.
sleep 0.01
ok     'sara edits in A after the sync'	sh -c "echo 'He brought coffee to the station in the rain' | empathy-journal -d '$A' edit $s"
ok     'sync A to B'	sync
same   'one entry updated, one version added'	"$(out)" '1 added, 1 updated, 3 unchanged'
same   'B has the new text'	"$(sqlite3 "$B" "select text from entry where id = '$s'")" 'He brought coffee to the station in the rain'
same   'B finds it by its new words'	"$(found "$B" 'coffee station')" 'He brought coffee to the station in the rain'
status 'and not by its old ones'	1 jb list --grep 'tea'
same   'B keeps both earlier texts as versions'	"$(sqlite3 "$B" "select text from entry_version where entry = '$s' order by created")" \
       'He made tea when I came home
He made tea and sat with me when I came home'
ok     'the exports agree'	sh -c "empathy-journal -d '$B' export | cmp - '$T/a.jsonl'"
ok     'an older copy does not undo the edit: import the first export into B'	jb import <"$T/b.jsonl"
same   'nothing updated'	"$(out)" '0 added, 0 updated, 4 unchanged'
same   'B still has the newest text'	"$(found "$B" 'coffee')" 'He brought coffee to the station in the rain'

# Removals and restores travel as well.
a=$(sqlite3 "$A" "select id from entry where user = 'alex'")
sleep 0.01
ok     'alex removes his entry in A'	ja -u alex rm "$a"
ok     'sync A to B'	sync
same   'one entry updated'	"$(out)" '0 added, 1 updated, 4 unchanged'
status 'B no longer lists it'	1 jb list --by alex
status 'nor finds it'	1 jb list --grep interview
same   'B shows no #talk tag now'	"$(jb tags -f tsv | cut -f1 | sed 1d | sort | paste -sd ' ')" 'home'
sleep 0.01
ok     'alex brings it back in B'	jb -u alex restore "$a"
ok     'sync B to A'	sh -c "empathy-journal -d '$B' export | empathy-journal -d '$A' import"
same   'A takes the restore'	"$(out)" '0 added, 1 updated, 4 unchanged'
same   'A finds it again'	"$(found "$A" interview)" 'She asked about the interview'
ok     'the two databases agree byte for byte'	sh -c "empathy-journal -d '$A' export >'$T/a2' && empathy-journal -d '$B' export >'$T/b2' && cmp '$T/a2' '$T/b2'"

# Each partner's own database, merged both ways.
C=$T/alex.db
ok     'alex keeps his own database too'	sh -c "echo 'Sara noticed the new haircut' | empathy-journal -d '$C' -u alex add --seen --date -4"
ok     'C to A'	sh -c "empathy-journal -d '$C' export | empathy-journal -d '$A' import"
same   'one added'	"$(out)" '1 added, 0 updated, 0 unchanged'
ok     'A to C'	sh -c "empathy-journal -d '$A' export | empathy-journal -d '$C' import"
same   'five added, one already there'	"$(out)" '5 added, 0 updated, 1 unchanged'
ok     'A and C export the same'	sh -c "empathy-journal -d '$A' export >'$T/a3' && empathy-journal -d '$C' export >'$T/c3' && cmp '$T/a3' '$T/c3'"
