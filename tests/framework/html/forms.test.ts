import { describe, expect, it } from "vitest";
import { fieldErrors, formValues, html, input, type FieldError } from "../../../framework/src/html";

const errors: FieldError[] = [
  { location: "form", path: ["email"], message: "Enter an <email> address." },
  { location: "form", path: ["email"], message: "It must contain @." },
  { location: "form", path: "address.city", message: "Which city?" },
  { location: "form", path: ["tags", 1], message: "Tags are short." },
];

describe("fieldErrors", () => {
  it("lists one field's messages, escaped", () => {
    expect(fieldErrors(errors, "email").toString()).toBe(
      '<ul class="errors" id="email-errors"><li>Enter an &lt;email&gt; address.</li><li>It must contain @.</li></ul>',
    );
  });

  it("matches dotted string paths, array paths and list items", () => {
    expect(fieldErrors(errors, "address.city").toString()).toContain("<li>Which city?</li>");
    expect(fieldErrors(errors, "tags").toString()).toContain("<li>Tags are short.</li>");
    expect(fieldErrors(errors, "address").toString()).toBe("");
    const pointed = [{ path: "/address/city", message: "a" }, { path: "#/tags/0", message: "b" }];
    expect(fieldErrors(pointed, "address.city").toString()).toContain("<li>a</li>");
    expect(fieldErrors(pointed, "tags").toString()).toContain("<li>b</li>");
    expect(fieldErrors(errors, "emai").toString()).toBe("");
  });

  it("renders nothing without errors, and reads a whole problem document", () => {
    expect(fieldErrors(undefined, "email").toString()).toBe("");
    expect(fieldErrors([], "email").toString()).toBe("");
    const problem = { type: "about:blank", status: 422, errors: [errors[2]!] };
    expect(fieldErrors(problem, "address.city", { id: "city-problems" }).toString()).toBe(
      '<ul class="errors" id="city-problems"><li>Which city?</li></ul>',
    );
  });
});

describe("input", () => {
  it("renders a labelled input keeping the submitted value, escaped", () => {
    const values = formValues(new URLSearchParams({ name: '"><script>x</script>' }));
    expect(input({ name: "name", label: "Your name", values }).toString()).toBe(
      '<div class="field"><label for="name">Your name</label>'
      + '<input type="text" id="name" name="name" value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"></div>',
    );
  });

  it("marks an invalid field for assistive technology and lists its errors", () => {
    const out = input({ name: "email", type: "email", values: { email: "nope" }, errors, required: true }).toString();
    expect(out).toBe(
      '<div class="field invalid"><input required type="email" id="email" name="email" value="nope" '
      + 'aria-invalid="true" aria-describedby="email-errors">'
      + '<ul class="errors" id="email-errors"><li>Enter an &lt;email&gt; address.</li><li>It must contain @.</li></ul></div>',
    );
  });

  it("keeps an existing aria-describedby and a custom id", () => {
    const out = input({ name: "email", id: "signup-email", errors, "aria-describedby": "email-help" }).toString();
    expect(out).toContain('aria-describedby="email-help signup-email-errors"');
    expect(out).toContain('<ul class="errors" id="signup-email-errors">');
  });

  it("never echoes a password or a file", () => {
    const values = { password: "hunter2", upload: "C:\\secret.txt" };
    expect(input({ name: "password", type: "password", values }).toString()).not.toContain("hunter2");
    expect(input({ name: "password", type: "password", value: "hunter2" }).toString()).not.toContain("hunter2");
    expect(input({ name: "upload", type: "file", values }).toString()).not.toContain("secret");
  });

  it("ticks checkboxes and radios whose value was submitted", () => {
    const values = formValues(new URLSearchParams("terms=on&size=m&tag=a&tag=b"));
    expect(input({ name: "terms", type: "checkbox", values }).toString()).toContain('value="on" checked>');
    expect(input({ name: "size", type: "radio", value: "l", values }).toString()).not.toContain("checked");
    expect(input({ name: "size", type: "radio", value: "m", values }).toString()).toContain('value="m" checked>');
    expect(input({ name: "tag", type: "checkbox", value: "b", values }).toString()).toContain("checked");
    expect(input({ name: "news", type: "checkbox", values }).toString()).not.toContain("checked");
    expect(input({ name: "news", type: "checkbox", checked: true }).toString()).toContain("checked");
  });

  it("shows the first of repeated values in a text input and checks URL attributes", () => {
    expect(input({ name: "q", values: { q: ["first", "second"] } }).toString()).toContain('value="first"');
    expect(input({ name: "go", type: "image", src: "javascript:x" }).toString()).toContain('src="about:invalid#vial-unsafe-url"');
  });

  it("composes into a form that fails safely", () => {
    const values = formValues({ email: "<b>ada</b>" });
    const form = html`<form method="post">${input({ name: "email", label: "Email", values, errors })}<button>Go</button></form>`;
    expect(form.toString()).not.toContain("<b>ada</b>");
    expect(form.toString()).toContain('value="&lt;b&gt;ada&lt;/b&gt;"');
  });
});

describe("formValues", () => {
  it("reads URLSearchParams and FormData, making repeated fields arrays and skipping files", () => {
    expect(formValues(new URLSearchParams("a=1&b=2&b=3"))).toEqual({ a: "1", b: ["2", "3"] });
    const data = new FormData();
    data.append("name", "Ada");
    data.append("avatar", new Blob(["x"]), "a.png");
    data.append("tag", "x");
    data.append("tag", "y");
    expect(formValues(data)).toEqual({ name: "Ada", tag: ["x", "y"] });
  });

  it("reads MultiDict-like objects", () => {
    const multi = { keys: () => ["k", "k"], getAll: (key: string) => (key === "k" ? ["1", "2"] : []) };
    expect(formValues(multi)).toEqual({ k: ["1", "2"] });
    expect(formValues(new Map([["a", "1"]]))).toEqual({ a: "1" });
  });

  it("flattens records, turning values into strings", () => {
    const when = new Date("2024-01-02T03:04:05Z");
    expect(formValues({ age: 36, ok: true, none: null, tags: ["a", 2], address: { city: "London" }, when })).toEqual({
      age: "36", ok: "true", tags: ["a", "2"], "address.city": "London", when: "2024-01-02T03:04:05.000Z",
    });
    expect(formValues(undefined)).toEqual({});
  });
});
