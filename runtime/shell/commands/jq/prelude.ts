// The builtins jq 1.6 defines in jq itself (its builtin.jq), written here to behave the same:
// same outputs in the same order, same errors, and the same quirks where learners can see them
// (`limit(0; f)` yields one value, `walk` keeps key order, `from_entries` accepts
// key/Key/name/Name). splits and sub are in regex.ts: as loops they cannot overflow the stack.
export const PRELUDE = `
def error: error(.);
def halt_error: halt_error(5);
def map(f): [.[] | f];
def select(f): if f then . else empty end;
def recurse(f): def r: ., (f | r); r;
def recurse(f; cond): def r: ., (f | select(cond) | r); r;
def recurse: recurse(.[]?);
def recurse_down: recurse;
def sort_by(f): _sort_by_impl(map([f]));
def group_by(f): _group_by_impl(map([f]));
def unique: group_by(.) | map(.[0]);
def unique_by(f): [group_by(f)[] | .[0]];
def max_by(f): _max_by_impl(map([f]));
def min_by(f): _min_by_impl(map([f]));
def add: reduce .[] as $item (null; . + $item);
def del(f): delpaths([path(f)]);
def map_values(f): .[] |= f;
def to_entries: [keys_unsorted[] as $k | {key: $k, value: .[$k]}];
def from_entries:
  map({(.key // .Key // .name // .Name): (if has("value") then .value else .Value end)})
  | add | . //= {};
def with_entries(f): to_entries | map(f) | from_entries;
def reverse: [.[length - 1 - range(0; length)]];
def indices($i):
  if type == "array" and ($i | type) == "array" then .[$i]
  elif type == "array" then .[[$i]]
  elif type == "string" and ($i | type) == "string" then _strindices($i)
  else .[$i] end;
def index($i): indices($i) | .[0];
def rindex($i): indices($i) | .[-1:][0];
def paths: path(recurse(if (type | . == "array" or . == "object") then .[] else empty end)) | select(length > 0);
def paths(node_filter): . as $root | paths | select(. as $p | $root | getpath($p) | node_filter);
def isempty(g): first((g | false), true);
def first(f): label $stop | f | ., break $stop;
def any(generator; condition): isempty(first(generator | select(condition))) | not;
def any(condition): any(.[]; condition);
def any: any(.);
def all(generator; condition): isempty(first(generator | select(condition | not)));
def all(condition): all(.[]; condition);
def all: all(.);
def isfinite: type == "number" and (isinfinite | not);
def arrays: select(type == "array");
def objects: select(type == "object");
def iterables: arrays, objects;
def booleans: select(type == "boolean");
def numbers: select(type == "number");
def normals: select(isnormal);
def finites: select(isfinite);
def strings: select(type == "string");
def nulls: select(. == null);
def values: select(. != null);
def scalars: select(. == null or . == true or . == false or type == "number" or type == "string");
def scalars_or_empty:
  select(. == null or . == true or . == false or type == "number" or type == "string"
         or ((type == "array" or type == "object") and length == 0));
def leaf_paths: paths(scalars);
def join($sep):
  reduce .[] as $item (null;
    (if . == null then "" else . + $sep end)
    + ($item | if type == "boolean" or type == "number" then tostring else . // "" end))
  // "";
def _flatten($depth):
  reduce .[] as $item ([];
    if ($item | type) == "array" and $depth != 0 then . + ($item | _flatten($depth - 1)) else . + [$item] end);
def flatten($depth): if $depth < 0 then error("flatten depth must not be negative") else _flatten($depth) end;
def flatten: _flatten(-1);
def fromdateiso8601: strptime("%Y-%m-%dT%H:%M:%SZ") | mktime;
def todateiso8601: strftime("%Y-%m-%dT%H:%M:%SZ");
def fromdate: fromdateiso8601;
def todate: todateiso8601;
def match(re; mode): _match_impl(re; mode; false) | .[];
def match($val):
  ($val | type) as $vt
  | if $vt == "string" then match($val; null)
    elif $vt == "array" and ($val | length) > 1 then match($val[0]; $val[1])
    elif $vt == "array" and ($val | length) > 0 then match($val[0]; null)
    else error($vt + " not a string or array") end;
def test(re; mode): _match_impl(re; mode; true);
def test($val):
  ($val | type) as $vt
  | if $vt == "string" then test($val; null)
    elif $vt == "array" and ($val | length) > 1 then test($val[0]; $val[1])
    elif $vt == "array" and ($val | length) > 0 then test($val[0]; null)
    else error($vt + " not a string or array") end;
def capture(re; mods):
  match(re; mods) | reduce (.captures | .[] | select(.name != null) | {(.name): .string}) as $pair ({}; . + $pair);
def capture($val):
  ($val | type) as $vt
  | if $vt == "string" then capture($val; null)
    elif $vt == "array" and ($val | length) > 1 then capture($val[0]; $val[1])
    elif $vt == "array" and ($val | length) > 0 then capture($val[0]; null)
    else error($vt + " not a string or array") end;
def scan(re): match(re; "g") | if (.captures | length > 0) then [.captures | .[] | .string] else .string end;
def splits($re): splits($re; null);
def split($re; flags): [splits($re; flags)];
def sub($re; str): sub($re; str; "");
def gsub($re; str; flags): sub($re; str; flags + "g");
def gsub($re; str): sub($re; str; "g");
def limit($n; f):
  if $n < 0 then f
  else label $stop | foreach f as $item ($n; . - 1; $item, if . <= 0 then break $stop else empty end) end;
def last(f): reduce f as $item (null; $item);
def nth($n; f): if $n < 0 then error("nth doesn't support negative indices") else last(limit($n + 1; f)) end;
def first: .[0];
def last: .[-1];
def nth($n): .[$n];
def combinations:
  if length == 0 then []
  else .[0][] as $x | (.[1:] | combinations) as $rest | [$x] + $rest end;
def combinations(n): . as $dot | [range(n) | $dot] | combinations;
def transpose:
  if . == [] then []
  else . as $rows
  | (map(length) | max) as $width
  | length as $height
  | reduce range(0; $width) as $j ([]; . + [reduce range(0; $height) as $i ([]; . + [$rows[$i][$j]])])
  end;
def in(xs): . as $x | xs | has($x);
def inside(xs): . as $x | xs | contains($x);
def input: _input;
def inputs: try repeat(_input) catch if . == "break" then empty else error end;
def truncate_stream(stream):
  . as $depth | null | stream | . as $event
  | if (.[0] | length) > $depth then setpath([0]; $event[0][$depth:]) else empty end;
def walk(f):
  . as $in
  | if type == "object" then reduce keys_unsorted[] as $k ({}; . + {($k): ($in[$k] | walk(f))}) | f
    elif type == "array" then map(walk(f)) | f
    else f end;
def INDEX(stream; idx_expr):
  reduce stream as $row ({}; .[$row | idx_expr | if type != "string" then tojson else . end] |= $row);
def INDEX(idx_expr): INDEX(.[]; idx_expr);
def JOIN($idx; idx_expr): [.[] | [., $idx[idx_expr]]];
def JOIN($idx; stream; idx_expr): stream | [., $idx[idx_expr]];
def JOIN($idx; stream; idx_expr; join_expr): stream | [., $idx[idx_expr]] | join_expr;
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
`;
