#!/usr/bin/env node
// The `vial` command. It loads its TypeScript sources (and the user's app) through tsx.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../src/node/cli/main.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2));
