import { createHighlighter } from "shiki";
const h = await createHighlighter({ themes: ["github-light-default", "github-dark-default", "github-light", "github-dark"], langs: ["ts"] });
const t = h.codeToTokensWithThemes('import { Vial } from "vial";', { lang: "ts", themes: { light: "github-light-default", dark: "github-dark-default" } });
console.log(JSON.stringify(t[0].map(x => [x.content, x.variants])));
console.log(h.codeToHtml('import { Vial } from "vial";', { lang: "ts", themes: { dark: "github-dark-default", light: "github-light-default" }, defaultColor: false }));
console.log(h.codeToHtml('import { Vial } from "vial";', { lang: "ts", themes: { light: "github-light", dark: "github-dark" }, defaultColor: false }));
