/**
 * The notebook's tables. `initDb()` (db.ts) runs this script on an empty database, as the Flask
 * tutorial's `flask init-db` runs schema.sql.
 */
export const SCHEMA = `
CREATE TABLE members (
  id            serial PRIMARY KEY,
  username      text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role          text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin'))
);

CREATE TABLE notes (
  id         serial PRIMARY KEY,
  owner_id   integer NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body       text NOT NULL DEFAULT '',
  public     boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Files attached to notes. The bytes live here, not in a folder the app serves: nothing
-- reaches them but the routes that check who is asking. \`filename\` is the safe name, for
-- display and downloads; the row's id is what finds the file.
CREATE TABLE attachments (
  id           serial PRIMARY KEY,
  note_id      integer NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  owner_id     integer NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  filename     text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  content_type text NOT NULL,
  size         integer NOT NULL CHECK (size >= 0),
  data         bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
`;
