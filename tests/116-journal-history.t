#!/bin/sh
# An entry survives edit, rm and restore with its history: same id and created time, new text, one version.
. "${0%/*}/lib.sh"

ok     'sara writes down a moment'	sh -c "echo 'He waited up with soup when my train was late' | empathy-journal add --misunderstood --tag train"
id=$(sql 'select id from entry')
created=$(sql 'select created from entry')
same   'one entry'	"$(sql 'select count(*) from entry')" 1
same   'no versions yet'	"$(sql 'select count(*) from entry_version')" 0

ok     'she remembers it better and rewrites it'	\
       sh -c "echo 'He waited up with tea when my train was late, and did not ask why' | empathy-journal edit $(printf %.5s "$id")"
ok     'she removes it'	empathy-journal rm "$id"
status 'it has left the list'	1 empathy-journal list
status 'and the search'	1 empathy-journal list --grep 'tea'
ok     'she brings it back'	empathy-journal restore "$id"

same   'the same one entry, same id'	"$(sql 'select id from entry')" "$id"
same   'the same created time'	"$(sql 'select created from entry')" "$created"
same   'the edited text, tags kept, not removed'	"$(sql 'select text, tags, removed from entry')" \
       'He waited up with tea when my train was late, and did not ask why|train|'
same   'one version, holding the first text'	"$(sql 'select entry, text, tags from entry_version')" \
       "$id|He waited up with soup when my train was late|train"
ok     'grep finds it again by its new words'	empathy-journal list -f tsv --grep '"did not ask"'
same   'just that entry'	"$(out | cut -f1 | sed 1d)" "$id"
status 'not by its first words'	1 empathy-journal list --grep soup
ok     'export carries the entry and its version'	empathy-journal export
same   'an entry line and an entry_version line'	"$(out | sed 's/^{"type":"\([a-z_]*\)","id":"\([0-9a-f]*\)".*/\1 \2/')" \
       "entry $id
entry_version $(sql 'select id from entry_version')"
like   'the version names its entry'	"$(out | sed -n 2p)" "\"entry\":\"$id\",\"text\":\"He waited up with soup when my train was late\""
