/**
 * PostgreSQL's own parser (libpg-query: the server's grammar compiled to WebAssembly), loaded
 * from whichever copy the engine has: node_modules in the node engine, the page's bytes in a
 * Worker. The grader uses it to see every statement a learner's SQL holds before the database
 * runs any of them (database-boundary.ts); a statement it cannot parse is not run at all, so
 * the grader and the database never disagree on what a script contains.
 */

/** One statement of a script: its node type (`SelectStmt`, `VariableSetStmt`, ...), fields and text. */
export interface ParsedStatement {
  kind: string;
  node: Record<string, unknown>;
  text: string;
}

/** A script's statements, in order; throws {@link SqlSyntaxError} where PostgreSQL would. */
export type SqlParser = (sql: string) => ParsedStatement[];

/** SQL PostgreSQL's grammar refuses; `position` counts characters from 1, as the server's errors do. */
export class SqlSyntaxError extends Error {
  readonly code = "42601";
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = "SqlSyntaxError";
  }
}

/** The parts of libpg-query's Emscripten module the parser calls. */
interface ParserModule {
  _malloc(size: number): number;
  _free(pointer: number): void;
  _wasm_parse_query_raw(query: number): number;
  _wasm_free_parse_result(result: number): void;
  lengthBytesUTF8(text: string): number;
  stringToUTF8(text: string, pointer: number, size: number): void;
  UTF8ToString(pointer: number): string;
  getValue(pointer: number, type: "i32"): number;
}

/** libpg-query's Emscripten factory (`libpg-query/wasm/libpg-query.js`'s `PgQueryModule`). */
export type ParserFactory = (options: Record<string, unknown>) => Promise<unknown>;

/**
 * Starts the parser from its factory and its WebAssembly, given as bytes or compiled.
 *
 * @example
 * const parse = await loadSqlParser(PgQueryModule, { wasmBinary: await readFile(wasmPath) });
 * parse("SELECT 1; RESET ROLE").map((statement) => statement.kind); // ["SelectStmt", "VariableSetStmt"]
 */
export async function loadSqlParser(factory: ParserFactory, wasm: { wasmBinary: Uint8Array } | { wasmModule: WebAssembly.Module }): Promise<SqlParser> {
  const options =
    "wasmBinary" in wasm
      ? { wasmBinary: wasm.wasmBinary }
      : {
          instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
            void WebAssembly.instantiate(wasm.wasmModule, imports).then((instance) => receive(instance, wasm.wasmModule));
            return {};
          },
        };
  const module = (await factory(options)) as ParserModule;
  return (sql) => statementsOf(sql, parseTree(module, sql));
}

function parseTree(module: ParserModule, sql: string): unknown {
  const size = module.lengthBytesUTF8(sql) + 1;
  const query = module._malloc(size);
  module.stringToUTF8(sql, query, size);
  const result = module._wasm_parse_query_raw(query);
  try {
    if (!result) throw new Error("The SQL parser ran out of memory");
    // PgQueryParseResult: { char *parse_tree; char *stderr_buffer; PgQueryError *error }
    const tree = module.getValue(result, "i32");
    const error = module.getValue(result + 8, "i32");
    if (error) {
      // PgQueryError: { char *message; char *funcname; char *filename; int lineno; int cursorpos; ... }
      throw new SqlSyntaxError(module.UTF8ToString(module.getValue(error, "i32")), module.getValue(error + 16, "i32"));
    }
    return JSON.parse(module.UTF8ToString(tree));
  } finally {
    module._free(query);
    if (result) module._wasm_free_parse_result(result);
  }
}

type RawStatement = { stmt: Record<string, Record<string, unknown>>; stmt_location?: number; stmt_len?: number };

function statementsOf(sql: string, tree: unknown): ParsedStatement[] {
  const stmts = (tree as { stmts?: RawStatement[] }).stmts ?? [];
  // Locations count UTF-8 bytes; a length of 0 means "to the end".
  const bytes = new TextEncoder().encode(sql);
  return stmts.map(({ stmt, stmt_location: start = 0, stmt_len: length = 0 }) => {
    const [kind, node] = Object.entries(stmt)[0] ?? ["", {}];
    const text = new TextDecoder().decode(bytes.subarray(start, length ? start + length : undefined));
    return { kind, node, text };
  });
}
