/**
 * Output files written whole or not at all: through a temporary file renamed into
 * place, pairs renamed together under the folder's lock, nothing left behind on failure.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InputSet, replaceFile, StagedWrites, writeTogether } from "../../src/cli/output-files.js";
import { tempDir } from "../support/temp-dir.js";

const tmp = tempDir("ita-out-");
const dir = (name: string): string => {
  const d = join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
};

describe("output files", () => {
  it("writes a pair of files and leaves no temporary file or lock behind", async () => {
    const d = dir("pair");
    await writeTogether(d, [
      { path: join(d, "a.xlsx"), data: new Uint8Array([1, 2, 3]) },
      { path: join(d, "a.html"), data: "<p>ก</p>" },
    ]);
    assert.deepEqual(readdirSync(d).sort(), ["a.html", "a.xlsx"]);
    assert.equal(readFileSync(join(d, "a.html"), "utf8"), "<p>ก</p>");
  });

  it("replaces an existing file whole", async () => {
    const d = dir("replace");
    writeFileSync(join(d, "a.html"), "old".repeat(1000));
    await writeTogether(d, [{ path: join(d, "a.html"), data: "new" }]);
    assert.equal(readFileSync(join(d, "a.html"), "utf8"), "new");
  });

  it("removes its temporary files when a file cannot be put in place", async () => {
    const d = dir("fails");
    mkdirSync(join(d, "a.html")); // a folder where the page should go
    await assert.rejects(
      writeTogether(d, [
        { path: join(d, "a.xlsx"), data: "x" },
        { path: join(d, "a.html"), data: "y" },
      ]),
      /EISDIR|ENOTEMPTY|EEXIST|EPERM/,
    );
    assert.deepEqual(
      readdirSync(d).filter((n) => n.startsWith(".")),
      [],
    );
  });

  it("leaves each pair from one writer when two write into one folder at once", async () => {
    const d = dir("race");
    const names = Array.from({ length: 20 }, (_, i) => `agency${i}`);
    // Sizes vary so that the writers' steps interleave differently for each file.
    const writer = async (tag: string, size: number): Promise<void> => {
      for (const [i, n] of names.entries()) {
        const data = tag.repeat(((i * 7919 + size) % 50) * 2000 + 1);
        await writeTogether(d, [
          { path: join(d, `${n}.xlsx`), data },
          { path: join(d, `${n}.html`), data },
        ]);
      }
    };
    await Promise.all([writer("A", 0), writer("B", 17), writer("C", 31)]);
    for (const n of names) {
      assert.equal(readFileSync(join(d, `${n}.xlsx`), "utf8"), readFileSync(join(d, `${n}.html`), "utf8"), n);
    }
    assert.equal(readdirSync(d).length, 40, "no temporary file or lock left");
  });

  it("puts staged pairs in place only when committed, all of them, leaving no temporary file or lock", async () => {
    const d = dir("staged");
    const staged = new StagedWrites(d);
    for (const n of ["a", "b", "c"]) {
      await staged.stage([
        { path: join(d, `${n}.xlsx`), data: new Uint8Array([1]) },
        { path: join(d, `${n}.html`), data: [`<p>${n}`, "</p>"] },
      ]);
    }
    assert.ok(!existsSync(join(d, "a.html")), "nothing in place before the commit");
    assert.deepEqual(await staged.commit(), [undefined, undefined, undefined]);
    assert.deepEqual(readdirSync(d).sort(), ["a.html", "a.xlsx", "b.html", "b.xlsx", "c.html", "c.xlsx"]);
    assert.equal(readFileSync(join(d, "b.html"), "utf8"), "<p>b</p>");
  });

  it("keeps the earlier file of a pair whose other file cannot be put in place, and names that file", async () => {
    const d = dir("half-pair");
    writeFileSync(join(d, "a.xlsx"), "earlier");
    mkdirSync(join(d, "a.html")); // a folder where the page should go
    await assert.rejects(
      writeTogether(d, [
        { path: join(d, "a.xlsx"), data: "new" },
        { path: join(d, "a.html"), data: "new" },
      ]),
      (e: { code?: string; path?: string }) => e.code === "EISDIR" && e.path === join(d, "a.html"),
    );
    assert.equal(readFileSync(join(d, "a.xlsx"), "utf8"), "earlier");
  });

  it("names the staged pair that could not be put in place and places the others", async () => {
    const d = dir("staged-fails");
    mkdirSync(join(d, "b.html")); // a folder where b's page should go
    const staged = new StagedWrites(d);
    for (const n of ["a", "b", "c"]) await staged.stage([{ path: join(d, `${n}.html`), data: n }]);
    const errors = await staged.commit();
    assert.equal(errors[0], undefined);
    assert.match(String(errors[1]), /EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    assert.equal(errors[2], undefined);
    assert.equal(readFileSync(join(d, "c.html"), "utf8"), "c");
    assert.deepEqual(
      readdirSync(d).filter((n) => n.startsWith(".")),
      [],
    );
  });

  it("reports sets written by another writer in the order they were staged, however their writing ends, naming each failure by its target", async () => {
    const d = dir("staged-written");
    const staged = new StagedWrites(d);
    const later = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
    // a: slow and written; b: fails at once, writing its .html; c: written.
    const stagedA = staged.stageWritten([join(d, "a.xlsx"), join(d, "a.html")], async ([x, h]) => {
      await later(50);
      writeFileSync(x!, "a", { flag: "wx" });
      writeFileSync(h!, "a", { flag: "wx" });
    });
    const stagedB = staged.stageWritten([join(d, "b.xlsx"), join(d, "b.html")], async ([x, h]) => {
      writeFileSync(x!, "b", { flag: "wx" });
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC", path: h });
    });
    const stagedC = staged.stageWritten([join(d, "c.xlsx"), join(d, "c.html")], async ([x, h]) => {
      writeFileSync(x!, "c", { flag: "wx" });
      writeFileSync(h!, "c", { flag: "wx" });
    });
    await assert.rejects(stagedB);
    await Promise.all([stagedA, stagedC]);
    const errors = await staged.commit();
    assert.equal(errors.length, 3);
    assert.equal(errors[0], undefined);
    assert.equal((errors[1] as { path?: string }).path, join(d, "b.html"), "named by the page it could not write");
    assert.equal(errors[2], undefined);
    assert.deepEqual(
      readdirSync(d).sort(),
      ["a.html", "a.xlsx", "c.html", "c.xlsx"],
      "b's .xlsx removed, no temporary file",
    );
  });

  it("waits for another live run that is putting its pair in place", async () => {
    const d = dir("locked");
    writeFileSync(join(d, ".ita-write.lock"), String(process.pid));
    let done = false;
    const writing = writeTogether(d, [{ path: join(d, "a.html"), data: "x" }]).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(done, false, "still waiting while the lock is held");
    assert.ok(!existsSync(join(d, "a.html")));
    rmSync(join(d, ".ita-write.lock"));
    await writing;
    assert.equal(readFileSync(join(d, "a.html"), "utf8"), "x");
  });

  it("takes over a lock left by a run that no longer exists", async () => {
    const d = dir("stale");
    const gone = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    writeFileSync(join(d, ".ita-write.lock"), String(gone));
    await writeTogether(d, [{ path: join(d, "a.html"), data: "x" }]);
    assert.deepEqual(readdirSync(d), ["a.html"]);
  });

  it("replaces a file's content whole and keeps its permissions (format --write)", async () => {
    const d = dir("format");
    const f = join(d, "rules.ita");
    writeFileSync(f, "old");
    chmodSync(f, 0o640);
    await replaceFile(f, "new");
    assert.equal(readFileSync(f, "utf8"), "new");
    assert.equal(statSync(f).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(d), ["rules.ita"]);
  });

  it("knows an output is an input by its path, whatever the spelling", () => {
    const d = dir("same");
    writeFileSync(join(d, "in.xlsx"), "x");
    const inputs = new InputSet();
    inputs.add(join(d, "in.xlsx"));
    assert.equal(inputs.overwrites(join(d, "..", "same", "in.xlsx")), join(d, "in.xlsx"));
    assert.equal(inputs.overwrites(join(d, "other.xlsx")), undefined);
  });
});
