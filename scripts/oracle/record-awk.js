// Re-records tests/fixtures/awk/results.json: each case below run by the real awk (mawk 1.3.4
// 20200120, Ubuntu's /usr/bin/awk) in a fresh temporary directory holding FILES, with
// LANG=C.UTF-8 and an empty stdin unless the case gives one. Recorded: stdout, stderr, exit
// status, and for cases marked `tree` the files in the directory afterwards.
// tests/awk-oracle.test.ts replays each case through kubeplay's awk over a Volume holding the
// same files and requires the same.
//   node scripts/oracle/record-awk.js
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PODS = `NAME                     READY   STATUS             RESTARTS   AGE
nginx-7c5ddbdf54-2xkqz   1/1     Running            0          3d
nginx-7c5ddbdf54-8mh4p   1/1     Running            2          3d
redis-0                  1/1     Running            0          12h
api-6d8f9b7c5-kq2lm      0/1     CrashLoopBackOff   14         45m
job-migrate-x7k2p        0/1     Completed          0          2h
web-5f7b9c8d4-abcde      0/1     Pending            0          5s
`;

/** The files of every case's directory. */
export const FILES = {
  'pods.txt': PODS,
  passwd:
    'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nlearner:x:1000:1000:Learner,,,:/home/learner:/bin/bash\n',
  'nums.txt': '10 3.5\n20 -1\nx 7\n30 1e2\n0x10 5\n',
  'data.csv': 'name,cpu,mem\nweb,250m,128Mi\napi,500m,256Mi\ndb,1000m,1Gi\n',
  'words.txt': 'the quick brown fox\njumps over\nthe lazy dog\n\n  leading and trailing  \nend',
  'para.txt': '\n\nfirst para\nline two\n\n\n\nsecond para\n\nthird\n',
  'tabs.txt': 'a\tb\tc\n1\t\t3\n',
  'prog.awk': '# a program file\n{ n++ }\nEND { print "lines:", n }\n',
  'bad.awk': 'BEGIN { print "x" \n',
  'unicode.txt': 'héllo wörld\n日本語 text\n',
  empty: '',
  'dir/one.txt': 'one\n',
};

const c = (args, extra = {}) => ({ argv: ['awk', ...args], ...extra });

/** The cases: arguments after `awk`, optional stdin, `tree` to record the files afterwards. */
export const CASES = [
  // Kubernetes tutorial staples
  c(['{print $1}', 'pods.txt']),
  c(['NR>1 {print $1, $3}', 'pods.txt']),
  c(['-F:', '{print $1}', 'passwd']),
  c(['{sum += $2} END {print sum}', 'nums.txt']),
  c(['/Running/ {count++} END {print count+0}', 'pods.txt']),
  c(['/Nothing/ {count++} END {print count+0}', 'pods.txt']),
  c(['{printf "%-20s %s\\n", $1, $2}', 'pods.txt']),
  c(['length($0) > 10', 'words.txt']),
  c(['{ $2 = ""; print }', 'pods.txt']),
  c(['-v', 'OFS=,', '{$1=$1; print}', 'pods.txt']),
  c(['$3 != "Running" && NR > 1 {print $1 ": " $3}', 'pods.txt']),
  c(['NR==1 {next} {split($2, a, "/"); if (a[1] != a[2]) print $1}', 'pods.txt']),
  c(['{print $NF}', 'pods.txt']),
  c(['{print $(NF-1)}', 'pods.txt']),
  c(['NR > 1 {s[$3]++} END {for (k in s) print k, s[k]}', 'pods.txt']),
  c(['{print NR": "$0}'], { stdin: 'a\nb\nc\n' }),
  c(['-F', ',', 'NR>1 {gsub(/m$/, "", $2); total += $2} END {print total "m"}', 'data.csv']),
  c(['-F,', '{print $2}', 'data.csv']),
  c(['-F', '\\t', '{print $2 "|" $3}', 'tabs.txt']),
  c(['-F', '\t', '{print NF}', 'tabs.txt']),
  c(['BEGIN { FS = ":" } $3 >= 1000 { print $1 }', 'passwd']),
  c(['{ print toupper($1) }', 'pods.txt']),
  c(['END { print NR }', 'pods.txt']),
  c(['NR==2, NR==4', 'pods.txt']),
  c(['/redis/,/api/ {print NR}', 'pods.txt']),
  c(['/Completed/,0 {print $1}', 'pods.txt']),
  c(['{ print length }', 'words.txt']),
  c(['{ print NF }', 'words.txt']),
  c(['{ $3 = "X"; print; print NF }', 'words.txt']),
  c(['{ NF = 2; print }', 'pods.txt']),
  c(['BEGIN { OFS = "-" } { NF = 5; print }'], { stdin: 'a b\n' }),
  c(['{ $0 = "new record here"; print $2, NF }'], { stdin: 'x\n' }),
  c(
    [
      '{ print $1 > "out.txt" } END { close("out.txt"); while ((getline line < "out.txt") > 0) print "read:", line }',
      'pods.txt',
    ],
    { tree: true },
  ),
  c(['{ print $1 >> "app.log" }', 'pods.txt'], { tree: true }),
  c(['BEGIN { print "a" > "f1"; print "b" > "f1"; printf "%s\\n", "c" > "f2" }'], { tree: true }),
  c(['BEGIN { print "x" > "/nonexistent/dir/f" }']),
  c(['BEGIN { print "to stderr" > "/dev/stderr"; print "to stdout" > "/dev/stdout" }']),
  c(['{ print > ($1 ".out") }'], { stdin: 'a 1\nb 2\na 3\n', tree: true }),
  // Numbers and strings
  c(['BEGIN { print 1/3, 2^31, 2^31-1, -2^31, 1e6, 1e16, 0.1+0.2, 100/3*3, -0 }']),
  c(['BEGIN { print 1e300*1e300, -1e300*1e300, log(-1), log(0), 2**3 }']),
  c([
    'BEGIN { x = 0.1; y = x ""; print y; CONVFMT = "%.2f"; z = 3.14159 ""; print z; OFMT = "%.3e"; print 3.14159, 42 }',
  ]),
  c(['BEGIN { print 1 == 1.0, "1" == 1, "abc" < "abd", 2 < 10, "2" < "10", "a" > "" }']),
  c(['{ print ($1 == $2), ($1 < $2) }'], { stdin: '10 9\n1e1 10\n0x10 16\nabc abd\n 5 5.0\n+3 3\n.5 0.5\n' }),
  c(['{ x = $1; print (x == 10) }'], { stdin: '10\n10.0\n 10 \nten\n' }),
  c(['BEGIN { print length(12345), length(1/4), substr(123456, 2, 3) }']),
  c(['BEGIN { print 7 % 3, -7 % 3, 7.5 % 2, 2 ^ 0.5, 2 ^ -1, -2 ^ 2 }']),
  c(['BEGIN { x = "3x"; print x + 0, +"", -"4", "1e3" + 0, ".5." + 0, "inf" + 0, "nan" + 0 }']),
  c(['BEGIN { print 1/0 }']),
  c(['BEGIN { print 5 % 0 }']),
  c(['BEGIN { print int(3.9), int(-3.9), int("4.7abc"), sqrt(16), exp(0), log(1), sin(0), cos(0), atan2(0, -1) }']),
  c(['BEGIN { print 100000 * 100000, 2147483647, 2147483648, -2147483647, 123456789012 }']),
  c(['BEGIN { x; print x + 0, x "", length(x), (x == 0), (x == "") }']),
  c(['BEGIN { a = "10"; b = 9; print (a < b), (a + 0 < b) }']),
  c(['BEGIN { print 1 " " 2, 1 2, -1 " " -2, 3 -1 }']),
  c(['BEGIN { x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 5; x ^= 2; print x }']),
  c(['BEGIN { i = 5; print i++, i, ++i, i--, --i, -i, !i, !0 }']),
  c(['BEGIN { print !"", !"a", !0, !"0", - -3 }']),
  c(['BEGIN { print 1 < 2 ? "yes" : "no", 0 ? "a" : 1 ? "b" : "c" }']),
  c(['BEGIN { print (1 && 0), (1 || 0), (0 || ""), ("0" && 1) }']),
  c(['BEGIN { $0 = "a b c"; $5 = "e"; print; print NF; $2 = ""; print; print NF }']),
  // printf and sprintf
  c(['BEGIN { printf "%d|%5d|%-5d|%05d|%+d|% d|%.3d\\n", 42, 42, 42, 42, 42, 42, 42 }']),
  c(['BEGIN { printf "%x|%X|%o|%#x|%#o|%u|%c|%c|%c\\n", 255, 255, 8, 255, 8, 3000000000, 65, "hello", "" }']),
  c([
    'BEGIN { printf "%f|%.2f|%10.3f|%-10.1f|%e|%.3E|%g|%G|%.3g|%#g\\n", 3.14159, 2.675, 1.5, 2.25, 12345.678, 0.000123, 0.0001, 1e-10, 1234567, 1.5 }',
  ]),
  c(['BEGIN { printf "%s|%10s|%-10s|%.2s|%5.1s|%%|%c\\n", "abc", "abc", "abc", "abc", "abc", 256 }']),
  c(['BEGIN { printf "%.0f %.0f %.0f %.0f %.1f %.2f\\n", 0.5, 1.5, 2.5, -0.5, 0.25, 1.005 }']),
  c(['BEGIN { printf "%d %d %d %i\\n", 2^31, -2^40, "12abc", 3.99 }']),
  c(['BEGIN { printf "%*d|%-*d|%.*f\\n", 5, 1, 4, 2, 2, 3.14159 }']),
  c(['BEGIN { x = sprintf("%05.1f-%s", 3.14159, "pi"); print x, length(x) }']),
  c(['BEGIN { printf "%d %s\\n", 1 }']),
  c(['BEGIN { printf "%z\\n", 1 }']),
  c(['BEGIN { printf "no newline" }']),
  c(['BEGIN { printf("%s-%s\\n", "a", "b") }']),
  c(['BEGIN { printf "%5s|%-5s|\\n", "héllo", "é" }']),
  c(['BEGIN { printf "%.3s|\\n", "日本語" }']),
  c(['BEGIN { printf "%f %e %g\\n", "inf", "-inf", "nan" }']),
  c(['BEGIN { printf "%s %s %s\\n", 1e6, 1e-5, 123456789 }']),
  // String functions
  c([
    'BEGIN { s = "hello world"; print substr(s, 1, 5), substr(s, 7), substr(s, 0), substr(s, -1, 3), substr(s, 1.5, 2.3), substr(s, 20), substr(s, 3, -1) "|" }',
  ]),
  c(['BEGIN { print index("hello", "ll"), index("hello", "z"), index("", ""), index("a", "") }']),
  c([
    'BEGIN { n = split("a:b:c", arr, ":"); print n, arr[1], arr[3]; n = split("  a  b  ", w); print n, w[1] w[2]; n = split("", e); print n, length(e) }',
  ]),
  c(['BEGIN { n = split("a1b22c333d", p, /[0-9]+/); for (i = 1; i <= n; i++) printf "%s ", p[i]; print "" }']),
  c(['BEGIN { n = split("abc", ch, ""); print n, ch[1], ch[3] }']),
  c(['BEGIN { n = split("a.b.c", d, "."); print n, d[2] }']),
  c(['BEGIN { s = "foo bar foo"; n = sub(/foo/, "baz", s); print n, s; n = gsub(/foo/, "[&]", s); print n, s }']),
  c(['BEGIN { s = "aaa"; gsub(/a/, "\\\\&", s); print s; t = "abc"; gsub(/b/, "\\\\\\\\&", t); print t }']),
  c([
    'BEGIN { s = "abc"; gsub(/x*/, "-", s); print s; t = "abc"; gsub(/b*/, "-", t); print t; u = "hello"; gsub(//, "-", u); print u }',
  ]),
  c(['{ gsub(/o/, "0"); print }', 'words.txt']),
  c(['{ n = gsub(/[aeiou]/, ""); print n, $0 }'], { stdin: 'education\nrhythm\n' }),
  c(['{ sub(/^ +/, ""); sub(/ +$/, ""); print "[" $0 "]" }', 'words.txt']),
  c(['{ gsub(/the/, "THE", $1); print; print $1 }', 'words.txt']),
  c(['BEGIN { print match("foobar", /o+/), RSTART, RLENGTH; print match("abc", /z/), RSTART, RLENGTH }']),
  c([
    'BEGIN { print match("abcd", /ab|abcd/), RLENGTH; print match("xaaay", /a*/), RLENGTH; print match("xyz", /y*$/), RSTART, RLENGTH }',
  ]),
  c(['BEGIN { print tolower("HeLLo 123"), toupper("héllo"), toupper(12) }']),
  c(['BEGIN { print length("héllo"), substr("héllo", 2, 2), index("héllo", "l") }']),
  c(['{ print length($0), length($1) }', 'unicode.txt']),
  c(['BEGIN { s = sprintf("%c", 228); print length(s) }']),
  // Regular expressions
  c(['/^[a-z]+-[0-9]/', 'pods.txt']),
  c(['$3 ~ /^(Running|Pending)$/ {print $1}', 'pods.txt']),
  c(['$1 !~ /nginx/', 'pods.txt']),
  c(['{ if ($0 ~ "o.*o") print "match:", $0 }', 'words.txt']),
  c(['BEGIN { re = "^a.c$"; print ("abc" ~ re), ("abbc" ~ re), ("a.c" ~ "a\\\\.c"), ("abc" ~ "a\\\\.c") }']),
  c(['BEGIN { print ("a+b" ~ /a\\+b/), ("aab" ~ /a+b/), ("ab" ~ /^a?b$/), ("{2}" ~ /a{2}/), ("a{2}" ~ /a{2}/) }']),
  c([
    'BEGIN { print ("x" ~ /[[:alpha:]]/), ("5" ~ /[[:digit:]]/), (" " ~ /[[:space:]]/), ("]" ~ /[]]/), ("-" ~ /[a-]/), ("b" ~ /[^abc]/) }',
  ]),
  c(['BEGIN { print ("a/b" ~ /a\\/b/), ("a.b" ~ /a.b/), ("a\\nb" ~ /a.b/), ("tab\\there" ~ /\\t/) }']),
  c(['/*a/'], { stdin: 'x\n' }),
  c(['BEGIN { if ("x" ~ "*a") print "y" }']),
  c(['/a(/'], { stdin: 'x\n' }),
  c(['/[[:foo:]]/'], { stdin: 'x\n' }),
  c(['/^*/'], { stdin: 'x\n' }),
  c(['/abc'], { stdin: 'x\n' }),
  c(['/a)/'], { stdin: 'a)\n' }),
  c(['BEGIN { print match("aXbXc", /X.*X/), RLENGTH; print match("abab", /(ab)+/), RLENGTH }']),
  // Arrays
  c(['BEGIN { a["x"] = 1; a["y"] = 2; delete a["x"]; for (k in a) print k, a[k]; print ("x" in a), ("y" in a) }']),
  c(['BEGIN { a[1,2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] }; print ((1,2) in a), ((2,1) in a) }']),
  c(['BEGIN { a["b"]; a["a"]; a["c"]; a[10]; a[9]; a[1]; for (k in a) printf "%s ", k; print ""; print length(a) }']),
  c(['BEGIN { for (i = 0; i < 40; i++) z[i * 7] = i; for (k in z) printf "%s ", k; print "" }']),
  c(['BEGIN { n = split("a b c d e f g h i j k l", arr); for (k in arr) printf "%s ", k; print "" }']),
  c([
    'BEGIN { split("zeta alpha mid beta", w); for (i in w) y[w[i]] = i; for (k in y) printf "%s=%s ", k, y[k]; print "" }',
  ]),
  c(['BEGIN { a["x"] = 1; delete a; print length(a); a["y"]; print length(a) }']),
  c(['{ count[$1]++ } END { for (w in count) print w, count[w] }', 'words.txt']),
  c(['BEGIN { a[01] = "one"; print a[1], a["01"] "|", (1 in a), ("1" in a) }']),
  c(['BEGIN { a[0.1 + 0.2] = 1; for (k in a) print k }']),
  c(['BEGIN { x[1] = 1; x = 2 }']),
  c(['BEGIN { x = 1; x[1] = 2 }']),
  // Control flow
  c(['BEGIN { for (i = 1; i <= 5; i++) { if (i == 2) continue; if (i == 4) break; print i } }']),
  c(['BEGIN { i = 0; while (i < 3) print i++; do { print "do", i } while (i-- > 2) }']),
  c(['BEGIN { if (1) print "a"; else print "b"; if (0) print "c"; else if (1) print "d" }']),
  c(['NR == 2 { next } { print }'], { stdin: '1\n2\n3\n' }),
  c(['FNR == 2 { nextfile } { print FILENAME, FNR, NR, $0 }', 'pods.txt', 'passwd']),
  c(['{ print FILENAME, FNR }', 'passwd', '-', 'data.csv'], { stdin: 'in1\nin2\n' }),
  c(['{ print FILENAME }'], { stdin: 'x\n' }),
  c(['BEGIN { print FILENAME "|" NR }']),
  c(['{ print } END { print "end", $0, NF }', 'passwd']),
  c(['BEGIN { exit 3 } END { print "end" }']),
  c(['{ exit } END { print "end at", NR }', 'pods.txt']),
  c(['END { exit 4 } { }'], { stdin: 'x\n' }),
  c(['BEGIN { exit } END { exit 5 }']),
  c(['BEGIN { while (1) { if (++n > 1000) break }; print n }']),
  // Functions
  c(['function max(a, b) { return a > b ? a : b } BEGIN { print max(3, 7), max("b", "a") }']),
  c([
    'function fill(arr, n,   i) { for (i = 1; i <= n; i++) arr[i] = i * i } BEGIN { fill(sq, 4); print sq[3], length(sq) }',
  ]),
  c(['function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } BEGIN { print fact(10), fact(20) }']),
  c(['function f(x) { x = 5 } BEGIN { y = 1; f(y); print y }']),
  c(['function g() { return } BEGIN { v = g(); print "[" v "]", length(v) }']),
  c(['function f(a) { a[1] = 2 } BEGIN { f(1) }']),
  c(['BEGIN { f() }']),
  c(['function f(x) { return x } BEGIN { print f(1, 2) }']),
  c(['function f(a, a) { return 1 } BEGIN { print f(1) }']),
  c(['BEGIN { return 1 }']),
  c(['BEGIN { next }']),
  c(['function f() { next } { f() }']),
  // getline
  c([
    'BEGIN { while ((getline line < "passwd") > 0) n++; print n; close("passwd"); getline line < "passwd"; print line }',
  ]),
  c(['BEGIN { print (getline line < "nofile") }']),
  c(['NR == 1 { getline; print "after getline:", $0, NR } END { print NR }'], { stdin: 'a\nb\nc\n' }),
  c(['{ getline x; print $0 "-" x }'], { stdin: '1\n2\n3\n' }),
  c(['BEGIN { getline; print "got:" $0; getline v; print "v:" v, NR }'], { stdin: 'first\nsecond\n' }),
  c(['BEGIN { while (("echo a b" | getline) > 0) print "cmd:", $2 }']),
  c(['BEGIN { "date +%Y" | getline y; print (y > 2000) }']),
  c(['BEGIN { print "b\\na" | "sort"; close("sort"); print "done" }']),
  c(['BEGIN { system("echo hi"); r = system("exit 3"); print r }']),
  // Records and separators
  c(['BEGIN { RS = "" } { print NR ": " $1 "/" NF }', 'para.txt']),
  c(['BEGIN { RS = "" ; FS = ":" } { print NF }'], { stdin: 'a:b\nc:d\n\ne\n' }),
  c(['BEGIN { RS = ";" } { print NR, $0 }'], { stdin: 'a;b;c\n' }),
  c(['BEGIN { RS = "[0-9]+" } { print "[" $0 "]" }'], { stdin: 'a1b22c333d\n' }),
  c(['BEGIN { ORS = "|"; OFS = "-" } { print $1, $2 } END { printf "\\n" }', 'pods.txt']),
  c(['BEGIN { FS = "," } { print $2 }'], { stdin: 'a,b,c\n,x,\n' }),
  c(['BEGIN { FS = "[,;]+" } { print NF, $2 }'], { stdin: 'a,,;b;c\n' }),
  c(['BEGIN { FS = "" } { print NF, $2 }'], { stdin: 'abc\n' }),
  c(['{ FS = ":"; print $1 }'], { stdin: 'a:b c\nd:e f\n' }),
  c(['{ print NF, $1 }'], { stdin: '  lead  and trail  \n\t tab\tsep \n' }),
  c(['{ print $2 }'], { stdin: 'no newline at end' }),
  c(['{ print }'], { stdin: 'a\r\nb\r\n' }),
  // Command line
  c(['-v', 'x=hello', '-v', 'n=5', 'BEGIN { print x, n + 1 }']),
  c(['-v', 'x=a\\tb', 'BEGIN { print x }']),
  c(['{ print v, $0 }', 'v=1', 'passwd', 'v=2', 'data.csv']),
  c(['BEGIN { print ARGC; for (i = 0; i < ARGC; i++) print i, ARGV[i] }', 'a', 'b=c', '-']),
  c(['BEGIN { ARGV[1] = "" } { print }', 'nofile', 'passwd']),
  c(['BEGIN { print ENVIRON["HOME"], ENVIRON["NOPE"] "|" }']),
  c(['-f', 'prog.awk', 'passwd']),
  c(['-f', 'nofile.awk']),
  c(['-f', 'bad.awk']),
  c(['--', '{ print $1 }', 'passwd']),
  c(['{ print }', 'nofile']),
  c(['{ print }', 'passwd', 'nofile']),
  c(['{ print }', 'dir']),
  c(['{ print }', 'empty']),
  c(['-W', 'version']),
  c(['-Wversion']),
  c(['-W', 'usage']),
  c([]),
  c(['--version']),
  c(['-x']),
  c(['-F']),
  c(['-v']),
  c(['-v', 'x']),
  c(['-f']),
  c(['-W', 'bogus', 'BEGIN { print 1 }']),
  c(['--']),
  { argv: ['mawk', 'BEGIN { x = }'] },
  { argv: ['mawk', '-W', 'version'] },
  // Syntax errors
  c(['{print $1']),
  c(['BEGIN{x=}']),
  c(['BEGIN{print "abc}']),
  c(['BEGIN{print 1}}']),
  c(['BEGIN { @ }']),
  c(['BEGIN { print substr("x") }']),
  c(['BEGIN { print 1, }']),
  c(['BEGIN { if (1) else print }']),
  c(['BEGIN { print length( }']),
  c(['BEGIN { /abc/ = 1 }']),
  c(['BEGIN { printf }']),
  c(['BEGIN { print 1 +* 2 }']),
  c(['BEGIN { a = 1\n b = 2 +\n }']),
  c(['BEGIN {\n  print 1\n  print (2\n}']),
  c(['{ print $-1 }'], { stdin: 'x\n' }),
  c(['BEGIN { NF = -1 }']),
  c(['BEGIN { getline x < ; }']),
  c(['BEGIN { print 1 + x = 3 }']),
  c(['BEGIN { for (;;) { if (++i > 3) break }; print i }']),
  c(['BEGIN { x = 1; x++ ++; }']),
  // Odds and ends
  c([
    'BEGIN { srand(1); a = rand(); b = rand(); srand(1); print (a == rand()), (b == rand()); printf "%.6f %.6f\\n", a, b; print srand(5), srand(7) }',
  ]),
  c(['BEGIN { srand(42); for (i = 0; i < 3; i++) printf "%d ", int(rand() * 100); print "" }']),
  c(['BEGIN { print length() }']),
  c(['BEGIN { print substr("hello", 2) > "sub.txt"; close("sub.txt"); getline s < "sub.txt"; print s }'], {
    tree: true,
  }),
  c(['BEGIN { print "a" "b" > "c" }'], { tree: true }),
  c(['BEGIN { x = "A"; x = x x x; print x; print 1==1, 2<1 }']),
  c(['# comment only\nBEGIN { print "c" } # trailing\n']),
  c(['BEGIN { print \\\n "continued" }']),
  c(['BEGIN { print "a" ; ; print "b" }']),
  c(['BEGIN\n{ print 1 }']),
  c(['\n\nBEGIN { print "leading newlines" }\n\n']),
  c(['BEGIN { print -3 % 2, 2 ^ 3 ^ 2, (2 ^ 3) ^ 2, 10 - 2 - 3, 2 * 3 + 4, 1 - -1 }']),
  c(['BEGIN { $3 = "c"; print NF, "[" $0 "]" }']),
  c(['BEGIN { print "x" > "/dev/stderr"; printf "%s", "" }']),
  c(['{ print $1, $2 }', 'nums.txt']),
  c(['{ s = s $1 } END { print s }', 'nums.txt']),
  c(['{ print ($1 > 15) }', 'nums.txt']),
  c(['BEGIN { printf "%s\\n" }']),
  c(['BEGIN { printf "%c", "" }']),
  c(['BEGIN { print index("abc", 98), 1==1 == 1 }']),
  c(['{ $0 = toupper($0) } 1', 'passwd']),
  c(['NF', 'words.txt']),
  c(['!seen[$0]++'], { stdin: 'a\nb\na\nc\nb\n' }),
  c(['{ a[NR] = $0 } END { for (i = NR; i > 0; i--) print a[i] }', 'passwd']),
  c(['BEGIN { print substr("hello", 2, 1e10), substr("hello", -1e10, 1e10 + 3) }']),
  c(['BEGIN { print 1e308 * 10, -1e308 * 10, 2^1024 }']),
  c(['BEGIN { CONVFMT = "%.2f"; a[12.7] = 1; for (k in a) print k; x = 0.5; print (x "") }']),
  c(['BEGIN { OFS = "-"; $0 = "a b c"; $1 = $1; print; print $0 }']),
  c(['BEGIN { printf "%-5d|%5.2f|%5s|\\n", -3, -2.5, "ab" }']),
];

function tree(dir) {
  const out = [];
  const walk = (rel) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else out.push(`${path} ${JSON.stringify(readFileSync(join(dir, path), 'utf8'))}`);
    }
  };
  walk('');
  return out;
}

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-awk-'));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = CASES.map((testCase) => {
    const dir = setUp();
    const env = {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      LANG: 'C.UTF-8',
      HOME: '/home/learner',
      USER: 'learner',
      ...testCase.env,
    };
    const run = spawnSync(testCase.argv[0], testCase.argv.slice(1), {
      cwd: dir,
      encoding: 'utf8',
      input: testCase.stdin ?? '',
      env,
    });
    const norm = (text) => text.split(dir).join('/home/learner/t');
    const result = { ...testCase, env, stdout: norm(run.stdout), stderr: norm(run.stderr), exitCode: run.status };
    if (testCase.tree) result.tree = tree(dir);
    rmSync(dir, { recursive: true, force: true });
    return result;
  });
  const out = new URL('../../tests/fixtures/awk/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('results.json', out), `${JSON.stringify({ files: FILES, cases: results }, null, 1)}\n`);
  console.log(`awk: ${results.length} cases recorded`);
}
