/**
 * Works out, once per template, where each `${}` hole sits in the markup: in text, in an attribute
 * value (quoted or not, and which attribute), between attributes, in a name, or inside `<script>`.
 * It is a cut-down HTML tokenizer (the states of WHATWG HTML §13.2.5 that matter for escaping)
 * run over the template's fixed strings only; interpolated values never change its reading.
 */

/** A hole whose value lands in text (element content, comments, `<textarea>`, `<title>`). */
export interface TextHole {
  kind: "text";
  before: string;
}
/** A hole inside `<script>` or `<style>`, where HTML escaping does not protect anything. */
export interface RawTextHole {
  kind: "raw-text";
  tag: string;
  before: string;
}
/** A hole between attributes, e.g. `<input ${attrs}>`: takes an object of attributes. */
export interface TagHole {
  kind: "tag";
  tag: string;
  before: string;
  /** Whitespace already precedes the hole, so the first attribute needs no space of its own. */
  spaced: boolean;
}
/** A hole in a tag or attribute name, which Vial refuses. */
export interface NameHole {
  kind: "name";
  before: string;
}
/** A hole in an attribute value. */
export interface AttributeHole {
  kind: "attribute";
  before: string;
  /** Lower-case names of the attribute and of its element. */
  name: string;
  tag: string;
  quote: '"' | "'" | "";
  /** Numbers the attribute, so holes sharing one value can be told apart. */
  attributeId: number;
  /** Fixed value text between the previous hole of this value (or its start) and this hole. */
  valueBefore: string;
  /** Fixed value text from this hole to the next hole of this value (or its end). */
  valueAfter: string;
  /** Unquoted and alone (`value=${x} `): an empty value must become `""` or the next attribute slides in. */
  emptyNeedsQuotes: boolean;
}
export type Hole = TextHole | RawTextHole | TagHole | NameHole | AttributeHole;

/** Elements whose content is not parsed as markup; in the first two, escaping cannot help. */
const REFUSING_RAW_TEXT = new Set(["script", "style"]);
const RAW_TEXT = new Set([...REFUSING_RAW_TEXT, "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);

type State =
  | "data"
  | "tag-open"
  | "end-tag-open"
  | "tag-name"
  | "before-attribute-name"
  | "attribute-name"
  | "after-attribute-name"
  | "before-attribute-value"
  | "value-double"
  | "value-single"
  | "value-unquoted"
  | "after-value-quoted"
  | "self-closing"
  | "comment"
  | "bogus-comment"
  | "raw-text";

const WHITESPACE = /[\t\n\f\r ]/;
const ALPHA = /[a-z]/i;

const cache = new WeakMap<TemplateStringsArray, readonly Hole[]>();

/** The holes of a template, analysed on first use and cached by the strings array's identity. */
export function analyseTemplate(strings: TemplateStringsArray): readonly Hole[] {
  let holes = cache.get(strings);
  if (holes === undefined) {
    holes = new Tokenizer().run(strings);
    cache.set(strings, holes);
  }
  return holes;
}

class Tokenizer {
  private state: State = "data";
  private tag = "";
  private isEndTag = false;
  private attribute = "";
  private attributeId = 0;
  private valueText = "";
  private commentText = "";
  /** The last attribute-value hole, while the fixed text after it still belongs to its value. */
  private open: AttributeHole | undefined;
  private openAtStart = false;

  run(strings: readonly string[]): Hole[] {
    const holes: Hole[] = [];
    strings.forEach((chunk, index) => {
      if (index > 0) holes.push(this.hole(strings[index - 1] ?? ""));
      for (let i = 0; i < chunk.length; i++) i = this.step(chunk, i);
    });
    this.endValue();
    return holes;
  }

  /** Classifies the hole at the current position and moves to the state that follows a value there. */
  private hole(previous: string): Hole {
    const before = previous.slice(-40);
    switch (this.state) {
      case "data":
      case "comment":
      case "bogus-comment":
        return { kind: "text", before };
      case "raw-text":
        return REFUSING_RAW_TEXT.has(this.tag) ? { kind: "raw-text", tag: this.tag, before } : { kind: "text", before };
      case "tag-open":
      case "end-tag-open":
      case "tag-name":
        this.state = "tag-name";
        this.tag = "\0dynamic";
        return { kind: "name", before };
      case "attribute-name":
        this.attribute = "\0dynamic";
        return { kind: "name", before };
      case "before-attribute-name":
      case "after-attribute-name":
      case "after-value-quoted":
      case "self-closing":
        this.state = "before-attribute-name";
        return { kind: "tag", tag: this.tag, before, spaced: WHITESPACE.test(previous.slice(-1)) };
      default: {
        const atStart = this.state === "before-attribute-value";
        if (atStart) {
          this.state = "value-unquoted";
          this.valueText = "";
        }
        const hole: AttributeHole = {
          kind: "attribute",
          before,
          name: this.attribute,
          tag: this.tag,
          quote: this.state === "value-double" ? '"' : this.state === "value-single" ? "'" : "",
          attributeId: this.attributeId,
          valueBefore: this.open !== undefined ? this.open.valueAfter : this.valueText,
          valueAfter: "",
          emptyNeedsQuotes: false,
        };
        this.open = hole;
        this.openAtStart = atStart;
        return hole;
      }
    }
  }

  /** Ends the current attribute value (its closing quote, whitespace, `>` or the template end). */
  private endValue(): void {
    const open = this.open;
    // Only a hole right after `=`, followed by nothing but the value's end, decides alone whether
    // the value is empty.
    if (open !== undefined && this.openAtStart && open.quote === "" && open.valueAfter === "") {
      open.emptyNeedsQuotes = true;
    }
    this.open = undefined;
    this.openAtStart = false;
  }

  private valueChar(ch: string): void {
    this.valueText += ch;
    if (this.open !== undefined) this.open.valueAfter += ch;
  }

  private endTag(): void {
    const opensRawText = !this.isEndTag && RAW_TEXT.has(this.tag);
    this.state = opensRawText ? "raw-text" : "data";
  }

  /** Consumes the character at `i` of `chunk`; returns the index of the last character consumed. */
  private step(chunk: string, i: number): number {
    const ch = chunk[i] ?? "";
    switch (this.state) {
      case "data":
        if (ch === "<") this.state = "tag-open";
        return i;
      case "tag-open":
        if (ch === "!") {
          if (chunk.startsWith("--", i + 1)) {
            this.state = "comment";
            this.commentText = "";
            return i + 2;
          }
          this.state = "bogus-comment";
        } else if (ch === "/") this.state = "end-tag-open";
        else if (ALPHA.test(ch)) {
          this.state = "tag-name";
          this.tag = ch.toLowerCase();
          this.isEndTag = false;
        } else if (ch === "?") this.state = "bogus-comment";
        else {
          this.state = "data";
          return i - 1;
        }
        return i;
      case "end-tag-open":
        if (ALPHA.test(ch)) {
          this.state = "tag-name";
          this.tag = ch.toLowerCase();
          this.isEndTag = true;
        } else this.state = ch === ">" ? "data" : "bogus-comment";
        return i;
      case "tag-name":
        if (WHITESPACE.test(ch)) this.state = "before-attribute-name";
        else if (ch === "/") this.state = "self-closing";
        else if (ch === ">") this.endTag();
        else this.tag += ch.toLowerCase();
        return i;
      case "before-attribute-name":
      case "after-attribute-name":
        if (WHITESPACE.test(ch)) return i;
        if (ch === "/") this.state = "self-closing";
        else if (ch === ">") this.endTag();
        else if (ch === "=" && this.state === "after-attribute-name") this.state = "before-attribute-value";
        else {
          this.state = "attribute-name";
          this.attribute = ch.toLowerCase();
          this.attributeId++;
        }
        return i;
      case "attribute-name":
        if (WHITESPACE.test(ch)) this.state = "after-attribute-name";
        else if (ch === "/") this.state = "self-closing";
        else if (ch === ">") this.endTag();
        else if (ch === "=") this.state = "before-attribute-value";
        else this.attribute += ch.toLowerCase();
        return i;
      case "before-attribute-value":
        if (WHITESPACE.test(ch)) return i;
        this.valueText = "";
        if (ch === '"') this.state = "value-double";
        else if (ch === "'") this.state = "value-single";
        else if (ch === ">") this.endTag();
        else {
          this.state = "value-unquoted";
          return i - 1;
        }
        return i;
      case "value-double":
      case "value-single":
        if (ch === (this.state === "value-double" ? '"' : "'")) {
          this.endValue();
          this.state = "after-value-quoted";
        } else this.valueChar(ch);
        return i;
      case "value-unquoted":
        if (WHITESPACE.test(ch)) {
          this.endValue();
          this.state = "before-attribute-name";
        } else if (ch === ">") {
          this.endValue();
          this.endTag();
        } else this.valueChar(ch);
        return i;
      case "after-value-quoted":
      case "self-closing":
        if (ch === ">") {
          this.endTag();
          return i;
        }
        if (this.state === "after-value-quoted" && ch === "/") {
          this.state = "self-closing";
          return i;
        }
        this.state = "before-attribute-name";
        return i - 1;
      case "comment":
        if (ch === ">" && /(?:^-?|--!?)$/.test(this.commentText)) this.state = "data";
        else this.commentText += ch;
        return i;
      case "bogus-comment":
        if (ch === ">") this.state = "data";
        return i;
      case "raw-text": {
        const close = new RegExp(`^</${this.tag}[\\t\\n\\f\\r />]`, "i");
        if (ch === "<" && close.test(chunk.slice(i, i + this.tag.length + 3))) {
          this.state = "tag-name";
          this.isEndTag = true;
          return i + this.tag.length + 1;
        }
        return i;
      }
    }
  }
}
