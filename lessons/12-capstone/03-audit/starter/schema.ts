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
  body       text NOT NULL DEFAULT '' CHECK (length(body) <= 10000),
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
