/**
 * A map that keeps every value given for a key, in order, like Werkzeug's `MultiDict`: query
 * strings and forms may repeat a key (`?tag=a&tag=b`), and `get` still answers with the first.
 *
 * @example
 * ```ts
 * import { MultiDict } from "vial";
 * const query = new MultiDict(new URLSearchParams("tag=a&tag=b&page=2"));
 * query.get("tag");    // "a"
 * query.getAll("tag"); // ["a", "b"]
 * query.toObject();    // { tag: ["a", "b"], page: "2" }
 * ```
 */
export class MultiDict<V> implements Iterable<[string, V]> {
  readonly #pairs: [string, V][] = [];
  readonly #byKey = new Map<string, V[]>();

  /**
   * @example
   * ```ts
   * const tags = new MultiDict([["tag", "a"], ["tag", "b"], ["q", "x"]]);
   * tags.get("tag");    // "a"
   * tags.getAll("tag"); // ["a", "b"]
   * ```
   */
  constructor(entries?: Iterable<readonly [string, V]>) {
    if (entries) for (const [key, value] of entries) this.append(key, value);
  }

  /** The first value for `key`, or `undefined`. @example `form.get("name")` */
  get(key: string): V | undefined {
    return this.#byKey.get(key)?.[0];
  }

  /** Every value for `key` in order (a new array; empty when absent). @example `form.getAll("tag")` */
  getAll(key: string): V[] {
    return [...(this.#byKey.get(key) ?? [])];
  }

  /** Whether `key` has at least one value. @example `form.has("remember")` */
  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  /** Adds a value after those already there. @example `form.append("tag", "c")` */
  append(key: string, value: V): void {
    this.#pairs.push([key, value]);
    const values = this.#byKey.get(key);
    if (values) values.push(value);
    else this.#byKey.set(key, [value]);
  }

  /** The distinct keys, in the order first seen. @example `[...form.keys()]` */
  keys(): IterableIterator<string> {
    return this.#byKey.keys();
  }

  /** Every `[key, value]` pair in insertion order, repeats included. @example `for (const [k, v] of form.entries()) {}` */
  *entries(): IterableIterator<[string, V]> {
    for (const [key, value] of this.#pairs) yield [key, value];
  }

  /** Same as `entries()`. @example `new Map(form)` */
  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }

  /** The number of distinct keys. @example `form.size` */
  get size(): number {
    return this.#byKey.size;
  }

  /**
   * A plain object: one value per key, or an array of values for a repeated key (the shape zod
   * schemas validate). Keys are defined as own properties, so a key named `__proto__` is just data.
   *
   * @example
   * ```ts
   * new MultiDict([["a", "1"], ["b", "2"], ["b", "3"]]).toObject(); // { a: "1", b: ["2", "3"] }
   * ```
   */
  toObject(): Record<string, V | V[]> {
    const out: Record<string, V | V[]> = {};
    for (const [key, values] of this.#byKey) {
      const value = values.length === 1 ? values[0]! : [...values];
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  get [Symbol.toStringTag](): string {
    return "MultiDict";
  }
}
