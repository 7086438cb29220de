/**
 * The command line under the inputs a hostile new user gives it (issue 15, "Why"):
 * every case runs the real command and must end with the expected exit code, one line
 * in Thai and English naming the place, no stack trace, every input byte for byte as
 * it was, and no partial output file. Cases run in this process through run(); those
 * where file permissions matter run in one child process as an unprivileged user when
 * the tests run as root (root reads and writes everything), and in this process otherwise.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main.js";
import { writeSeedWorkbook } from "./workbooks.js";
import { tempDir } from "../support/temp-dir.js";

interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

interface Setup {
  readonly args: readonly string[];
  /** Files the command reads: their bytes must not change. */
  readonly inputs: readonly string[];
  /** The folder it writes to, checked for partial files. */
  readonly out?: string;
  /** What the message must name: a path, or path:line. */
  readonly place: string;
}

interface Case {
  /** The words for the case. */
  readonly name: string;
  readonly setup: (dir: string) => Promise<Setup> | Setup;
  readonly code: number;
  /** What the line naming the place must also say. */
  readonly says: RegExp;
  /** File permissions matter: run without root's rights. */
  readonly unprivileged?: boolean;
  readonly check?: (s: Setup, r: Ran) => void | Promise<void>;
}

const SEED_CSV = readFileSync("examples/khlong-phon-2568/scores.csv", "utf8");
const SEED_XLSX = "examples/khlong-phon-2568/khlong-phon-2568.xlsx";
const LONG_NAME = "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน) กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ ภาคใต้";
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

const root = tempDir("ita-hostile-");
chmodSync(root, 0o755);
let caseNo = 0;
const caseDir = (): string => {
  const d = join(root, String(++caseNo));
  mkdirSync(d, { mode: 0o777 });
  chmodSync(d, 0o777);
  return d;
};
const put = (path: string, data: string | Uint8Array): string => {
  writeFileSync(path, data);
  return path;
};
const sha = (path: string): string =>
  statSync(path).isDirectory() ? "folder" : createHash("sha256").update(readFileSync(path)).digest("hex");
const withAgency = (d: string): string =>
  put(join(d, "agency.csv"), readFileSync("examples/khlong-phon-2568/agency.csv"));
const seedCsv = (d: string, name = "scores.csv", text = SEED_CSV): string => put(join(d, name), text);

async function inProcess(args: readonly string[]): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Commands run as an unprivileged user in one child process (when we are root). */
function unprivileged(commands: readonly (readonly string[])[]): Ran[] {
  const list = join(root, `commands-${caseNo}.json`);
  writeFileSync(list, JSON.stringify(commands));
  const r = spawnSync(process.execPath, ["--import", "tsx", "test/cli/run-many.ts", list], {
    uid: NOBODY,
    gid: NOBODY,
    encoding: "utf8",
    env: { ...process.env, HOME: root },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Ran[];
}

/** Thai and English in one line: "ไทย / English", or a result line like "คะแนนรวม (total) 93.60". */
const isBilingual = (line: string): boolean => /[\u0E00-\u0E7F]/.test(line) && /[a-z]{3}/.test(line);

async function assertNoPartialFiles(out: string, inputs: readonly string[]): Promise<void> {
  if (!existsSync(out) || !statSync(out).isDirectory()) return;
  const files = readdirSync(out);
  assert.deepEqual(
    files.filter((f) => f.startsWith(".")),
    [],
    "no temporary file or lock left behind",
  );
  const written = files.filter((n) => /\.(xlsx|html)$/.test(n) && !inputs.includes(join(out, n)));
  for (const f of written) {
    assert.ok(statSync(join(out, f)).size > 0, `${f} is not empty`);
    const pair = f.endsWith(".xlsx") ? f.replace(/\.xlsx$/, ".html") : f.replace(/\.html$/, ".xlsx");
    assert.ok(files.includes(pair), `${f} has its pair ${pair}`);
    if (f.endsWith(".xlsx")) await new ExcelJS.Workbook().xlsx.readFile(join(out, f)); // whole, readable
  }
}

const cases: Case[] = [
  // Inputs are never written.
  {
    name: "ita report of a workbook named after its agency, into its own folder",
    setup: (d) => {
      const input = put(join(d, "เทศบาลตำบลคลองพน.xlsx"), readFileSync(SEED_XLSX));
      return { args: ["report", input, "--out", d], inputs: [input], out: d, place: input };
    },
    code: 2,
    says: /refusing to overwrite an input/,
  },
  {
    name: "a folder reported into itself",
    setup: async (d) => {
      const a = join(d, "อบต.ก.xlsx");
      const b = join(d, "อบต.ข.xlsx");
      await writeSeedWorkbook(a, { agency: { name: "อบต.ก" } });
      await writeSeedWorkbook(b, { agency: { name: "อบต.ข" } });
      return { args: ["report", d, "--out", d], inputs: [a, b], out: d, place: a };
    },
    code: 2,
    says: /refusing to overwrite an input/,
  },
  {
    name: "a re-run of a folder reported into itself does not read summary.xlsx or the reports",
    setup: async (d) => {
      const a = join(d, "one.xlsx");
      const b = join(d, "two.xlsx");
      await writeSeedWorkbook(a, { agency: { name: "อบต.ก" } });
      await writeSeedWorkbook(b, { agency: { name: "อบต.ข" } });
      assert.equal((await inProcess(["report", d, "--out", d])).code, 0);
      return { args: ["report", d, "--out", d], inputs: [a, b], out: d, place: "summary.xlsx" };
    },
    code: 0,
    says: /skipped 3 report\(s\) written by ita/,
  },
  // File names.
  {
    name: "an 87-character Thai agency name (251 bytes)",
    setup: (d) => {
      const csv = seedCsv(d);
      const out = join(d, "out");
      return { args: ["report", csv, "--agency", LONG_NAME, "--out", out], inputs: [csv], out, place: out };
    },
    code: 0,
    says: /wrote 2 file\(s\)/,
    check: (s) => {
      const names = readdirSync(s.out!);
      assert.equal(names.length, 2);
      for (const n of names) assert.ok(Buffer.byteLength(n) <= 205, n);
    },
  },
  {
    name: "a folder of workbooks whose long names are the same once cut",
    setup: async (d) => {
      const inputs = [];
      for (const tail of ["ตอนบน", "ตอนกลาง", "ตอนล่าง"]) {
        const f = join(d, `${tail}.xlsx`);
        await writeSeedWorkbook(f, { agency: { name: `${LONG_NAME}${LONG_NAME} ${tail}` } });
        inputs.push(f);
      }
      const out = join(d, "out");
      return { args: ["report", d, "--out", out], inputs, out, place: out };
    },
    code: 0,
    says: /wrote 8 file\(s\)/,
    check: (s) => assert.equal(readdirSync(s.out!).filter((n) => n.endsWith(".xlsx")).length, 4),
  },
  {
    name: "a name ending in an emoji",
    setup: (d) => {
      const csv = seedCsv(d);
      const out = join(d, "out");
      const name = `${"ก".repeat(66)}🏛️`;
      return { args: ["report", csv, "--agency", name, "--out", out], inputs: [csv], out, place: out };
    },
    code: 0,
    says: /wrote 2 file\(s\)/,
    check: (s) => assert.deepEqual(readdirSync(s.out!).sort(), [`${"ก".repeat(66)}.html`, `${"ก".repeat(66)}.xlsx`]),
  },
  {
    name: "an agency called CON",
    setup: (d) => {
      const csv = seedCsv(d);
      const out = join(d, "out");
      return { args: ["report", csv, "--agency", "CON", "--out", out], inputs: [csv], out, place: out };
    },
    code: 0,
    says: /wrote 2 file\(s\)/,
    check: (s) => assert.deepEqual(readdirSync(s.out!).sort(), ["CON_.html", "CON_.xlsx"]),
  },
  // One bad file does not stop a folder run.
  {
    name: "a folder with an unclosed CSV quote",
    setup: async (d) => {
      const good = join(d, "a.xlsx");
      await writeSeedWorkbook(good);
      const bad = seedCsv(d, "b.csv", `${SEED_CSV}IIT,"i1,90\n`);
      withAgency(d);
      const out = join(d, "out");
      return { args: ["report", d, "--out", out], inputs: [good, bad], out, place: `${bad}:37` };
    },
    code: 1,
    says: /a quote \("\) is never closed/,
    check: (s) => {
      const page = readFileSync(join(s.out!, "summary.html"), "utf8");
      assert.equal(page.split("b.csv").length - 1, 1, "the summary names the bad file once");
      assert.match(page, /b\.csv:37<\/strong>: /);
    },
  },
  {
    name: "a folder with a subfolder named x.xlsx",
    setup: async (d) => {
      const good = join(d, "a.xlsx");
      await writeSeedWorkbook(good);
      mkdirSync(join(d, "x.xlsx"));
      const out = join(d, "out");
      return { args: ["report", d, "--out", out], inputs: [good], out, place: join(d, "x.xlsx") };
    },
    code: 1,
    says: /is a folder, not a file/,
  },
  {
    name: "a folder with an unreadable file",
    unprivileged: true,
    setup: async (d) => {
      const good = join(d, "a.xlsx");
      await writeSeedWorkbook(good);
      const locked = join(d, "b.xlsx");
      await writeSeedWorkbook(locked, { agency: { name: "อบต.ข" } });
      chmodSync(locked, 0o000);
      const out = join(d, "out");
      mkdirSync(out, { mode: 0o777 });
      chmodSync(out, 0o777);
      return { args: ["report", d, "--out", out], inputs: [good], out, place: locked };
    },
    code: 1,
    says: /permission denied/,
    check: (s) => assert.ok(existsSync(join(s.out!, "เทศบาลตำบลคลองพน.xlsx")), "the readable file is reported"),
  },
  {
    name: "ita report of a file that is not a workbook",
    setup: (d) => {
      const f = put(join(d, "broken.xlsx"), randomBytes(4096));
      const out = join(d, "out");
      return { args: ["report", f, "--out", out], inputs: [f], out, place: f };
    },
    code: 2,
    says: /cannot read this \.xlsx file/,
    check: (s, r) => {
      const line = r.err.split("\n").find((l) => l.includes("broken.xlsx"))!;
      assert.equal(line.split("broken.xlsx").length - 1, 1, `the file named once: ${line}`);
    },
  },
  // The same errors in ita score, format and --out.
  {
    name: "ita score of a binary file",
    setup: (d) => {
      const f = put(
        join(d, "scores.csv"),
        Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0]), randomBytes(2048)]),
      );
      return { args: ["score", f], inputs: [f], place: f };
    },
    code: 2,
    says: /not a text file \(binary data\)/,
  },
  {
    name: "ita score of a CSV with an unclosed quote",
    setup: (d) => {
      const f = seedCsv(d, "scores.csv", SEED_CSV.replace("IIT,i๒,", 'IIT,"i๒,'));
      return { args: ["score", f], inputs: [f], place: `${f}:3` };
    },
    code: 2,
    says: /a quote \("\) is never closed/,
  },
  {
    name: "ita score of a folder",
    setup: (d) => ({ args: ["score", d], inputs: [], place: d }),
    code: 2,
    says: /is a folder, not a file/,
  },
  {
    name: "ita score of a file without read permission",
    unprivileged: true,
    setup: (d) => {
      const f = seedCsv(d);
      chmodSync(f, 0o000);
      return { args: ["score", f], inputs: [], place: f };
    },
    code: 2,
    says: /permission denied/,
  },
  {
    name: "ita score of a file that does not exist",
    setup: (d) => ({ args: ["score", join(d, "nope.csv")], inputs: [], place: join(d, "nope.csv") }),
    code: 2,
    says: /file not found/,
  },
  {
    name: "ita score of a path too long for the file system",
    setup: (d) => {
      const p = join(d, `${"ก".repeat(100)}.csv`);
      return { args: ["score", p], inputs: [], place: p };
    },
    code: 2,
    says: /file name too long/,
  },
  {
    name: "format --write on a read-only file",
    unprivileged: true,
    setup: (d) => {
      const f = put(join(d, "rules.ita"), readFileSync("test/fixtures/mini.ita"));
      chmodSync(f, 0o444);
      return { args: ["format", f, "--write"], inputs: [f], place: f };
    },
    code: 2,
    says: /permission denied/,
  },
  {
    name: "--out that is a file",
    setup: (d) => {
      const out = put(join(d, "out.txt"), "keep me");
      return { args: ["report", SEED_XLSX, "--out", out], inputs: [SEED_XLSX, out], place: out };
    },
    code: 2,
    says: /is not a folder/,
  },
  {
    name: "--out that is empty",
    setup: () => ({ args: ["report", SEED_XLSX, "--out", ""], inputs: [SEED_XLSX], place: "--out" }),
    code: 2,
    says: /--out is empty/,
  },
  {
    name: "--out /dev/null",
    setup: () => ({ args: ["report", SEED_XLSX, "--out", "/dev/null"], inputs: [SEED_XLSX], place: "/dev/null" }),
    code: 2,
    says: /is not a folder/,
  },
  {
    name: "--out that is read-only",
    unprivileged: true,
    setup: (d) => {
      const csv = seedCsv(d);
      withAgency(d);
      const out = join(d, "out");
      mkdirSync(out);
      chmodSync(out, 0o555);
      return { args: ["report", csv, "--out", out], inputs: [csv], out, place: out };
    },
    code: 2,
    says: /cannot write into the folder/,
  },
  // Silent misreadings.
  {
    name: 'a score written "9,5"',
    setup: (d) => {
      const f = seedCsv(d, "scores.csv", SEED_CSV.replace("IIT,i๒,๙๙.๔๓", 'IIT,i๒,"9,5"'));
      return { args: ["score", f], inputs: [f], place: `${f}:3` };
    },
    code: 2,
    says: /"9,5" has a decimal comma: write 9\.5/,
  },
  {
    name: "a UTF-16 file",
    setup: (d) => {
      const f = put(
        join(d, "scores.csv"),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_CSV, "utf16le")]),
      );
      return { args: ["score", f], inputs: [f], place: "93.60" };
    },
    code: 0,
    says: /คะแนนรวม \(total\) 93\.60/,
  },
  {
    name: "a semicolon-separated file",
    setup: (d) => {
      const f = seedCsv(d, "scores.csv", SEED_CSV.replace(/,/g, ";"));
      return { args: ["score", f], inputs: [f], place: "93.60" };
    },
    code: 0,
    says: /คะแนนรวม \(total\) 93\.60/,
  },
  {
    name: "a tab-separated file",
    setup: (d) => {
      const f = seedCsv(d, "scores.csv", SEED_CSV.replace(/,/g, "\t"));
      return { args: ["score", f], inputs: [f], place: "93.60" };
    },
    code: 0,
    says: /คะแนนรวม \(total\) 93\.60/,
  },
  {
    name: "an empty file",
    setup: (d) => {
      const f = seedCsv(d, "scores.csv", "");
      return { args: ["score", f], inputs: [f], place: f };
    },
    code: 2,
    says: /the file is empty/,
    check: (_s, r) => assert.equal(r.err.split("\n").length, 1, "said once"),
  },
  {
    name: "a row for an indicator together with a row for one of its questions",
    setup: (d) => {
      const f = seedCsv(d, "scores.csv", `${SEED_CSV}OIT,o1,100\n`);
      return { args: ["score", f], inputs: [f], place: `${f}:35` };
    },
    code: 2,
    says: /given as a whole and by its part o1 too \(at .*scores\.csv:37\)/,
  },
  {
    name: "control characters in a CSV cell",
    setup: (d) => {
      const f = seedCsv(d, "scores.csv", SEED_CSV.replace("IIT,i๒,๙๙.๔๓", "IIT,i๒,\u001b[2J\u001b]0;pwned\u0007"));
      return { args: ["score", f], inputs: [f], place: `${f}:3` };
    },
    code: 2,
    says: /"\\x1b\[2J\\x1b\]0;pwned\\x07" is not a number/,
    check: (_s, r) => assert.doesNotMatch(r.err, /[\u0000-\u0009\u000b-\u001f]/),
  },
  {
    name: "a large file of rows the rules do not know",
    setup: (d) => {
      const rows = Array.from({ length: 2000 }, (_, i) => `XYZ,q${i},50`).join("\n");
      const f = seedCsv(d, "scores.csv", `${SEED_CSV}${rows}\n`);
      return { args: ["score", f], inputs: [f], place: "and 1950 more" };
    },
    code: 0,
    says: /และอีก 1950 รายการ \/ and 1950 more/,
    check: (_s, r) => assert.ok(r.err.split("\n").length <= 51),
  },
  {
    name: "random bytes to ita check",
    setup: (d) => {
      const f = put(join(d, "rules.ita"), Buffer.concat([Buffer.from("assessment "), randomBytes(1 << 16)]));
      return { args: ["check", f], inputs: [f], place: f };
    },
    code: 2,
    says: /not a text file/,
    check: (_s, r) => assert.equal(r.err.split("\n").length, 1),
  },
];

/** ita audit with published figures users will write (the schema and its messages are src/cli/published.ts's). */
const PUBLISHED: [string, string, RegExp][] = [
  ["null for a figure not published, and nothing else", '{"total": null}', /no published figure to check/],
  ["a score in quotes", '{"total": "abc"}', /\$\.total: .*must be a number without quotes/],
  ["a rating that is a number", '{"rating": 5}', /\$\.rating: .*must be text/],
  ["an empty object", "{}", /no published figure to check/],
  ["an array", "[1,2,3]", /must be a JSON object/],
  ["tools as a list", '{"tools": [90, 91]}', /\$\.tools: .*not a list matched by position/],
  ["an unknown key", '{"pass": "yes"}', /\$\.pass: .*unknown key "pass"/],
];
for (const [what, json, says] of PUBLISHED) {
  cases.push({
    name: `ita audit with published figures holding ${what}`,
    setup: (d) => {
      const f = put(join(d, "published.json"), json);
      const csv = seedCsv(d);
      return { args: ["audit", csv, "--published", f], inputs: [f, csv], place: `${f}: $` };
    },
    code: 2,
    says,
  });
}

describe("the command line under hostile input", () => {
  const results = new Map<Case, { setup: Setup; before: string[]; ran: Ran }>();

  before(async function () {
    this.timeout(180000);
    const batch: { c: Case; setup: Setup; before: string[] }[] = [];
    for (const c of cases) {
      const setup = await c.setup(caseDir());
      const before = setup.inputs.map(sha);
      if (c.unprivileged) batch.push({ c, setup, before });
      else results.set(c, { setup, before, ran: await inProcess(setup.args) });
    }
    const ran = asRoot
      ? unprivileged(batch.map((b) => b.setup.args))
      : await Promise.all(batch.map((b) => inProcess(b.setup.args)));
    batch.forEach((b, i) => results.set(b.c, { setup: b.setup, before: b.before, ran: ran[i]! }));
  });

  for (const c of cases) {
    it(`${c.name}: exit ${c.code}, one line in Thai and English naming the place, inputs unchanged`, async () => {
      const { setup, before, ran } = results.get(c)!;
      const text = `${ran.out}\n${ran.err}`;
      assert.equal(ran.code, c.code, text);
      assert.doesNotMatch(text, /^\s+at .+(:\d+:\d+|\(native\))/m, "no stack trace");
      const line = text.split("\n").find((l) => l.includes(setup.place) && c.says.test(l));
      assert.ok(line, `a line naming ${setup.place} and saying ${c.says}:\n${text}`);
      assert.ok(isBilingual(line), `Thai and English: ${line}`);
      assert.deepEqual(setup.inputs.map(sha), before, "inputs unchanged");
      if (setup.out) await assertNoPartialFiles(setup.out, setup.inputs);
      await c.check?.(setup, ran);
    });
  }

  it("two runs into one folder each leave whole, consistent pairs", async () => {
    const d = caseDir();
    const [a, b] = [join(d, "a.xlsx"), join(d, "b.xlsx")];
    await writeSeedWorkbook(a, { shift: -5 });
    await writeSeedWorkbook(b, { shift: -20 });
    const out = join(d, "out");
    const runs = await Promise.all([inProcess(["report", a, "--out", out]), inProcess(["report", b, "--out", out])]);
    assert.deepEqual(
      runs.map((r) => r.code),
      [0, 0],
    );
    await assertNoPartialFiles(out, []);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "เทศบาลตำบลคลองพน.xlsx"));
    const total = Number(wb.getWorksheet("ผลการประเมิน")!.getCell("B5").value).toFixed(2);
    assert.ok(
      readFileSync(join(out, "เทศบาลตำบลคลองพน.html"), "utf8").includes(total),
      "the page is from the same run",
    );
  });

  it("piping into head ends quietly (no EPIPE)", function () {
    this.timeout(60000);
    const r = spawnSync("sh", ["-c", "node --import tsx test/cli/ita-process.ts format rules/ita-2568.ita | head -1"], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^# ITA 2568/);
    assert.equal(r.stderr, "");
  });
});
