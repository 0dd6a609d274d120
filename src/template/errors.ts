/**
 * ExecError is an error raised while executing a template; message is Go's exact text,
 * e.g. `template: t:1:3: executing "t" at <.a.b>: nil pointer evaluating interface {}.b`.
 * (Go: text/template ExecError.)
 */
export class ExecError extends Error {
  constructor(
    /** The name of the template that was executing. */
    readonly templateName: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExecError';
  }
}

/**
 * TemplateError is an error from the template package itself rather than from executing
 * a tree, e.g. `template: no template "x" associated with template "y"`.
 */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}
