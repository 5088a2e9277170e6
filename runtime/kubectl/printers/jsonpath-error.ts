/**
 * Thrown by the template printers with the exact text kubectl prints after `error: `. `output` is
 * what kubectl had already written to stdout when it failed (a go-template execution error
 * prints the partial output and a debugging dump there before returning the error).
 */
export class PrinterError extends Error {
  constructor(
    message: string,
    readonly output = '',
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}
