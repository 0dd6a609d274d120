// Direct calls of Sprig's regex functions. Expected values come from the oracle
// (gotpl-oracle, mode "sprig": `{{ fn args… }}` with the same literal arguments).
import { describe, expect, it } from 'vitest';
import { GoFuncError, GoInt, GoSlice, goInt, type GoFunc, type GoValue } from '../../src/template/value.js';
import { regexFuncs } from '../../src/functions/sprig/regex.js';

/** lit converts a template literal the way text/template reads constants. */
function lit(s: string): GoValue {
  if (s === 'nil') return null;
  if (s === 'true') return true;
  if (s === 'false') return false;
  if (s.startsWith('"')) return JSON.parse(s) as string;
  if (/^-?0x[0-9a-f]+$/i.test(s)) return goInt(s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s));
  if (/^-?\d+$/.test(s)) return goInt(BigInt(s));
  return Number(s);
}

/** call converts arguments to the parameter types (as the evaluator does for constants) and calls f. */
function call(f: GoFunc, args: GoValue[]): GoValue {
  const conv = args.map((a, i) => {
    const t = f.in[Math.min(i, f.in.length - 1)];
    if (t === 'float64' && a instanceof GoInt) return Number(a.v);
    return a;
  });
  return f.call(conv);
}

/** formatG is Go's %v of a float64 (strconv 'g', shortest). */
function formatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [m = '', e = '0'] = f.toExponential().split('e');
  const exp = Number(e);
  if (exp < -4 || exp >= 21) return m + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  if (exp >= 6) return m + 'e+' + String(exp).padStart(2, '0');
  return String(f);
}

/** show prints a result the way the template prints it (fmt's %v). */
function show(v: GoValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatG(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '<nil>';
  if (v instanceof GoInt) return v.v.toString();
  if (v instanceof GoSlice) return '[' + v.items.map(show).join(' ') + ']';
  if (Array.isArray(v)) return '[' + v.map(show).join(' ') + ']';
  return String(v);
}

type Row = [string, string[], string | { err: string }];
const table: Row[] = [
  ["regexMatch",["\"^[a-z]+$\"","\"abc\""],"true"],
  ["regexMatch",["\"^[a-z]+$\"","\"abc1\""],"false"],
  ["regexMatch",["\"\"","\"\""],"true"],
  ["regexMatch",["\"(\"","\"x\""],"false"],
  ["regexMatch",["\"a+\"","\"xaay\""],"true"],
  ["regexMatch",["\"(?i)ABC\"","\"xabcx\""],"true"],
  ["regexMatch",["\"\\\\d{3}\"","\"ab123\""],"true"],
  ["regexMatch",["\"^é+$\"","\"éé\""],"true"],
  ["regexMatch",["\"^.$\"","\"é\""],"true"],
  ["regexMatch",["\"\\\\pL\"","\"日本\""],"true"],
  ["regexMatch",["\"(?=x)\"","\"x\""],"false"],
  ["regexMatch",["\"[[:alpha:]]\"","\"1a\""],"true"],
  ["regexMatch",["\"\\\\bfoo\\\\b\"","\"a foo b\""],"true"],
  ["regexMatch",["\"(a+)+$\"","\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\""],"false"],
  ["mustRegexMatch",["\"(\"","\"x\""],{"err":"error parsing regexp: missing closing ): `(`"}],
  ["mustRegexMatch",["\"a)\"","\"x\""],{"err":"error parsing regexp: unexpected ): `a)`"}],
  ["mustRegexMatch",["\"[z-a]\"","\"x\""],{"err":"error parsing regexp: invalid character class range: `z-a`"}],
  ["mustRegexMatch",["\"a**\"","\"x\""],{"err":"error parsing regexp: invalid nested repetition operator: `**`"}],
  ["mustRegexMatch",["\"x{1001}\"","\"x\""],{"err":"error parsing regexp: invalid repeat count: `{1001}`"}],
  ["mustRegexMatch",["\"\\\\8\"","\"x\""],{"err":"error parsing regexp: invalid escape sequence: `\\8`"}],
  ["mustRegexMatch",["\"(?P<n>a)\"","\"a\""],"true"],
  ["mustRegexMatch",["\"(?<n>a)\"","\"a\""],{"err":"error parsing regexp: invalid or unsupported Perl syntax: `(?<`"}],
  ["mustRegexMatch",["\"(?P<n>a)(?P<n>b)\"","\"ab\""],"true"],
  ["mustRegexMatch",["\"[[:foo:]]\"","\"a\""],{"err":"error parsing regexp: invalid character class range: `[:foo:]`"}],
  ["mustRegexMatch",["\"\\\\Q.\\\\E\"","\".\""],"true"],
  ["mustRegexMatch",["\"a{2,1}\"","\"a\""],{"err":"error parsing regexp: invalid repeat count: `{2,1}`"}],
  ["mustRegexMatch",["\"\\\\z\"","\"\""],"true"],
  ["mustRegexMatch",["\"\\\\Z\"","\"\""],{"err":"error parsing regexp: invalid escape sequence: `\\Z`"}],
  ["mustRegexMatch",["\"(?i\"","\"a\""],{"err":"error parsing regexp: invalid or unsupported Perl syntax: `(?i`"}],
  ["mustRegexMatch",["\"[a\"","\"a\""],{"err":"error parsing regexp: missing closing ]: `[a`"}],
  ["mustRegexMatch",["\"\\\\p{Foo}\"","\"a\""],{"err":"error parsing regexp: invalid character class range: `\\p{Foo}`"}],
  ["mustRegexMatch",["\"*\"","\"a\""],{"err":"error parsing regexp: missing argument to repetition operator: `*`"}],
  ["mustRegexMatch",["\"a|*\"","\"a\""],{"err":"error parsing regexp: missing argument to repetition operator: `*`"}],
  ["mustRegexMatch",["\"(?P<>a)\"","\"a\""],{"err":"error parsing regexp: invalid named capture: `(?P<>`"}],
  ["mustRegexMatch",["\"(?P<a-b>a)\"","\"a\""],{"err":"error parsing regexp: invalid named capture: `(?P<a-b>`"}],
  ["mustRegexMatch",["\"\\\\x{110000}\"","\"a\""],{"err":"error parsing regexp: invalid escape sequence: `\\x{110000`"}],
  ["regexFindAll",["\"[0-9]+\"","\"a1b22c333\"","-1"],"[1 22 333]"],
  ["regexFindAll",["\"[0-9]+\"","\"a1b22c333\"","2"],"[1 22]"],
  ["regexFindAll",["\"[0-9]+\"","\"a1b22c333\"","0"],"[]"],
  ["regexFindAll",["\"[0-9]+\"","\"abc\"","-1"],"[]"],
  ["regexFindAll",["\"a*\"","\"baaab\"","-1"],"[ aaa ]"],
  ["regexFindAll",["\"a*\"","\"baaé\"","-1"],"[ aa ]"],
  ["regexFindAll",["\"\"","\"abc\"","-1"],"[   ]"],
  ["regexFindAll",["\"\"","\"日本\"","-1"],"[  ]"],
  ["regexFindAll",["\"\"","\"\"","-1"],"[]"],
  ["regexFindAll",["\"x*\"","\"\"","5"],"[]"],
  ["regexFindAll",["\"(\"","\"x\"","-1"],{"err":"regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"}],
  ["regexFindAll",["\".\"","\"日本語\"","-1"],"[日 本 語]"],
  ["regexFindAll",["\"(?m)^\\\\w+\"","\"foo\\nbar\\nbaz\"","-1"],"[foo bar baz]"],
  ["regexFindAll",["\"^\\\\w+\"","\"foo\\nbar\"","-1"],"[foo]"],
  ["regexFindAll",["\"\\\\b\\\\w\"","\"hello big world\"","2"],"[h b]"],
  ["regexFindAll",["\"a|ab\"","\"abab\"","-1"],"[a a]"],
  ["regexFindAll",["\"(?U)a+\"","\"aaa\"","-1"],"[a a a]"],
  ["regexFindAll",["\"[[:upper:]]+\"","\"aBCdEF\"","100"],"[BC EF]"],
  ["mustRegexFindAll",["\"[\"","\"x\"","-1"],{"err":"error parsing regexp: missing closing ]: `[`"}],
  ["mustRegexFindAll",["\"a\"","\"aaa\"","-1"],"[a a a]"],
  ["regexFind",["\"[0-9]+\"","\"a12b34\""],"12"],
  ["regexFind",["\"[0-9]+\"","\"abc\""],""],
  ["regexFind",["\"\"","\"abc\""],""],
  ["regexFind",["\"(\"","\"abc\""],{"err":"regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"}],
  ["regexFind",["\"é+\"","\"aééb\""],"éé"],
  ["regexFind",["\"(?s)a.b\"","\"a\\nb\""],"a\nb"],
  ["regexFind",["\"a.b\"","\"a\\nb\""],""],
  ["regexFind",["\"x$\"","\"ax\\n\""],""],
  ["regexFind",["\"(?m)x$\"","\"ax\\nb\""],"x"],
  ["regexFind",["\"\\\\Aa\"","\"aa\""],"a"],
  ["mustRegexFind",["\"[\"","\"x\""],{"err":"error parsing regexp: missing closing ]: `[`"}],
  ["mustRegexFind",["\"b+\"","\"abbbc\""],"bbb"],
  ["regexReplaceAll",["\"a(x*)b\"","\"-ab-axxb-\"","\"${1}W\""],"-W-xxW-"],
  ["regexReplaceAll",["\"a(x*)b\"","\"-ab-axxb-\"","\"$1W\""],"---"],
  ["regexReplaceAll",["\"a(x*)b\"","\"-ab-axxb-\"","\"$1\""],"--xx-"],
  ["regexReplaceAll",["\"a(x*)b\"","\"-ab-axxb-\"","\"$$1\""],"-$1-$1-"],
  ["regexReplaceAll",["\"a(x*)b\"","\"-ab-axxb-\"","\"$2\""],"---"],
  ["regexReplaceAll",["\"a(?P<mid>x*)b\"","\"-ab-axxb-\"","\"[$mid]\""],"-[]-[xx]-"],
  ["regexReplaceAll",["\"a(?P<mid>x*)b\"","\"-ab-axxb-\"","\"[${mid}]\""],"-[]-[xx]-"],
  ["regexReplaceAll",["\"a(?P<mid>x*)b\"","\"-ab-axxb-\"","\"[${mid]\""],"-[${mid]-[${mid]-"],
  ["regexReplaceAll",["\"a(x*)b\"","\"-ab-axxb-\"","\"$\""],"-$-$-"],
  ["regexReplaceAll",["\"a(x*)b\"","\"-ab-axxb-\"","\"${}\""],"-${}-${}-"],
  ["regexReplaceAll",["\"a(x*)b\"","\"-ab-axxb-\"","\"$01\""],"---"],
  ["regexReplaceAll",["\"a(x*)b\"","\"-ab-axxb-\"","\"$0\""],"-ab-axxb-"],
  ["regexReplaceAll",["\"a*\"","\"baaac\"","\"-\""],"-b-c-"],
  ["regexReplaceAll",["\"\"","\"abc\"","\"-\""],"-a-b-c-"],
  ["regexReplaceAll",["\"\"","\"日本\"","\"-\""],"-日-本-"],
  ["regexReplaceAll",["\"x*\"","\"\"","\"-\""],"-"],
  ["regexReplaceAll",["\"b*\"","\"abc\"","\"X\""],"XaXcX"],
  ["regexReplaceAll",["\"(\"","\"x\"","\"y\""],{"err":"regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"}],
  ["regexReplaceAll",["\"(\\\\w+)@(\\\\w+)\"","\"bob@example\"","\"$2 at $1\""],"example at bob"],
  ["regexReplaceAll",["\"é\"","\"café\"","\"e\""],"cafe"],
  ["regexReplaceAll",["\"a(é)\"","\"aé\"","\"$1$1\""],"éé"],
  ["regexReplaceAll",["\"(a)\"","\"a\"","\"$1é\""],""],
  ["regexReplaceAll",["\"(a)\"","\"a\"","\"${1}é\""],"aé"],
  ["mustRegexReplaceAll",["\"[\"","\"x\"","\"y\""],{"err":"error parsing regexp: missing closing ]: `[`"}],
  ["mustRegexReplaceAll",["\"o\"","\"foo\"","\"0\""],"f00"],
  ["regexReplaceAllLiteral",["\"a(x*)b\"","\"-ab-axxb-\"","\"${1}\""],"-${1}-${1}-"],
  ["regexReplaceAllLiteral",["\"a*\"","\"baaac\"","\"$\""],"$b$c$"],
  ["regexReplaceAllLiteral",["\"\"","\"abc\"","\"-\""],"-a-b-c-"],
  ["regexReplaceAllLiteral",["\"(\"","\"x\"","\"y\""],{"err":"regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"}],
  ["mustRegexReplaceAllLiteral",["\"(\"","\"x\"","\"y\""],{"err":"error parsing regexp: missing closing ): `(`"}],
  ["mustRegexReplaceAllLiteral",["\"\\\\.\"","\"a.b.c\"","\"$1\""],"a$1b$1c"],
  ["regexSplit",["\"z+\"","\"pizza\"","-1"],"[pi a]"],
  ["regexSplit",["\"z+\"","\"pizza\"","0"],"[]"],
  ["regexSplit",["\"z+\"","\"pizza\"","1"],"[pizza]"],
  ["regexSplit",["\"z+\"","\"pizza\"","2"],"[pi a]"],
  ["regexSplit",["\"\"","\"abc\"","-1"],"[a b c]"],
  ["regexSplit",["\"\"","\"abc\"","2"],"[a bc]"],
  ["regexSplit",["\"a*\"","\"baaac\"","-1"],"[b c]"],
  ["regexSplit",["\",\"","\"\"","-1"],"[]"],
  ["regexSplit",["\"\"","\"\"","-1"],"[]"],
  ["regexSplit",["\",\"","\"a,b,,c,\"","-1"],"[a b  c ]"],
  ["regexSplit",["\",\"","\",a\"","-1"],"[ a]"],
  ["regexSplit",["\"\\\\s+\"","\"  a  b  \"","-1"],"[ a b ]"],
  ["regexSplit",["\"(\"","\"x\"","-1"],{"err":"regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"}],
  ["regexSplit",["\"x*\"","\"axbxc\"","-1"],"[a b c]"],
  ["regexSplit",["\"é\"","\"aébéc\"","-1"],"[a b c]"],
  ["mustRegexSplit",["\"(\"","\"x\"","-1"],{"err":"error parsing regexp: missing closing ): `(`"}],
  ["mustRegexSplit",["\"-\"","\"a-b-c\"","2"],"[a b-c]"],
  ["regexQuoteMeta",["\"1.5-2.0?\""],"1\\.5-2\\.0\\?"],
  ["regexQuoteMeta",["\"[foo]{bar}(baz)|^$\\\\*+\""],"\\[foo\\]\\{bar\\}\\(baz\\)\\|\\^\\$\\\\\\*\\+"],
  ["regexQuoteMeta",["\"plain\""],"plain"],
  ["regexQuoteMeta",["\"\""],""],
  ["regexQuoteMeta",["\"日本.語\""],"日本\\.語"],
  ["regexReplaceAll",["\"(?P<n>a)(?P<n>b)\"","\"ab\"","\"[$n]\""],"[a]"],
  ["regexReplaceAll",["\"(?P<n>x)?(?P<n>b)\"","\"b\"","\"[$n]\""],"[b]"],
  ["regexFindAll",["\"(x+x+)+y\"","\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"","-1"],"[]"],
  ["regexReplaceAll",["\"\\\\s\"","\"a b\\tc\"","\"\""],"abc"],
  ["regexReplaceAll",["\"[^a-z0-9-]\"","\"My_Release.Name\"","\"-\""],"-y--elease--ame"],
  ["regexFind",["\"v?([0-9]+)\\\\.([0-9]+)\"","\"image:v1.22.3\""],"v1.22"],
  ["regexReplaceAll",["\"^v?([0-9]+)\\\\.([0-9]+).*$\"","\"v1.22.3\"","\"$1.$2\""],"1.22"],
];

const funcs = new Map(regexFuncs.map((f) => [f.name, f]));

describe('regex functions vs the oracle', () => {
  for (const [fn, args, want] of table) {
    it(`${fn} ${args.join(' ')}`, () => {
      const f = funcs.get(fn);
      expect(f, fn).toBeDefined();
      if (typeof want === 'string') {
        expect(show(call(f!, args.map(lit)))).toBe(want);
      } else {
        let err: unknown;
        try {
          call(f!, args.map(lit));
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(GoFuncError);
        expect((err as Error).message).toBe(want.err);
      }
    });
  }
});

describe('regex: RE2 guarantees', () => {
  it('matches catastrophic-backtracking patterns in linear time', () => {
    const f = funcs.get('regexMatch')!;
    const t0 = Date.now();
    expect(f.call(['(a+)+$', 'a'.repeat(50_000) + 'b'])).toBe(false);
    expect(f.call(['(x+x+)+y', 'x'.repeat(50_000)])).toBe(false);
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});
