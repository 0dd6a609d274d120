// --set family parsing, checked against the oracle (helm mode, `{{ toJson .Values }}`).
import { describe, expect, it } from 'vitest';
import { StrvalsError, applySets, type SetOptions } from '../../src/chart/strvals.js';
import { type GoValue } from '../../src/template/value.js';
import { marshalJson } from '../../src/yaml/json.js';
import { askOracle, haveOracle } from './oracle.js';

type Case = { name: string; set?: string[]; setString?: string[]; setJson?: string[]; setLiteral?: string[]; values?: object };

const cases: Case[] = [
  { name: 'simple', set: ['a=b'] },
  { name: 'types', set: ['a=true,b=FALSE,c=null,d=0,e=12,f=012,g=1.5,h=-3,i=+4,j=9223372036854775808'] },
  { name: 'nested', set: ['a.b.c=1,a.b.d=x'] },
  { name: 'list', set: ['a={x,y,z}'] },
  { name: 'list then', set: ['a={x,y},b=2'] },
  { name: 'index', set: ['a[0]=x,a[2]=z'] },
  { name: 'index nested', set: ['a[1].b=1,a[1].c=2'] },
  { name: 'index index', set: ['a[0][1]=x'] },
  { name: 'escape', set: ['a=x\\,y,b\\.c=1'] },
  { name: 'empty value', set: ['a='] },
  { name: 'empty then', set: ['a=,b=1'] },
  { name: 'no value', set: ['a'] },
  { name: 'trailing comma', set: ['a=1,'] },
  { name: 'comma key', set: ['a,b=1'] },
  { name: 'bad index', set: ['a[x]=1'] },
  { name: 'negative index', set: ['a[-1]=1'] },
  { name: 'huge index', set: ['a[65537]=1'] },
  { name: 'max index ok', set: ['a[3]=1'] },
  { name: 'data after index', set: ['a[0]b=1'] },
  { name: 'unterminated list', set: ['a={x,y'] },
  { name: 'deep', set: [Array.from({ length: 32 }, (_, i) => 'k' + i).join('.') + '=1'] },
  { name: 'deep ok', set: [Array.from({ length: 30 }, (_, i) => 'k' + i).join('.') + '=1'] },
  { name: 'map over string', set: ['a=1', 'a.b=2'] },
  { name: 'list over map', set: ['a.b=1', 'a[0]=2'] },
  { name: 'map over file value', values: { a: 'x' }, set: ['a.b=1'] },
  { name: 'null over map', set: ['a=null', 'a.b=1'] },
  { name: 'key map no value', set: ['a.=1'] },
  { name: 'string', setString: ['a=true,b=1,c=null,d={1,2}'] },
  { name: 'json', setJson: ['a={"b":[1,2,{"c":null}]},d="e"'] },
  { name: 'json scalars', setJson: ['a=1e3', 'b=true', 'c=null', 'd=  "x"'] },
  { name: 'json empty', setJson: ['a=,b=2'] },
  { name: 'json bad', setJson: ['a={x}'] },
  { name: 'json index', setJson: ['a[1]={"x":1}'] },
  { name: 'json leading zero', setJson: ['a=01'] },
  { name: 'literal', setLiteral: ['a.b=x,y={z}\\n'] },
  { name: 'literal index', setLiteral: ['a[1]=x,y'] },
  { name: 'literal no value', setLiteral: ['a.b'] },
  { name: 'order', setJson: ['a=1'], set: ['a=2'], setString: ['a=3'], setLiteral: ['b=4'] },
  { name: 'proto key', set: ['__proto__.x=1,constructor=2'] },
  { name: 'unicode', set: ['ключ=значение,a=é'] },
  { name: 'fold', set: ['a=falſe'] },
];

function ours(c: Case): { out: string; error: string | null } {
  const base = new Map<string, GoValue>();
  if (c.values) for (const [k, v] of Object.entries(c.values)) base.set(k, v as GoValue);
  try {
    applySets(base, c as SetOptions);
  } catch (e) {
    if (e instanceof StrvalsError) return { out: '', error: e.message };
    throw e;
  }
  return { out: marshalJson(base), error: null };
}

describe.runIf(haveOracle)('strvals vs oracle', () => {
  const answers = askOracle(
    cases.map((c, i) => ({ id: i, mode: 'helm', templates: { t: '{{ toJson .Values }}' }, ...c, name: undefined })),
  );
  for (const [i, c] of cases.entries()) {
    it(c.name, () => {
      const want = answers[i]!;
      const got = ours(c);
      if (want.error !== null) expect(got.error).toBe(want.helmError ?? want.error);
      else {
        expect(got.error).toBeNull();
        expect(got.out).toBe(want.outputs.t);
      }
    });
  }
});
