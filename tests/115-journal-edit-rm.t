#!/bin/sh
# edit, rm and restore: your own entries only, by id or a unique prefix, with the old text kept.
. "${0%/*}/lib.sh"

id() { sql "select id from entry where text = '$1'"; }
entry() { sql "select text, tags, removed is not null from entry where id = '$1'"; }
versions() { sql "select text, tags from entry_version where entry = '$1' order by created, rowid"; }

ok     'sara writes one'	sh -c "echo 'He listened to the whole story' | empathy-journal add --seen --tag talk --tag evening"
ok     'alex writes one'	sh -c "echo 'She asked about my day twice' | empathy-journal -u alex add --seen"
s=$(id 'He listened to the whole story')
a=$(id 'She asked about my day twice')
s4=$(printf %.4s "$s")
s7=$(printf %.7s "$s")

# edit: new text on stdin; the old text and tags become a version.
c0=$(sql "select created from entry where id = '$s'")
u0=$(sql "select updated from entry where id = '$s'")
sleep 0.01
echo 'He listened to the whole story, twice' >"$T/in"
ok     'sara edits hers by a 7-digit prefix'	empathy-journal edit "$s7" <"$T/in"
same   'it says so with the short id'	"$(out)" "$s7: changed"
same   'the text is new, the tags kept'	"$(entry "$s")" 'He listened to the whole story, twice|evening talk|0'
same   'one version holds the first text and tags'	"$(versions "$s")" 'He listened to the whole story|evening talk'
same   'the created time is kept'	"$(sql "select created from entry where id = '$s'")" "$c0"
same   'the updated time moved on'	"$(sql "select updated > '$u0' from entry where id = '$s'")" 1
ok     'edit --text with --tag and --untag: new text, tags swapped'	sh -c "echo 'He listened, and asked' | empathy-journal edit --text --untag evening --untag talk --tag Listening $s4"
same   'text and tags are new'	"$(entry "$s")" 'He listened, and asked|listening|0'
same   'two versions now, oldest first'	"$(versions "$s")" 'He listened to the whole story|evening talk
He listened to the whole story, twice|evening talk'
ok     'the full 16-digit id works too'	sh -c "echo 'He listened, and asked why' | empathy-journal edit $s"
same   'three versions'	"$(sql "select count(*) from entry_version where entry = '$s'")" 3

before=$(sql "select text, tags, updated from entry where id = '$s'")
status 'edit with nothing on stdin'	64 empathy-journal edit "$s" </dev/null
status 'edit with invalid UTF-8'	65 sh -c "printf 'bad \377\n' | empathy-journal edit $s"
status 'edit with a NUL byte'	65 sh -c "printf 'a\000b\n' | empathy-journal edit $s"
status 'edit with a bad tag'	64 sh -c "echo fine | empathy-journal edit --tag 'two words' $s"
status 'edit without an id'	64 empathy-journal edit </dev/null
like   'it asks for one id'	"$(err)" 'give one entry id'
status 'edit with two ids'	64 empathy-journal edit "$s" "$a" </dev/null
same   'none of that changed the entry'	"$(sql "select text, tags, updated from entry where id = '$s'")" "$before"
same   'nor added a version'	"$(sql "select count(*) from entry_version")" 3

# Only the author may change an entry.
status "alex may not edit sara's entry"	65 sh -c "echo 'rewritten' | empathy-journal -u alex edit $s"
like   'the message says whose it is'	"$(err)" "sara's"
status "alex may not remove it"	65 empathy-journal -u alex rm "$s"
status "sara may not remove alex's"	65 empathy-journal rm "$a"
same   'both entries untouched'	"$(entry "$s"; entry "$a")" "$(printf '%s\n' "$before" | cut -d'|' -f1,2)|0
She asked about my day twice||0"

# Ids: at least 4 hex digits of a unique beginning.
status 'three digits are too few'	64 empathy-journal rm "$(printf %.3s "$s")"
like   'it asks for 4'	"$(err)" 'at least 4'
status 'not hex'	64 empathy-journal rm wxyz
status 'more than 16 digits'	64 empathy-journal rm "${s}0"
other=$(printf %.4s "$s" | tr 0-9a-f 1-9a-f0)
status 'a prefix no entry has'	66 empathy-journal rm "$other"
like   'it says there is no such entry'	"$(err)" "no entry $other"
status 'a full id no entry has'	66 empathy-journal edit 0123456789abcdef </dev/null

# Two entries beginning alike, brought in by import.
cat >"$T/twins.jsonl" <<JSON
{"type":"entry","id":"abcd000000000001","user":"sara","date":"$(day -9)","kind":"seen","text":"twin one","tags":"","removed":null,"created":"2026-01-01T10:00:00.000Z","updated":"2026-01-01T10:00:00.000Z"}
{"type":"entry","id":"abcd000000000002","user":"sara","date":"$(day -8)","kind":"seen","text":"twin two","tags":"","removed":null,"created":"2026-01-01T10:00:01.000Z","updated":"2026-01-01T10:00:01.000Z"}
JSON
ok     'two entries whose ids begin alike'	empathy-journal import <"$T/twins.jsonl"
status 'a prefix of both is a usage error'	64 empathy-journal rm abcd
like   'it asks for more of the id'	"$(err)" 'more than one'
status 'even 15 digits of both'	64 empathy-journal rm abcd00000000000
ok     'the 16th digit tells them apart'	empathy-journal rm abcd000000000002
same   'twin two is removed, twin one is not'	"$(sql "select text, removed is not null from entry where text like 'twin %' order by id")" 'twin one|0
twin two|1'
ok     'among entries not removed abcd is unique now'	sh -c "echo 'twin one, edited' | empathy-journal edit abcd"
same   'it edited twin one'	"$(sql "select text from entry where id = 'abcd000000000001'")" 'twin one, edited'
ok     'and restore abcd finds the removed one'	empathy-journal restore abcd
same   'twin two is back'	"$(sql "select removed from entry where id = 'abcd000000000002'")" ''

# rm and its undoing.
ok     'sara removes hers'	empathy-journal rm "$s4"
like   'it says how to bring it back'	"$(out)" "^$s7: removed .*restore"
same   'it is marked removed, text kept'	"$(entry "$s")" 'He listened, and asked why|listening|1'
status 'it is gone from list'	1 empathy-journal list --by sara --grep listened
u1=$(sql "select updated from entry where id = '$s'")
ok     'removing it again is done already'	empathy-journal rm "$s"
same   'it says it was removed already'	"$(out)" "$s7: already removed (bring it back with restore)"
same   'still removed, and not touched'	"$(sql "select removed is not null, updated from entry where id = '$s'")" "1|$u1"
status 'editing a removed entry: no such entry'	66 sh -c "echo x | empathy-journal edit $s"
status "alex may not restore sara's"	65 empathy-journal -u alex restore "$s"
ok     'rm --undo brings it back'	empathy-journal rm --undo "$s4"
same   'it says so'	"$(out)" "$s7: restored"
same   'not removed any more'	"$(entry "$s")" 'He listened, and asked why|listening|0'
status 'restoring what is not removed: no such removed entry'	66 empathy-journal restore "$s"
like   'it says so'	"$(err)" 'no removed entry'
ok     'rm, then restore'	empathy-journal rm "$s"
ok     'restore'	empathy-journal restore "$s7"
same   'back again'	"$(sql "select count(*) from entry where id = '$s' and removed is null")" 1
same   'rm and restore add no versions'	"$(sql "select count(*) from entry_version where entry = '$s'")" 3
status 'rm without an id'	64 empathy-journal rm
status 'restore with two ids'	64 empathy-journal restore "$s" "$a"
status 'restore takes no --undo'	64 empathy-journal restore --undo "$s"
