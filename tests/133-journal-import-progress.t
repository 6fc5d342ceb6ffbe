#!/bin/sh
# import on a terminal says how far it has read, every 10,000 lines, and
# clears that line when done; an error takes the line's place; nothing of
# the kind when standard error is not a terminal (cron, pipes).
. "${0%/*}/lib.sh"

awk 'BEGIN {
	for (i = 1; i <= 25000; i++)
		printf "{\"type\":\"entry\",\"id\":\"%016x\",\"user\":\"sara\",\"date\":\"2026-10-01\",\"kind\":\"seen\",\"text\":\"moment %d\",\"tags\":\"\",\"removed\":null,\"created\":\"2026-10-01T10:00:00.000Z\",\"updated\":\"2026-10-01T10:00:00.000Z\"}\n", i, i
}' >"$T/in.jsonl"
{ head -12000 "$T/in.jsonl"; echo '{"type":"entry"'; } >"$T/bad.jsonl"

# on_tty CMD: run CMD with its output on a pseudo-terminal, showing \r as <CR>.
on_tty() { script -qec "$1" /dev/null </dev/null | sed 's/\r/<CR>/g'; }

got=$(on_tty "empathy-journal -d '$T/a.db' import <'$T/in.jsonl'")
like   'on a terminal: 10,000 lines read'	"$got" 'empathy-journal: 10000 lines read<CR>'
like   'then 20,000'	"$got" 'empathy-journal: 20000 lines read<CR>'
unlike 'not 30,000'	"$got" '30000 lines read'
like   'the line is cleared, then the summary'	"$got" '<CR> +<CR>25000 added, 0 updated, 0 unchanged'
same   'all stored'	"$(sqlite3 "$T/a.db" 'select count(*) from entry')" 25000

got=$(on_tty "empathy-journal -d '$T/b.db' import <'$T/bad.jsonl'")
like   'an error is written over the progress line'	"$got" '10000 lines read<CR>empathy-journal: line 12001: '
unlike 'and not wiped out afterwards'	"$got" 'line 12001: [^<]*<CR> '
status 'not a terminal: the same import'	0 empathy-journal -d "$T/c.db" import <"$T/in.jsonl"
same   'says only what it did'	"$(err)" ''
same   'on standard output'	"$(out)" '25000 added, 0 updated, 0 unchanged'
