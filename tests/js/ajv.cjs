// A JavaScript validator for untoc's JSON Schemas: ajv (draft 2020-12) in strict mode, with formats.
//
//   node ajv.cjs      reads one JSON request a line and answers one JSON line:
//     {"schema": PATH}                -> {"problems": [...]}   compiling it (strict mode); [] when it compiles
//     {"schema": PATH, "data": ...}   -> {"valid": true|false}
//
// UNTOC_AJV_HOME names the folder whose node_modules holds ajv and ajv-formats (tests/test_schema.py
// installs the versions of tests/js/package.json there, in a cache folder).
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");

const home = path.join(process.env.UNTOC_AJV_HOME || ".", "node_modules");
const Ajv2020 = require(path.join(home, "ajv", "dist", "2020")).default;
const addFormats = require(path.join(home, "ajv-formats")).default;

function compile(file) {
  const problems = [];
  const logger = { log() {}, warn: (...a) => problems.push(a.join(" ")), error: (...a) => problems.push(a.join(" ")) };
  const ajv = new Ajv2020({ strict: true, logger });
  addFormats(ajv);
  try {
    return { validate: ajv.compile(JSON.parse(fs.readFileSync(file, "utf8"))), problems };
  } catch (error) {
    problems.push(String(error.message || error));
    return { validate: null, problems };
  }
}

const compiled = new Map();
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const request = JSON.parse(line);
  if (!compiled.has(request.schema)) compiled.set(request.schema, compile(request.schema));
  const { validate, problems } = compiled.get(request.schema);
  const answer = !("data" in request) ? { problems } : { valid: validate ? validate(request.data) : null };
  process.stdout.write(JSON.stringify(answer) + "\n");
});
