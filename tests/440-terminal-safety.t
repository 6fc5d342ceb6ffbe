#!/bin/sh
# Terminal safety: what came from a person, a content file, a config file or an
# import reaches the terminal only through the safe writer, in output and in
# every diagnostic; tsv and json stay escaped and valid; usage fits 80 columns.
. "${0%/*}/lib.sh"

esc=$(printf '\033')
osc52=$(printf '\033]52;c;aGk=\007')	# "write 'hi' to the clipboard"
c1=$(printf '\302\233')			# U+009B, a one-byte CSI
rlo=$(printf '\342\200\256')		# U+202E RIGHT-TO-LEFT OVERRIDE
pdf=$(printf '\342\200\254')		# U+202C POP DIRECTIONAL FORMATTING
fffd=$(printf '\357\277\275')		# U+FFFD

# raw DESC TEXT: TEXT holds no ESC, no BEL and no C1 control a terminal obeys.
raw() {
	if printf '%s' "$2" | grep -q "$(printf '[\033\007]')" ||
	    printf '%s' "$2" | grep -q "$(printf '\302[\200-\237]')"; then
		_result 1 "$1"
		printf '%s' "$2" | od -c | sed 's/^/# /' >&2
	else
		_result 0 "$1"
	fi
}

# fits DESC TEXT: no line of TEXT is wider than 80 columns (it is ASCII).
fits() {
	_w=$(printf '%s\n' "$2" | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')
	[ "$_w" -le 80 ]
	_result $? "$1"
	[ "$_w" -le 80 ] || printf '%s\n' "$2" | awk 'length($0) > 80' | sed 's/^/# /' >&2
}

# --- Import: messages quote the offending type or key.
printf '{"type":"\\u001b]52;c;aGk=\\u0007"}\n' >"$T/type.jsonl"
status 'an import with an OSC 52 write as its type is refused'	65 \
       empathy-journal import <"$T/type.jsonl"
like   'the message quotes the type'	"$(err)" 'line 1: "\^\[\]52;c;aGk=\^G"'
raw    'with no raw ESC or BEL'	"$(err)"

printf '{"type":"entry","\\u001b]52;c;aGk=\\u0007":1}\n' >"$T/key.jsonl"
status 'an OSC 52 write as a key is refused'	65 empathy-journal import <"$T/key.jsonl"
like   'the key is quoted in caret notation'	"$(err)" 'unknown key "\^\[\]52;c;aGk=\^G"'
raw    'and reaches the terminal inert'	"$(err)"

printf '{"type":"entry","\\u009b31m":1}\n' >"$T/c1.jsonl"
status 'a C1 CSI in a key is refused'	65 empathy-journal import <"$T/c1.jsonl"
like   'it is shown as U+FFFD'	"$(err)" "unknown key \"${fffd}31m\""
raw    'never raw'	"$(err)"

printf '{"type":"entry","a\\u202eb":1}\n' >"$T/bidi.jsonl"
status 'a right-to-left override in a key is refused'	65 empathy-journal import <"$T/bidi.jsonl"
like   'a message shows the override as U+FFFD'	"$(err)" "\"a${fffd}b\" in"

# --- Content files: YAML errors quote content.
mkdir -p "$T/content"
printf 'kind: "pro\\e]52;c;aGk=\\a"\nid: x\n' >"$T/content/bad.yaml"
status 'a content file whose kind is an OSC 52 write'	78 \
       empathy-journal --content "$T/content" review
like   'is named with the kind quoted'	"$(err)" "unknown kind 'pro\\^\\[\\]52"
raw    'inert'	"$(err)"
rm -f "$T/content/bad.yaml"

# --- The config file: warnings quote keys.
mkdir -p "$XDG_CONFIG_HOME/empathy"
printf '"\\e]52;c;aGk=\\a": 1\n' >"$XDG_CONFIG_HOME/empathy/config.yaml"
ok     'an unknown config key with an escape in it is a warning'	empathy-journal export
like   'quoting the key'	"$(err)" "warning: .*unknown key '\\^\\[\\]52"
raw    'inert'	"$(err)"
rm -f "$XDG_CONFIG_HOME/empathy/config.yaml"

# --- The command line and the environment.
status 'an unknown command made of an escape'	64 empathy-journal "$osc52"
raw    'is named inertly'	"$(err)"
like   'in caret notation'	"$(err)" "unknown command '\\^\\[\\]52"
status 'a --format made of an escape'	64 empathy-journal -f "$osc52" list
raw    'is named inertly'	"$(err)"
status 'a -u with an escape'	64 empathy-journal -u "a${esc}[2J" list
raw    'is named inertly'	"$(err)"
status 'an EMPATHY_USER with an escape'	64 env EMPATHY_USER="x${esc}[2J" \
       empathy-journal add --seen 'a moment'
raw    'is named inertly'	"$(err)"

# --- Stored text: shown safely, tsv escaped, json valid.
ok     'a moment with an OSC 52 write, a C1 CSI and an override'	\
       empathy-journal add --seen "tea ${osc52} and ${c1}31m and ${rlo}turned"
ok     'the review'	empathy-journal review
raw    'shows it inertly'	"$(out)"
like   'the escape in caret notation'	"$(out)" 'tea \^\[\]52;c;aGk=\^G'
like   'the C1 control as U+FFFD'	"$(out)" "and ${fffd}31m"
like   'the override closed at the end of its line'	"$(out)" "${rlo}turned${pdf}\$"
id=$(sql "select id from entry")
ok     'bytes that are not UTF-8 put in behind its back'	\
       sql "update entry set text = cast(x'61ff62c29b63e2808d64e6' as text)"
ok     'json list'	empathy-journal -f json list
like   'a bad byte is U+FFFD, a C1 control escaped'	"$(out)" '"text":"a\\ufffdb\\u009bc'
ok     'is valid JSON'	jq -e .id "$T/.out"
ok     'tsv list'	empathy-journal -f tsv list
like   'bad bytes as \xHH, a C1 control as \u009b'	"$(out)" 'a\\xffb\\u009bc.*d\\xe6'
raw    'nothing raw'	"$(out)"
ok     'text list'	empathy-journal list
raw    'nothing raw'	"$(out)"
like   'each bad byte a U+FFFD'	"$(out)" "a${fffd}b${fffd}c"
ok     'export'	empathy-journal export
ok     'is valid JSON'	jq -e .id "$T/.out"

# --- Usage: 80 columns, one command's synopsis on a usage error.
for p in empathy-checkin empathy-journal empathy-assess empathy-challenge; do
	ok "$p --help"	"$p" --help
	fits "fits 80 columns"	"$(out)"
	like 'each command has its help line'	"$(out)" '^    [a-z]'
	for c in $("$p" --help | sed -n 's/^  \([a-z][a-z]*\).*/\1/p'); do
		ok "$p $c -h"	"$p" "$c" -h
		fits "fits 80 columns"	"$(out)"
	done
done
ok     'journal list -h'	empathy-journal list -h
same   'wraps between groups, under the first argument'	"$(out)" \
"usage: empathy-journal [-hV] [-d path] [-f format] [-u name] [--content dir]
                       list [--since date] [--until date]
                       [--seen | --misunderstood] [--by name] [--tag tag]
                       [--grep words] [-n number]"
status 'a usage error in list'	64 empathy-journal list --loudly
fits   'fits 80 columns'	"$(err)"
like   'shows the synopsis of list'	"$(err)" '\[--grep words\] \[-n number\]$'
unlike 'and of no other command'	"$(err)" 'review|--week|commands:'
