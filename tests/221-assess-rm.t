#!/bin/sh
# rm and restore: a result leaves history, compare and the news, by its
# giver only; it is kept and comes back.
. "${0%/*}/lib.sh"

ok     'sara rates herself'	empathy-assess take bandwidth --answers 2,2,2,2 -f tsv
id=$(out | sed -n 2p | cut -f1)
ok     'history has it'	empathy-assess history bandwidth -f tsv
same   'one row'	"$(out | sed 1d | wc -l)" 1
status 'alex cannot remove it'	66 empathy-assess -u alex rm "$id"
status 'rm needs an id'	64 empathy-assess rm
status 'an unknown id'	66 empathy-assess rm ffffffff
ok     'sara removes it'	empathy-assess rm "$id"
same   'says how to bring it back'	"$(out)" "result $id removed (bring it back with: empathy-assess restore $id, or empathy undo)"
status 'history: nothing (exit 1)'	1 empathy-assess history bandwidth -f tsv
same   'no rows'	"$(out | sed 1d | wc -l)" 0
same   'kept'	"$(sql 'select count(*), count(removed) from result')" '1|1'
ok     'restore'	empathy-assess restore "$(printf %.5s "$id")" -f json
same   'json'	"$(out | jq -c '[.type, .state]')" '["result","live"]'
ok     'history again'	empathy-assess history bandwidth -f tsv
same   'one row'	"$(out | sed 1d | wc -l)" 1
