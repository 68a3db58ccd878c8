/**
 * A file sent in a multipart form: in memory, or in a temporary file once it passed the
 * server's spool threshold (see `upload-spool.ts`).
 */

/**
 * A file from a multipart/form-data request, like Werkzeug's `FileStorage`.
 *
 * @example
 * ```ts
 * const avatar: UploadedFile | undefined = (await req.files).get("avatar");
 * if (avatar && avatar.filename !== "") {
 *   const data: Uint8Array = await avatar.bytes();
 *   console.log(avatar.filename, avatar.contentType, data.length);
 * }
 * ```
 */
export interface UploadedFile {
  /** The form field it was sent under. */
  name: string;
  /** The client's file name, as sent (may be `""` when a file input was left empty). Never trust it as a path. */
  filename: string;
  /** The part's `Content-Type` (e.g. `"image/png"`), `"application/octet-stream"` when none was sent. */
  contentType: string;
  /** Size in bytes. */
  size: number;
  /** All of the part's headers. */
  headers: Headers;
  /**
   * The temporary file holding the contents, when the server spooled the upload to disk
   * (vial/node, past 500 KiB by default); `undefined` for a file kept in memory. The file is
   * deleted once the response has been sent: to keep it, move it (`fs.rename`) in the handler.
   */
  path?: string;
  /** The contents (a fresh copy each call). */
  bytes(): Promise<Uint8Array>;
  /** The contents decoded as UTF-8. */
  text(): Promise<string>;
  /** The contents as a stream. */
  stream(): ReadableStream<Uint8Array>;
}

/**
 * Creates an {@link UploadedFile} over bytes already read.
 *
 * @example
 * ```ts
 * const file = createUploadedFile({ name: "avatar", filename: "me.png", contentType: "image/png",
 *   headers: new Headers(), data: pngBytes });
 * await file.bytes();
 * ```
 */
export function createUploadedFile(init: {
  name: string;
  filename: string;
  contentType: string | undefined;
  headers: Headers;
  data: Uint8Array;
}): UploadedFile {
  const { data } = init;
  return {
    name: init.name,
    filename: init.filename,
    contentType: init.contentType || "application/octet-stream",
    size: data.byteLength,
    headers: init.headers,
    bytes: () => Promise.resolve(data.slice()),
    text: () => Promise.resolve(new TextDecoder("utf-8").decode(data)),
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          if (data.byteLength > 0) controller.enqueue(data.slice());
          controller.close();
        },
      }),
  };
}
