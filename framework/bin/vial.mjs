#!/usr/bin/env node
// The `vial` command: the compiled CLI in dist/ (`npm run build` in framework/, or `npm pack`).
import { main } from "../dist/node/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
