#!/usr/bin/env node
import { main } from "../dist/cli/main.js";

// A closed pipe (costcurve ... | head) ends the program quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
