#!/bin/sh
# Bad content and config files, one at a time: each is a named case that stops
# with 78 and file:line:column on stderr, quickly, and stores nothing.
. "${0%/*}/lib.sh"

C=$T/c
mkdir "$C"
TIME=$(command -v /usr/bin/time || true)
[ "$EM_SLOW" -eq 1 ] || TIME=

# timed CMD...: run CMD, leaving its wall time in ms in $T/.ms and, when
# /usr/bin/time is there, its peak memory in KiB in $T/.kb.
timed() {
	_t0=$(date +%s%N)
	if [ -n "$TIME" ]; then
		"$TIME" -q -f %M -o "$T/.kb" "$@"
	else
		"$@"
	fi
	_rc=$?
	_t1=$(date +%s%N)
	echo $(((_t1 - _t0) / 1000000)) >"$T/.ms"
	return $_rc
}
ms() { cat "$T/.ms"; }
kb() { tail -n 1 "$T/.kb"; }

# A database with something in it, so a write that should not happen shows.
ok     'setup: ben checks in'	empathy-checkin -u ben add --high 'A calm day' --low 'A late bus'
ok     'setup: sara takes the bandwidth check'	empathy-assess take bandwidth --answers 1,2,3,4
ok     'setup: the content as installed works'	empathy-assess --content "$C" list
sum0=$(cksum <"$EMPATHY_DB")
results() { sql 'select count(*) from result'; }

# The commands that read each kind of content, and a read-only one for each
# that must still work when a file of another kind is broken.
stops_checkin() { empathy-checkin --content "$C" prompt; }
stops_journal() { empathy-journal --content "$C" review; }
stops_assess() { empathy-assess --content "$C" take bandwidth --answers 4,4,4,4; }
stops_challenge() { empathy-challenge --content "$C" list; }
works_checkin() { empathy-checkin --content "$C" prompt --kind question; }
works_assess() { empathy-assess --content "$C" show bandwidth; }
works_challenge() { empathy-challenge --content "$C" list; }

# refused NAME PATTERN [KIND]: with $C/x.yaml in place, every program that
# reads content stops with 78, says PATTERN (file:line:col and what) on
# stderr, prints nothing on stdout and leaves the database as it was. When
# every document of the file says its KIND on a plain "kind:" line, only the
# programs that read KIND stop; the others work without parsing it.
refused() {
	case ${3:-} in
	'')		_stop='assess checkin journal challenge' _go= ;;
	prompts)	_stop='checkin journal' _go='assess challenge' ;;
	exercise)	_stop='assess challenge' _go=checkin ;;
	instrument)	_stop=assess _go='checkin challenge' ;;
	esac
	for _p in $_stop; do
		status "$1: $_p stops with 78"	78 "stops_$_p"
		like   "$1: $_p names the file and the problem"	"$(err)" "$2"
		same   "$1: $_p prints nothing on stdout"	"$(out)" ''
	done
	for _p in $_go; do
		ok     "$1: $_p, reading no ${3:-}, works"	"works_$_p"
	done
	same   "$1: the database file is unchanged"	"$(cksum <"$EMPATHY_DB")" "$sum0"
}
# Where a line and column apply: "…/x.yaml:L:C: ".
AT='/c/x\.yaml:[0-9]+:[0-9]+: '

cat >"$C/x.yaml" <<'EOF'
kind: prompts
id: question
prompts:
  - one
 - two
EOF
refused 'syntax error (bad indentation)'	"${AT}.*expected"	prompts
refused 'syntax error names line 5'	'/c/x\.yaml:5:[0-9]+: '	prompts

printf 'kind: prompts\nid: question\nprompts: [one, two\n' >"$C/x.yaml"
refused 'syntax error (unclosed flow list)'	"${AT}.*expected ',' or ']'"	prompts

cat >"$C/x.yaml" <<'EOF'
kind: promptz
id: question
prompts: [one]
EOF
refused 'unknown kind'	"/c/x\.yaml:1:7: unknown kind 'promptz'"

cat >"$C/x.yaml" <<'EOF'
kind: prompts
prompts: [one]
EOF
refused 'missing id'	"/c/x\.yaml:1:1: missing 'id'"	prompts

cat >"$C/x.yaml" <<'EOF'
id: question
prompts: [one]
EOF
refused 'missing kind'	"/c/x\.yaml:1:1: missing 'kind'"

cat >"$C/x.yaml" <<'EOF'
kind: prompts
id: question
prompts: Is this what you meant?
EOF
refused 'prompts as a string'	"/c/x\.yaml:3:10: 'prompts' must be a list"	prompts

cat >"$C/x.yaml" <<'EOF'
kind: exercise
id: pause
title: Pause
minutes: ten
steps: [Breathe.]
EOF
refused 'minutes as text'	"/c/x\.yaml:4:10: 'minutes' must be a whole number"	exercise

cat >"$C/x.yaml" <<'EOF'
kind: instrument
id: mine
title: Mine
scale: {min: 1, max: 5}
items:
  - {text: I listen., reverse: maybe}
bands:
  - {from: 0, label: low, meaning: Room to grow.}
EOF
refused 'reverse as "maybe"'	"/c/x\.yaml:6:[0-9]+: 'reverse' must be true or false"	instrument

cat >"$C/x.yaml" <<'EOF'
kind: instrument
id: mine
title: Mine
scale: {min: 1, max: 5}
items:
  - {text: I listen.}
bands:
  - {from: -5, label: low, meaning: Room to grow.}
EOF
refused 'band from -5'	"/c/x\.yaml:8:[0-9]+: 'from' must be a whole number from 0 to 100"	instrument

cat >"$C/x.yaml" <<'EOF'
kind: instrument
id: mine
title: Mine
scale: {min: 1, max: 5}
items:
  - {text: I listen.}
bands:
  - {from: 0, label: low, meaning: Room to grow.}
  - {from: 101, label: high, meaning: Off the scale.}
EOF
refused 'band from 101'	"/c/x\.yaml:9:[0-9]+: 'from' must be a whole number from 0 to 100"	instrument

cat >"$C/x.yaml" <<'EOF'
kind: prompts
id: question
id: reflection
prompts: [one]
EOF
refused 'a key twice in one mapping'	"/c/x\.yaml:3:1: duplicate key 'id'"	prompts

# Two documents of one kind and id in the same directory: both places named.
cat >"$C/a.yaml" <<'EOF'
kind: exercise
id: pause
title: Pause
minutes: 2
steps: [Breathe.]
EOF
cat >"$C/x.yaml" <<'EOF'
kind: exercise
id: other
title: Other
minutes: 2
steps: [Look.]
---
kind: exercise
id: pause
title: Pause again
minutes: 3
steps: [Breathe twice.]
EOF
refused 'duplicate ids in one directory'	"/c/x\.yaml:7:1: duplicate exercise id 'pause' \(first at [^ ]*/c/a\.yaml:1:1\)"	exercise
rm "$C/a.yaml"
cat >"$C/x.yaml" <<'EOF'
kind: prompts
id: question
prompts: [one]
---
kind: prompts
id: question
prompts: [two]
EOF
refused 'duplicate ids in one file'	"/c/x\.yaml:5:1: duplicate prompts id 'question' \(first at [^ ]*/c/x\.yaml:1:1\)"	prompts

: >"$C/x.yaml"
refused 'an empty file'	"${AT}empty file"

printf -- '---\n' >"$C/x.yaml"
refused "a file with only '---'"	"$AT"

printf -- '---\n---\n...\n' >"$C/x.yaml"
refused 'a file of empty documents'	"$AT"

printf '# only a comment\n' >"$C/x.yaml"
refused 'a file with only a comment'	"${AT}empty file"

# Bytes that are not UTF-8, on line 3: the message must point at line 3.
printf 'kind: prompts\nid: question\nprompts: ["\377\376"]\n' >"$C/x.yaml"
refused 'non-UTF-8 bytes \xff\xfe in a string'	"${AT}.*UTF-8"	prompts
refused 'non-UTF-8 bytes: the line is the one they are on'	'/c/x\.yaml:3:[0-9]+: '	prompts
printf 'kind: prompts\nid: question\nprompts: [one]\n# \377\376\n' >"$C/x.yaml"
refused 'non-UTF-8 bytes in a comment on line 4'	'/c/x\.yaml:4:[0-9]+: '	prompts
printf '\377\376kind: prompts\nid: question\nprompts: [one]\n' >"$C/x.yaml"
refused 'a file starting with the bytes \xff\xfe'	"$AT"

# Billion laughs: nine levels of aliases; refused at the first anchor, at once.
cat >"$C/x.yaml" <<'EOF'
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
EOF
refused 'billion laughs'	"/c/x\.yaml:1:4: anchors are not allowed"
status 'billion laughs: 78'	78 timed empathy-challenge --content "$C" list
ok     "billion laughs: well under a second ($(ms) ms)"	test "$(ms)" -lt $((1000 * EM_SLOW))
if [ -n "$TIME" ]; then
	ok     "billion laughs: no memory blow-up ($(kb) KiB)"	test "$(kb)" -lt 65536
fi

printf 'kind: prompts\nid: question\nprompts: [*a]\n' >"$C/x.yaml"
refused 'an alias without an anchor'	"/c/x\.yaml:3:11: aliases are not allowed"	prompts
printf 'kind: prompts\nid: question\nprompts: &a [*a]\n' >"$C/x.yaml"
refused 'an alias cycle'	"/c/x\.yaml:3:10: anchors are not allowed"	prompts

head -c 10000 /dev/zero | tr '\0' '[' >"$C/x.yaml"
refused 'nesting 10,000 deep'	"/c/x\.yaml:1:33: nested too deeply"
status 'nesting 10,000 deep: 78'	78 timed empathy-challenge --content "$C" list
ok     "nesting 10,000 deep: well under a second ($(ms) ms)"	test "$(ms)" -lt $((1000 * EM_SLOW))
{ head -c 100000 /dev/zero | tr '\0' '{'; } >"$C/x.yaml"
refused 'mappings nested 100,000 deep'	"/c/x\.yaml:1:33: nested too deeply"
# The limit: 32 levels are read (and then refused as not a mapping), 33 are too deep.
{ head -c 32 /dev/zero | tr '\0' '['; head -c 32 /dev/zero | tr '\0' ']'; echo; } >"$C/x.yaml"
refused '32 levels are not too deep'	"/c/x\.yaml:1:1: a content document must be a mapping"
{ head -c 33 /dev/zero | tr '\0' '['; head -c 33 /dev/zero | tr '\0' ']'; echo; } >"$C/x.yaml"
refused '33 levels are too deep'	"/c/x\.yaml:1:33: nested too deeply"

# Size: 100 MB (sparse) is refused from its size alone, without reading it.
rm "$C/x.yaml"
truncate -s 100M "$C/x.yaml"
refused 'a 100 MB file'	'/c/x\.yaml: .*larger than 4096 KiB'
status 'a 100 MB file: 78'	78 timed empathy-challenge --content "$C" list
ok     "a 100 MB file: well under a second ($(ms) ms)"	test "$(ms)" -lt $((1000 * EM_SLOW))
if [ -n "$TIME" ]; then
	ok     "a 100 MB file: not read into memory ($(kb) KiB)"	test "$(kb)" -lt 65536
fi
rm "$C/x.yaml"
# The limit itself: 4 MiB is read, one byte more is not.
fill() {	# SIZE: a valid document padded with a comment to SIZE bytes
	printf 'kind: prompts\nid: question\nprompts: [one]\n#' >"$C/x.yaml"
	_pad=$(($1 - $(wc -c <"$C/x.yaml") - 1))
	{ head -c "$_pad" /dev/zero | tr '\0' ' '; echo; } >>"$C/x.yaml"
}
fill 4194304
same   'setup: the file is 4 MiB'	"$(wc -c <"$C/x.yaml")" 4194304
ok     'exactly 4 MiB is read'	empathy-checkin --content "$C" prompt --kind question
same   'and its prompt is used'	"$(out)" one
fill 4194305
refused '4 MiB and one byte'	'/c/x\.yaml: .*larger than 4096 KiB'

printf 'kind: !!python/object:os.system prompts\nid: question\nprompts: [one]\n' >"$C/x.yaml"
refused 'a !!python/object tag'	"/c/x\.yaml:1:7: tags are not allowed"
printf '!!python/object/apply:os.system ["touch %s/pwned"]\n' "$T" >"$C/x.yaml"
refused 'a !!python/object/apply document'	"/c/x\.yaml:1:1: tags are not allowed"
ok     'and nothing ran'	test ! -e "$T/pwned"
printf 'kind: prompts\nid: question\nprompts: !custom [one]\n' >"$C/x.yaml"
refused 'a local tag'	"/c/x\.yaml:3:10: tags are not allowed"	prompts

rm "$C/x.yaml"
mkdir "$C/x.yaml"
refused 'a directory named x.yaml'	'/c/x\.yaml: not a regular file'
rmdir "$C/x.yaml"
ln -s /dev/zero "$C/x.yaml"
refused 'a symlink to /dev/zero'	'/c/x\.yaml: not a regular file'
rm "$C/x.yaml"
# A FIFO must not hang the program (nobody will ever write to it).
mkfifo "$C/x.yaml"
status 'a FIFO named x.yaml: 78, not a hang'	78 timeout 5 empathy-challenge --content "$C" list
like   'a FIFO named x.yaml: named as not a regular file'	"$(err)" '/c/x\.yaml: not a regular file'
rm "$C/x.yaml"

# Unknown keys only warn: file:line:col and the key, and the command works.
cat >"$C/x.yaml" <<'EOF'
kind: prompts
id: question
prompts: [Is this it?]
colour: red
EOF
ok     'unknown key: exit 0'	empathy-checkin --content "$C" prompt --kind question
same   'unknown key: the document is still used'	"$(out)" 'Is this it?'
like   'unknown key: a warning naming file:line:col and the key'	"$(err)" \
       "warning: .*/c/x\.yaml:4:1: unknown key 'colour'"
cat >"$C/x.yaml" <<'EOF'
kind: exercise
id: pause
title: Pause
minutes: 2
steps: [Breathe.]
---
kind: instrument
id: mine
title: Mine
scale: {min: 1, max: 5, lables: [a, b, c, d, e]}
items:
  - {text: I listen., exersise: pause}
bands:
  - {from: 0, label: low, meaning: Room to grow.}
EOF
ok     'misspelt nested keys: exit 0'	empathy-assess --content "$C" take mine --answers 3
like   'the misspelt scale key is named with its place'	"$(err)" "/c/x\.yaml:10:[0-9]+: unknown key 'lables'"
like   'the misspelt item key is named with its place'	"$(err)" "/c/x\.yaml:12:[0-9]+: unknown key 'exersise'"
rm "$C/x.yaml"

# After all that, nothing else broke.
same   'the database holds the one good result taken since'	"$(results)" 2
ok     'checkin prompt works again'	empathy-checkin --content "$C" prompt
ok     'assess list works again'	empathy-assess --content "$C" list
ok     'challenge list works again'	empathy-challenge --content "$C" list
same   'and no warnings are left'	"$(err)" ''

# The config file: read when the user or the database is not given otherwise.
cfg=$XDG_CONFIG_HOME/empathy/config.yaml
mkdir -p "${cfg%/*}"
noenv() { env -u EMPATHY_USER -u EMPATHY_DB "$@"; }
default_db=$XDG_DATA_HOME/empathy/empathy.db

printf 'user: [sara\ndb: ~/x.db\n' >"$cfg"
status 'config: broken YAML is 78'	78 noenv sh -c 'echo "felt heard" | empathy-journal add --seen'
like   'config: it names config.yaml:line:col'	"$(err)" 'empathy/config\.yaml:[0-9]+:[0-9]+: '
ok     'config: nothing was stored'	test ! -e "$default_db" -a ! -e "$HOME/x.db"

printf 'color: maybe\n' >"$cfg"
status 'config: color: maybe is 78'	78 noenv sh -c 'echo "felt heard" | empathy-journal add --seen'
like   'config: it names the place and the key'	"$(err)" 'empathy/config\.yaml:1:8: color must be true or false'
ok     'config: nothing was stored'	test ! -e "$default_db"
# On a terminal the colour setting is what is read: it must not be ignored there.
status 'config: color: maybe on a terminal is 78 too'	78 \
       script -qec 'empathy-checkin show --date today --peek' /dev/null
like   'config: and it says why'	"$(out | oneline)" 'config\.yaml:1:8: color must be true or false'

printf 'user: sara\nlanguage: fr\n' >"$cfg"
ok     'config: an unknown key is only a warning'	noenv sh -c 'echo "felt heard" | empathy-journal add --seen'
like   'config: the warning names config.yaml:line:col and the key'	"$(err)" \
       "warning: .*empathy/config\.yaml:2:1: unknown key 'language'"
same   'config: the entry was stored, by the user from the config'	\
       "$(sqlite3 "$default_db" 'select user, text from entry')" 'sara|felt heard'
