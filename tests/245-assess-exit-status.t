#!/bin/sh
# Every exit status of empathy-assess, each with a message that says what and where.
. "${0%/*}/lib.sh"

A=3,3,3,3,3,3,3,3,3,3
# 0: done.
ok     '0: take'	empathy-assess take self --answers "$A"
same   'and stderr is quiet'	"$(err)" ''
ok     '0: --help'	empathy-assess --help
# 1: nothing found, or nothing to compare.
status '1: history of an instrument never taken'	1 empathy-assess history bandwidth
status '1: compare without a partner'\''s view'	1 empathy-assess compare self
status '1: compare of one never taken'	1 empathy-assess compare bandwidth
# 64: usage.
status '64: no command'	64 empathy-assess
status '64: unknown command'	64 empathy-assess rate self
status '64: unknown common option'	64 empathy-assess --colour list
status '64: take without an id'	64 empathy-assess take --answers "$A"
status '64: take with empty stdin'	64 empathy-assess take self </dev/null
status '64: take for a day to come'	64 empathy-assess take self --date "$(day 2)" --answers "$A"
status '64: a user name that is not one'	64 empathy-assess -u '' take self --answers "$A"
status '64: --about a name that is not one'	64 empathy-assess take self --about -x --answers "$A"
status '64: show without an id'	64 empathy-assess show
status '64: compare without an id'	64 empathy-assess compare
status '64: history with two ids'	64 empathy-assess history self overload
# 65: bad input data.
status '65: a wrong count of answers'	65 empathy-assess take self --answers 3,3
status '65: an answer off the scale'	65 empathy-assess take self --answers 3,3,3,3,3,3,3,3,3,9
printf '%s\n' '{"type":"result"}' >"$T/bad.jsonl"
status '65: an import line without fields'	65 empathy-assess import <"$T/bad.jsonl"
like   'it names the line'	"$(err)" 'line 1: '
echo 'not a database' >"$T/x.db"
chmod 600 "$T/x.db"
status '65: a file that is not a database'	65 empathy-assess -d "$T/x.db" history
like   'it names the file'	"$(err)" 'x\.db'
same   'only the first take is stored'	"$(sql 'select count(*) from result')" 1
# 66: missing input.
status '66: take an unknown instrument'	66 empathy-assess take nosuch --answers 1
status '66: show an unknown instrument'	66 empathy-assess show nosuch
status '66: history of an unknown instrument'	66 empathy-assess history nosuch
status '66: compare an unknown instrument'	66 empathy-assess compare nosuch
status '66: a --content directory that is not there'	66 empathy-assess --content "$T/nosuch" list
like   'it names the directory'	"$(err)" "$T/nosuch"
# 73: cannot create.
ok     'a file where a directory should be'	touch "$T/file"
status '73: a database under a file'	73 empathy-assess -d "$T/file/e.db" take self --answers "$A"
like   'it names the path'	"$(err)" "$T/file/e\\.db"
# 74: I/O error.
status '74: list to a full disk'	74 sh -c 'empathy-assess list >/dev/full'
like   'it says writing failed'	"$(err)" 'writing'
status '74: history to a full disk'	74 sh -c 'empathy-assess history >/dev/full'
status '74: export to a full disk'	74 sh -c 'empathy-assess export >/dev/full'
# 78: bad configuration or content.
ok     'a config directory'	mkdir -p "$XDG_CONFIG_HOME/empathy"
printf 'user: [sara\n' >"$XDG_CONFIG_HOME/empathy/config.yaml"
status '78: a broken config file'	78 env -u EMPATHY_USER empathy-assess take self --answers "$A"
like   'file:line:col'	"$(err)" 'config\.yaml:[0-9]+:[0-9]+: '
rm "$XDG_CONFIG_HOME/empathy/config.yaml"
ok     'a content directory'	mkdir "$T/c"
printf 'kind: instrument\nid: x\ntitle: X\nscale: {min: 1, max: 5\n' >"$T/c/x.yaml"
status '78: broken YAML in content'	78 empathy-assess --content "$T/c" list
like   'file:line:col'	"$(err)" 'c/x\.yaml:[0-9]+:[0-9]+: '
status '78: for take too, storing nothing'	78 empathy-assess --content "$T/c" take self --answers "$A"
same   'still one result'	"$(sql 'select count(*) from result')" 1
