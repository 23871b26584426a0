// Prints {"<file>": <its HCL as JSON>, ...} for the .tf files given as arguments.
import { parse } from "@cdktf/hcl2json";
import { readFile } from "node:fs/promises";

const out = {};
for (const file of process.argv.slice(2)) {
  out[file] = await parse(file, await readFile(file, "utf8"));
}
process.stdout.write(JSON.stringify(out));
