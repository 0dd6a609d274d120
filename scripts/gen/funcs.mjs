// Function signatures the template generator calls. Each entry is [name, args] where args
// is a string of argument kinds, one letter each; a trailing `*` repeats the last kind 0–3
// times. Kinds: s string, i int, n number, a any, l list, m map, b bool, r regexp,
// c string/list/map, f printf format, k key, p path, t template text (tpl), T defined template name,
// x a string that is YAML/JSON text, d a date string, v semver text.
// Non-deterministic functions (now, rand*, uuidv4, gen*, htpasswd, shuffle, env) and
// `camelcase` (Debian's xstrings differs from Helm's pin, see the oracle README) are left out.

/** GO_BUILTINS are text/template's builtins with their usual arguments. */
export const GO_BUILTINS = [
  ['and', 'aa*'], ['or', 'aa*'], ['not', 'a'], ['len', 'c'], ['index', 'ai*'], ['slice', 'aii'],
  ['print', 'a*'], ['println', 'a*'], ['printf', 'fa*'], ['html', 'a*'], ['js', 'a*'], ['urlquery', 'a*'],
  ['eq', 'aa*'], ['ne', 'aa'], ['lt', 'aa'], ['le', 'aa'], ['gt', 'aa'], ['ge', 'aa'], ['call', 'aa*', 0.3],
];

/** SPRIG are Sprig 3.2.3 functions (TxtFuncMap) with their arguments. */
export const SPRIG = [
  // strings
  ['upper', 's'], ['lower', 's'], ['title', 's'], ['untitle', 's'], ['trim', 's'], ['trimAll', 'ss'],
  ['trimPrefix', 'ss'], ['trimSuffix', 'ss'], ['trunc', 'is'], ['abbrev', 'is'], ['abbrevboth', 'iis'],
  ['initials', 's'], ['wrap', 'is'], ['wrapWith', 'iss'], ['contains', 'ss'], ['hasPrefix', 'ss'],
  ['hasSuffix', 'ss'], ['quote', 'a*'], ['squote', 'a*'], ['cat', 'a*'], ['indent', 'is'], ['nindent', 'is'],
  ['replace', 'sss'], ['plural', 'ssi'], ['snakecase', 's'], ['kebabcase', 's'], ['swapcase', 's'],
  ['repeat', 'is'], ['substr', 'iis'], ['nospace', 's'], ['trimall', 'ss'], ['toString', 'a'], ['toStrings', 'a'],
  ['split', 'ss'], ['splitList', 'ss'], ['splitn', 'sis'], ['join', 'sa'], ['sortAlpha', 'a'],
  ['b64enc', 's'], ['b64dec', 's'], ['b32enc', 's'], ['b32dec', 's'], ['sha1sum', 's'], ['sha256sum', 's'],
  ['adler32sum', 's'], ['atoi', 's'], ['int', 'a'], ['int64', 'a'], ['float64', 'a'], ['toDecimal', 'a'],
  ['regexMatch', 'rs'], ['regexFind', 'rs'], ['regexFindAll', 'rsi'], ['regexReplaceAll', 'rss'],
  ['regexReplaceAllLiteral', 'rss'], ['regexSplit', 'rsi'], ['regexQuoteMeta', 's'], ['mustRegexMatch', 'rs'],
  ['semver', 'v'], ['semverCompare', 'vv'],
  // math
  ['add', 'nn*'], ['add1', 'n'], ['sub', 'nn'], ['div', 'nn'], ['mod', 'nn'], ['mul', 'nn*'], ['max', 'nn*'],
  ['min', 'nn*'], ['floor', 'n'], ['ceil', 'n'], ['round', 'ni'], ['addf', 'nn*'], ['subf', 'nn'], ['mulf', 'nn'],
  ['divf', 'nn'], ['maxf', 'nn*'], ['minf', 'nn*'], ['biggest', 'nn*'], ['until', 'i'], ['untilStep', 'iii'],
  ['seq', 'i*'], ['add1f', 'n'],
  // defaults, flow
  ['default', 'aa'], ['empty', 'a'], ['coalesce', 'aa*'], ['all', 'a*'], ['any', 'a*'], ['compact', 'l'],
  ['ternary', 'aab'], ['fromJson', 'x'], ['toJson', 'a'], ['toPrettyJson', 'a'], ['toRawJson', 'a'],
  ['mustToJson', 'a'], ['fail', 's'], ['required', 'sa'],
  // dicts
  ['dict', 'ka*'], ['get', 'mk'], ['set', 'mks'], ['unset', 'mk'], ['hasKey', 'mk'], ['pluck', 'km*'],
  ['keys', 'mm*'], ['pick', 'mk*'], ['omit', 'mk*'], ['merge', 'mm*'], ['mergeOverwrite', 'mm*'],
  ['deepCopy', 'a'], ['dig', 'kk*'],
  // lists
  ['list', 'a*'], ['first', 'l'], ['rest', 'l'], ['last', 'l'], ['initial', 'l'], ['append', 'la'],
  ['prepend', 'la'], ['concat', 'll*'], ['reverse', 'l'], ['uniq', 'l'], ['without', 'la*'], ['has', 'al'],
  ['chunk', 'il'], ['mustFirst', 'l'], ['mustLast', 'l'], ['sortAlpha', 'l'],
  // reflection, paths, encoding, dates (fixed inputs only)
  ['typeOf', 'a'], ['kindOf', 'a'], ['typeIs', 'sa'], ['kindIs', 'sa'], ['deepEqual', 'aa'], ['typeIsLike', 'sa'],
  ['base', 's'], ['dir', 's'], ['clean', 's'], ['ext', 's'], ['isAbs', 's'], ['urlParse', 's'],
  ['toDate', 'sd'], ['dateInZone', 'sds'], ['unixEpoch', 'd'], ['duration', 'a'], ['htmlDate', 'd'],
];

/** HELM are the functions Helm adds over Sprig. */
export const HELM = [
  ['include', 'Ta'], ['tpl', 'ta'], ['required', 'sa'], ['toYaml', 'a'], ['fromYaml', 'x'], ['fromYamlArray', 'x'],
  ['toJson', 'a'], ['fromJson', 'x'], ['fromJsonArray', 'x'], ['toToml', 'm'], ['lookup', 'ssss'],
];

/** KINDS are the names typeIs/kindIs compare with. */
export const KINDS = ['string', 'float64', 'int', 'int64', 'bool', 'map', 'slice', 'map[string]interface {}', '[]interface {}', 'invalid', 'ptr', 'chartutil.Values'];

/** REGEXPS are patterns for the regex functions (RE2 syntax; some invalid on purpose). */
export const REGEXPS = ['a', '^a', '[a-z]+', '(\\w+)-(\\w+)', '\\d+', '(?i)HELLO', '.*', '^$', 'b|c', '(', '[', 'x{2,}', '\\s+', '(?P<n>a)', 'é', '\\pL+'];

/** FORMATS builds random printf format strings. */
export function randomFormat(r) {
  const n = r.range(0, 3);
  let out = r.chance(0.5) ? r.pick(['', 'x=', '-', '[', 'a: ']) : '';
  for (let i = 0; i < n; i++) {
    out += '%';
    if (r.chance(0.3)) out += r.pick(['-', '+', '#', '0', ' ', '-0', '+ ', '#0']);
    if (r.chance(0.1)) out += `[${r.range(0, 3)}]`;
    if (r.chance(0.3)) out += r.chance(0.1) ? '*' : String(r.range(0, 12));
    if (r.chance(0.25)) out += '.' + (r.chance(0.1) ? '*' : String(r.range(0, 6)));
    out += r.weighted([
      [6, 'v'], [2, '+v'], [2, '#v'], [2, 'T'], [4, 'd'], [5, 's'], [3, 'q'], [2, 'x'], [1, 'X'], [1, 'o'], [1, 'O'],
      [1, 'b'], [2, 'e'], [1, 'E'], [3, 'f'], [1, 'F'], [2, 'g'], [1, 'G'], [1, 'c'], [1, 'U'], [2, 't'], [1, '%'], [1, 'z'], [1, '!'], [1, ''],
    ]);
    if (r.chance(0.3)) out += r.pick([' ', '|', ', ', '\n', 'é']);
  }
  return out;
}

/** RET gives the result kind of functions (see the arg kinds above); missing means any. */
export const RET = {
  not: 'b', len: 'i', print: 's', println: 's', printf: 's', html: 's', js: 's', urlquery: 's', eq: 'b', ne: 'b', lt: 'b', le: 'b', gt: 'b', ge: 'b',
  upper: 's', lower: 's', title: 's', untitle: 's', trim: 's', trimAll: 's', trimPrefix: 's', trimSuffix: 's', trunc: 's', abbrev: 's', abbrevboth: 's',
  initials: 's', wrap: 's', wrapWith: 's', contains: 'b', hasPrefix: 'b', hasSuffix: 'b', quote: 's', squote: 's', cat: 's', indent: 's', nindent: 's',
  replace: 's', plural: 's', snakecase: 's', kebabcase: 's', swapcase: 's', repeat: 's', substr: 's', nospace: 's', trimall: 's', toString: 's',
  toStrings: 'l', splitList: 'l', join: 's', sortAlpha: 'l', b64enc: 's', b64dec: 's', b32enc: 's', b32dec: 's', sha1sum: 's', sha256sum: 's',
  adler32sum: 's', atoi: 'i', int: 'i', int64: 'i', float64: 'n', regexMatch: 'b', regexFind: 's', regexFindAll: 'l', regexReplaceAll: 's',
  regexReplaceAllLiteral: 's', regexSplit: 'l', regexQuoteMeta: 's', add: 'i', add1: 'i', sub: 'i', mul: 'i', max: 'i', min: 'i', floor: 'n',
  ceil: 'n', round: 'n', addf: 'n', subf: 'n', mulf: 'n', divf: 'n', maxf: 'n', minf: 'n', biggest: 'i', until: 'l', untilStep: 'l', seq: 's',
  add1f: 'n', empty: 'b', compact: 'l', toJson: 's', toPrettyJson: 's', toRawJson: 's', mustToJson: 's', dict: 'm', hasKey: 'b', pluck: 'l',
  keys: 'l', pick: 'm', omit: 'm', list: 'l', rest: 'l', initial: 'l', append: 'l', prepend: 'l', concat: 'l', reverse: 'l', uniq: 'l',
  without: 'l', has: 'b', typeOf: 's', kindOf: 's', typeIs: 'b', kindIs: 'b', deepEqual: 'b', base: 's', dir: 's', clean: 's', ext: 's',
  isAbs: 'b', toYaml: 's', include: 's', tpl: 's', fromYaml: 'm', fromJson: 'a', and: 'a', or: 'a', default: 'a', coalesce: 'a',
  all: 'b', any: 'b', htmlDate: 's', unixEpoch: 's', mergeOverwrite: 'm', merge: 'm', split: 'm',
};

/** RISKY functions fail often (or at all); clean cases call them rarely. */
export const RISKY = new Set([
  'call', 'index', 'slice', 'semver', 'semverCompare', 'regexMatch', 'regexFind', 'regexFindAll', 'regexReplaceAll', 'regexReplaceAllLiteral',
  'regexSplit', 'mustRegexMatch', 'fail', 'required', 'tpl', 'urlParse', 'div', 'mod', 'chunk', 'repeat', 'deepCopy', 'typeIsLike', 'toDecimal',
  'lookup', 'dig', 'set', 'unset', 'merge', 'mergeOverwrite', 'mustFirst', 'mustLast', 'get', 'toToml', 'fromYamlArray', 'fromJsonArray',
  'toDate', 'dateInZone', 'unixEpoch', 'htmlDate', 'duration', 'len', 'first', 'last', 'rest', 'initial', 'append', 'prepend', 'concat',
  'reverse', 'uniq', 'without', 'has', 'compact', 'pluck', 'keys', 'pick', 'omit', 'hasKey', 'sortAlpha', 'join', 'untilStep', 'seq', 'until', 'add', 'sub', 'mul', 'max', 'min', 'biggest', 'lt', 'le', 'gt', 'ge', 'eq', 'ne', 'add1', 'wrapWith', 'abbrevboth',
]);
