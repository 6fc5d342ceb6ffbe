#!/bin/sh
# Content: the user's own instruments, overrides by id, and broken instruments refused with file:line:col.
. "${0%/*}/lib.sh"

U=$XDG_CONFIG_HOME/empathy/content
ok     'the user content directory'	mkdir -p "$U"
cat >"$U/mine.yaml" <<'YAML'
kind: instrument
id: mine
title: My own three
scale: {min: 0, max: 2, labels: [no, somewhat, yes]}
items:
  - text: We laughed together this week.
  - text: I felt rushed when we talked.
    reverse: true
    exercise: silent-listening
  - text: I asked how the day went.
bands:
  - {from: 0, label: quiet week, meaning: Make some time together.}
  - {from: 50, label: good week, meaning: Keep it up.}
YAML
ok     'list'	empathy-assess list -f tsv
same   'the shipped six and mine'	"$(out | cut -f1 | sort | tr '\n' ' ')" 'bandwidth habits id mine overload performative self weaponised '
same   'mine with its title and three items'	"$(out | grep '^mine	')" 'mine	My own three	3'
ok     'list as text'	empathy-assess list
like   'names mine too'	"$(out)" '^mine +My own three \(3 questions\)$'
ok     'show mine'	empathy-assess show mine
like   'its labels'	"$(out)" 'Answer each from 0 \(no\), 1 \(somewhat\) to 2 \(yes\)\.'
same   'its second item, marked as reversed'	"$(out | grep -A1 '^ 2\. ')" ' 2. I felt rushed when we talked.
    (here a high answer is the weak spot)'
ok     'take mine'	empathy-assess take mine --answers 2,0,1
same   '(2 + 2 + 1) of 6 points is 83.3, so 83'	"$(out | head -1)" 'My own three: 83 of 100 - good week'
ok     'the 0 at the bottom of the scale is accepted'	empathy-assess -f tsv take mine --answers 0,2,0
same   'scored 0, with the one exercise'	"$(out | sed -n 2p | cut -f6-8)" '0	quiet week	silent-listening'
same   'then what the band means, the two weakest statements, and no guess'	"$(out | sed -n 2p | cut -f9-)" "$(printf 'Make some time together.\t[1,2]\t')"
same   'stored under its id'	"$(sql "select instrument, answers, score from result order by created")" 'mine|2,0,1|83
mine|0,2,0|0'
status 'an answer of 3 is off its scale'	65 empathy-assess take mine --answers 3,0,0
ok     'history mine'	empathy-assess history mine
like   'uses its title and bands'	"$(out)" '^My own three \(mine\)$'

# An override by id: a 2-item self in a --content directory.
ok     'a content directory'	mkdir "$T/over"
cat >"$T/over/self.yaml" <<'YAML'
kind: instrument
id: self
title: Short self-check
scale: {min: 1, max: 3}
items:
  - text: I listen first.
  - text: I interrupt.
    reverse: true
bands:
  - {from: 0, label: short low, meaning: Low.}
  - {from: 50, label: short high, meaning: High.}
YAML
ok     'the shipped self first: ten answers'	empathy-assess take self --answers 3,3,3,3,3,3,3,3,3,3
ok     'alex rates sara on it'	empathy-assess -u alex take self --about sara --answers 3,3,3,3,3,3,3,3,3,3
ok     'show self with the override'	empathy-assess --content "$T/over" show self
same   'it is the short one'	"$(out | head -1)" 'Short self-check (self)'
same   'with its two items'	"$(out | grep -E '^ ?[0-9]+\. ')" ' 1. I listen first.
 2. I interrupt.'
ok     'show self -f tsv with the override'	empathy-assess --content "$T/over" show self -f tsv
same   'two rows'	"$(out | awk -F'\t' '$6 == "item"' | cut -f1,3)" '1	0
2	1'
ok     'list with the override'	empathy-assess --content "$T/over" list -f tsv
same   'self has 2 items, no second self'	"$(out | grep -c '^self	')|$(out | grep '^self	')" '1|self	Short self-check	2'
ok     'through EMPATHY_CONTENT as well'	env EMPATHY_CONTENT="$T/over:$EMPATHY_CONTENT" empathy-assess show self
same   'the short one'	"$(out | head -1)" 'Short self-check (self)'
ok     'take the short self'	empathy-assess --content "$T/over" -f tsv take self --answers 3,1
same   'scored on it: 100, its own band'	"$(out | sed -n 2p | cut -f6,7)" '100	short high'
status 'ten answers no longer fit'	65 empathy-assess --content "$T/over" take self --answers 3,3,3,3,3,3,3,3,3,3
like   'it says how many items there are'	"$(err)" 'self has 2 items, but there are more answers'
status 'compare: the stored answers no longer fit the short self'	65 empathy-assess --content "$T/over" compare self
like   'it says so'	"$(err)" 'no longer fit'
ok     'without the override, self is the shipped one again'	empathy-assess show self -f tsv
same   'ten items'	"$(out | awk -F'\t' '$6 == "item"' | wc -l)" 10
same   'five results stored'	"$(sql 'select count(*) from result')" 5

# Broken instruments: exit 78 and file:line:col, for every command.
# broken NAME: write stdin to $T/bad/NAME.yaml, alone in its directory.
broken() { rm -rf "$T/bad"; mkdir "$T/bad"; cat >"$T/bad/$1.yaml"; }
broken bands <<'YAML'
kind: instrument
id: b
title: B
scale: {min: 1, max: 5}
items:
  - text: One.
bands:
  - {from: 10, label: x, meaning: y}
YAML
status 'bands not starting at 0'	78 empathy-assess --content "$T/bad" list
like   'file:line:col and why'	"$(err)" 'bad/bands\.yaml:8:[0-9]+: .*first band must start from 0'
broken order <<'YAML'
kind: instrument
id: b
title: B
scale: {min: 1, max: 5}
items:
  - text: One.
bands:
  - {from: 0, label: x, meaning: y}
  - {from: 60, label: x, meaning: y}
  - {from: 40, label: x, meaning: y}
YAML
status 'bands going down'	78 empathy-assess --content "$T/bad" show self
like   'file:line:col'	"$(err)" 'bad/order\.yaml:10:[0-9]+: .*bands must go up'
broken scale <<'YAML'
kind: instrument
id: b
title: B
scale: {min: 5, max: 1}
items:
  - text: One.
bands:
  - {from: 0, label: x, meaning: y}
YAML
status 'max below min'	78 empathy-assess --content "$T/bad" take self --answers 3,3,3,3,3,3,3,3,3,3
like   'file:line:col'	"$(err)" 'bad/scale\.yaml:4:[0-9]+: .*max must be above its min'
broken flat <<'YAML'
kind: instrument
id: b
title: B
scale: {min: 3, max: 3}
items:
  - text: One.
bands:
  - {from: 0, label: x, meaning: y}
YAML
status 'max equal to min (nothing to score)'	78 empathy-assess --content "$T/bad" list
like   'file:line:col'	"$(err)" 'bad/flat\.yaml:4:[0-9]+: '
broken labels <<'YAML'
kind: instrument
id: b
title: B
scale:
  min: 1
  max: 5
  labels: [never, sometimes, always]
items:
  - text: One.
bands:
  - {from: 0, label: x, meaning: y}
YAML
status 'three labels for five points'	78 empathy-assess --content "$T/bad" list
like   'file:line:col'	"$(err)" "bad/labels\\.yaml:7:[0-9]+: .*'labels' must name every point"
broken exercise <<'YAML'
kind: instrument
id: b
title: B
scale: {min: 1, max: 5}
items:
  - text: One.
  - text: Two.
    exercise: juggling
bands:
  - {from: 0, label: x, meaning: y}
YAML
status 'an item naming an unknown exercise'	78 empathy-assess --content "$T/bad" history
like   'file:line:col and the name'	"$(err)" "bad/exercise\\.yaml:7:[0-9]+: no exercise 'juggling'"
broken noitems <<'YAML'
kind: instrument
id: b
title: B
scale: {min: 1, max: 5}
items: []
bands:
  - {from: 0, label: x, meaning: y}
YAML
status 'no items'	78 empathy-assess --content "$T/bad" list
like   'file:line:col'	"$(err)" 'bad/noitems\.yaml:5:[0-9]+: '
broken reverse <<'YAML'
kind: instrument
id: b
title: B
scale: {min: 1, max: 5}
items:
  - text: One.
    reverse: maybe
bands:
  - {from: 0, label: x, meaning: y}
YAML
status 'reverse that is not a boolean'	78 empathy-assess --content "$T/bad" list
like   'file:line:col'	"$(err)" 'bad/reverse\.yaml:7:[0-9]+: '
broken twice <<'YAML'
kind: instrument
id: b
title: B
scale: {min: 1, max: 5}
items:
  - text: One.
bands:
  - {from: 0, label: x, meaning: y}
---
kind: instrument
id: b
title: B again
scale: {min: 1, max: 5}
items:
  - text: One.
bands:
  - {from: 0, label: x, meaning: y}
YAML
status 'the same id twice in one directory'	78 empathy-assess --content "$T/bad" list
like   'file:line:col and the id'	"$(err)" "bad/twice\\.yaml:10:[0-9]+: duplicate instrument id 'b'"
same   'broken content stored nothing'	"$(sql 'select count(*) from result')" 5
