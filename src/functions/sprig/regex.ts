/**
 * Sprig 3.2.3's regex functions (Sprig: regex.go) over Go's regexp (RE2 syntax, linear time),
 * see regex-go.ts. The plain forms use regexp.MustCompile, which panics on a bad pattern
 * (`regexp: Compile(`(`): error parsing regexp: …`); the must* forms return the error.
 * regexMatch ignores the error and answers false.
 */
import { def } from '../def.js';
import { GoFuncError, GoSlice, type GoFunc, type GoInt, type GoValue, nilOf } from '../../template/value.js';
import { canBackquote, quote as goQuote } from '../../template/strconv.js';
import { GoRegexp, RegexpSyntaxError, quoteMeta } from './regex-go.js';

/** compile is regexp.Compile: a bad pattern is the function's error. */
function compile(expr: string): GoRegexp {
  try {
    return GoRegexp.compile(expr);
  } catch (e) {
    if (e instanceof RegexpSyntaxError) throw new GoFuncError(e.message);
    throw e;
  }
}

/** mustCompile is regexp.MustCompile: a bad pattern panics with Go's text. */
function mustCompile(expr: string): GoRegexp {
  try {
    return GoRegexp.compile(expr);
  } catch (e) {
    if (e instanceof RegexpSyntaxError) {
      const q = canBackquote(expr) ? '`' + expr + '`' : goQuote(expr);
      throw new GoFuncError(`regexp: Compile(${q}): ${e.message}`);
    }
    throw e;
  }
}

function num(v: GoValue): number {
  // Go ints beyond ±2^53 only matter as "no limit" / "negative" here.
  return Number((v as GoInt).v);
}

/** strSlice is a []string; Go's nil slice (no match) stays nil, which toJson prints as null. */
function strSlice(xs: string[] | null): GoSlice {
  return xs === null ? nilOf(new GoSlice('string', [])) : new GoSlice('string', xs);
}

const S = 'string';

/** regexFuncs are Sprig 3.2.3's regex functions. */
export const regexFuncs: GoFunc[] = [
  def('regexMatch', [S, S], 'bool', ([re, s]) => {
    try {
      return GoRegexp.compile(re as string).matchString(s as string);
    } catch (e) {
      if (e instanceof RegexpSyntaxError) return false;
      throw e;
    }
  }),
  def('mustRegexMatch', [S, S], 'bool', ([re, s]) => compile(re as string).matchString(s as string), { err: true }),
  def('regexFindAll', [S, S, 'int'], '[]string', ([re, s, n]) => strSlice(mustCompile(re as string).findAllString(s as string, num(n)))),
  def('mustRegexFindAll', [S, S, 'int'], '[]string', ([re, s, n]) => strSlice(compile(re as string).findAllString(s as string, num(n))), { err: true }),
  def('regexFind', [S, S], S, ([re, s]) => mustCompile(re as string).findString(s as string)),
  def('mustRegexFind', [S, S], S, ([re, s]) => compile(re as string).findString(s as string), { err: true }),
  def('regexReplaceAll', [S, S, S], S, ([re, s, r]) => mustCompile(re as string).replaceAllString(s as string, r as string)),
  def('mustRegexReplaceAll', [S, S, S], S, ([re, s, r]) => compile(re as string).replaceAllString(s as string, r as string), { err: true }),
  def('regexReplaceAllLiteral', [S, S, S], S, ([re, s, r]) => mustCompile(re as string).replaceAllLiteralString(s as string, r as string)),
  def('mustRegexReplaceAllLiteral', [S, S, S], S, ([re, s, r]) => compile(re as string).replaceAllLiteralString(s as string, r as string), { err: true }),
  def('regexSplit', [S, S, 'int'], '[]string', ([re, s, n]) => strSlice(mustCompile(re as string).split(s as string, num(n)))),
  def('mustRegexSplit', [S, S, 'int'], '[]string', ([re, s, n]) => strSlice(compile(re as string).split(s as string, num(n))), { err: true }),
  def('regexQuoteMeta', [S], S, ([s]) => quoteMeta(s as string)),
];
