/**
 * Errors of the YAML and JSON layer. `message` is exactly the text Go gives
 * (sigs.k8s.io/yaml, gopkg.in/yaml.v2, encoding/json); the position fields are
 * extra data for our CLI and are never part of the message.
 */

/** YamlError is a YAML load or emit failure; message is sigs.k8s.io/yaml's err.Error(). */
export class YamlError extends Error {
  constructor(
    message: string,
    /** The file name given to the loader, if any. */
    readonly file: string | undefined = undefined,
    /** 1-based line of the problem, 0 when unknown. */
    readonly line: number = 0,
    /** 1-based column of the problem, 0 when unknown. */
    readonly column: number = 0,
  ) {
    super(message);
    this.name = 'YamlError';
  }

  /** where prints `file:line:col` (the parts that are known). */
  where(): string {
    let s = this.file ?? '';
    if (this.line > 0) s += (s ? ':' : '') + this.line + (this.column > 0 ? ':' + this.column : '');
    return s;
  }
}

/** JsonError is an encoding/json failure; message is Go's err.Error(). */
export class JsonError extends Error {
  constructor(
    message: string,
    /** Byte offset of a syntax error (Go's SyntaxError.Offset), -1 otherwise. */
    readonly offset: number = -1,
  ) {
    super(message);
    this.name = 'JsonError';
  }
}
