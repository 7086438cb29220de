/**
 * The production build an organisation hosts (`npm run build:prod -- --env url=…`):
 * it needs an https:// URL that is not this machine, moves the manifest there, and
 * leaves the preview page, the sample data and source maps out of its dist/. One real
 * build (into test-output/, so dist/ of the development build is left alone); the
 * refusals are checked on webpack's config, where the build stops before compiling.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { validateManifest } from "../../scripts/validate-manifest.js";
// @ts-expect-error -- webpack.config.js is plain ESM JavaScript without types
import webpackConfig from "../../webpack.config.js";

const OUT = "test-output/dist-prod";
const config = webpackConfig as (env: Record<string, unknown>, options: { mode: string }) => Promise<unknown>;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).replaceAll("\\", "/"))
    .sort();
}

async function refusal(env: Record<string, unknown>): Promise<string> {
  const saved = process.env.ITA_ADDIN_URL;
  delete process.env.ITA_ADDIN_URL;
  try {
    await config(env, { mode: "production" });
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    if (saved !== undefined) process.env.ITA_ADDIN_URL = saved;
  }
  return "(built)";
}

describe("the production build", function () {
  this.timeout(300000);

  it("fails without the hosting URL, saying how to give it", async () => {
    const message = await refusal({ production: true });
    assert.match(message, /ต้องระบุ URL/);
    assert.match(message, /needs the URL where dist\/ is hosted: npm run build:prod -- --env url=https:\/\//);
  });

  it("fails for an http:// URL and for one on this machine", async () => {
    assert.match(await refusal({ production: true, url: "http://x.example/ita" }), /over https:\/\/ only/);
    assert.match(
      await refusal({ production: true, url: "https://localhost:8443/ita" }),
      /must not point at this machine/,
    );
  });

  describe("for https://x.example/ita", () => {
    let manifest = "";
    before(() => {
      const r = spawnSync(
        "npx",
        [
          "webpack",
          "--mode",
          "production",
          "--env",
          "production",
          "--env",
          "url=https://x.example/ita",
          "--output-path",
          OUT,
        ],
        { encoding: "utf8" },
      );
      assert.equal(r.status, 0, `webpack failed:\n${r.stdout}\n${r.stderr}`);
      manifest = readFileSync(join(OUT, "manifest.xml"), "utf8");
    });

    it("writes a manifest with no localhost, every URL under the hosting URL with one slash", async () => {
      assert.doesNotMatch(manifest, /localhost/);
      assert.match(manifest, /"https:\/\/x\.example\/ita\/assets\/icon-32\.png"/);
      assert.match(manifest, /<SupportUrl DefaultValue="https:\/\/x\.example\/ita\/support\.html"\/>/);
      assert.deepEqual(await validateManifest(manifest, { distDir: OUT, origin: "https://x.example/ita/" }), []);
    });

    it("leaves the preview page, the sample data and source maps out of dist/", () => {
      const all = files(OUT);
      assert.deepEqual(
        all.filter((f) => /preview|\.csv$|\.map$/.test(f)),
        [],
      );
      for (const f of ["taskpane.html", "functions.js", "functions.json", "functions-th.json", "support.html"])
        assert.ok(all.includes(f), `${f} missing from ${all.join(", ")}`);
      assert.ok(!existsSync(join(OUT, "preview.html")));
    });
  });
});
