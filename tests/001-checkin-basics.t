#!/bin/sh
# A first story: sara and alex check in and answer each other.
. "${0%/*}/lib.sh"

status 'no command prints usage and fails'	64 empathy-checkin
like   'usage names the commands'	"$(err)" 'respond'
ok     '--help is usage on stdout'	empathy-checkin --help
like   '--help lists add'	"$(out)" '^  add '
ok     'sara checks in from stdin' \
       sh -c 'printf "%s\n" "Lunch with my sister" "Traffic made me late" | empathy-checkin add --feeling annoyed:overlooked'
like   'add says which day'	"$(out)" "^checked in for [A-Z][a-z]+day $(day 0)\$"
same   'database is private'	"$(stat -c %a "$EMPATHY_DB")" 600
same   'one check-in stored'	"$(sql 'select user, high, low, feeling, underneath from checkin')" \
       'sara|Lunch with my sister|Traffic made me late|annoyed|overlooked'
status 'alex sees sara hidden until he checks in'	0 empathy-checkin -u alex show
like   'hidden says why'	"$(out)" 'hidden until you check in'
unlike 'hidden shows no text'	"$(out)" 'Lunch'
