#!/bin/sh
# Who is acting: two partners per database; a third name (a login name nobody
# chose, a typo) is refused with the two names and how to set the right one;
# names compare without regard to case; every source of a name passes one check.
. "${0%/*}/lib.sh"

me=$(id -un)
nobody() { env -u EMPATHY_USER "$@"; }	# no -u, no EMPATHY_USER, no config
count() { sql "select (select count(*) from checkin) + (select count(*) from entry) + (select count(*) from result) + (select count(*) from run_day)"; }

ok     'sara checks in'	empathy-checkin add --high 'a walk' --low 'rain'
ok     'alex writes in the journal'	sh -c 'echo "she listened" | empathy-journal -u alex add --seen'
n=$(count)

# The login name, with nothing naming anyone.
status "the login name ($me) cannot check in as a third partner"	78 nobody empathy-checkin add --high h --low l
like   'the message names the two partners'	"$(err)" "$me is not a partner here: .* has alex and sara"
like   'and how to choose one once'	"$(err)" 'EMPATHY_USER.*user: NAME'
same   'one line'	"$(err | wc -l)" 1
status 'nor write in the journal'	78 nobody sh -c 'echo x | empathy-journal add --seen'
status 'nor take an assessment'	78 nobody empathy-assess take --answers 3,3,3,3 bandwidth
status 'nor start a challenge'	78 nobody empathy-challenge start one-week
status 'nor read: due would be no partner'\''s view'	78 nobody empathy-checkin due
status 'nor journal review'	78 nobody empathy-journal review
status 'nor challenge today'	78 nobody empathy-challenge today
same   'nothing was stored'	"$(count)" "$n"
same   'nobody else is in the database'	"$(sql 'select user from checkin union select user from entry order by 1')" 'alex
sara'

# At a terminal the same message is wrapped within 80 columns, at spaces.
status 'on a terminal too'	78 pty 'env -u EMPATHY_USER empathy-checkin add --high h --low l'
same   'every line within 80 columns'	"$(out | widest | awk '$1 > 80')" ''
like   'more than one line there'	"$(out | wc -l)" '^[2-9]$'
like   'the same words, the path whole'	"$(out | oneline)" "$me is not a partner here: $EMPATHY_DB already has alex and sara"

# A name given on purpose that is neither partner may look, not write.
status '-u with a third name cannot write: 64'	64 empathy-checkin -u robin add --high h --low l
like   'naming the partners'	"$(err)" 'robin is not a partner here: .* has alex and sara'
status 'EMPATHY_USER with a third name: 78'	78 env EMPATHY_USER=robin empathy-journal add --seen 'x'
ok     'but -u robin may look at the stats'	empathy-checkin -u robin stats -f tsv
same   'nothing was stored'	"$(count)" "$n"

# A config user that is a third name.
mkdir -p "$XDG_CONFIG_HOME/empathy"
printf 'user: robin\n' >"$XDG_CONFIG_HOME/empathy/config.yaml"
status 'user: robin in the config cannot write either'	78 nobody empathy-checkin add --date -1 --high h --low l
printf 'user: Alex\n' >"$XDG_CONFIG_HOME/empathy/config.yaml"
ok     'user: Alex in the config is alex'	nobody empathy-checkin add --high 'h' --low 'l'
same   'stored as alex, the spelling already there'	"$(sql "select user from checkin where user like 'alex'")" alex
rm "$XDG_CONFIG_HOME/empathy/config.yaml"

# Case.
ok     '-u SARA writes as sara'	sh -c 'echo "a moment" | empathy-journal -u SARA add --seen'
same   'with the stored spelling'	"$(sql "select count(*) from entry where user = 'sara'")" 1
ok     'EMPATHY_USER=Sara too'	env EMPATHY_USER=Sara empathy-checkin add --date -1 --high h --low l
same   'still two people'	"$(sql 'select count(distinct lower(user)) from (select user from checkin union all select user from entry)')" 2
ok     'Sara sees her own check-in'	env EMPATHY_USER=Sara empathy-checkin show -f tsv
like   'as sara'	"$(out)" 'sara'

# With one person so far, the second is welcome when named; a login name
# nobody chose is not taken as the second partner (the real one would then
# be a stranger), and neither can it be the first beside nobody else's.
export EMPATHY_DB="$T/second.db"
ok     "the login name ($me) may begin an empty database"	nobody empathy-checkin -d "$T/alone.db" add --high h --low l
ok     'a new database, sara first'	empathy-checkin add --high h --low l
status "the login name ($me) is not silently the second partner"	78 nobody empathy-checkin add --high h --low l
like   'it asks who is writing, naming sara and how to say'	"$(err | tr '\n' ' ')" "who is writing\?.* has sara's words.*EMPATHY_USER"
same   'nothing stored for it'	"$(sql "select count(*) from checkin where user = '$me'")" 0
ok     'alex, named, is the second partner'	empathy-checkin -u alex add --high h --low l
status 'a third is refused'	64 empathy-checkin -u robin add --high h --low l
export EMPATHY_DB="$T/empathy.db"

# One check for names, from every source.
esc=$(printf 'sa\033[2Jra')
c1=$(printf 'sa\302\233ra')
rlo=$(printf 'sa\342\200\256ra')
status '-u with an escape: 64'	64 empathy-checkin -u "$esc" show
status '-u with a C1 control: 64'	64 empathy-checkin -u "$c1" show
status '-u with a right-to-left override: 64'	64 empathy-checkin -u "$rlo" show
status '-u with a space at the end: 64'	64 empathy-checkin -u 'sara ' show
status 'EMPATHY_USER with a C1 control'	64 env EMPATHY_USER="$c1" empathy-checkin show
unlike 'the message does not echo the name'	"$(err)" "$(printf '\302\233')"
printf 'user: "sa\\e[2Jra"\n' >"$XDG_CONFIG_HOME/empathy/config.yaml"
status 'user: with an escape in the config: 78'	78 nobody empathy-checkin add --high h --low l
like   'naming the file and line'	"$(err)" 'config\.yaml:1:7: user is not a usable name'
unlike 'without the escape itself'	"$(err)" "$(printf '\033')"
printf 'user: "sa\\nra"\n' >"$XDG_CONFIG_HOME/empathy/config.yaml"
status 'user: with a newline in the config: 78'	78 nobody empathy-checkin add --high h --low l
printf 'user: "sa\\u202Era"\n' >"$XDG_CONFIG_HOME/empathy/config.yaml"
status 'user: with a bidi override in the config: 78'	78 nobody empathy-checkin add --high h --low l
status 'even for a command that does not need it'	78 nobody empathy-journal list
rm "$XDG_CONFIG_HOME/empathy/config.yaml"
same   'nothing was stored'	"$(sql "select count(*) from checkin where user not in ('sara', 'alex')")" 0
status 'an import with a C1 control in a name is refused'	65 sh -c "printf '%s\n' '{\"type\":\"entry\",\"id\":\"e0000000000000b1\",\"user\":\"sa\\u009bra\",\"date\":\"2026-01-01\",\"kind\":\"seen\",\"text\":\"t\",\"tags\":\"\",\"removed\":null,\"created\":\"2026-01-01T10:00:00.000Z\",\"updated\":\"2026-01-01T10:00:00.000Z\"}' | empathy-journal import"
like   'as not a name'	"$(err)" 'name'
same   'and nothing of it is stored'	"$(sql "select count(*) from entry where id = 'e0000000000000b1'")" 0
