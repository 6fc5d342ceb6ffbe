#!/bin/sh
# Sync over ssh, with a fake ssh (EMPATHY_SSH) that runs the command it is
# given as another machine (its HOME, its database) and counts the bytes
# each way: changes go both ways in one sync; a sync with nothing new
# carries little, and one new change little more, however long the history;
# `empathy sync` alone uses the transport used last; a host of another
# couple is refused; ssh failing exits 74. Mailbox and ssh mix: what one
# laptop got over ssh reaches a third through the mailbox.
. "${0%/*}/lib.sh"
. "${0%/*}/sync.sh"

machine a sara
machine b alex
machine c sara
ok     'a couple of three machines'	couple a b c
count() { sqlite3 "$(dbof "$1")" "$2"; }
syncs() { as a empathy sync --ssh b "$@"; }

# The fake ssh: [options] HOST COMMAND...; HOST is a machine under $T.
cat >"$T/fakessh" <<'EOF'
#!/bin/sh
while :; do
	case $1 in
	-[opliFJ])	shift 2;;
	-*)	shift;;
	*)	break;;
	esac
done
m=$SYNC_T/$1; shift
[ -d "$m" ] || { echo "ssh: Could not resolve hostname ${m##*/}" >&2; exit 255; }
echo "$*" >>"$SYNC_T/ssh.log"
tee -a "$SYNC_T/ssh.in" | {
	env HOME="$m" XDG_DATA_HOME="$m/data" XDG_CONFIG_HOME="$m/config" \
	    XDG_RUNTIME_DIR="$m/run" XDG_CACHE_HOME="$m/cache" EMPATHY_DB='' \
	    EMPATHY_USER="$(cat "$m/.user")" sh -c "$*"
	echo $? >"$SYNC_T/ssh.rc"
} | tee -a "$SYNC_T/ssh.out"
exit "$(cat "$SYNC_T/ssh.rc")"
EOF
chmod +x "$T/fakessh"
export EMPATHY_SSH="$T/fakessh" SYNC_T="$T"
# bytes: what went both ways over the fake ssh since the last call.
: >"$T/ssh.in"; : >"$T/ssh.out"
bytes() {
	_by=$(($(wc -c <"$T/ssh.in") + $(wc -c <"$T/ssh.out")))
	: >"$T/ssh.in"; : >"$T/ssh.out"
	echo "$_by"
}

awk -v d="$(day -2)" 'BEGIN {
	for (i = 1; i <= 500; i++)
		printf "{\"type\":\"entry\",\"id\":\"5eed%012d\",\"user\":\"sara\",\"date\":\"%s\",\"kind\":\"seen\",\"text\":\"an old moment of sara number %d\",\"tags\":\"old\",\"removed\":null,\"created\":\"%sT10:00:00.000Z\",\"updated\":\"%sT10:00:00.000Z\"}\n", i, d, i, d, d
}' >"$T/old.jsonl"
ok     'sara has a history of 500 moments on a'	as a empathy-journal import <"$T/old.jsonl"
ok     'alex writes on b'	as b empathy-journal add --seen 'alex wrote this on b'
ok     'and checks in'	as b empathy-checkin add --high 'alex high on b' --low 'alex low on b'
ok     'a syncs with b over ssh'	syncs
first=$(bytes)
like   'ssh ran empathy sync --serve on b'	"$(cat "$T/ssh.log")" '^empathy sync --serve$'
same   'b has sara'"'"'s 500 moments'	"$(count b "select count(*) from entry where user = 'sara'")" 500
same   'a has alex'"'"'s moment'	"$(count a "select count(*) from entry where text = 'alex wrote this on b'")" 1
same   'and his check-in'	"$(count a "select count(*) from checkin where high = 'alex high on b'")" 1
same   'a and b are the same'	"$(dump a)" "$(dump b)"
ok     'a second sync'	syncs
idle=$(bytes)
same   'changes nothing'	"$(dump a)" "$(dump b)"
ok     'one new moment on b'	as b empathy-journal add --seen 'one more from alex'
ok     'a syncs'	syncs
one=$(bytes)
same   'a has it'	"$(count a "select count(*) from entry where text = 'one more from alex'")" 1
echo "# bytes over ssh: first sync $first, nothing new $idle, one change $one"
ok     'the first sync carried the history'	test "$first" -gt $((idle * 5))
ok     'a sync with nothing new carries little (under 2 KiB)'	test "$idle" -lt 2048
ok     'one new change carries little more (under 4 KiB)'	test "$one" -lt 4096

: >"$T/ssh.log"
ok     'sara edits on a'	as a empathy-journal add --seen 'sara on a, after the ssh sync'
ok     'empathy sync alone uses ssh to b again'	as a empathy sync -q
like   'through ssh'	"$(cat "$T/ssh.log")" '^empathy sync --serve'
same   'quietly'	"$(out)$(err)" ''
same   'b has it'	"$(count b "select count(*) from entry where text = 'sara on a, after the ssh sync'")" 1

# The mailbox and ssh mix: c hears of alex only through a's mailbox.
ok     'a syncs its mailbox too'	syncd a -q
ok     'its files reach c'	deliver a c
ok     'c syncs'	syncd c
same   'c has what a got from b over ssh'	"$(count c "select count(*) from entry where text in ('alex wrote this on b', 'one more from alex')")" 2
ok     'c writes'	as c empathy-journal add --seen 'sara on c'
ok     'c syncs'	syncd c -q
ok     'to a'	deliver c a
ok     'a syncs its mailbox'	syncd a -q
ok     'and with b over ssh'	syncs -q
same   'b has what c wrote'	"$(count b "select count(*) from entry where text = 'sara on c'")" 1
ok     'c gets the rest'	deliver a c
ok     'c syncs'	syncd c -q
same   'a, b, c are the same'	"$(dump a)$(dump b)" "$(dump c)$(dump c)"

# Failures.
status 'ssh that cannot reach the host: 74'	74 as a empathy sync --ssh nowhere
like   'saying so'	"$(err)" 'nowhere|ssh'
machine x kim
ok     'another couple on x'	couple x
ok     'kim writes there'	as x empathy-journal add --seen 'kim on x'
status 'a sync with a host of another couple: 65'	65 as a empathy sync --ssh x
same   'nothing of it on a'	"$(count a "select count(*) from entry where text = 'kim on x'")" 0
same   'nothing of a on x'	"$(count x "select count(*) from entry where user = 'sara'")" 0
