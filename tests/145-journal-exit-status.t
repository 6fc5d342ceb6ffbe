#!/bin/sh
# Every exit status the man page lists, each provoked once: 0 1 64 65 66 73 74 78.
. "${0%/*}/lib.sh"

echo 'He remembered the appointment' >"$T/in"
ok     '0: an entry is added'	empathy-journal add --seen <"$T/in"
id=$(sql 'select id from entry')
ok     '0: -h prints the usage'	empathy-journal -h
like   'on stdout'	"$(out)" '^usage: empathy-journal '
ok     '0: -h after a command prints its usage'	empathy-journal list -h
like   "the command's usage"	"$(out | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n  */ /g')" '^usage: empathy-journal .* list \[--since date\]'
ok     '0: --version'	empathy-journal --version
like   'names the program'	"$(out)" '^empathy-journal '

status '1: list finds nothing'	1 empathy-journal list --grep elephant
status '1: tags finds no tags'	1 empathy-journal tags

status '64: no command'	64 empathy-journal
like   'the usage on stderr'	"$(err)" '^usage: empathy-journal '
same   'nothing on stdout'	"$(out)" ''
status '64: an unknown command'	64 empathy-journal write
like   'it names the command'	"$(err)" "unknown command 'write'"
status '64: an unknown option'	64 empathy-journal add --seen --bold
status '64: an unknown common option'	64 empathy-journal --colour list
status '64: an option without its value'	64 empathy-journal list --since
status '64: add without --seen or --misunderstood'	64 empathy-journal add <"$T/in"
status '64: add with both'	64 empathy-journal add --seen --misunderstood <"$T/in"
status '64: a bad date'	64 empathy-journal add --seen --date 2026-13-01 <"$T/in"
status '64: a day not come yet'	64 empathy-journal add --seen --date "$(day 1)" <"$T/in"
status '64: -n 0'	64 empathy-journal list -n 0
status '64: -n -3'	64 empathy-journal list -n -3
status '64: -n abc'	64 empathy-journal list -n abc
status "64: the tag 'two words'"	64 empathy-journal add --seen --tag 'two words' <"$T/in"
status '64: a bad week'	64 empathy-journal review --week 2026-W60
status '64: an id of three digits'	64 empathy-journal rm abc
status '64: -u with an empty name'	64 empathy-journal -u '' list
status '64: no text on stdin'	64 empathy-journal add --seen </dev/null
same   'none of the 64s stored anything'	"$(sql 'select count(*) from entry')" 1

status '65: invalid UTF-8'	65 sh -c "printf 'caf\351\n' | empathy-journal add --seen"
status '65: a text over 64 KiB'	65 sh -c "head -c 70000 /dev/zero | tr '\0' x | empathy-journal add --seen"
status '65: a NUL byte'	65 sh -c "printf 'a\000b\n' | empathy-journal add --seen"
status '65: a malformed import line'	65 sh -c "echo '{\"type\":\"entry\"' | empathy-journal import"
status "65: the other partner's entry"	65 empathy-journal -u alex rm "$id"
same   'none of the 65s stored anything'	"$(sql 'select count(*) from entry')" 1

status '66: an id that is not there'	66 empathy-journal rm "$(printf %s "$id" | tr 0-9a-f 1-9a-f0)"
status '66: restore what is not removed'	66 empathy-journal restore "$id"

: >"$T/plainfile"
status '73: the database cannot be created'	73 empathy-journal -d "$T/plainfile/journal.db" add --seen <"$T/in"
like   'it names the path'	"$(err)" "$T/plainfile"
status '74: output to a full disk'	74 sh -c 'empathy-journal list >/dev/full'
like   'it says writing failed'	"$(err)" 'writing output'

mkdir "$T/broken"
printf 'kind: prompts\nid: review\nprompts: [one, two\n' >"$T/broken/prompts.yaml"
status '78: a broken content file when review needs its prompts'	78 empathy-journal --content "$T/broken" review
like   'it names file, line and column'	"$(err)" "$T/broken/prompts.yaml:[0-9]+:[0-9]+: "
ok     'list needs no content: 0 with the same broken file'	empathy-journal --content "$T/broken" list
