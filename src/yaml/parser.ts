/**
 * go-yaml v2's parser (gopkg.in/yaml.v2 parserc.go): the state machine that turns the
 * scanner's tokens into events, with go-yaml's error texts and marks. Ported state by
 * state; errors are thrown as YamlSyntaxError instead of being returned as false.
 */
import { ErrorKind, type Mark, ScalarStyle, Scanner, type Token, TokenType, YamlSyntaxError } from './scanner.js';

/** EventType mirrors yaml_event_type_t. */
export const enum EventType {
  NO_EVENT,
  STREAM_START,
  STREAM_END,
  DOCUMENT_START,
  DOCUMENT_END,
  ALIAS,
  SCALAR,
  SEQUENCE_START,
  SEQUENCE_END,
  MAPPING_START,
  MAPPING_END,
}

/** YamlEvent is yaml_event_t (the fields the decoder uses). */
export interface YamlEvent {
  typ: EventType;
  startMark: Mark;
  endMark: Mark;
  anchor: string;
  tag: string;
  value: string;
  /** plain_implicit for scalars; implicit for collections and documents. */
  implicit: boolean;
  quotedImplicit: boolean;
  style: ScalarStyle;
}

const enum State {
  STREAM_START,
  IMPLICIT_DOCUMENT_START,
  DOCUMENT_START,
  DOCUMENT_CONTENT,
  DOCUMENT_END,
  BLOCK_NODE,
  BLOCK_NODE_OR_INDENTLESS_SEQUENCE,
  FLOW_NODE,
  BLOCK_SEQUENCE_FIRST_ENTRY,
  BLOCK_SEQUENCE_ENTRY,
  INDENTLESS_SEQUENCE_ENTRY,
  BLOCK_MAPPING_FIRST_KEY,
  BLOCK_MAPPING_KEY,
  BLOCK_MAPPING_VALUE,
  FLOW_SEQUENCE_FIRST_ENTRY,
  FLOW_SEQUENCE_ENTRY,
  FLOW_SEQUENCE_ENTRY_MAPPING_KEY,
  FLOW_SEQUENCE_ENTRY_MAPPING_VALUE,
  FLOW_SEQUENCE_ENTRY_MAPPING_END,
  FLOW_MAPPING_FIRST_KEY,
  FLOW_MAPPING_KEY,
  FLOW_MAPPING_VALUE,
  FLOW_MAPPING_EMPTY_VALUE,
  END,
}

interface TagDirective {
  handle: string;
  prefix: string;
}

const defaultTagDirectives: TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

function ev(typ: EventType, startMark: Mark, endMark: Mark, extra?: Partial<YamlEvent>): YamlEvent {
  return {
    typ,
    startMark,
    endMark,
    anchor: extra?.anchor ?? '',
    tag: extra?.tag ?? '',
    value: extra?.value ?? '',
    implicit: extra?.implicit ?? false,
    quotedImplicit: extra?.quotedImplicit ?? false,
    style: extra?.style ?? ScalarStyle.ANY,
  };
}

/** Parser is yaml_parser_t's parser half over a Scanner. */
export class Parser {
  readonly scanner: Scanner;
  private state = State.STREAM_START;
  private states: State[] = [];
  private marks: Mark[] = [];
  private tagDirectives: TagDirective[] = [];
  private streamEndProduced = false;

  constructor(input: Uint8Array) {
    this.scanner = new Scanner(input);
  }

  /** parse is yaml_parser_parse: the next event, or undefined after the stream end. */
  parse(): YamlEvent | undefined {
    if (this.streamEndProduced || this.state === State.END) return undefined;
    const e = this.stateMachine();
    if (e.typ === EventType.STREAM_END) this.streamEndProduced = true;
    return e;
  }

  private peek(): Token {
    return this.scanner.peekToken();
  }

  private skip(): void {
    this.scanner.skipToken();
  }

  private error(problem: string, problemMark: Mark): never {
    throw new YamlSyntaxError(ErrorKind.PARSER, problem, problemMark, '', undefined);
  }

  private errorContext(context: string, contextMark: Mark, problem: string, problemMark: Mark): never {
    throw new YamlSyntaxError(ErrorKind.PARSER, problem, problemMark, context, contextMark);
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  private stateMachine(): YamlEvent {
    switch (this.state) {
      case State.STREAM_START:
        return this.parseStreamStart();
      case State.IMPLICIT_DOCUMENT_START:
        return this.parseDocumentStart(true);
      case State.DOCUMENT_START:
        return this.parseDocumentStart(false);
      case State.DOCUMENT_CONTENT:
        return this.parseDocumentContent();
      case State.DOCUMENT_END:
        return this.parseDocumentEnd();
      case State.BLOCK_NODE:
        return this.parseNode(true, false);
      case State.BLOCK_NODE_OR_INDENTLESS_SEQUENCE:
        return this.parseNode(true, true);
      case State.FLOW_NODE:
        return this.parseNode(false, false);
      case State.BLOCK_SEQUENCE_FIRST_ENTRY:
        return this.parseBlockSequenceEntry(true);
      case State.BLOCK_SEQUENCE_ENTRY:
        return this.parseBlockSequenceEntry(false);
      case State.INDENTLESS_SEQUENCE_ENTRY:
        return this.parseIndentlessSequenceEntry();
      case State.BLOCK_MAPPING_FIRST_KEY:
        return this.parseBlockMappingKey(true);
      case State.BLOCK_MAPPING_KEY:
        return this.parseBlockMappingKey(false);
      case State.BLOCK_MAPPING_VALUE:
        return this.parseBlockMappingValue();
      case State.FLOW_SEQUENCE_FIRST_ENTRY:
        return this.parseFlowSequenceEntry(true);
      case State.FLOW_SEQUENCE_ENTRY:
        return this.parseFlowSequenceEntry(false);
      case State.FLOW_SEQUENCE_ENTRY_MAPPING_KEY:
        return this.parseFlowSequenceEntryMappingKey();
      case State.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE:
        return this.parseFlowSequenceEntryMappingValue();
      case State.FLOW_SEQUENCE_ENTRY_MAPPING_END:
        return this.parseFlowSequenceEntryMappingEnd();
      case State.FLOW_MAPPING_FIRST_KEY:
        return this.parseFlowMappingKey(true);
      case State.FLOW_MAPPING_KEY:
        return this.parseFlowMappingKey(false);
      case State.FLOW_MAPPING_VALUE:
        return this.parseFlowMappingValue(false);
      case State.FLOW_MAPPING_EMPTY_VALUE:
        return this.parseFlowMappingValue(true);
      default:
        throw new Error('invalid parser state');
    }
  }

  private parseStreamStart(): YamlEvent {
    const token = this.peek();
    if (token.typ !== TokenType.STREAM_START) this.error('did not find expected <stream-start>', token.startMark);
    this.state = State.IMPLICIT_DOCUMENT_START;
    this.skip();
    return ev(EventType.STREAM_START, token.startMark, token.endMark);
  }

  private parseDocumentStart(implicit: boolean): YamlEvent {
    let token = this.peek();
    if (!implicit) {
      while (token.typ === TokenType.DOCUMENT_END) {
        this.skip();
        token = this.peek();
      }
    }
    if (
      implicit &&
      token.typ !== TokenType.VERSION_DIRECTIVE &&
      token.typ !== TokenType.TAG_DIRECTIVE &&
      token.typ !== TokenType.DOCUMENT_START &&
      token.typ !== TokenType.STREAM_END
    ) {
      this.processDirectives();
      this.states.push(State.DOCUMENT_END);
      this.state = State.BLOCK_NODE;
      return ev(EventType.DOCUMENT_START, token.startMark, token.endMark, { implicit: true });
    }
    if (token.typ !== TokenType.STREAM_END) {
      const start = token.startMark;
      this.processDirectives();
      token = this.peek();
      if (token.typ !== TokenType.DOCUMENT_START) this.error('did not find expected <document start>', token.startMark);
      this.states.push(State.DOCUMENT_END);
      this.state = State.DOCUMENT_CONTENT;
      const end = token.endMark;
      this.skip();
      return ev(EventType.DOCUMENT_START, start, end, { implicit: false });
    }
    this.state = State.END;
    this.skip();
    return ev(EventType.STREAM_END, token.startMark, token.endMark);
  }

  private parseDocumentContent(): YamlEvent {
    const token = this.peek();
    if (
      token.typ === TokenType.VERSION_DIRECTIVE ||
      token.typ === TokenType.TAG_DIRECTIVE ||
      token.typ === TokenType.DOCUMENT_START ||
      token.typ === TokenType.DOCUMENT_END ||
      token.typ === TokenType.STREAM_END
    ) {
      this.popState();
      return this.emptyScalar(token.startMark);
    }
    return this.parseNode(true, false);
  }

  private parseDocumentEnd(): YamlEvent {
    const token = this.peek();
    const start = token.startMark;
    let end = token.startMark;
    let implicit = true;
    if (token.typ === TokenType.DOCUMENT_END) {
      end = token.endMark;
      this.skip();
      implicit = false;
    }
    this.tagDirectives = [];
    this.state = State.DOCUMENT_START;
    return ev(EventType.DOCUMENT_END, start, end, { implicit });
  }

  private parseNode(block: boolean, indentlessSequence: boolean): YamlEvent {
    let token = this.peek();
    if (token.typ === TokenType.ALIAS) {
      this.popState();
      this.skip();
      return ev(EventType.ALIAS, token.startMark, token.endMark, { anchor: token.value ?? '' });
    }
    let start = token.startMark;
    let end = token.startMark;
    let tagToken = false;
    let tagHandle = '';
    let tagSuffix = '';
    let anchor = '';
    let tagMark = start;
    if (token.typ === TokenType.ANCHOR) {
      anchor = token.value ?? '';
      start = token.startMark;
      end = token.endMark;
      this.skip();
      token = this.peek();
      if (token.typ === TokenType.TAG) {
        tagToken = true;
        tagHandle = token.value ?? '';
        tagSuffix = token.suffix ?? '';
        tagMark = token.startMark;
        end = token.endMark;
        this.skip();
        token = this.peek();
      }
    } else if (token.typ === TokenType.TAG) {
      tagToken = true;
      tagHandle = token.value ?? '';
      tagSuffix = token.suffix ?? '';
      start = token.startMark;
      tagMark = token.startMark;
      end = token.endMark;
      this.skip();
      token = this.peek();
      if (token.typ === TokenType.ANCHOR) {
        anchor = token.value ?? '';
        end = token.endMark;
        this.skip();
        token = this.peek();
      }
    }
    let tag = '';
    if (tagToken) {
      if (tagHandle.length === 0) {
        tag = tagSuffix;
      } else {
        for (const d of this.tagDirectives) {
          if (d.handle === tagHandle) {
            tag = d.prefix + tagSuffix;
            break;
          }
        }
        if (tag.length === 0) this.errorContext('while parsing a node', start, 'found undefined tag handle', tagMark);
      }
    }
    const implicit = tag.length === 0;
    if (indentlessSequence && token.typ === TokenType.BLOCK_ENTRY) {
      end = token.endMark;
      this.state = State.INDENTLESS_SEQUENCE_ENTRY;
      return ev(EventType.SEQUENCE_START, start, end, { anchor, tag, implicit });
    }
    if (token.typ === TokenType.SCALAR) {
      let plainImplicit = false;
      let quotedImplicit = false;
      end = token.endMark;
      if ((tag.length === 0 && token.style === ScalarStyle.PLAIN) || tag === '!') plainImplicit = true;
      else if (tag.length === 0) quotedImplicit = true;
      this.popState();
      this.skip();
      return ev(EventType.SCALAR, start, end, {
        anchor,
        tag,
        value: token.value ?? '',
        implicit: plainImplicit,
        quotedImplicit,
        style: token.style ?? ScalarStyle.PLAIN,
      });
    }
    if (token.typ === TokenType.FLOW_SEQUENCE_START) {
      this.state = State.FLOW_SEQUENCE_FIRST_ENTRY;
      return ev(EventType.SEQUENCE_START, start, token.endMark, { anchor, tag, implicit });
    }
    if (token.typ === TokenType.FLOW_MAPPING_START) {
      this.state = State.FLOW_MAPPING_FIRST_KEY;
      return ev(EventType.MAPPING_START, start, token.endMark, { anchor, tag, implicit });
    }
    if (block && token.typ === TokenType.BLOCK_SEQUENCE_START) {
      this.state = State.BLOCK_SEQUENCE_FIRST_ENTRY;
      return ev(EventType.SEQUENCE_START, start, token.endMark, { anchor, tag, implicit });
    }
    if (block && token.typ === TokenType.BLOCK_MAPPING_START) {
      this.state = State.BLOCK_MAPPING_FIRST_KEY;
      return ev(EventType.MAPPING_START, start, token.endMark, { anchor, tag, implicit });
    }
    if (anchor.length > 0 || tag.length > 0) {
      this.popState();
      return ev(EventType.SCALAR, start, end, { anchor, tag, implicit, quotedImplicit: false, style: ScalarStyle.PLAIN });
    }
    this.errorContext(
      block ? 'while parsing a block node' : 'while parsing a flow node',
      start,
      'did not find expected node content',
      token.startMark,
    );
  }

  private parseBlockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().startMark);
      this.skip();
    }
    let token = this.peek();
    if (token.typ === TokenType.BLOCK_ENTRY) {
      const mark = token.endMark;
      this.skip();
      token = this.peek();
      if (token.typ !== TokenType.BLOCK_ENTRY && token.typ !== TokenType.BLOCK_END) {
        this.states.push(State.BLOCK_SEQUENCE_ENTRY);
        return this.parseNode(true, false);
      }
      this.state = State.BLOCK_SEQUENCE_ENTRY;
      return this.emptyScalar(mark);
    }
    if (token.typ === TokenType.BLOCK_END) {
      this.popState();
      this.marks.pop();
      this.skip();
      return ev(EventType.SEQUENCE_END, token.startMark, token.endMark);
    }
    const contextMark = this.marks.pop()!;
    this.errorContext('while parsing a block collection', contextMark, "did not find expected '-' indicator", token.startMark);
  }

  private parseIndentlessSequenceEntry(): YamlEvent {
    let token = this.peek();
    if (token.typ === TokenType.BLOCK_ENTRY) {
      const mark = token.endMark;
      this.skip();
      token = this.peek();
      if (
        token.typ !== TokenType.BLOCK_ENTRY &&
        token.typ !== TokenType.KEY &&
        token.typ !== TokenType.VALUE &&
        token.typ !== TokenType.BLOCK_END
      ) {
        this.states.push(State.INDENTLESS_SEQUENCE_ENTRY);
        return this.parseNode(true, false);
      }
      this.state = State.INDENTLESS_SEQUENCE_ENTRY;
      return this.emptyScalar(mark);
    }
    this.popState();
    return ev(EventType.SEQUENCE_END, token.startMark, token.startMark);
  }

  private parseBlockMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().startMark);
      this.skip();
    }
    let token = this.peek();
    if (token.typ === TokenType.KEY) {
      const mark = token.endMark;
      this.skip();
      token = this.peek();
      if (token.typ !== TokenType.KEY && token.typ !== TokenType.VALUE && token.typ !== TokenType.BLOCK_END) {
        this.states.push(State.BLOCK_MAPPING_VALUE);
        return this.parseNode(true, true);
      }
      this.state = State.BLOCK_MAPPING_VALUE;
      return this.emptyScalar(mark);
    }
    if (token.typ === TokenType.BLOCK_END) {
      this.popState();
      this.marks.pop();
      this.skip();
      return ev(EventType.MAPPING_END, token.startMark, token.endMark);
    }
    const contextMark = this.marks.pop()!;
    this.errorContext('while parsing a block mapping', contextMark, 'did not find expected key', token.startMark);
  }

  private parseBlockMappingValue(): YamlEvent {
    let token = this.peek();
    if (token.typ === TokenType.VALUE) {
      const mark = token.endMark;
      this.skip();
      token = this.peek();
      if (token.typ !== TokenType.KEY && token.typ !== TokenType.VALUE && token.typ !== TokenType.BLOCK_END) {
        this.states.push(State.BLOCK_MAPPING_KEY);
        return this.parseNode(true, true);
      }
      this.state = State.BLOCK_MAPPING_KEY;
      return this.emptyScalar(mark);
    }
    this.state = State.BLOCK_MAPPING_KEY;
    return this.emptyScalar(token.startMark);
  }

  private parseFlowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().startMark);
      this.skip();
    }
    let token = this.peek();
    if (token.typ !== TokenType.FLOW_SEQUENCE_END) {
      if (!first) {
        if (token.typ === TokenType.FLOW_ENTRY) {
          this.skip();
          token = this.peek();
        } else {
          const contextMark = this.marks.pop()!;
          this.errorContext('while parsing a flow sequence', contextMark, "did not find expected ',' or ']'", token.startMark);
        }
      }
      if (token.typ === TokenType.KEY) {
        this.state = State.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
        this.skip();
        return ev(EventType.MAPPING_START, token.startMark, token.endMark, { implicit: true });
      } else if (token.typ !== TokenType.FLOW_SEQUENCE_END) {
        this.states.push(State.FLOW_SEQUENCE_ENTRY);
        return this.parseNode(false, false);
      }
    }
    this.popState();
    this.marks.pop();
    this.skip();
    return ev(EventType.SEQUENCE_END, token.startMark, token.endMark);
  }

  private parseFlowSequenceEntryMappingKey(): YamlEvent {
    const token = this.peek();
    if (token.typ !== TokenType.VALUE && token.typ !== TokenType.FLOW_ENTRY && token.typ !== TokenType.FLOW_SEQUENCE_END) {
      this.states.push(State.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
      return this.parseNode(false, false);
    }
    const mark = token.endMark;
    this.skip();
    this.state = State.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
    return this.emptyScalar(mark);
  }

  private parseFlowSequenceEntryMappingValue(): YamlEvent {
    const token = this.peek();
    if (token.typ === TokenType.VALUE) {
      this.skip();
      const t2 = this.peek();
      if (t2.typ !== TokenType.FLOW_ENTRY && t2.typ !== TokenType.FLOW_SEQUENCE_END) {
        this.states.push(State.FLOW_SEQUENCE_ENTRY_MAPPING_END);
        return this.parseNode(false, false);
      }
    }
    this.state = State.FLOW_SEQUENCE_ENTRY_MAPPING_END;
    // Go: the outer token (already skipped when it was the value indicator) gives the mark.
    return this.emptyScalar(token.startMark);
  }

  private parseFlowSequenceEntryMappingEnd(): YamlEvent {
    const token = this.peek();
    this.state = State.FLOW_SEQUENCE_ENTRY;
    return ev(EventType.MAPPING_END, token.startMark, token.startMark);
  }

  private parseFlowMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().startMark);
      this.skip();
    }
    let token = this.peek();
    if (token.typ !== TokenType.FLOW_MAPPING_END) {
      if (!first) {
        if (token.typ === TokenType.FLOW_ENTRY) {
          this.skip();
          token = this.peek();
        } else {
          const contextMark = this.marks.pop()!;
          this.errorContext('while parsing a flow mapping', contextMark, "did not find expected ',' or '}'", token.startMark);
        }
      }
      if (token.typ === TokenType.KEY) {
        this.skip();
        token = this.peek();
        if (token.typ !== TokenType.VALUE && token.typ !== TokenType.FLOW_ENTRY && token.typ !== TokenType.FLOW_MAPPING_END) {
          this.states.push(State.FLOW_MAPPING_VALUE);
          return this.parseNode(false, false);
        }
        this.state = State.FLOW_MAPPING_VALUE;
        return this.emptyScalar(token.startMark);
      } else if (token.typ !== TokenType.FLOW_MAPPING_END) {
        this.states.push(State.FLOW_MAPPING_EMPTY_VALUE);
        return this.parseNode(false, false);
      }
    }
    this.popState();
    this.marks.pop();
    this.skip();
    return ev(EventType.MAPPING_END, token.startMark, token.endMark);
  }

  private parseFlowMappingValue(empty: boolean): YamlEvent {
    let token = this.peek();
    if (empty) {
      this.state = State.FLOW_MAPPING_KEY;
      return this.emptyScalar(token.startMark);
    }
    if (token.typ === TokenType.VALUE) {
      this.skip();
      token = this.peek();
      if (token.typ !== TokenType.FLOW_ENTRY && token.typ !== TokenType.FLOW_MAPPING_END) {
        this.states.push(State.FLOW_MAPPING_KEY);
        return this.parseNode(false, false);
      }
    }
    this.state = State.FLOW_MAPPING_KEY;
    return this.emptyScalar(token.startMark);
  }

  private emptyScalar(mark: Mark): YamlEvent {
    return ev(EventType.SCALAR, mark, mark, { implicit: true, style: ScalarStyle.PLAIN });
  }

  private processDirectives(): void {
    let sawVersion = false;
    let token = this.peek();
    while (token.typ === TokenType.VERSION_DIRECTIVE || token.typ === TokenType.TAG_DIRECTIVE) {
      if (token.typ === TokenType.VERSION_DIRECTIVE) {
        if (sawVersion) this.error('found duplicate %YAML directive', token.startMark);
        if (token.major !== 1 || token.minor !== 1) this.error('found incompatible YAML document', token.startMark);
        sawVersion = true;
      } else {
        this.appendTagDirective({ handle: token.value ?? '', prefix: token.prefix ?? '' }, false, token.startMark);
      }
      this.skip();
      token = this.peek();
    }
    for (const d of defaultTagDirectives) this.appendTagDirective(d, true, token.startMark);
  }

  private appendTagDirective(value: TagDirective, allowDuplicates: boolean, mark: Mark): void {
    for (const d of this.tagDirectives) {
      if (d.handle === value.handle) {
        if (allowDuplicates) return;
        this.error('found duplicate %TAG directive', mark);
      }
    }
    this.tagDirectives.push({ handle: value.handle, prefix: value.prefix });
  }
}
