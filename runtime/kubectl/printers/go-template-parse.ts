/**
 * Go's text/template/parse parser over the lexer's items: the parse tree the executor walks,
 * Go's node String() forms (execution errors quote them) and its parse error texts
 * (`template: output:<line>: …`).
 */
import { itemString, lexTemplate, type Item, type ItemType } from './go-template-lex';
import { unquoteExtend } from './jsonpath-parser';

/** A parse tree node; `pos` is the offset in the template that errors point at. */
export type TNode =
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: PipeNode }
  | ControlNode
  | { type: 'template'; pos: number; name: string; pipe?: PipeNode }
  | { type: 'break' | 'continue'; pos: number }
  | { type: 'end' | 'else'; pos: number; elseKeyword?: ItemType };

/** An {{if}}, {{range}} or {{with}} with its lists. */
export interface ControlNode {
  type: 'if' | 'range' | 'with';
  pos: number;
  pipe: PipeNode;
  list: TNode[];
  elseList?: TNode[];
}

/** A pipeline: optional `$x :=` declarations and `|`-separated commands. */
export interface PipeNode {
  type: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: string[];
  cmds: CommandNode[];
}

/** One command: a function, field or value and its arguments. */
export interface CommandNode {
  type: 'command';
  pos: number;
  args: ArgNode[];
}

/** An operand. */
export type ArgNode =
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; ident: string[] }
  | { type: 'chain'; pos: number; node: ArgNode; field: string[] }
  | { type: 'identifier'; pos: number; ident: string }
  | { type: 'dot' | 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; value: number; isFloat: boolean }
  | { type: 'string'; pos: number; quoted: string; text: string }
  | PipeNode;

/** Go's String() of a node, as `executing … at <…>` shows it. */
export function nodeString(node: TNode | ArgNode | CommandNode): string {
  switch (node.type) {
    case 'text':
      return JSON.stringify(node.text);
    case 'action':
      return `{{${nodeString(node.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with': {
      const list = node.list.map(nodeString).join('');
      const elseList = node.elseList ? `{{else}}${node.elseList.map(nodeString).join('')}` : '';
      return `{{${node.type} ${nodeString(node.pipe)}}}${list}${elseList}{{end}}`;
    }
    case 'template':
      return node.pipe
        ? `{{template ${JSON.stringify(node.name)} ${nodeString(node.pipe)}}}`
        : `{{template ${JSON.stringify(node.name)}}}`;
    case 'break':
    case 'continue':
      return `{{${node.type}}}`;
    case 'end':
    case 'else':
      return `{{${node.type}}}`;
    case 'pipe': {
      const decl = node.decl.length ? `${node.decl.join(', ')} ${node.isAssign ? '=' : ':='} ` : '';
      return decl + node.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return node.args.map((arg) => (arg.type === 'pipe' ? `(${nodeString(arg)})` : nodeString(arg))).join(' ');
    case 'field':
      return node.ident.map((id) => `.${id}`).join('');
    case 'variable':
      return node.ident.join('.');
    case 'chain': {
      const inner = node.node.type === 'pipe' ? `(${nodeString(node.node)})` : nodeString(node.node);
      return inner + node.field.map((f) => `.${f}`).join('');
    }
    case 'identifier':
      return node.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(node.value);
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
  }
}

class ParseError extends Error {}

/** Parses a template; throws Error with Go's `template: output:<line>: …` text. */
export function parseTemplateTree(text: string, functions: Set<string>): TNode[] {
  return new TemplateParser(text, functions).parse();
}

class TemplateParser {
  private readonly items: Item[];
  private index = 0;
  private fetched = 0;
  private vars = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;

  constructor(
    text: string,
    private readonly functions: Set<string>,
  ) {
    this.items = lexTemplate(text);
  }

  parse(): TNode[] {
    const root: TNode[] = [];
    while (this.peek().typ !== 'EOF') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.push(n);
    }
    return root;
  }

  private next(): Item {
    const item = this.items[Math.min(this.index, this.items.length - 1)];
    this.index++;
    this.fetched = Math.max(this.fetched, Math.min(this.index, this.items.length) - 1);
    return item;
  }

  private backup(count = 1): void {
    this.index -= count;
  }

  private peek(): Item {
    const item = this.next();
    this.backup();
    return item;
  }

  private nextNonSpace(): Item {
    let item = this.next();
    while (item.typ === 'space') item = this.next();
    return item;
  }

  /** Like Go's, it consumes the spaces before the token it peeks at. */
  private peekNonSpace(): Item {
    const item = this.nextNonSpace();
    this.backup();
    return item;
  }

  private errorf(message: string): never {
    throw new ParseError(`template: output:${this.items[this.fetched].line}: ${message}`);
  }

  private unexpected(item: Item, context: string): never {
    if (item.typ === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== item.line) {
        extra = ` in action started at output:${this.actionLine}`;
        if (item.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${item.val}${extra}`);
    }
    this.errorf(`unexpected ${itemString(item)} in ${context}`);
  }

  private itemList(): [TNode[], TNode] {
    const list: TNode[] = [];
    while (this.peekNonSpace().typ !== 'EOF') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): TNode {
    const item = this.nextNonSpace();
    if (item.typ === 'text') return { type: 'text', pos: item.pos, text: item.val };
    if (item.typ === 'leftDelim') {
      this.actionLine = item.line;
      try {
        return this.action();
      } finally {
        this.actionLine = 0;
      }
    }
    this.unexpected(item, 'input');
  }

  private action(): TNode {
    const item = this.nextNonSpace();
    switch (item.typ) {
      case 'break':
      case 'continue': {
        const close = this.nextNonSpace();
        if (close.typ !== 'rightDelim') this.unexpected(close, `{{${item.typ}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${item.typ}}} outside {{range}}`);
        return { type: item.typ, pos: item.pos };
      }
      case 'else':
        return this.elseControl();
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if':
      case 'range':
      case 'with':
        return this.control(item.typ);
      case 'template':
        return this.templateControl();
      case 'block':
      case 'define':
        this.errorf(`unexpected <${item.val}> in command`);
    }
    this.backup();
    const token = this.peek();
    return { type: 'action', pos: token.pos, pipe: this.pipeline('command', 'rightDelim') };
  }

  private expect(typ: ItemType, context: string): Item {
    const item = this.nextNonSpace();
    if (item.typ !== typ) this.unexpected(item, context);
    return item;
  }

  private elseControl(): TNode {
    const peek = this.peekNonSpace();
    if (peek.typ === 'if' || peek.typ === 'with') return { type: 'else', pos: peek.pos, elseKeyword: peek.typ };
    return { type: 'else', pos: this.expect('rightDelim', 'else').pos };
  }

  private control(context: 'if' | 'range' | 'with'): TNode {
    const vars = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: TNode[] | undefined;
      if (next.type === 'else') {
        if (context !== 'range' && this.peek().typ === context) {
          this.next();
          elseList = [this.control(context)];
        } else {
          const [rest, end] = this.itemList();
          if (end.type !== 'end') this.errorf(`expected end; found ${nodeString(end)}`);
          elseList = rest;
        }
      }
      return { type: context, pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars = this.vars.slice(0, vars);
    }
  }

  private templateControl(): TNode {
    const token = this.nextNonSpace();
    if (token.typ !== 'string' && token.typ !== 'rawString') this.unexpected(token, 'template clause');
    const name = unquote(token) ?? '';
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().typ !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline('template clause', 'rightDelim');
    }
    return { type: 'template', pos: token.pos, name, pipe };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const pipe: PipeNode = { type: 'pipe', pos: this.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== 'variable') break;
      const start = this.index;
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.typ === 'assign' || next.typ === 'declare') {
        pipe.isAssign = next.typ === 'assign';
        this.nextNonSpace();
        pipe.decl.push(v.val);
        this.vars.push(v.val);
        break;
      }
      if (next.typ === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(v.val);
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().typ;
          if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      }
      this.index = start;
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      if (token.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (token.typ) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((cmd, i) => {
      if (['bool', 'dot', 'nil', 'number', 'string'].includes(cmd.args[0].type)) {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === 'space') continue;
      if (token.typ === 'rightDelim' || token.typ === 'rightParen') this.backup();
      else if (token.typ !== 'pipe') this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): ArgNode | undefined {
    const node = this.term();
    if (!node || this.peek().typ !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().typ === 'field') fields.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${JSON.stringify(nodeString(node))}`);
    }
    return { type: 'chain', pos, node, field: fields };
  }

  private term(): ArgNode | undefined {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case 'identifier':
        if (!this.functions.has(token.val)) this.errorf(`function ${JSON.stringify(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case 'dot':
        return { type: 'dot', pos: token.pos };
      case 'nil':
        return { type: 'nil', pos: token.pos };
      case 'variable':
        if (!this.vars.includes(token.val)) this.errorf(`undefined variable ${JSON.stringify(token.val)}`);
        return { type: 'variable', pos: token.pos, ident: [token.val] };
      case 'field':
        return { type: 'field', pos: token.pos, ident: [token.val.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        return this.number(token);
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const text = unquote(token);
        if (text === undefined) this.errorf('invalid syntax');
        return { type: 'string', pos: token.pos, quoted: token.val, text };
      }
    }
    this.backup();
    return undefined;
  }

  private number(token: Item): ArgNode {
    const text = token.val;
    if (token.typ === 'charConstant') {
      const rune = unquoteExtend(text);
      if (rune === undefined || Array.from(rune).length !== 1) this.errorf(`malformed character constant: ${text}`);
      return { type: 'number', pos: token.pos, text, value: rune.codePointAt(0) ?? 0, isFloat: false };
    }
    const clean = text.replaceAll('_', '');
    const isInt = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]*|0[bB][01]+|[1-9]\d*)$/.test(clean);
    const value = isInt ? parseGoInt(clean) : Number(clean);
    if (Number.isNaN(value) || token.typ === 'complex') this.errorf(`illegal number syntax: ${JSON.stringify(text)}`);
    return { type: 'number', pos: token.pos, text, value, isFloat: !isInt && /[.eEpP]/.test(clean) };
  }
}

function parseGoInt(text: string): number {
  const negative = text.startsWith('-');
  const digits = text.replace(/^[+-]/, '');
  let value: number;
  if (/^0[xX]/.test(digits)) value = parseInt(digits.slice(2), 16);
  else if (/^0[bB]/.test(digits)) value = parseInt(digits.slice(2), 2);
  else if (/^0[oO]/.test(digits)) value = parseInt(digits.slice(2), 8);
  else if (/^0\d/.test(digits)) value = parseInt(digits.slice(1), 8);
  else value = Number(digits);
  return negative ? -value : value;
}

/** strconv.Unquote of a string or raw string token. */
function unquote(item: Item): string | undefined {
  if (item.typ === 'rawString') return item.val.slice(1, -1).replaceAll('\r', '');
  return unquoteExtend(item.val);
}

/** Whether an error came from the parser (its message is Go's). */
export const isParseError = (error: unknown): error is Error => error instanceof ParseError;
