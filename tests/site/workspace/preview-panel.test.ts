import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { previewStore } from "../../../site/state/preview-store";
import { PreviewPanel } from "../../../site/workspace/preview-panel";

describe("PreviewPanel", () => {
  afterEach(() => previewStore.set({ baseUrl: null, path: "/", reloads: 0 }));

  it("delegates cross-origin isolation to the preview frame, as a WebContainer preview needs", () => {
    previewStore.set({ baseUrl: "https://abc--3000--1234.local-corp.webcontainer-api.io", path: "/users", reloads: 1 });
    const html = renderToStaticMarkup(createElement(PreviewPanel, { onReload: () => {} }));
    expect(html).toMatch(/<iframe[^>]* allow="cross-origin-isolated"/);
    expect(html).toContain('src="https://abc--3000--1234.local-corp.webcontainer-api.io/users"');
  });
});
