import { describe, expect, it } from "vitest";
import { analyseTemplate } from "../../../framework/src/html/context";

const holes = (strings: TemplateStringsArray, ..._values: unknown[]) => analyseTemplate(strings);

describe("analyseTemplate", () => {
  it("finds text, attribute, tag, name and raw-text holes", () => {
    const found = holes`<p class="${1}" id='${2}' title=${3} ${4}>${5}</p><${6}><script>${7}</script><!-- ${8} -->`;
    expect(found.map((hole) => hole.kind)).toEqual(["attribute", "attribute", "attribute", "tag", "text", "name", "raw-text", "text"]);
    expect(found.slice(0, 3).map((hole) => hole.kind === "attribute" && hole.quote)).toEqual(['"', "'", ""]);
  });

  it("records attribute and element names in lower case", () => {
    const [hole] = holes`<A HREF="${1}">`;
    expect(hole).toMatchObject({ kind: "attribute", name: "href", tag: "a" });
  });

  it("records the fixed value text around URL holes", () => {
    const [first, second] = holes`<a href="/u/${1}?tab=${2}#x">`;
    expect(first).toMatchObject({ valueBefore: "/u/", valueAfter: "?tab=" });
    expect(second).toMatchObject({ valueBefore: "?tab=", valueAfter: "#x" });
    expect(first?.kind === "attribute" && second?.kind === "attribute" && first.attributeId === second.attributeId).toBe(true);
  });

  it("treats `<` not starting a tag as text", () => {
    expect(holes`a < b ${1} <3 ${2}`.map((hole) => hole.kind)).toEqual(["text", "text"]);
  });

  it("reads raw-text elements to their end tag only", () => {
    expect(holes`<textarea><b title="${1}"></textarea><b title="${2}">`.map((hole) => hole.kind)).toEqual(["text", "attribute"]);
    expect(holes`<style>${1}</style>${2}`.map((hole) => hole.kind)).toEqual(["raw-text", "text"]);
  });

  it("analyses each strings array once and caches by identity", () => {
    const template = (value: unknown) => holes`<p>${value}</p>`;
    expect(template(1)).toBe(template(2));
    expect(holes`<p>${1}</p>`).not.toBe(holes`<p>${1}</p>`);
  });
});
