// The program's syntax tree. Variables are resolved by the parser: globals by name, function
// parameters by slot.

export type VarRef = { scope: 'global'; name: string } | { scope: 'local'; slot: number; name: string };

export type LValue =
  { k: 'var'; ref: VarRef } | { k: 'index'; ref: VarRef; subs: Expr[] } | { k: 'field'; index: Expr };

export type Expr =
  | LValue
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  /** A regex literal; as a value it matches $0. */
  | { k: 'regex'; src: string }
  | { k: 'group'; e: Expr }
  | { k: 'assign'; op: string; target: LValue; value: Expr }
  | { k: 'cond'; test: Expr; yes: Expr; no: Expr }
  | { k: 'and' | 'or'; a: Expr; b: Expr }
  | { k: 'binary'; op: string; a: Expr; b: Expr }
  | { k: 'cat'; a: Expr; b: Expr }
  | { k: 'cmp'; op: string; a: Expr; b: Expr }
  | { k: 'match'; negate: boolean; a: Expr; re: Expr }
  | { k: 'in'; subs: Expr[]; ref: VarRef }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'incdec'; prefix: boolean; delta: 1 | -1; target: LValue }
  | { k: 'call'; name: string; args: Expr[]; line: number }
  | { k: 'builtin'; name: string; args: Expr[] }
  | { k: 'getline'; target?: LValue; file?: Expr; command?: Expr };

export type Redirect = { mode: '>' | '>>' | '|'; target: Expr };

export type Stmt =
  | { k: 'expr'; e: Expr }
  | { k: 'print'; printf: boolean; args: Expr[]; redirect?: Redirect }
  | { k: 'if'; test: Expr; then: Stmt; else?: Stmt }
  | { k: 'while'; test: Expr; body: Stmt }
  | { k: 'do'; body: Stmt; test: Expr }
  | { k: 'for'; init?: Expr; test?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; var: LValue; ref: VarRef; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' | 'nextfile' | 'break' | 'continue' }
  | { k: 'exit'; code?: Expr }
  | { k: 'return'; value?: Expr }
  | { k: 'delete'; ref: VarRef; subs?: Expr[] };

export type Item =
  { k: 'begin' | 'end'; body: Stmt[] } | { k: 'main'; pattern?: Expr; range?: [Expr, Expr]; body?: Stmt[] };

export interface FunctionDef {
  name: string;
  params: string[];
  /** How the body uses each parameter (undefined: not at all, or only passed on). */
  paramKinds: Array<'scalar' | 'array' | undefined>;
  body: Stmt[];
}

export interface Program {
  items: Item[];
  functions: Map<string, FunctionDef>;
  /** Globals the program uses as arrays. */
  arrays: Set<string>;
}
