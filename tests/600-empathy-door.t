#!/bin/sh
# empathy, the front door: usage, version, the default command, and running the
# four programs by their short names (beside empathy first, then PATH).
. "${0%/*}/lib.sh"

ok     'empathy --help'	empathy --help
help=$(out)
for c in today due news init partners sync checkin journal assess challenge; do
	like   "--help has a line for $c"	"$help" "^  $c( |\$)"
done
same   'no line of --help is wider than 80 columns' \
       "$(printf '%s\n' "$help" | awk 'length > 80')" ''
ok     'empathy -V'	empathy -V
like   'prints the version'	"$(out)" '^empathy [0-9]'
status 'an unknown command'	64 empathy frobnicate
like   'is named'	"$(err)" "unknown command 'frobnicate'"
status 'an unknown option'	64 empathy --frob
like   'is named too'	"$(err)" 'unknown option --frob'

# No command is `empathy today`, with the common options before it.
ok     'empathy with no command'	empathy
first=$(out)
ok     'empathy today'	empathy today
same   'is the same screen'	"$first" "$(out)"
ok     'empathy -f json with no command is today in json'	empathy -f json
like   'one object per line'	"$(out | head -n 1)" '^\{"kind":'
ok     'empathy -u lee: today for lee'	empathy -u lee
like   'for lee'	"$(out | head -n 1)" '^lee, '
ok     'looking did not create the database'	test ! -e "$EMPATHY_DB"

# The four programs, run by their short names, with the arguments unchanged.
ok     'empathy checkin add'	empathy checkin add --high 'a swim' --low 'cold water'
same   'made the check-in'	"$(sql 'SELECT user, high, low FROM checkin')" 'sara|a swim|cold water'
ok     'empathy journal add'	empathy journal add --seen --tag tea 'tea was made'
same   'made the entry'	"$(sql 'SELECT user, kind, tags FROM entry')" 'sara|seen|tea'
ok     'common options before the command are handed on' \
       empathy -u alex -f tsv journal list
like   'as alex, in tsv'	"$(out | head -n 1)" '^id	'
ok     'and after it, as the program takes them'	empathy journal list -f json
like   'json'	"$(out)" '^\{"id":'
ok     'empathy assess list'	empathy assess list -f tsv
like   'lists the instruments'	"$(out)" '^self	'
ok     'empathy challenge list'	empathy challenge list
like   'lists the challenges'	"$(out)" 'one-week'
status 'the program'\''s exit status comes back'	1 empathy challenge today -q
status 'and its usage errors'	64 empathy journal add
like   'from the program itself'	"$(err)" '^empathy-journal: '
ok     'empathy journal --help is the program'\''s help'	empathy journal --help
like   'usage of empathy-journal'	"$(out)" '^usage: empathy-journal'

# Found beside empathy first, else in PATH; a clear message when neither.
mkdir -p "$T/solo"
# Under valgrind, empathy in PATH is a script that runs the real binary.
cp "$(command -v empathy)" "$T/solo/empathy"
real=$(sed -n 's/^exec valgrind .* "\(.*\)" "\$@"$/\1/p' "$(command -v empathy)")
[ -n "$real" ] && cp "$real" "$T/solo/empathy"
printf '#!/bin/sh\necho "beside: $*"\n' >"$T/solo/empathy-journal"
chmod +x "$T/solo/empathy-journal"
ok     'the program beside empathy is run first' \
       "$T/solo/empathy" -u alex -d "$T/x.db" journal list --by sara 'two words'
same   'with the common options before, and the rest unchanged' "$(out)" \
       "beside: -u alex -d $T/x.db list --by sara two words"
status 'otherwise the one in PATH'	1 "$T/solo/empathy" checkin due -f tsv
like   'runs'	"$(out)" '^what	user	date'
status 'a program found nowhere'	127 env PATH="$T/nowhere" "$T/solo/empathy" assess list
like   'is named, and where it was looked for' "$(err)" \
       "^empathy: cannot run empathy-assess: .*$T/solo.*PATH"
