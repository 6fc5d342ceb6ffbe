#!/bin/sh
# list --grep: full-text search by words, prefixes and phrases, in step with edit, rm and restore.
. "${0%/*}/lib.sh"

found() { empathy-journal list -f tsv --grep "$@" | awk -F '\t' 'NR > 1 { print $6 }'; }
id() { sql "select id from entry where text = '$1'"; }

ok     'sara: tea'	sh -c "echo 'He made tea when I came home late' | empathy-journal add --seen"
ok     'sara: teapot'	sh -c "echo 'The old teapot came back from the repair shop' | empathy-journal add --seen --date -1"
ok     'alex: home came'	sh -c "echo 'Home came up again and she listened' | empathy-journal -u alex add --seen --date -2"
ok     'alex: steam'	sh -c "echo 'Steam from the kettle, silence at the table' | empathy-journal -u alex add --misunderstood --date -3"

same   'one word'	"$(found kettle)" 'Steam from the kettle, silence at the table'
same   'upper and lower case are the same'	"$(found KETTLE)" 'Steam from the kettle, silence at the table'
same   'a word is a whole word: tea is not teapot, nor steam'	"$(found tea)" 'He made tea when I came home late'
same   'tea* is a prefix: tea and teapot, not steam'	"$(found 'tea*')" 'He made tea when I came home late
The old teapot came back from the repair shop'
same   'two words: both, in any order'	"$(found 'home tea')" 'He made tea when I came home late'
same   'a phrase in double quotes'	"$(found '"came home"')" 'He made tea when I came home late'
same   'the words of a phrase in any order are not the phrase'	"$(found '"home came"' --by sara)" ''
same   'the other order is its own phrase'	"$(found '"home came"')" 'Home came up again and she listened'
same   'a phrase and a word'	"$(found '"came home" late')" 'He made tea when I came home late'
same   'without quotes, came and home in both orders'	"$(found 'came home')" 'He made tea when I came home late
Home came up again and she listened'
same   'punctuation around a word does not matter'	"$(found 'kettle,')" 'Steam from the kettle, silence at the table'
same   '--grep with --by'	"$(found 'came' --by alex)" 'Home came up again and she listened'
same   '--grep with --misunderstood'	"$(found 'the' --misunderstood)" 'Steam from the kettle, silence at the table'
same   '--grep with -n: the newest'	"$(found 'came' -n 1)" 'He made tea when I came home late'

status 'a word nobody wrote: 1'	1 empathy-journal list --grep coffee
same   'and nothing printed'	"$(out)" ''
status 'all words must be there'	1 empathy-journal list --grep 'tea coffee'
status 'OR is a word like any other, not an operator'	1 empathy-journal list --grep 'tea OR coffee'
status 'NEAR(...) is not query syntax'	1 empathy-journal list --grep 'NEAR(tea home)'
status 'a lone quote is no error'	1 empathy-journal list --grep '"'
status 'a lone star is no error'	1 empathy-journal list --grep '*'
status 'a column filter is no syntax either'	1 empathy-journal list --grep 'text:tea'
status 'an empty --grep is a usage error'	64 empathy-journal list --grep ''
like   'it asks for words'	"$(err)" 'needs words'
status 'blanks only is a usage error'	64 empathy-journal list --grep '   '

# Search follows edits, removals and restores.
tea=$(id 'He made tea when I came home late')
ok     'sara edits the tea entry'	sh -c "echo 'He brought coffee to the station' | empathy-journal edit $tea"
same   'found by its new words'	"$(found coffee)" 'He brought coffee to the station'
same   'found by a prefix of its new words'	"$(found 'stat*')" 'He brought coffee to the station'
status 'not found by its old words'	1 empathy-journal list --grep 'tea late'
same   'tea* finds only the teapot now'	"$(found 'tea*')" 'The old teapot came back from the repair shop'
same   'the old phrase is gone'	"$(found '"came home"')" ''

pot=$(id 'The old teapot came back from the repair shop')
ok     'sara removes the teapot entry'	empathy-journal rm "$pot"
status 'a removed entry is not found'	1 empathy-journal list --grep teapot
status 'not by a prefix either'	1 empathy-journal list --grep 'teap*'
ok     'sara restores it'	empathy-journal restore "$pot"
same   'a restored entry is found again'	"$(found teapot)" 'The old teapot came back from the repair shop'
ok     'removed and brought back with rm --undo'	sh -c "empathy-journal rm $pot && empathy-journal rm --undo $pot"
same   'found again'	"$(found 'repair shop')" 'The old teapot came back from the repair shop'
same   'the index agrees with the table'	"$(sql "insert into entry_fts(entry_fts, rank) values ('integrity-check', 1); select 'ok'")" ok
