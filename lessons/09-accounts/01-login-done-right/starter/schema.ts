/**
 * The notebook's tables. `initDb()` (db.ts) runs this script on an empty database, as the Flask
 * tutorial's `flask init-db` runs schema.sql.
 */
export const SCHEMA = `
CREATE TABLE members (
  id              serial PRIMARY KEY,
  username        text NOT NULL UNIQUE,
  email           text NOT NULL UNIQUE,
  password_hash   text NOT NULL,
  role            text NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
  -- Raised when the password or e-mail changes; a session made before that carries the old value.
  session_version integer NOT NULL DEFAULT 1
);

CREATE TABLE notes (
  id         serial PRIMARY KEY,
  owner_id   integer NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  title      text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body       text NOT NULL DEFAULT '',
  public     boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The mail the app sends. A real app hands each row to a mail service; in the course, the
-- checks read the table instead of an inbox.
CREATE TABLE outbox (
  id         serial PRIMARY KEY,
  to_address text NOT NULL,
  subject    text NOT NULL,
  body       text NOT NULL,
  queued_at  timestamptz NOT NULL DEFAULT now()
);
`;
