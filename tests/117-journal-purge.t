#!/bin/sh
# rm --purge erases an entry for good: row, earlier versions, indexed words, free pages.
. "${0%/*}/lib.sh"

ok     'sara writes a private moment'	empathy-journal add --seen 'quetzalword in the first words'
id=$(empathy-journal list -f tsv | sed -n 2p | cut -f1)
ok     'she edits it, so an earlier version is kept' \
       sh -c "echo 'quetzalword again, second version' | empathy-journal edit $id"
ok     'alex writes one of his own'	empathy-journal -u alex add --misunderstood 'ordinary words'
status 'alex cannot purge her entry'	65 empathy-journal -u alex rm --purge "$id"
status '--purge and --undo do not go together'	64 empathy-journal rm --purge --undo "$id"
ok     'she purges it'	empathy-journal rm --purge "$id"
like   'and is told it is gone for good'	"$(out)" 'erased for good'
same   'no entry row is left'	"$(sql "select count(*) from entry where id = '$id'")" 0
same   'no earlier version is left'	"$(sql 'select count(*) from entry_version')" 0
status 'a search finds nothing'	1 empathy-journal list --grep quetzalword
status 'it cannot be restored'	66 empathy-journal restore "$id"
same   'the word is in no file of the database' \
       "$(cat "$EMPATHY_DB"* | grep -c quetzalword)" 0
same   'the index is consistent'	"$(sql "insert into entry_fts (entry_fts) values ('integrity-check'); select 'ok'")" ok
same   'the database is intact'	"$(sql 'pragma integrity_check')" ok
same   "alex's entry is untouched"	"$(empathy-journal list -f tsv | cut -f3,6 | sed 1d)" 'alex	ordinary words'
ok     'a removed entry can be purged too' \
       sh -c 'empathy-journal add --seen "second secret" && id2=$(empathy-journal list --by sara -f tsv | sed -n 2p | cut -f1) && empathy-journal rm "$id2" && empathy-journal rm --purge "$id2"'
same   'and is gone'	"$(sql "select count(*) from entry where user = 'sara'")" 0
