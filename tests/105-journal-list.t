#!/bin/sh
# list: both partners' entries, newest first, narrowed by date, kind, author, tag and count.
. "${0%/*}/lib.sh"

add() { _u=$1; shift; empathy-journal -u "$_u" add "$@" >/dev/null; }
# What list printed, as "date user kind text" lines.
rows() { empathy-journal list -f tsv "$@" | awk -F '\t' 'NR > 1 { print $2, $3, $4, $6 }'; }
id() { sql "select id from entry where text = '$1'"; }

status 'an empty journal lists nothing, with 1'	1 empathy-journal list
same   'and prints nothing'	"$(out)" ''
same   'looking created no database'	"$(test -e "$EMPATHY_DB" && echo created)" ''

ok     'sara, a week ago'	add sara --seen --date -7 --tag home 'tea on the sofa'
ok     'alex, five days ago'	add alex --misunderstood --date -5 --tag work 'the budget talk'
ok     'sara, three days ago'	add sara --misunderstood --date -3 --tag work --tag home 'the laundry remark'
ok     'alex, yesterday'	add alex --seen --date -1 --tag home 'a walk after dinner'
ok     'sara, today'	add sara --seen 'the note in my bag'
ok     'alex, today, a little later'	add alex --seen 'the song in the car'

ok     'list shows all of them'	empathy-journal list -f tsv
same   'newest day first; the same day, the later entry first'	"$(rows)" "$(day 0) alex seen the song in the car
$(day 0) sara seen the note in my bag
$(day -1) alex seen a walk after dinner
$(day -3) sara misunderstood the laundry remark
$(day -5) alex misunderstood the budget talk
$(day -7) sara seen tea on the sofa"

id=$(id 'the laundry remark')
ok     'text output'	empathy-journal list --until -3 --since -3
same   'date, short id, author, kind and tags, then the text indented'	"$(out)" \
       "$(day -3)  $(printf %.7s "$id")  sara felt misunderstood  #home #work
    the laundry remark"
ok     'entries are separated by a blank line'	empathy-journal list --by sara --until -3
same   'two entries, one blank line'	"$(out | sed 's/  [0-9a-f]\{7\}  / ID /')" "$(day -3) ID sara felt misunderstood  #home #work
    the laundry remark

$(day -7) ID sara felt seen  #home
    tea on the sofa"

ok     '--since -3'	empathy-journal list --since -3
same   'from three days ago on, that day included'	"$(rows --since -3 | cut -d' ' -f1 | uniq)" "$(day 0)
$(day -1)
$(day -3)"
same   '--until -5: up to five days ago, that day included'	"$(rows --until -5)" "$(day -5) alex misunderstood the budget talk
$(day -7) sara seen tea on the sofa"
same   '--since and --until together, YYYY-MM-DD'	"$(rows --since "$(day -5)" --until "$(day -3)")" \
       "$(day -3) sara misunderstood the laundry remark
$(day -5) alex misunderstood the budget talk"
status 'an empty range finds nothing'	1 empathy-journal list --since -2 --until -2
same   'and prints nothing'	"$(out)" ''

same   '--seen'	"$(rows --seen | cut -d' ' -f2,3 | sort -u)" 'alex seen
sara seen'
same   '--misunderstood'	"$(rows --misunderstood)" "$(day -3) sara misunderstood the laundry remark
$(day -5) alex misunderstood the budget talk"
status '--seen and --misunderstood together is a usage error'	64 empathy-journal list --seen --misunderstood

same   '--by alex: only his'	"$(rows --by alex | cut -d' ' -f2 | sort -u)" alex
same   '--by alex: all three of his'	"$(rows --by alex | wc -l)" 3
status '--by someone who wrote nothing finds nothing'	1 empathy-journal list --by robin
status "--by '' is a usage error"	64 empathy-journal list --by ''

same   '--tag home'	"$(rows --tag home | cut -d' ' -f4-)" 'a walk after dinner
the laundry remark
tea on the sofa'
same   "--tag '#HOME' is the same tag"	"$(rows --tag '#HOME' | cut -d' ' -f4-)" 'a walk after dinner
the laundry remark
tea on the sofa'
status 'a tag no entry has'	1 empathy-journal list --tag garden
status 'a bad tag is a usage error'	64 empathy-journal list --tag 'two words'
same   'filters combine'	"$(rows --tag home --by sara --misunderstood)" "$(day -3) sara misunderstood the laundry remark"

same   '-n 2: the two newest'	"$(rows -n 2 | cut -d' ' -f4-)" 'the song in the car
the note in my bag'
same   '-n counts after the filters'	"$(rows -n 1 --by sara --tag work | cut -d' ' -f4-)" 'the laundry remark'
same   '-n larger than the journal'	"$(rows -n 1000 | wc -l)" 6
status '-n 0 is a usage error'	64 empathy-journal list -n 0
like   'it names -n'	"$(err)" "-n: '0' is not a count"
status '-n -3 is a usage error'	64 empathy-journal list -n -3
status '-n abc is a usage error'	64 empathy-journal list -n abc
status '-n 2x is a usage error'	64 empathy-journal list -n 2x
status 'a bad --since is a usage error'	64 empathy-journal list --since lastweek
like   'it names the option'	"$(err)" "--since: 'lastweek' is not a date"
status 'a bad --until is a usage error'	64 empathy-journal list --until 2026-13-01
status 'an argument is a usage error'	64 empathy-journal list tea
status 'an unknown option is a usage error'	64 empathy-journal list --reverse

ok     'sara removes one'	empathy-journal rm "$(id 'the note in my bag')"
same   'it is no longer listed'	"$(rows --by sara | cut -d' ' -f4-)" 'the laundry remark
tea on the sofa'
ok     "alex, as himself, lists sara's entries"	empathy-journal -u alex list --by sara -f tsv
same   'both partners see both partners'	"$(rows -u alex | cut -d' ' -f2 | sort | uniq -c | tr -s ' ')" ' 3 alex
 2 sara'
