/**
 * Type-level reading of a rule string, so `"/u/<int:id>"` gives handlers `{ id: number }`.
 */

/**
 * The value type each converter produces. Add your own converters by declaration merging:
 *
 * @example
 * ```ts
 * declare module "vial" {
 *   interface ConverterTypes {
 *     list: string[];
 *   }
 * }
 * ```
 */
export interface ConverterTypes {
  default: string;
  string: string;
  int: number;
  float: number;
  path: string;
  uuid: string;
  any: string;
}

// "int(min=1):id" -> "id"; "name" -> "name". Variable names never contain ":".
type VariableName<S extends string> = S extends `${string}:${infer Rest}` ? VariableName<Rest> : S;

// "int(min=1):id" -> "int"; "name" -> "default".
type ConverterName<S extends string> = S extends `${infer Head}:${string}` ? (Head extends `${infer Name}(${string}` ? Name : Head) : "default";

type ConverterValue<Name extends string> = Name extends keyof ConverterTypes ? ConverterTypes[Name] : string;

type CollectParams<R extends string> = R extends `${string}<${infer Inner}>${infer Rest}`
  ? { [K in VariableName<Inner>]: ConverterValue<ConverterName<Inner>> } & CollectParams<Rest>
  : unknown;

type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * The params object of a rule string; an unknown converter gives `string`, no variables `{}`.
 *
 * @example
 * ```ts
 * type P = RouteParams<"/u/<int:id>/<name>/<int(min=1):page>">;
 * // { id: number; name: string; page: number }
 * ```
 */
export type RouteParams<R extends string> = string extends R ? Record<string, unknown> : Flatten<CollectParams<R> & Record<never, never>>;
