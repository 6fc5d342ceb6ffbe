#!/bin/sh
# empathy init (who you are, the database, the couple: a pairing code or a
# passphrase), partners, and the sync front: safe twice, secrets never echoed.
. "${0%/*}/lib.sh"

export EMPATHY_PWHASH_FAST=1
cfg=$XDG_CONFIG_HOME/empathy/config.yaml
mode() { stat -c %a "$1"; }
EOT=$(printf '\004')
noname() { env -u EMPATHY_USER "$@"; }

# Who you are.
status 'no name known and no terminal'	64 noname empathy init
like   'says how to give one'	"$(err)" 'who are you\? give -u NAME'
ok     'nothing was created'	test ! -e "$EMPATHY_DB" -a ! -e "$cfg"
ok     'init -u sara'	noname empathy -u sara init
o=$(out)
like   'says who you are and where that is written' "$o" "^you are sara \\(written to $cfg\\)\$"
same   'the config names sara'	"$(cat "$cfg")" 'user: "sara"'
same   'the config is private'	"$(mode "$cfg")" 600
same   'in a private directory'	"$(mode "${cfg%/*}")" 700
like   'shows the database, new'	"$o" "^database: $EMPATHY_DB \\(new\\)\$"
ok     'which now exists'	test -f "$EMPATHY_DB"
like   'made a couple'	"$o" '^a new couple: [0-9a-f]{16}$'
couple=$(printf '%s\n' "$o" | sed -n 's/^a new couple: //p')
like   'shows the pairing code'	"$o" '^The pairing code for the other machine:$'
# Shown on one line, or two when it would not fit in 80 columns.
half1=$(printf '%s\n' "$o" | sed -n '/^The pairing code/{n;n;p;}' | sed 's/^ *//')
half2=$(printf '%s\n' "$o" | sed -n '/^The pairing code/{n;n;n;p;}' | sed 's/^ *//')
code=$half1$half2
like   'a code'	"$code" '^[A-Za-z0-9-]{20,}$'
like   'and how to join with it, out of the shell history' "$o" \
       "run 'empathy init --join -'"
same   'no line wider than 80 columns'	"$(printf '%s\n' "$o" | awk 'length > 80')" ''
ok     'the config is enough to say who acts'	noname empathy-checkin due -q

# At a terminal, with no name anywhere, the name is asked.
drive "env -u EMPATHY_USER XDG_CONFIG_HOME='$T/cfg2' empathy -d '$T/n.db' init" \
    'Your name' 'Kim
'
same   'a name typed at the prompt'	"$S" 0
same   'is written to the config'	"$(cat "$T/cfg2/empathy/config.yaml")" 'user: "Kim"'
like   'and said'	"$O" 'you are Kim \(written to '
drive "env -u EMPATHY_USER XDG_CONFIG_HOME='$T/cfg3' empathy -d '$T/n2.db' init" \
    'Your name' "$EOT"
same   'Ctrl-D at the prompt: exit 1'	"$S" 1
like   'cancelled'	"$O" 'cancelled; nothing was stored'
ok     'no config, no database'	test ! -e "$T/cfg3/empathy/config.yaml" -a ! -e "$T/n2.db"

# Twice is safe.
ok     'init again'	noname empathy init
like   'the config already says so'	"$(out)" "^you are sara \\(as $cfg says\\)\$"
like   'the database is not new'	"$(out)" "^database: $EMPATHY_DB\$"
like   'the couple is already set up'	"$(out)" "already belongs to couple $couple; nothing changed"
unlike 'and no code is shown'	"$(out)" 'pairing code'
same   'the config is unchanged'	"$(cat "$cfg")" 'user: "sara"'
ok     'init as alex, with sara in the config'	noname empathy -u alex init
like   'the config is left as it is, and said so' "$(out)" "says 'user: sara'; left as it is"
same   'still sara'	"$(cat "$cfg")" 'user: "sara"'
ok     'a config without user: gets the line added' \
       sh -c 'printf "color: false" >"$1" && env -u EMPATHY_USER empathy -u sara init' sh "$cfg"
same   'kept what was there'	"$(cat "$cfg")" 'color: false
user: "sara"'

# The roster and the couple.
ok     'partners'	empathy partners
like   'the couple id'	"$(out)" "^couple: +$couple\$"
like   'the key is here'	"$(out)" '^couple key: +here$'
like   'this database'	"$(out)" '^this database: +[0-9a-f]{16}$'
ok     'partners -f tsv'	empathy partners -f tsv
like   'what and value'	"$(out)" "^what	value
.*couple	$couple"

ok     'sara checks in'	empathy-checkin add --high 'a swim' --low 'cold'
ok     'partners'	empathy partners
like   'names sara, as you'	"$(out)" '^  sara \(you\)$'
ok     'a typo writes as the second partner'	empathy-checkin -u Alxe add --high h --low l
ok     'partners'	empathy partners
like   'the typo is in the roster'	"$(out)" '^  Alxe$'
ok     'partners rename Alxe alex'	empathy partners rename Alxe alex
same   'says what changed'	"$(out)" \
       'renamed Alxe to alex everywhere in this database; the other machine follows at the next sync'
same   'the check-in is alex'\''s now'	"$(sql "SELECT user FROM checkin ORDER BY user")" 'alex
sara'
ok     'partners'	empathy partners
like   'alex in the roster'	"$(out)" '^  alex$'
unlike 'not the typo'	"$(out)" 'Alxe'
status 'rename takes two names'	64 empathy partners rename alex
status 'a name that is not a partner'	66 empathy partners rename nobody alex

# The backup of the key.
ok     'init --show-key'	empathy init --show-key
like   'prints the same code'	"$(out | tr -d ' ' | tr '\n' '|')" "\\|$half1\\|$half2\\|"
like   'with the warning'	"$(out | oneline)" 'Whoever has this code can read everything in the mailbox'
like   'and what a lost key means'	"$(out | oneline)" 'cannot be read by anyone'

# The second machine joins with the code.
B=$T/b.db
status 'a mistyped code is refused'	65 empathy -d "$B" -u alex init --join 'not-a-code'
ok     'init --join CODE'	empathy -d "$B" -u alex init --join "$code"
like   'joined the couple'	"$(out)" "^joined couple $couple\$"
ok     'partners there'	empathy -d "$B" -u alex partners
like   'the same couple'	"$(out)" "^couple: +$couple\$"
like   'with the key'	"$(out)" '^couple key: +here$'
ok     'joining again changes nothing'	empathy -d "$B" -u alex init --join "$code"
like   'and says so'	"$(out)" 'nothing changed'
C=$T/c.db
ok     '--join - reads the code from stdin'	sh -c 'echo "$1" | empathy -d "$2" -u alex init --join -' sh "$code" "$C"
like   'joined'	"$(out)" "^joined couple $couple\$"
ok     'a code shown on two lines is taken in two lines' \
       sh -c 'printf "%s\n%s\n" "$1" "$2" | empathy -d "$3" -u alex init --join -' sh "$half1" "$half2" "$T/c2.db"
like   'joined'	"$(out)" "^joined couple $couple\$"
status 'half a code and nothing more'	65 \
       sh -c 'printf "%s\n" "$1" | empathy -d "$2" -u alex init --join -' sh "$half1" "$T/c3.db"
like   'says what is wrong with it'	"$(err)" 'pairing code'
status '--join - with nothing on stdin'	1 empathy -d "$T/d.db" -u alex init --join - </dev/null
like   'is cancelled'	"$(err)" 'nothing was stored'
status '--join and --passphrase together'	64 empathy init --join "$code" --passphrase

# At a terminal the code is not echoed.
drive "empathy -d '$T/e.db' -u alex init --join -" 'Pairing code: ' "$half1
" 'rest of the code: ' "$half2
"
same   'joins at a terminal'	"$S" 0
unlike 'the code never shows'	"$O" "$half1|$half2"
like   'joined'	"$O" "joined couple $couple"

# A passphrase and a mailbox folder.
mkdir "$T/box"
P=$T/p.db
ok     'init --passphrase --dir: a new couple' \
       sh -c 'echo "correct horse battery" | empathy -d "$1" -u sara init --passphrase --dir "$2"' sh "$P" "$T/box"
like   'from the passphrase'	"$(out)" '^a new couple: [0-9a-f]{16}, its key made from the passphrase$'
pcouple=$(out | sed -n 's/^a new couple: \([0-9a-f]*\),.*/\1/p')
ok     'the mailbox has its couple file'	test -f "$T/box/couple"
unlike 'holding no secret'	"$(cat "$T/box/couple")" 'correct horse'
status 'a wrong passphrase cannot join' 65 \
       sh -c 'echo "wrong horse" | empathy -d "$1" -u alex init --passphrase --dir "$2"' sh "$T/q.db" "$T/box"
ok     'the right one joins' \
       sh -c 'echo "correct horse battery" | empathy -d "$1" -u alex init --passphrase --dir "$2"' sh "$T/q.db" "$T/box"
like   'the same couple'	"$(out)" "^joined couple $pcouple"
ok     'init with no option next to another couple'\''s mailbox is refused' \
       test "$(empathy -d "$T/r.db" -u kim init --dir "$T/box" >/dev/null 2>&1; echo $?)" -ne 0
status 'a missing folder'	66 empathy -d "$T/s.db" init --dir "$T/nowhere"
drive "empathy -d '$T/t.db' init --passphrase" 'Passphrase: ' 'one thing
' 'again: ' 'another thing
'
same   'two passphrases that differ at a terminal'	"$S" 65
unlike 'were never shown'	"$O" 'one thing|another thing'
like   'and it says so'	"$O" 'differ'

# sync: the front's own checks.
status 'sync with no transport, none used before'	64 empathy -d "$T/u.db" sync
like   'says how to give one'	"$(err)" '--dir DIR .* --ssh HOST'
status 'two transports at once'	64 empathy sync --dir "$T/box" --ssh host
status 'an unexpected argument'	64 empathy sync "$T/box"

# Two machines and one mailbox: init --dir makes it the sync's default.
mkdir -p "$T/m1" "$T/m2" "$T/mail"
chmod 700 "$T/m1" "$T/m2"
A=$T/m1/a.db B2=$T/m2/b.db
ok     'machine 1: init --dir'	empathy -d "$A" -u sara init --dir "$T/mail"
o=$(out)
c1=$(printf '%s\n' "$o" | sed -n '/^The pairing code/{n;n;p;n;p;}' | tr -d ' \n')
like   'names the mailbox'	"$o" "^mailbox: $T/mail\$"
ok     'machine 2: init --join - --dir' \
       sh -c 'echo "$1" | empathy -d "$2" -u alex init --join - --dir "$3"' sh "$c1" "$B2" "$T/mail"
ok     'sara checks in on machine 1'	empathy-checkin -d "$A" add --high 'a swim' --low 'cold'
ok     'machine 1 syncs, no transport given: the mailbox of init' empathy -d "$A" sync
like   'and says what it sent'	"$(out)" '^sent [0-9]+ changes?, received [0-9]+ changes?'
ok     'machine 2 syncs'	empathy -d "$B2" -u alex sync
like   'and received them'	"$(out)" '^sent [0-9]+ changes?, received [1-9][0-9]* changes?'
ok     'alex sees what is owed'	empathy -d "$B2" -u alex due
like   'sara'\''s check-in, to answer once he checked in' "$(out)" "answer sara's check-in for $(day 0)"
ok     'today names the last sync'	empathy -d "$B2" -u alex today
like   'its time'	"$(out)" "^Last sync: $(date -u +%F) [0-9]{2}:[0-9]{2} UTC\$"
ok     'sync -q'	empathy -d "$B2" -u alex sync -q
same   'prints nothing'	"$(out)$(err)" ''
status 'a mailbox folder that is not there'	66 empathy -d "$B2" -u alex sync --dir "$T/gone"

# Over ssh: EMPATHY_SSH stands in for ssh and runs the other machine here.
printf '#!/bin/sh\nhost=$1; shift\nexec env EMPATHY_DB="%s/$host/a.db" EMPATHY_USER=sara "$@"\n' \
    "$T" >"$T/fakessh"
chmod +x "$T/fakessh"
ok     'alex writes a moment'	sh -c 'echo "heard" | empathy-journal -d "$1" -u alex add --seen' sh "$B2"
ok     'sync --ssh'	env EMPATHY_SSH="$T/fakessh" empathy -d "$B2" -u alex sync --ssh m1
like   'sent it'	"$(out)" '^sent [1-9][0-9]* changes?'
same   'the moment is on machine 1'	"$(sqlite3 "$A" "SELECT user, kind FROM entry")" 'alex|seen'
ok     'alex writes another'	sh -c 'echo "again" | empathy-journal -d "$1" -u alex add --seen' sh "$B2"
ok     'sync with no transport: the last one used, ssh'	env EMPATHY_SSH="$T/fakessh" empathy -d "$B2" -u alex sync
same   'both moments are on machine 1'	"$(sqlite3 "$A" "SELECT count(*) FROM entry")" 2

# A clock far off on the other machine is said, even with -q.
ok     'machine 1, its clock a day ahead, writes and syncs' sh -c '
    echo ahead | faketime -f +1d empathy-journal -d "$1" -u sara add --seen &&
    faketime -f +1d empathy -d "$1" -u sara sync --dir "$2"' sh "$A" "$T/mail"
ok     'machine 2 syncs quietly'	empathy -d "$B2" -u alex sync -q --dir "$T/mail"
same   'nothing on stdout'	"$(out)" ''
like   'the clock on stderr'	"$(err)" '^empathy: .*clock.* ahead'

# News is what arrived since you last looked, even if written before.
ok     'alex writes on machine 2'	sh -c 'echo "before" | empathy-journal -d "$1" -u alex add --misunderstood' sh "$B2"
ok     'then sara looks on machine 1, at a terminal' pty "empathy -d '$A' -u sara today"
ok     'and sees nothing new after that'	empathy -d "$A" -u sara today
like   'nothing'	"$(out)" '^  nothing new from your partner$'
ok     'machine 2 syncs'	empathy -d "$B2" -u alex sync -q --dir "$T/mail"
ok     'machine 1 syncs'	empathy -d "$A" -u sara sync -q --dir "$T/mail"
ok     'today on machine 1'	empathy -d "$A" -u sara today
like   'the moment written before she looked is new to her' "$(out)" \
       '^  alex wrote in the journal: 1 misunderstood$'

# Looking never makes a name a partner.
ok     'sara checks in to a database of her own'	empathy-checkin -d "$T/k.db" add --high h --low l
ok     'kim looks at a terminal'	pty "empathy -d '$T/k.db' -u kim today"
ok     'partners'	empathy -d "$T/k.db" -u sara partners
unlike 'kim is not one'	"$(out)" 'kim'
