import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { productionXml, validateManifest } from "../../scripts/validate-manifest.js";
import { tempDir } from "../support/temp-dir.js";

const REAL = readFileSync("manifest.xml", "utf8");

/** A broken copy: replace one exact piece of the real manifest (which must be there). */
function broken(from: string | RegExp, to: string): string {
  const out = REAL.replace(from, to);
  assert.notEqual(out, REAL, `the manifest no longer contains ${String(from)}`);
  return out;
}

async function problemsOf(xml: string): Promise<string[]> {
  return validateManifest(xml, { distDir: null });
}

async function expectProblem(xml: string, pattern: RegExp): Promise<void> {
  const problems = await problemsOf(xml);
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `expected a problem matching ${pattern}, got:\n${problems.join("\n")}`,
  );
}

describe("offline manifest check", () => {
  it("passes the real manifest", async () => {
    assert.deepEqual(await problemsOf(REAL), []);
  });
  it("reports XML that does not parse", async () => {
    await expectProblem(broken("</OfficeApp>", ""), /^XML:/);
  });
  it("reports elements out of the documented order", async () => {
    await expectProblem(
      broken(/(<Version>[^<]*<\/Version>\s*)(<ProviderName>[^<]*<\/ProviderName>)/, "$2$1"),
      /order: <Version> must come before <ProviderName>/,
    );
  });
  it("reports Script after Page in the custom functions extension point", async () => {
    const xml = broken(/(<Script>[\s\S]*?<\/Script>)\s*(<Page>[\s\S]*?<\/Page>)/, "$2$1");
    await expectProblem(xml, /order: <Script> must come before <Page>/);
  });
  it("reports a resid that is not defined", async () => {
    await expectProblem(
      broken('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Nope"/>'),
      /resid: "Nope" .* not defined/,
    );
  });
  it("reports a resid of the wrong kind", async () => {
    await expectProblem(
      broken('<Label resid="Group.Label"/>', '<Label resid="GetStarted.Description"/>'),
      /must be a short resource, is long/,
    );
  });
  it("reports a runtime that is not long-lived", async () => {
    await expectProblem(broken('lifetime="long"', 'lifetime="short"'), /runtime: <Runtime lifetime="long">/);
  });
  it("reports a missing SharedRuntime requirement", async () => {
    await expectProblem(broken('Name="SharedRuntime"', 'Name="CustomFunctionsRuntime"'), /SharedRuntime/);
  });
  it("reports a page, function file or task pane not on the runtime URL", async () => {
    const xml = broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>');
    await expectProblem(xml, /runtime: <FunctionFile> is https:\/\/localhost:3000\/functions.js, not the runtime URL/);
    const page = broken(
      /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/,
      '<Page><SourceLocation resid="Functions.Script.Url"/>',
    );
    await expectProblem(page, /runtime: custom functions <Page>/);
  });
  it("reports a TaskpaneId on a ShowTaskpane action", async () => {
    await expectProblem(
      broken('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane"><TaskpaneId>ButtonId1</TaskpaneId>'),
      /TaskpaneId/,
    );
  });
  it("reports an Id that is not a GUID", async () => {
    await expectProblem(broken(/<Id>[^<]*<\/Id>/, "<Id>ita-workbench</Id>"), /id: "ita-workbench" is not a GUID/);
  });
  it("reports a Version that is not n.n.n.n", async () => {
    await expectProblem(
      broken(/<Version>[^<]*<\/Version>/, "<Version>0.1.0</Version>"),
      /version: "0.1.0" is not n.n.n.n/,
    );
  });
  it("reports a URL that is not https", async () => {
    await expectProblem(
      broken(
        'DefaultValue="https://localhost:3000/functions.json"',
        'DefaultValue="http://localhost:3000/functions.json"',
      ),
      /https: "Functions.Metadata.Url" is not an https URL/,
    );
  });
  it("reports a short string over 125 characters", async () => {
    await expectProblem(
      broken('DefaultValue="ITA Workbench is ready"', `DefaultValue="${"ก".repeat(126)}"`),
      /length: "GetStarted.Title" \(default\) has 126 characters; at most 125/,
    );
  });
  it("reports a long string over 250 characters", async () => {
    await expectProblem(
      broken(/(<bt:String id="TaskpaneButton.Tooltip" DefaultValue=")[^"]*/, `$1${"x".repeat(251)}`),
      /length: "TaskpaneButton.Tooltip" \(default\) has 251 characters; at most 250/,
    );
  });
  it("reports a display name over 125 characters", async () => {
    await expectProblem(
      broken('<DisplayName DefaultValue="ITA Workbench">', `<DisplayName DefaultValue="${"I".repeat(126)}">`),
      /length: <DisplayName>/,
    );
  });
  it("reports a string without its th-TH override", async () => {
    await expectProblem(
      broken('<bt:Override Locale="th-TH" Value="ITA Workbench พร้อมใช้งาน"/>', ""),
      /locale: "GetStarted.Title" has no th-TH <Override>/,
    );
  });
  it("reports function metadata without its th-TH file", async () => {
    await expectProblem(
      broken('<bt:Override Locale="th-TH" Value="https://localhost:3000/functions-th.json"/>', ""),
      /locale: "Functions.Metadata.Url" has no th-TH/,
    );
  });
  it("reports a file the manifest names that the build did not emit", async () => {
    const dist = tempDir("ita-dist-");
    mkdirSync(join(dist, "assets"));
    for (const f of [
      "taskpane.html",
      "functions.js",
      "functions.json",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-64.png",
      "assets/icon-80.png",
      "support.html",
    ]) {
      writeFileSync(join(dist, f), "");
    }
    const problems = await validateManifest(REAL, { distDir: dist });
    assert.deepEqual(problems, [
      "dist: functions-th.json (https://localhost:3000/functions-th.json) is not emitted by the build",
    ]);
  });
  it("passes the production manifest as the production build writes it for an https:// URL", async () => {
    const prod = productionXml(REAL, "https://addin.example/ita");
    assert.ok("xml" in prod);
    assert.equal(prod.origin, "https://addin.example/ita/");
    assert.deepEqual(await validateManifest(prod.xml, { distDir: null, origin: prod.origin }), []);
  });
  it("reports a production manifest that still names localhost or a URL elsewhere", async () => {
    const xml = REAL.replaceAll("https://localhost:3000/", "https://addin.example/ita/");
    const problems = await validateManifest(
      xml.replace("https://addin.example/ita/support.html", "https://other.example/help.html"),
      { distDir: null, origin: "https://addin.example/ita/" },
    );
    assert.deepEqual(problems, [
      "production: <SupportUrl> is not under https://addin.example/ita/: https://other.example/help.html",
    ]);
    assert.match(
      (
        productionXml(
          REAL.replace("</OfficeApp>", "<!-- http://localhost:8080/x --></OfficeApp>"),
          "https://a.example/",
        ) as {
          problem: string;
        }
      ).problem,
      /still points at http:\/\/localhost:8080\/x/,
    );
  });
  it("exits 1 from the command line with one message per problem", function () {
    this.timeout(30000);
    const dir = tempDir("ita-manifest-");
    const file = join(dir, "manifest.xml");
    writeFileSync(file, broken(/<Version>[^<]*<\/Version>/, "<Version>1</Version>"));
    const r = spawnSync("npx", ["tsx", "scripts/validate-manifest.ts", file, "--no-dist"], { encoding: "utf8" });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /version: "1" is not n.n.n.n/);
  });
});
