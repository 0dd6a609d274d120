import type { GoFunc, GoValue } from '../template/value.js';

/** FuncOptions are the rarer parts of a Go function signature. */
export interface FuncOptions {
  /** The last parameter is `...T`; `in`'s last entry is T. */
  variadic?: boolean;
  /** The function has a second `error` result: throw GoFuncError to return one. */
  err?: boolean;
  /** The function takes reflect.Value arguments (builtins): it sees undefined for an invalid value. */
  reflectArgs?: boolean;
}

/**
 * def declares a Go function: its name, parameter types, first result type and body.
 * Types are Go's type strings: 'interface {}', 'string', 'int', 'int64', 'float64', 'bool',
 * '[]interface {}', '[]string', 'map[string]interface {}', 'reflect.Value'.
 * The body receives arguments already converted to those types (ints as GoInt, float64 as number).
 */
export function def(
  name: string,
  inTypes: readonly string[],
  out: string,
  call: (args: GoValue[]) => GoValue,
  opts: FuncOptions = {},
): GoFunc {
  return {
    name,
    in: inTypes,
    variadic: opts.variadic ?? false,
    out,
    hasErr: opts.err ?? false,
    reflectArgs: opts.reflectArgs ?? false,
    call,
  };
}
