/**
 * Reading a published-figures file (`--published`): its structure is checked against
 * schemas/published.schema.json with Ajv, then its ids and labels against the rules
 * (publishedProblems), so every figure the audit receives is one it can compare. Each
 * problem is one bilingual line naming the file and the JSON path ($.indicators["11"]).
 */
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { jsonPath, publishedProblems, type PublishedFigures } from "../engine/scoring.js";
import type { ScoringModel } from "../dsl/runtime.js";
import { capped, explain, InputError } from "./errors.js";
import { readTextFile } from "./text-file.js";

const SCHEMA_URL = new URL("../../schemas/published.schema.json", import.meta.url);

let validator: ValidateFunction<PublishedFigures> | undefined;

/** Compiled once, from the schema shipped in the repository (never from user text). */
function validate(): ValidateFunction<PublishedFigures> {
  if (!validator) {
    const schema = JSON.parse(readFileSync(SCHEMA_URL, "utf8")) as object;
    validator = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true }).compile<PublishedFigures>(schema);
  }
  return validator;
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The value as the user wrote it, short and with control characters escaped. */
function shown(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

interface Line {
  readonly path: string;
  readonly th: string;
  readonly en: string;
}

function schemaLine(e: ErrorObject): Line {
  const segments = pointerSegments(e.instancePath);
  const path = jsonPath(segments);
  const got = `ได้ ${shown(e.data)}`;
  const gotEn = `got ${shown(e.data)}`;
  const last = segments[segments.length - 1];
  if (e.keyword === "type") {
    const expected = ([] as string[]).concat(e.params["type"] as string | string[]).filter((t) => t !== "null");
    if (expected.includes("object") && Array.isArray(e.data) && (last === "indicators" || last === "tools")) {
      const what =
        last === "indicators"
          ? ["รหัสตัวชี้วัด", "indicator id", '{"1": {"score": 98.67}}']
          : ["รหัสแบบวัด", "tool id", '{"IIT": 99.24}'];
      return {
        path,
        th: `ต้องเป็นออบเจกต์ที่ใช้${what[0]}เป็นคีย์ เช่น ${what[2]} ไม่ใช่รายการที่จับคู่ตามลำดับ`,
        en: `must be an object keyed by ${what[1]}, e.g. ${what[2]}, not a list matched by position`,
      };
    }
    if (expected.includes("object")) {
      return { path, th: `ต้องเป็นออบเจกต์ JSON {…} (${got})`, en: `must be a JSON object {…} (${gotEn})` };
    }
    if (expected.includes("number")) {
      return {
        path,
        th: `ต้องเป็นตัวเลขไม่มีเครื่องหมายคำพูด เช่น 93.6 หรือ null ถ้าไม่ได้ประกาศ (${got})`,
        en: `must be a number without quotes, such as 93.6, or null if not published (${gotEn})`,
      };
    }
    if (expected.includes("integer")) {
      return {
        path,
        th: `ต้องเป็นปี พ.ศ. เป็นตัวเลข เช่น 2568 (${got})`,
        en: `must be a year as a number, such as 2568 (${gotEn})`,
      };
    }
    if (expected.includes("boolean")) {
      return {
        path,
        th: `ต้องเป็น true/false หรือผลตามเกณฑ์ เช่น "ผ่านเกณฑ์" หรือ null (${got})`,
        en: `must be true/false or the rules' result label, such as "ผ่านเกณฑ์", or null (${gotEn})`,
      };
    }
    return {
      path,
      th: `ต้องเป็นข้อความ เช่น "ผ่านดี" หรือ null (${got})`,
      en: `must be text, such as "ผ่านดี", or null (${gotEn})`,
    };
  }
  if (e.keyword === "additionalProperties") {
    const key = String(e.params["additionalProperty"]);
    const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).join(", ");
    return {
      path: jsonPath([...segments, key]),
      th: `ไม่รู้จักคีย์ "${key}" (ใช้ได้: ${allowed})`,
      en: `unknown key "${key}" (allowed: ${allowed})`,
    };
  }
  if (e.keyword === "minimum" || e.keyword === "maximum") {
    return { path, th: `ต้องอยู่ระหว่าง 0 ถึง 100 (${got})`, en: `must be from 0 to 100 (${gotEn})` };
  }
  if (e.keyword === "minLength") {
    return { path, th: "ต้องไม่เป็นข้อความว่าง ใช้ null ถ้าไม่ได้ประกาศ", en: "must not be empty: use null if not published" };
  }
  return {
    path,
    th: `ไม่ตรงตามรูปแบบ (${e.message ?? e.keyword})`,
    en: `does not match the format (${e.message ?? e.keyword})`,
  };
}

function refuse(file: string, lines: readonly Line[]): never {
  throw new InputError(capped(lines.map((l) => `${file}: ${l.path}: ${l.th} / ${l.en}`)).join("\n"));
}

/**
 * The published figures in `file`, checked against the schema and the rules; throws
 * InputError (exit 2) with one line per problem when they cannot be audited as given.
 */
export function readPublished(file: string, rules: ScoringModel): PublishedFigures {
  let text: string;
  try {
    // UTF-8 with or without the byte-order mark Windows editors add, or UTF-16.
    text = readTextFile(file);
  } catch (e) {
    throw new InputError(explain(e, file));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: ไม่ใช่ JSON ที่ถูกต้อง / not valid JSON (${(e as Error).message})`);
  }
  const check = validate();
  if (!check(data)) refuse(file, (check.errors ?? []).map(schemaLine));
  const problems = publishedProblems(rules, data);
  if (problems.length) refuse(file, problems);
  return data;
}
