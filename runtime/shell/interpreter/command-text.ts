// Commands as bash prints them back (print_cmd.c's make_command_string): `jobs` and job notices
// show this, not what was typed, e.g. `(sleep 1;exit 3)` becomes `( sleep 1; exit 3 )` and loops
// span several lines indented by four spaces.
import type { AndOr, CaseItem, Command, CondExpr, List, Pipeline, Redirect } from '../syntax/ast';

const INDENT = 4;

/** `command` (one process of a job) as bash prints it. */
export function commandText(command: Command): string {
  const printer = new Printer();
  printer.command(command);
  return printer.text;
}

/**
 * The processes of a job running `andOr`, as `jobs` shows them: one per command of a lone
 * pipeline, or one subshell for an and-or list.
 */
export function processTexts(andOr: AndOr): string[] {
  if (andOr.rest.length === 0) return andOr.first.commands.map(commandText);
  const printer = new Printer();
  printer.andOr(andOr);
  return [printer.text];
}

/** The port of print_cmd.c's printer: `skip` suppresses the indentation of the next command. */
class Printer {
  text = '';
  private indentation = 0;
  private skip = 0;

  list(list: List): void {
    this.startCommand();
    list.forEach((item, i) => {
      this.skip++;
      this.andOr(item.andOr);
      const more = i < list.length - 1;
      if (item.background) this.text += more ? ' & ' : ' &';
      else if (more) this.text += '; ';
    });
  }

  andOr(andOr: AndOr): void {
    this.startCommand();
    this.skip++;
    this.pipeline(andOr.first);
    for (const { op, pipeline } of andOr.rest) {
      this.text += ` ${op} `;
      this.skip++;
      this.pipeline(pipeline);
    }
  }

  pipeline(pipeline: Pipeline): void {
    this.startCommand();
    if (pipeline.negate) this.text += '! ';
    pipeline.commands.forEach((command, i) => {
      if (i > 0) this.text += ' | ';
      this.skip++;
      this.command(command);
    });
  }

  command(command: Command): void {
    this.startCommand();
    switch (command.type) {
      case 'simple': {
        const assigns = command.assigns.map((a) => `${a.name}${a.append ? '+=' : '='}${a.value.text}`);
        const parts = [...assigns, ...command.words.map((w) => w.text), ...command.redirects.map(redirectText)];
        this.text += parts.join(' ');
        return;
      }
      case 'subshell':
        this.text += '( ';
        this.skip++;
        this.list(command.body);
        this.text += ' )';
        break;
      case 'group':
        this.text += '{ ';
        this.skip++;
        this.list(command.body);
        this.semicolon();
        this.text += ' }';
        break;
      case 'while':
        this.text += command.until ? 'until ' : 'while ';
        this.skip++;
        this.list(command.cond);
        this.semicolon();
        this.text += ' do\n';
        this.body(command.body);
        this.semicolon();
        this.newline('done');
        break;
      case 'for':
        this.text += `for ${command.name}${command.items ? ` in ${command.items.map((w) => w.text).join(' ')}` : ''};`;
        this.newline('do\n');
        this.body(command.body);
        this.semicolon();
        this.newline('done');
        break;
      case 'arith-for':
        this.text += `for ((${command.init.text.trim()}; ${command.cond.text.trim()}; ${command.step.text.trim()}))`;
        this.newline('do\n');
        this.body(command.body);
        this.semicolon();
        this.newline('done');
        break;
      case 'if':
        this.ifClauses(command.clauses, command.elseBody);
        break;
      case 'case':
        this.text += `case ${command.word.text} in `;
        this.caseItems(command.items);
        this.newline('esac');
        break;
      case 'arith':
        this.text += `((${command.expr.text}))`;
        break;
      case 'cond':
        this.text += `[[ ${condText(command.expr)} ]]`;
        break;
      case 'function':
        this.text += `${command.name} () `;
        this.skip++;
        this.command(command.body);
        return;
    }
    if (command.redirects.length > 0) this.text += ` ${command.redirects.map(redirectText).join(' ')}`;
  }

  /** `elif` prints as an `if` nested in the `else`, as bash stores it. */
  private ifClauses(clauses: Array<{ cond: List; body: List }>, elseBody: List | undefined): void {
    const [first, ...rest] = clauses;
    this.text += 'if ';
    this.skip++;
    this.list(first.cond);
    this.semicolon();
    this.text += ' then\n';
    this.body(first.body);
    if (rest.length > 0 || elseBody) {
      this.semicolon();
      this.newline('else\n');
      this.indentation += INDENT;
      if (rest.length > 0) {
        this.startCommand();
        this.ifClauses(rest, elseBody);
      } else this.list(elseBody as List);
      this.indentation -= INDENT;
    }
    this.semicolon();
    this.newline('fi');
  }

  private caseItems(items: CaseItem[]): void {
    this.indentation += INDENT;
    for (const item of items) {
      this.newline('');
      this.text += `${item.patterns.map((w) => w.text).join(' | ')})\n`;
      this.indentation += INDENT;
      this.list(item.body);
      this.indentation -= INDENT;
      this.newline(item.terminator);
    }
    this.indentation -= INDENT;
  }

  private body(list: List): void {
    this.indentation += INDENT;
    this.list(list);
    this.indentation -= INDENT;
  }

  private startCommand(): void {
    if (this.skip > 0) this.skip--;
    else this.text += ' '.repeat(this.indentation);
  }

  private newline(text: string): void {
    this.text += `\n${' '.repeat(this.indentation)}${text}`;
  }

  private semicolon(): void {
    if (this.text.endsWith('\n') || this.text.endsWith(' &')) return;
    this.text += ';';
  }
}

/** One redirection as print_redirection writes it: `> file`, `2> file`, `2>&1`, `<<< word`. */
function redirectText(redirect: Redirect): string {
  const target = redirect.target.text;
  const defaultFd = redirect.op.startsWith('<') ? 0 : 1;
  const fd = redirect.fd ?? defaultFd;
  const prefix = fd === defaultFd ? '' : String(fd);
  switch (redirect.op) {
    case '>&':
    case '<&':
      // A descriptor number (or `-`) prints with both descriptors: `2>&1`, `1>&2`, `0<&3`.
      if (/^\d+-?$|^-$/.test(target)) return `${fd}${redirect.op}${target}`;
      return `${prefix}${redirect.op}${target}`;
    case '&>':
    case '&>>':
      return `${redirect.op} ${target}`;
    case '<<':
    case '<<-':
      return `${prefix}${redirect.op}${target}`;
    default:
      return `${prefix}${redirect.op} ${target}`;
  }
}

function condText(expr: CondExpr): string {
  switch (expr.kind) {
    case 'and':
      return `${condText(expr.left)} && ${condText(expr.right)}`;
    case 'or':
      return `${condText(expr.left)} || ${condText(expr.right)}`;
    case 'not':
      return `! ${condText(expr.expr)}`;
    case 'unary':
      return `${expr.op} ${expr.arg.text}`;
    case 'binary':
      return `${expr.left.text} ${expr.op} ${expr.right.text}`;
    case 'word':
      return expr.word.text;
  }
}
