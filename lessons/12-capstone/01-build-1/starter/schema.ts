/**
 * The service's tables: `initDb()` (db.ts) runs this script on an empty database, as the Flask
 * tutorial's `flask init-db` runs schema.sql. Write the CREATE TABLE statements here.
 */
export const SCHEMA = "";
