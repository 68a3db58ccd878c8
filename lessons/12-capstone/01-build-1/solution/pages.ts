import { csrfToken, html, type HtmlString, type VialRequest } from "vial";

/** The page around every view. */
export function layout(title: string, body: HtmlString): HtmlString {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title} · Notebook</title></head>
<body>
${body}
</body>
</html>`;
}

/** The hidden field every form that POSTs carries: `csrf()` refuses a form without it. */
export function csrfField(req: VialRequest): HtmlString {
  return html`<input type="hidden" name="csrf_token" value="${csrfToken(req)}">`;
}
