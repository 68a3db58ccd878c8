import { describe, expect, it } from "vitest";
import { injectionsIn, markerInCode, urlScheme } from "../../../../sandbox/grader/attack/html-judge";

describe("injectionsIn", () => {
  it("finds event handlers, injected elements, script URLs and script code that carry the marker", () => {
    const page = `<p><img src=x onerror="mk1()"></p><mk1>hi</mk1><a href=" java\tscript:mk1()">x</a>
      <script>const a = ""-mk1()-"";</script><iframe srcdoc="<b>mk1</b>"></iframe>`;
    expect(injectionsIn(page, "mk1").map((found) => found.what).sort()).toEqual([
      "a javascript: URL in the href of <a>",
      "an element <mk1> made from the input",
      "an event handler attribute onerror= on <img>",
      "the input inside the srcdoc attribute of <iframe>",
      "the input running as code inside a <script>",
    ]);
  });

  it("ignores the marker where it is only text or data", () => {
    const page = `<p>&lt;img src=x onerror=mk1()&gt;</p><input value="&quot; onmouseover=&quot;mk1()">
      <a href="/search?q=javascript:mk1()">x</a><script>const a = "\\u003c/script>mk1()";</script>
      <script type="application/json">{"a": mk1}</script><textarea><img onerror=mk1()></textarea>`;
    expect(injectionsIn(page, "mk1")).toEqual([]);
  });
});

describe("urlScheme", () => {
  it("reads the scheme as a browser does, ignoring tabs, newlines and leading controls", () => {
    expect(urlScheme(" java\tscr\nipt:alert(1)")).toBe("javascript");
    expect(urlScheme("\u0001JavaScript:x")).toBe("javascript");
    expect(urlScheme("/path:with-colon")).toBeUndefined();
  });
});

describe("markerInCode", () => {
  it("tells code from strings and comments", () => {
    expect(markerInCode('const a = "mk()";', "mk")).toBe(false);
    expect(markerInCode("const a = 'it\\'s mk()';", "mk")).toBe(false);
    expect(markerInCode("// mk()\n/* mk() */ const a = 1;", "mk")).toBe(false);
    expect(markerInCode('const a = ""-mk()-"";', "mk")).toBe(true);
    expect(markerInCode("const a = `${1}`; mk()", "mk")).toBe(true);
  });
});
