#!/bin/sh
# empathy undo takes back your last change on this machine, then the one
# before, across the programs; --list says what it would take back; an undo
# is not itself undone; a change made since is never overwritten; a purge
# cannot be undone.
. "${0%/*}/lib.sh"

status 'nothing to undo yet'	1 empathy undo
like   'says so'	"$(err)" 'nothing to undo'
status 'an empty list'	1 empathy undo --list
same   'says so'	"$(out)" 'nothing to undo'
status '-n 0 is a usage error'	64 empathy undo -n 0
status 'no operands'	64 empathy undo now

ok     'sara checks in'	empathy-checkin add --high 'Swam a mile' --low 'Cold water'
ok     'and replaces it'	empathy-checkin add --replace --high 'Swam two miles' --low 'Cold water'
ok     'writes in the journal'	empathy-journal add --seen 'He made tea without asking'
ok     'alex checks in'	empathy-checkin -u alex add --high 'Painted' --low 'Tired'
ok     'list'	empathy undo --list
same   'sara'"'"'s changes, newest first'	"$(out | sed 's/  20[0-9T:-]*  /  /')" \
'next  journal moment added  (empathy-journal add)
      check-in changed  (empathy-checkin add)
      check-in added  (empathy-checkin add)'
ok     'list as tsv'	empathy undo --list -f tsv
same   'header'	"$(out | head -1)" 'id	created	what	summary'
ok     'list as json, -n 1'	empathy undo --list -f json -n 1
same   'one line'	"$(out | jq -r .summary)" 'journal moment added'

ok     'undo'	empathy undo
same   'says what'	"$(out)" 'undone: journal moment added (empathy-journal add)'
same   'the moment is removed, not erased'	"$(sql 'select count(*), count(removed) from entry')" '1|1'
status 'replaced words are not kept: undo refuses'	1 empathy undo
like   'says why and what to do'	"$(err)" 'cannot undo check-in changed .*: the high it replaced is not kept .*empathy undo --skip'
same   'nothing was changed'	"$(sql "select high from checkin where user = 'sara'")" 'Swam two miles'
same   'the old words are in no file'	"$(cat "$EMPATHY_DB"* | grep -c 'Swam a mile')" 0
ok     'pass over it'	empathy undo --skip
same   'says so'	"$(out)" 'passed over: check-in changed (empathy-checkin add)'
status '--skip with --list'	64 empathy undo --skip --list
ok     'and the one before'	empathy undo -f json
same   'json'	"$(out | jq -r .undone)" 'check-in added (empathy-checkin add)'
same   'the check-in is removed'	"$(sql "select count(*) from live_checkin where user = 'sara'")" 0
status 'nothing more of sara'"'"'s'	1 empathy undo
ok     'alex'"'"'s change is still his to undo'	empathy undo -u alex --list
like   'his check-in'	"$(out)" 'check-in added'

# A delete is undone by bringing the record back; undo twice goes two back.
ok     'sara checks in again'	empathy-checkin add --high 'Ran' --low 'Rain'
ok     'removes it'	empathy-checkin rm
ok     'undo -n 1 brings it back'	empathy undo -n 1
same   'live again'	"$(sql "select count(*) from live_checkin where user = 'sara'")" 1
ok     'undo the add'	empathy undo
same   'removed'	"$(sql "select count(*) from live_checkin where user = 'sara'")" 0

# Across the programs: an assessment, a challenge day.
ok     'sara takes the bandwidth check'	empathy-assess take bandwidth --answers 3,3,3,3
ok     'starts a challenge'	empathy-challenge start one-week
ok     'marks day 1'	empathy-challenge done --note 'We talked.'
ok     'undo -n 3'	empathy undo -n 3
same   'day, run and result taken back'	"$(sql 'select count(*) from live_run_day')|$(sql 'select count(abandoned) from run')|$(sql 'select count(*) from live_result')" '0|1|0'

# A later change is never overwritten.
ok     'sara writes a moment'	empathy-journal add --seen 'A note on the fridge' -f tsv
id=$(out | sed -n 2p | cut -f1)
ok     'removes it'	empathy-journal rm "$id"
ok     'a change undo did not make (an import) brings it back meanwhile'	sh -c "empathy-journal export | jq -c 'if .id == \"$id\" then .removed = null | .updated = \"2099-01-01T00:00:00.000Z\" | .[\"clock:removed\", \"clock:updated\"] |= (\"0f\" + .[2:]) else . end' | empathy-journal import"
same   'back'	"$(sql "select count(*) from entry where id = '$id' and removed is null")" 1
status 'undo of the removal refuses to overwrite it'	1 empathy undo
like   'naming what changed'	"$(err)" "cannot undo journal moment removed .*: the removed of journal moment $id was changed since"
same   'nothing was changed'	"$(sql "select count(*) from entry where id = '$id' and removed is null")" 1

# A purge cannot be undone.
ok     'sara writes another moment'	empathy-journal add --seen 'Flowers' -f tsv
id2=$(out | sed -n 2p | cut -f1)
ok     'purges it'	empathy-journal rm --purge "$id2"
status 'undo refuses'	1 empathy undo
like   'a purge'	"$(err)" 'a purge cannot be undone'

# A journal edit keeps the text it replaced as an earlier version: undo
# puts it back, and the history is as it was before the edit.
ok     'sara writes a third moment'	empathy-journal add --seen --tag fridge 'Soup was waiting' -f tsv
id3=$(out | sed -n 2p | cut -f1)
ok     'edits its text'	sh -c "echo 'Soup was waiting, still warm, with a note' | empathy-journal edit $id3"
ok     'and tags it'	empathy-journal edit --tag dinner "$id3"
same   'two earlier versions'	"$(sql "select count(*) from entry_version where entry = '$id3'")" 2
ok     'undo: the tag'	empathy undo
same   'the tags as before, the new text still there'	"$(sql "select text, tags from entry where id = '$id3'")" 'Soup was waiting, still warm, with a note|fridge'
ok     'undo: the text'	empathy undo
like   'says what it took back'	"$(out)" 'undone: journal moment changed \(empathy-journal edit\)'
same   'the first words are back'	"$(sql "select text, tags from entry where id = '$id3'")" 'Soup was waiting|fridge'
same   'and no earlier version is left'	"$(sql "select count(*) from entry_version where entry = '$id3'")" 0
status 'the undone words are not found'	1 empathy-journal list --grep warm
ok     'the first ones are'	empathy-journal list --grep waiting
ok     'she edits it once more'	sh -c "echo 'Soup, and bread' | empathy-journal edit $id3"
ok     'undo that edit'	empathy undo
same   'back again'	"$(sql "select text from entry where id = '$id3'")" 'Soup was waiting'
